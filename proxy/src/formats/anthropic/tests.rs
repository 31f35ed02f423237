//! Converter tests with captured Anthropic payloads (fixtures in `proxy/fixtures/`).

use crate::formats::{StreamDecoder, StreamEncoder};
use serde_json::Value;

use super::wire::MessagesRequest;
use super::{request, stream};
use crate::canonical::{BlockKind, Event, Part, Role, StopReason, ToolChoice};
use crate::sse::{SseSplitter, event_data};

const CLAUDE_CODE_REQUEST: &str = include_str!("../../../fixtures/claude_code_request.json");
/// Claude Code 2.1 with a model it does not know (`--model gpt-5-codex`): a `system` turn
/// after the user's.
const CLAUDE_CODE_SYSTEM_TURN: &str =
    include_str!("../../../fixtures/claude_code_system_turn.json");
const TOOL_USE_STREAM: &str = include_str!("../../../fixtures/anthropic_stream_tool_use.sse");

pub fn decode_sse(raw: &str) -> Vec<Event> {
    let mut splitter = SseSplitter::default();
    let mut decoder = stream::Decoder::default();
    let mut events = Vec::new();
    // Feed in odd-sized pieces: events must survive arbitrary chunk boundaries.
    for piece in raw.as_bytes().chunks(37) {
        splitter.push(piece).unwrap();
        while let Some(event) = splitter.next_event() {
            if let Some(data) = event_data(&event) {
                decoder.event(&data, &mut events);
            }
        }
    }
    events
}

#[test]
fn claude_code_requests_become_canonical() {
    let wire: MessagesRequest = serde_json::from_str(CLAUDE_CODE_REQUEST).unwrap();
    let req = request::to_canonical(wire).unwrap();
    assert_eq!(req.system.len(), 2);
    assert!(req.system[0].starts_with("You are Claude Code"));
    assert_eq!(req.tools.len(), 1, "server tools are not translatable");
    assert_eq!(req.tool_choice, Some(ToolChoice::Auto));
    assert_eq!(req.parallel_tool_calls, Some(false));
    assert_eq!(req.reasoning.unwrap().budget(), 4000);
    assert_eq!(req.max_tokens, Some(32000));
    assert!(req.stream);
    let assistant = &req.messages[1];
    assert_eq!(assistant.role, Role::Assistant);
    assert!(
        matches!(&assistant.parts[0], Part::Thinking { signature: Some(s), .. } if s == "EqQBCgIYAhIM")
    );
    assert!(
        matches!(&assistant.parts[2], Part::ToolCall { arguments, .. } if arguments == r#"{"command":"ls"}"#)
    );
    let user = &req.messages[2];
    assert_eq!(user.parts.len(), 2, "unknown blocks are skipped");
    assert!(
        matches!(&user.parts[0], Part::ToolResult { call_id, content, .. }
        if call_id == "toolu_01" && content == &vec![Part::Text("Cargo.toml\nsrc".into())])
    );
}

#[test]
fn canonical_requests_become_valid_anthropic_requests() {
    let wire: MessagesRequest = serde_json::from_str(CLAUDE_CODE_REQUEST).unwrap();
    let mut req = request::to_canonical(wire).unwrap();
    req.temperature = Some(0.3);
    let out: Value = serde_json::to_value(request::from_canonical(&req)).unwrap();
    assert_eq!(out["thinking"]["budget_tokens"], 4000);
    assert!(
        out.get("temperature").is_none(),
        "thinking requires the default temperature"
    );
    assert_eq!(
        out["tool_choice"],
        serde_json::json!({"type": "auto", "disable_parallel_tool_use": true})
    );
    assert_eq!(
        out["messages"][1]["content"][0]["signature"],
        "EqQBCgIYAhIM"
    );
    assert_eq!(out["messages"][1]["content"][2]["input"]["command"], "ls");
    assert_eq!(
        out["messages"][2]["content"][1]["source"]["media_type"],
        "image/png"
    );

    // Foreign thinking (no signature) is dropped; consecutive user turns merge.
    req.drop_foreign_thinking();
    req.messages.push(req.messages[2].clone());
    let out: Value = serde_json::to_value(request::from_canonical(&req)).unwrap();
    assert_eq!(out["messages"][1]["content"][0]["type"], "text");
    assert_eq!(out["messages"].as_array().unwrap().len(), 3);
    assert_eq!(out["messages"][2]["content"].as_array().unwrap().len(), 4);
}

#[test]
fn system_turns_keep_their_place_where_the_target_has_one() {
    use crate::formats::{gemini, openai_chat, openai_responses};
    let wire: MessagesRequest = serde_json::from_str(CLAUDE_CODE_SYSTEM_TURN).unwrap();
    let req = request::to_canonical(wire).unwrap();
    let roles: Vec<Role> = req.messages.iter().map(|m| m.role).collect();
    assert_eq!(roles, [Role::User, Role::System]);
    let turn = req.messages[1].text();
    assert!(turn.starts_with("Available agent types for the Agent tool:"));

    let chat = openai_chat::request::from_canonical(
        &req,
        openai_chat::request::MaxTokensField::MaxCompletionTokens,
    );
    let roles: Vec<&str> = chat["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        ["system", "user", "system"],
        "in place, after the user's turn"
    );
    assert_eq!(chat["messages"][2]["content"], turn.as_str());

    let responses = openai_responses::request::from_canonical(&req);
    let last = responses["input"].as_array().unwrap().last().unwrap();
    assert_eq!(last["role"], "developer");
    assert_eq!(last["content"][0]["text"], turn.as_str());

    let gemini = serde_json::to_value(gemini::request::from_canonical(&req)).unwrap();
    assert_eq!(gemini["contents"].as_array().unwrap().len(), 1);
    let instruction = gemini["systemInstruction"]["parts"][0]["text"]
        .as_str()
        .unwrap();
    assert!(
        instruction.ends_with(&turn),
        "appended to systemInstruction"
    );

    let anthropic = serde_json::to_value(request::from_canonical(&req)).unwrap();
    assert_eq!(anthropic["messages"].as_array().unwrap().len(), 1);
    assert_eq!(anthropic["messages"][0]["role"], "user");
    assert!(anthropic["system"].as_str().unwrap().ends_with(&turn));
}

#[test]
fn missing_max_tokens_is_rejected_like_anthropic_does() {
    let wire: MessagesRequest =
        serde_json::from_str(r#"{"model":"m","messages":[{"role":"user","content":"hi"}]}"#)
            .unwrap();
    assert_eq!(
        request::to_canonical(wire).unwrap_err().0,
        "max_tokens: Field required"
    );
}

#[test]
fn captured_stream_decodes_to_canonical_events() {
    let events = decode_sse(TOOL_USE_STREAM);
    assert!(
        matches!(&events[0], Event::Start { id, usage, .. } if id == "msg_014p7gG3wDgGV9EUtLvnow3U" && usage.input == 600 && usage.cached_input == 128)
    );
    assert_eq!(
        events[1],
        Event::BlockStart {
            index: 0,
            kind: BlockKind::Thinking
        }
    );
    assert!(events.contains(&Event::SignatureDelta {
        index: 0,
        signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds".into()
    }));
    assert!(events.contains(&Event::BlockStart {
        index: 2,
        kind: BlockKind::ToolCall {
            id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6".into(),
            name: "get_weather".into()
        }
    }));
    let args: String = events
        .iter()
        .filter_map(|e| match e {
            Event::ToolArgsDelta { index: 2, json } => Some(json.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(args, r#"{"location": "San Francisco, CA"}"#);
    match events.last().unwrap() {
        Event::Finish { stop, usage } => {
            assert_eq!(*stop, StopReason::ToolUse);
            assert_eq!(
                (usage.input, usage.output, usage.cached_input),
                (600, 89, 128)
            );
        }
        other => panic!("last event {other:?}"),
    }
}

#[test]
fn encoding_then_decoding_is_lossless() {
    let events = decode_sse(TOOL_USE_STREAM);
    let mut encoder = stream::Encoder::default();
    let mut bytes = Vec::new();
    for event in &events {
        encoder.event(event, &mut bytes);
    }
    let again = decode_sse(std::str::from_utf8(&bytes).unwrap());
    assert_eq!(again, events);
}
