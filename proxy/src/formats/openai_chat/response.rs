//! OpenAI chat responses ↔ canonical responses; stop reasons and usage.

use serde_json::{Value, json};

use super::wire::{self, ChatResponse};
use crate::canonical::{Part, Response, StopReason, Usage};

pub fn stop_to_canonical(reason: &str) -> StopReason {
    match reason {
        "length" => StopReason::MaxTokens,
        "tool_calls" | "function_call" => StopReason::ToolUse,
        "content_filter" => StopReason::ContentFilter,
        _ => StopReason::EndTurn,
    }
}

pub fn stop_from_canonical(stop: StopReason) -> &'static str {
    match stop {
        StopReason::EndTurn | StopReason::StopSequence | StopReason::Refusal => "stop",
        StopReason::MaxTokens => "length",
        StopReason::ToolUse => "tool_calls",
        StopReason::ContentFilter => "content_filter",
    }
}

pub fn usage_to_canonical(u: &wire::Usage) -> Usage {
    Usage {
        input: u.prompt_tokens,
        output: u.completion_tokens,
        cached_input: u
            .prompt_tokens_details
            .and_then(|d| d.cached_tokens)
            .unwrap_or(0),
        cache_creation: 0,
        reasoning: u
            .completion_tokens_details
            .and_then(|d| d.reasoning_tokens)
            .unwrap_or(0),
    }
}

pub fn usage_json(u: &Usage) -> Value {
    json!({
        "prompt_tokens": u.input,
        "completion_tokens": u.output,
        "total_tokens": u.input + u.output,
        "prompt_tokens_details": {"cached_tokens": u.cached_input},
        "completion_tokens_details": {"reasoning_tokens": u.reasoning},
    })
}

pub fn to_canonical(resp: ChatResponse) -> Response {
    let mut parts = Vec::new();
    let mut stop = StopReason::EndTurn;
    if let Some(choice) = resp.choices.into_iter().next() {
        stop = choice
            .finish_reason
            .as_deref()
            .map_or(StopReason::EndTurn, stop_to_canonical);
        let m = choice.message;
        if let Some(text) = m.reasoning_content.filter(|t| !t.is_empty()) {
            parts.push(Part::Thinking {
                text,
                signature: None,
            });
        }
        if let Some(text) = m.content.filter(|t| !t.is_empty()) {
            parts.push(Part::Text(text));
        }
        for call in m.tool_calls.unwrap_or_default() {
            parts.push(Part::ToolCall {
                id: call.id,
                name: call.function.name,
                arguments: call.function.arguments,
            });
        }
    }
    Response {
        id: resp.id,
        model: resp.model,
        parts,
        stop,
        usage: resp
            .usage
            .as_ref()
            .map(usage_to_canonical)
            .unwrap_or_default(),
    }
}

pub fn from_canonical(resp: &Response, created: i64) -> Value {
    let mut text = String::new();
    let mut reasoning = String::new();
    let mut calls = Vec::new();
    for part in &resp.parts {
        match part {
            Part::Text(t) => text.push_str(t),
            Part::Thinking { text: t, .. } => reasoning.push_str(t),
            Part::ToolCall {
                id,
                name,
                arguments,
            } => calls.push(json!({
                "id": id, "type": "function", "function": {"name": name, "arguments": arguments}})),
            _ => {}
        }
    }
    let mut message = json!({
        "role": "assistant",
        "content": if text.is_empty() && !calls.is_empty() { Value::Null } else { json!(text) },
        "refusal": null,
    });
    if !reasoning.is_empty() {
        message["reasoning_content"] = json!(reasoning);
    }
    if !calls.is_empty() {
        message["tool_calls"] = Value::Array(calls);
    }
    json!({
        "id": resp.id,
        "object": "chat.completion",
        "created": created,
        "model": resp.model,
        "choices": [{"index": 0, "message": message, "logprobs": null, "finish_reason": stop_from_canonical(resp.stop)}],
        "usage": usage_json(&resp.usage),
    })
}
