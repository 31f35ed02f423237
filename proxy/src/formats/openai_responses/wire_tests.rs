//! The wire types on payloads as real clients and the API send them: fields and item types
//! Satu does not model are accepted and skipped.

use serde_json::json;

use super::wire::{ResponseObject, StreamEvent};
use super::{request, response, stream};
use crate::canonical::{Event, Part, Role, StopReason, ToolChoice};
use crate::formats::StreamDecoder;

/// Codex CLI 0.4x's body shape: freeform (`custom`) and built-in tools, `text` controls,
/// `prompt_cache_key`, and history items of types Satu cannot translate.
#[test]
fn unmodelled_fields_and_items_are_skipped() {
    let body = json!({
        "model": "gpt-5-codex",
        "instructions": "You are Codex.",
        "stream": true,
        "store": false,
        "prompt_cache_key": "0199-abc",
        "service_tier": null,
        "include": ["reasoning.encrypted_content"],
        "text": {"verbosity": "low", "format": {"type": "json_schema", "name": "out", "strict": true,
                 "schema": {"type": "object"}}},
        "tool_choice": "auto",
        "tools": [
            {"type": "function", "name": "shell", "parameters": null, "strict": false},
            {"type": "custom", "name": "apply_patch", "format": {"type": "grammar", "syntax": "lark", "definition": "start: x"}},
            {"type": "local_shell"}
        ],
        "input": [
            {"type": "message", "id": "msg_0", "role": "user", "status": "completed",
             "content": [{"type": "input_text", "text": "hi"}, {"type": "input_image", "file_id": "file_1"}]},
            {"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"type": "search"}},
            {"type": "local_shell_call", "call_id": "c0", "action": {"type": "exec", "command": ["ls"]}},
            {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Hello", "annotations": []},
                                                                 {"type": "refusal", "refusal": "no"}]},
            {"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "shell", "arguments": "{}", "status": "completed"},
            {"type": "function_call_output", "call_id": "c1", "output": [{"type": "input_text", "text": "ok"}]}
        ]
    });
    let req = request::to_canonical(body.as_object().unwrap()).unwrap();
    assert_eq!(req.system, ["You are Codex."]);
    assert_eq!(req.tools.len(), 1);
    assert!(
        req.tools[0].parameters.is_null(),
        "sent as null, passed on as null"
    );
    assert_eq!(req.tool_choice, Some(ToolChoice::Auto));
    assert_eq!(req.messages.len(), 3);
    assert_eq!(req.messages[0].parts, [Part::Text("hi".into())]);
    assert_eq!(req.messages[1].role, Role::Assistant);
    assert_eq!(req.messages[1].parts[0], Part::Text("Hello".into()));
    assert!(matches!(&req.messages[1].parts[1], Part::ToolCall { id, .. } if id == "c1"));
    // Content-part output travels as its JSON text.
    assert!(
        matches!(&req.messages[2].parts[0], Part::ToolResult { content, .. }
        if content[0] == Part::Text(r#"[{"text":"ok","type":"input_text"}]"#.into()))
    );
}

#[test]
fn requests_without_model_or_input_and_wrong_types_are_refused() {
    for body in [
        json!({"input": "hi"}),
        json!({"model": "m"}),
        json!({"model": "m", "input": "hi", "max_output_tokens": "ten"}),
    ] {
        assert!(
            request::to_canonical(body.as_object().unwrap()).is_err(),
            "{body}"
        );
    }
    let named =
        json!({"model": "m", "input": "hi", "tool_choice": {"type": "function", "name": "shell"}});
    let req = request::to_canonical(named.as_object().unwrap()).unwrap();
    assert_eq!(req.tool_choice, Some(ToolChoice::Tool("shell".into())));
}

/// A whole (non-streamed) answer cut at the output limit, as the API returns it.
#[test]
fn whole_incomplete_responses_become_canonical() {
    let body = json!({
        "id": "resp_1", "object": "response", "created_at": 1755000000, "status": "incomplete",
        "incomplete_details": {"reason": "max_output_tokens"}, "error": null, "model": "gpt-5",
        "output": [
            {"id": "rs_1", "type": "reasoning", "summary": [{"type": "summary_text", "text": "Thinking"}],
             "encrypted_content": "enc"},
            {"id": "msg_1", "type": "message", "role": "assistant", "status": "incomplete",
             "content": [{"type": "output_text", "text": "Par", "annotations": [], "logprobs": []}]},
            {"id": "ws_1", "type": "web_search_call", "status": "completed"}
        ],
        "usage": {"input_tokens": 10, "input_tokens_details": {"cached_tokens": 4},
                  "output_tokens": 20, "output_tokens_details": {"reasoning_tokens": 16}, "total_tokens": 30},
        "text": {"format": {"type": "text"}}, "tools": [], "metadata": {}
    });
    let wire: ResponseObject = serde_json::from_value(body).unwrap();
    let resp = response::to_canonical(wire);
    assert_eq!(resp.stop, StopReason::MaxTokens);
    assert_eq!(
        resp.parts,
        [
            Part::Thinking {
                text: "Thinking".into(),
                signature: Some("enc".into())
            },
            Part::Text("Par".into())
        ]
    );
    assert_eq!(
        (
            resp.usage.input,
            resp.usage.cached_input,
            resp.usage.output,
            resp.usage.reasoning
        ),
        (10, 4, 20, 16)
    );
}

#[test]
fn failures_and_errors_in_streams_become_error_events() {
    let mut decoder = stream::Decoder::default();
    let mut events = Vec::new();
    for data in [
        json!({"type": "response.failed", "sequence_number": 3, "response": {"id": "resp_1", "status": "failed",
               "error": {"code": "server_error", "message": "The model failed"}, "usage": null}}),
        json!({"type": "error", "sequence_number": 4, "code": "rate_limit_exceeded", "message": "Slow down", "param": null}),
        json!({"type": "response.in_progress", "sequence_number": 5, "response": {}}),
        json!({"type": "response.incomplete", "response": {"status": "incomplete",
               "incomplete_details": {"reason": "content_filter"}, "usage": {"input_tokens": 1, "output_tokens": 2}}}),
    ] {
        decoder.event(data.to_string().as_bytes(), &mut events);
    }
    assert_eq!(
        events[..2],
        [
            Event::Error {
                message: "The model failed".into()
            },
            Event::Error {
                message: "Slow down".into()
            }
        ]
    );
    assert!(
        matches!(&events[2], Event::Finish { stop: StopReason::ContentFilter, usage } if usage.output == 2)
    );
    assert!(decoder.finished());
}

#[test]
fn stream_events_name_their_types() {
    let event: StreamEvent = serde_json::from_value(json!({"type": "response.output_text.done",
        "item_id": "msg_1", "output_index": 1, "content_index": 0, "text": "Hi", "logprobs": []}))
    .unwrap();
    assert!(
        matches!(event, StreamEvent::OutputTextDone { output_index: Some(1), text: Some(t) } if t == "Hi")
    );
    let event: StreamEvent = serde_json::from_value(
        json!({"type": "response.web_search_call.searching", "output_index": 0}),
    )
    .unwrap();
    assert!(matches!(event, StreamEvent::Unknown));
}
