//! Converter tests with captured OpenAI payloads, and translation through the canonical model
//! to and from Anthropic.

use crate::formats::{StreamDecoder, StreamEncoder};
use serde_json::Value;

use super::request::{self, MaxTokensField};
use super::stream;
use super::wire::ChatRequest;
use crate::canonical::{BlockKind, Effort, Event, Media, Part, Role, StopReason, ToolChoice};
use crate::formats::anthropic;
use crate::sse::{SseSplitter, event_data};

const REQUEST: &str = include_str!("../../../fixtures/openai_chat_request_tools.json");
const PARALLEL_TOOLS: &str = include_str!("../../../fixtures/openai_stream_parallel_tools.sse");
const ANTHROPIC_TOOL_USE: &str = include_str!("../../../fixtures/anthropic_stream_tool_use.sse");

fn decode_sse(raw: &str) -> Vec<Event> {
    let mut splitter = SseSplitter::default();
    let mut decoder = stream::Decoder::default();
    let mut events = Vec::new();
    for piece in raw.as_bytes().chunks(41) {
        splitter.push(piece).unwrap();
        while let Some(event) = splitter.next_event() {
            if let Some(data) = event_data(&event) {
                decoder.event(&data, &mut events);
            }
        }
    }
    decoder.end(&mut events);
    events
}

fn tool_calls(events: &[Event]) -> Vec<(String, String, String)> {
    let mut calls: Vec<(usize, String, String, String)> = Vec::new();
    for event in events {
        match event {
            Event::BlockStart {
                index,
                kind: BlockKind::ToolCall { id, name },
            } => calls.push((*index, id.clone(), name.clone(), String::new())),
            Event::ToolArgsDelta { index, json } => {
                if let Some(c) = calls.iter_mut().find(|c| c.0 == *index) {
                    c.3.push_str(json);
                }
            }
            _ => {}
        }
    }
    calls.into_iter().map(|c| (c.1, c.2, c.3)).collect()
}

#[test]
fn openai_requests_become_canonical() {
    let wire: ChatRequest = serde_json::from_str(REQUEST).unwrap();
    let req = request::to_canonical(wire).unwrap();
    assert_eq!(
        req.system,
        vec!["You are helpful.", "Answer in Bahasa Indonesia."]
    );
    assert_eq!(req.max_tokens, Some(1024));
    assert_eq!(req.stop, vec!["END"]);
    assert_eq!(req.reasoning.unwrap().effort(), Effort::Low);
    assert_eq!(
        req.tool_choice,
        Some(ToolChoice::Tool("get_weather".into()))
    );
    assert_eq!(
        req.messages.len(),
        3,
        "tool results join the following user turn"
    );
    assert_eq!(
        req.messages[0].parts[1],
        Part::Image(Media::Base64 {
            media_type: "image/jpeg".into(),
            data: "/9j/4AAQSkZJRg==".into()
        })
    );
    assert_eq!(req.messages[0].parts.len(), 2, "audio is skipped");
    assert_eq!(req.messages[1].role, Role::Assistant);
    assert_eq!(req.messages[1].parts.len(), 2);
    let results: Vec<_> = req.messages[2]
        .parts
        .iter()
        .filter(|p| matches!(p, Part::ToolResult { .. }))
        .collect();
    assert_eq!(results.len(), 2);
    assert_eq!(
        req.messages[2].parts.last(),
        Some(&Part::Text("Thanks!".into()))
    );
}

#[test]
fn openai_requests_translate_to_anthropic_and_back() {
    let wire: ChatRequest = serde_json::from_str(REQUEST).unwrap();
    let req = request::to_canonical(wire).unwrap();
    let anthropic: Value = serde_json::to_value(anthropic::request::from_canonical(&req)).unwrap();
    assert_eq!(
        anthropic["system"],
        "You are helpful.\n\nAnswer in Bahasa Indonesia."
    );
    assert_eq!(
        anthropic["messages"][0]["content"][1]["source"]["type"],
        "base64"
    );
    assert_eq!(
        anthropic["messages"][1]["content"][1]["input"]["location"],
        "Lyon"
    );
    assert_eq!(
        anthropic["messages"][2]["content"][0]["tool_use_id"],
        "call_1"
    );
    assert_eq!(anthropic["tool_choice"]["name"], "get_weather");
    assert_eq!(
        anthropic["tools"][0]["input_schema"]["required"][0],
        "location"
    );

    let back = request::from_canonical(&req, MaxTokensField::MaxCompletionTokens);
    assert_eq!(back["max_completion_tokens"], 1024);
    assert_eq!(back["stream_options"]["include_usage"], true);
    let roles: Vec<&str> = back["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(
        roles,
        ["system", "user", "assistant", "tool", "tool", "user"]
    );
    assert_eq!(
        back["messages"][1]["content"][1]["image_url"]["url"],
        "data:image/jpeg;base64,/9j/4AAQSkZJRg=="
    );
    assert_eq!(back["messages"][4]["content"], "21°C, sunny");
    assert_eq!(back["tool_choice"]["function"]["name"], "get_weather");
    assert_eq!(back["reasoning_effort"], "low");
}

#[test]
fn parallel_tool_calls_are_accumulated_per_index_and_emitted_in_order() {
    let events = decode_sse(PARALLEL_TOOLS);
    assert_eq!(
        tool_calls(&events),
        vec![
            (
                "call_Ab1".into(),
                "get_weather".into(),
                r#"{"location": "Paris"}"#.into()
            ),
            (
                "call_Cd2".into(),
                "get_weather".into(),
                r#"{"location": "Tokyo"}"#.into()
            ),
        ]
    );
    match events.last().unwrap() {
        Event::Finish { stop, usage } => {
            assert_eq!(*stop, StopReason::ToolUse);
            assert_eq!(
                (usage.input, usage.output, usage.cached_input),
                (82, 45, 64)
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn anthropic_streams_translate_to_openai_chunks() {
    let events = crate::formats::anthropic::tests::decode_sse(ANTHROPIC_TOOL_USE);
    let mut encoder = stream::Encoder::new("claude-sonnet-4-5", 1_764_000_000, true);
    let mut bytes = Vec::new();
    for event in &events {
        encoder.event(event, &mut bytes);
    }
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.ends_with("data: [DONE]\n\n"));
    let chunks: Vec<Value> = text
        .split("\n\n")
        .filter_map(|e| e.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let content: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect();
    assert_eq!(
        content,
        "Okay, let's check the weather for San Francisco, CA:"
    );
    let reasoning: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["reasoning_content"].as_str())
        .collect();
    assert!(reasoning.starts_with("The user wants"));
    let finish = chunks
        .iter()
        .find_map(|c| c["choices"][0]["finish_reason"].as_str())
        .unwrap();
    assert_eq!(finish, "tool_calls");
    let usage = &chunks.last().unwrap()["usage"];
    assert_eq!(
        (
            usage["prompt_tokens"].as_i64(),
            usage["completion_tokens"].as_i64()
        ),
        (Some(600), Some(89))
    );

    // Read back as an OpenAI client would: both calls, in order, with whole arguments.
    let again = decode_sse(&text);
    assert_eq!(
        tool_calls(&again),
        vec![
            (
                "toolu_01T1x1fJ34qAmk2tNTrN7Up6".into(),
                "get_weather".into(),
                r#"{"location": "San Francisco, CA"}"#.into()
            ),
            (
                "toolu_02Ab".into(),
                "get_time".into(),
                r#"{"tz": "PST"}"#.into()
            ),
        ]
    );
}

#[test]
fn openai_streams_translate_to_anthropic_events() {
    let events = decode_sse(PARALLEL_TOOLS);
    let mut encoder = anthropic::stream::Encoder::default();
    let mut bytes = Vec::new();
    for event in &events {
        encoder.event(event, &mut bytes);
    }
    let back = crate::formats::anthropic::tests::decode_sse(std::str::from_utf8(&bytes).unwrap());
    assert_eq!(tool_calls(&back), tool_calls(&events));
    assert!(
        matches!(back.last(), Some(Event::Finish { stop: StopReason::ToolUse, usage }) if usage.input == 82 && usage.cached_input == 64)
    );
}
