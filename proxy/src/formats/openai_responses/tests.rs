//! Converter tests with captured Responses payloads (Codex CLI's request shape and stream).

use crate::formats::{StreamDecoder, StreamEncoder};
use serde_json::{Value, json};

use super::{request, stream};
use crate::canonical::{BlockKind, Event, Part, Role, StopReason};
use crate::formats::{anthropic, openai_chat};
use crate::sse::{SseSplitter, event_data};

const STREAM: &str = include_str!("../../../fixtures/responses_stream_tool.sse");

fn decode(raw: &str) -> Vec<Event> {
    let mut splitter = SseSplitter::default();
    let mut decoder = stream::Decoder::default();
    let mut events = Vec::new();
    for piece in raw.as_bytes().chunks(53) {
        splitter.push(piece).unwrap();
        while let Some(e) = splitter.next_event() {
            if let Some(data) = event_data(&e) {
                decoder.event(&data, &mut events);
            }
        }
    }
    events
}

fn codex_request() -> Value {
    json!({
        "model": "gpt-5-codex",
        "stream": true,
        "store": false,
        "parallel_tool_calls": false,
        "reasoning": {"effort": "medium", "summary": "auto"},
        "include": ["reasoning.encrypted_content"],
        "tools": [{"type": "function", "name": "shell", "description": "Runs a command", "strict": false,
                   "parameters": {"type": "object", "properties": {"command": {"type": "array", "items": {"type": "string"}}}}},
                  {"type": "web_search"}],
        "input": [
            {"type": "message", "role": "developer", "content": [{"type": "input_text", "text": "<permissions>workspace-write</permissions>"}]},
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "list files"}]},
            {"type": "reasoning", "summary": [{"type": "summary_text", "text": "Listing"}], "encrypted_content": "gAAAAABo-enc"},
            {"type": "function_call", "call_id": "call_1", "name": "shell", "arguments": "{\"command\":[\"ls\"]}"},
            {"type": "function_call_output", "call_id": "call_1", "output": "Cargo.toml\nsrc"},
            {"role": "user", "content": "thanks"}
        ]
    })
}

#[test]
fn codex_requests_become_canonical() {
    let body = codex_request();
    let req = request::to_canonical(body.as_object().unwrap()).unwrap();
    assert_eq!(
        req.system,
        vec!["<permissions>workspace-write</permissions>"]
    );
    assert_eq!(req.tools.len(), 1, "built-in tools are not translatable");
    assert_eq!(req.parallel_tool_calls, Some(false));
    assert_eq!(req.messages.len(), 3);
    assert_eq!(req.messages[1].role, Role::Assistant);
    assert!(
        matches!(&req.messages[1].parts[0], Part::Thinking { signature: Some(s), .. } if s == "gAAAAABo-enc")
    );
    assert!(
        matches!(&req.messages[2].parts[0], Part::ToolResult { call_id, .. } if call_id == "call_1")
    );
    assert_eq!(req.messages[2].parts[1], Part::Text("thanks".into()));

    // Codex on a Claude account: the conversation arrives whole, foreign reasoning dropped.
    let mut cross = req.clone();
    cross.drop_foreign_thinking();
    let claude = serde_json::to_value(anthropic::request::from_canonical(&cross)).unwrap();
    assert_eq!(claude["messages"][1]["content"][0]["type"], "tool_use");
    assert_eq!(
        claude["messages"][2]["content"][0]["content"][0]["text"],
        "Cargo.toml\nsrc"
    );
}

#[test]
fn canonical_requests_become_responses_requests() {
    let body = codex_request();
    let req = request::to_canonical(body.as_object().unwrap()).unwrap();
    let out = request::from_canonical(&req);
    assert_eq!(
        out["instructions"],
        "<permissions>workspace-write</permissions>"
    );
    assert_eq!(out["store"], false);
    let kinds: Vec<&str> = out["input"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "message",
            "function_call",
            "function_call_output",
            "message"
        ]
    );
    assert_eq!(out["tools"][0]["name"], "shell");
    assert_eq!(out["reasoning"]["effort"], "medium");
}

#[test]
fn captured_stream_decodes() {
    let events = decode(STREAM);
    assert!(matches!(&events[0], Event::Start { id, .. } if id == "resp_68a1"));
    assert!(events.contains(&Event::SignatureDelta {
        index: 0,
        signature: "gAAAAABo-enc".into()
    }));
    assert!(events.contains(&Event::BlockStart {
        index: 2,
        kind: BlockKind::ToolCall {
            id: "call_Xy1".into(),
            name: "shell".into()
        }
    }));
    match events.last().unwrap() {
        Event::Finish { stop, usage } => {
            assert_eq!(*stop, StopReason::ToolUse);
            assert_eq!(
                (
                    usage.input,
                    usage.cached_input,
                    usage.output,
                    usage.reasoning
                ),
                (2048, 1536, 96, 64)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn encoding_then_decoding_keeps_text_calls_and_usage() {
    let events = decode(STREAM);
    let mut encoder = stream::Encoder::new("gpt-5-codex", 1_755_000_000);
    let mut bytes = Vec::new();
    events.iter().for_each(|e| encoder.event(e, &mut bytes));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("event: response.completed"));
    let again = decode(&text);
    let strip = |evs: &[Event]| -> Vec<Event> {
        evs.iter()
            .filter(|e| !matches!(e, Event::SignatureDelta { .. }))
            .cloned()
            .collect()
    };
    assert_eq!(strip(&again), strip(&events));

    // A chat-completions upstream's stream, as Codex would read it.
    let chat = include_str!("../../../fixtures/openai_stream_parallel_tools.sse");
    let mut splitter = SseSplitter::default();
    let mut decoder = openai_chat::stream::Decoder::default();
    let mut chat_events = Vec::new();
    splitter.push(chat.as_bytes()).unwrap();
    while let Some(e) = splitter.next_event() {
        if let Some(data) = event_data(&e) {
            decoder.event(&data, &mut chat_events);
        }
    }
    let mut encoder = stream::Encoder::new("gpt-4o", 0);
    let mut bytes = Vec::new();
    chat_events
        .iter()
        .for_each(|e| encoder.event(e, &mut bytes));
    let completed: Value = String::from_utf8(bytes)
        .unwrap()
        .split("\n\n")
        .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|d| serde_json::from_str::<Value>(d).unwrap())
        .find(|e| e["type"] == "response.completed")
        .unwrap();
    let calls: Vec<&str> = completed["response"]["output"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["call_id"].as_str())
        .collect();
    assert_eq!(calls, ["call_Ab1", "call_Cd2"]);
    assert_eq!(
        completed["response"]["usage"]["input_tokens_details"]["cached_tokens"],
        64
    );
}
