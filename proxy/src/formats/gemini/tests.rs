//! Converter tests with captured Gemini payloads (Gemini CLI, google-genai snake_case).

use crate::formats::{StreamDecoder, StreamEncoder};
use serde_json::{Value, json};

use super::wire::GenerateRequest;
use super::{request, stream};
use crate::canonical::{BlockKind, Event, Part, StopReason, ToolChoice};
use crate::formats::{anthropic, openai_chat};
use crate::sse::{SseSplitter, event_data};

const GEMINI_CLI: &str = include_str!("../../../fixtures/gemini_cli_request.json");
const STREAM: &str = include_str!("../../../fixtures/gemini_stream_tools.sse");

fn decode(raw: &str) -> Vec<Event> {
    let mut splitter = SseSplitter::default();
    let mut decoder = stream::Decoder::default();
    let mut events = Vec::new();
    for piece in raw.as_bytes().chunks(29) {
        splitter.push(piece).unwrap();
        while let Some(e) = splitter.next_event() {
            if let Some(data) = event_data(&e) {
                decoder.event(&data, &mut events);
            }
        }
    }
    decoder.end(&mut events);
    events
}

#[test]
fn gemini_cli_requests_become_canonical_with_paired_call_ids() {
    let wire: GenerateRequest = serde_json::from_str(GEMINI_CLI).unwrap();
    let req = request::to_canonical(wire, "gemini-2.5-pro", true).unwrap();
    assert_eq!(req.system, vec!["You are an interactive CLI agent."]);
    assert_eq!(req.tools[0].parameters["required"][0], "location");
    assert!(req.reasoning.is_some());
    let calls: Vec<&str> = req.messages[1]
        .parts
        .iter()
        .filter_map(|p| match p {
            Part::ToolCall { id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let results: Vec<(&str, &Vec<Part>)> = req.messages[2]
        .parts
        .iter()
        .filter_map(|p| match p {
            Part::ToolResult {
                call_id, content, ..
            } => Some((call_id.as_str(), content)),
            _ => None,
        })
        .collect();
    assert_eq!(calls.len(), 2);
    assert_ne!(calls[0], calls[1]);
    assert_eq!(
        results[0].0, calls[0],
        "responses pair with calls by name, in order"
    );
    assert_eq!(results[1].0, calls[1]);
    assert_eq!(results[1].1, &vec![Part::Text("24°C".into())]);

    // The same conversation for an OpenAI upstream keeps the pairing intact.
    let openai =
        openai_chat::request::from_canonical(&req, openai_chat::request::MaxTokensField::MaxTokens);
    let roles: Vec<&str> = openai["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["system", "user", "assistant", "tool", "tool"]);
    assert_eq!(
        openai["messages"][3]["tool_call_id"],
        openai["messages"][2]["tool_calls"][0]["id"]
    );
}

#[test]
fn snake_case_requests_from_google_genai_are_accepted() {
    let wire: GenerateRequest = serde_json::from_value(json!({
        "contents": [{"role": "user", "parts": [{"text": "hi"}, {"inline_data": {"mime_type": "image/png", "data": "iVBO"}}]}],
        "system_instruction": {"parts": [{"text": "Be brief."}]},
        "tools": [{"function_declarations": [{"name": "f", "parameters": {"type": "OBJECT", "properties": {"x": {"type": "STRING"}}}}]}],
        "tool_config": {"function_calling_config": {"mode": "ANY", "allowed_function_names": ["f"]}},
        "generation_config": {"max_output_tokens": 64, "stop_sequences": ["END"]}
    }))
    .unwrap();
    let req = request::to_canonical(wire, "gemini-2.5-flash", false).unwrap();
    assert_eq!(req.system, vec!["Be brief."]);
    assert_eq!(req.max_tokens, Some(64));
    assert_eq!(req.tool_choice, Some(ToolChoice::Tool("f".into())));
    assert_eq!(
        req.tools[0].parameters["properties"]["x"]["type"], "string",
        "OpenAPI types lower-cased"
    );
    assert!(matches!(&req.messages[0].parts[1], Part::Image(_)));
}

#[test]
fn canonical_requests_become_gemini_requests() {
    let wire: GenerateRequest = serde_json::from_str(GEMINI_CLI).unwrap();
    let req = request::to_canonical(wire, "gemini-2.5-pro", true).unwrap();
    let out: Value = serde_json::to_value(request::from_canonical(&req)).unwrap();
    assert_eq!(
        out["contents"][1]["parts"][0]["functionCall"]["args"]["location"],
        "Jakarta"
    );
    assert_eq!(
        out["contents"][2]["parts"][1]["functionResponse"],
        json!({"name": "get_weather", "response": {"output": "24°C"}})
    );
    assert_eq!(
        out["tools"][0]["functionDeclarations"][0]["parametersJsonSchema"]["type"],
        "object"
    );
    assert_eq!(
        out["systemInstruction"]["parts"][0]["text"],
        "You are an interactive CLI agent."
    );
}

#[test]
fn captured_stream_decodes_with_whole_function_calls() {
    let events = decode(STREAM);
    assert_eq!(
        events[1],
        Event::BlockStart {
            index: 0,
            kind: BlockKind::Thinking
        }
    );
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::TextDelta { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(text, "Let me check both.");
    let calls: Vec<&Event> = events
        .iter()
        .filter(|e| matches!(e, Event::ToolArgsDelta { .. }))
        .collect();
    assert_eq!(calls.len(), 2);
    match events.last().unwrap() {
        Event::Finish { stop, usage } => {
            assert_eq!(*stop, StopReason::ToolUse);
            assert_eq!(
                (
                    usage.input,
                    usage.output,
                    usage.cached_input,
                    usage.reasoning
                ),
                (120, 70, 64, 40)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn gemini_streams_translate_to_anthropic_and_openai_and_back() {
    let events = decode(STREAM);
    let mut anthropic_bytes = Vec::new();
    let mut enc = anthropic::stream::Encoder::default();
    events
        .iter()
        .for_each(|e| enc.event(e, &mut anthropic_bytes));
    let back = anthropic::tests::decode_sse(std::str::from_utf8(&anthropic_bytes).unwrap());
    assert!(matches!(
        back.last(),
        Some(Event::Finish {
            stop: StopReason::ToolUse,
            ..
        })
    ));

    let mut openai_bytes = Vec::new();
    let mut enc = openai_chat::stream::Encoder::new("gemini-2.5-flash", 0, true);
    events.iter().for_each(|e| enc.event(e, &mut openai_bytes));
    assert!(
        String::from_utf8(openai_bytes)
            .unwrap()
            .contains(r#""arguments":"{\"location\":\"Bandung\"}""#)
    );

    // And canonical back to Gemini SSE and as one JSON array.
    let mut sse = Vec::new();
    let mut enc = stream::Encoder::new("gemini-2.5-flash", true);
    events.iter().for_each(|e| enc.event(e, &mut sse));
    let again = decode(std::str::from_utf8(&sse).unwrap());
    assert!(
        matches!(again.last(), Some(Event::Finish { stop: StopReason::ToolUse, usage }) if usage.output == 70)
    );
    let mut array = Vec::new();
    let mut enc = stream::Encoder::new("gemini-2.5-flash", false);
    events.iter().for_each(|e| enc.event(e, &mut array));
    let parsed: Vec<Value> = serde_json::from_slice(&array).unwrap();
    assert_eq!(
        parsed.last().unwrap()["candidates"][0]["finishReason"],
        "STOP"
    );
}
