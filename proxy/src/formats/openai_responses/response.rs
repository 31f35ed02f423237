//! OpenAI Responses objects ↔ canonical responses; usage and status.

use serde_json::{Value, json};

use super::wire::{self, OutputItem, ResponseObject};
use crate::canonical::{Part, Response, StopReason, Usage};

pub fn usage_to_canonical(u: &wire::Usage) -> Usage {
    Usage {
        input: u.input_tokens,
        output: u.output_tokens,
        cached_input: u
            .input_tokens_details
            .and_then(|d| d.cached_tokens)
            .unwrap_or(0),
        cache_creation: 0,
        reasoning: u
            .output_tokens_details
            .and_then(|d| d.reasoning_tokens)
            .unwrap_or(0),
    }
}

pub fn usage_json(u: &Usage) -> Value {
    json!({
        "input_tokens": u.input,
        "input_tokens_details": {"cached_tokens": u.cached_input},
        "output_tokens": u.output,
        "output_tokens_details": {"reasoning_tokens": u.reasoning},
        "total_tokens": u.input + u.output,
    })
}

/// A response object's stop: incomplete for length, tool use when it called functions.
pub fn stop_of(response: &ResponseObject) -> StopReason {
    if response.status.as_deref() == Some("incomplete") {
        let reason = response
            .incomplete_details
            .as_ref()
            .and_then(|d| d.reason.as_deref());
        return match reason {
            Some("content_filter") => StopReason::ContentFilter,
            _ => StopReason::MaxTokens,
        };
    }
    let called = response
        .output
        .iter()
        .any(|i| matches!(i, OutputItem::FunctionCall { .. }));
    if called {
        StopReason::ToolUse
    } else {
        StopReason::EndTurn
    }
}

pub fn to_canonical(resp: ResponseObject) -> Response {
    let stop = stop_of(&resp);
    let mut parts = Vec::new();
    for item in resp.output {
        match item {
            OutputItem::Message { content } => {
                parts.extend(content.into_iter().filter_map(|c| c.text).map(Part::Text));
            }
            OutputItem::FunctionCall {
                call_id,
                name,
                arguments,
            } => parts.push(Part::ToolCall {
                id: call_id,
                name,
                arguments: arguments.unwrap_or_else(|| "{}".to_owned()),
            }),
            OutputItem::Reasoning {
                summary,
                encrypted_content,
            } => {
                let text: Vec<String> = summary.into_iter().filter_map(|s| s.text).collect();
                parts.push(Part::Thinking {
                    text: text.join("\n"),
                    signature: encrypted_content,
                });
            }
            OutputItem::Unknown => {}
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

/// The output items of a canonical response, numbered from `n`.
pub fn output_items(parts: &[Part]) -> Vec<Value> {
    parts
        .iter()
        .enumerate()
        .filter_map(|(n, part)| match part {
            Part::Text(text) => Some(json!({"type": "message", "id": format!("msg_{n}"), "status": "completed", "role": "assistant",
                "content": [{"type": "output_text", "text": text, "annotations": []}]})),
            Part::ToolCall { id, name, arguments } => Some(json!({"type": "function_call", "id": format!("fc_{n}"),
                "call_id": id, "name": name, "arguments": arguments, "status": "completed"})),
            Part::Thinking { text, .. } => Some(json!({"type": "reasoning", "id": format!("rs_{n}"),
                "summary": [{"type": "summary_text", "text": text}]})),
            _ => None,
        })
        .collect()
}

pub fn response_object(
    id: &str,
    model: &str,
    created: i64,
    output: Vec<Value>,
    stop: StopReason,
    usage: &Usage,
) -> Value {
    let (status, incomplete) = match stop {
        StopReason::MaxTokens => ("incomplete", json!({"reason": "max_output_tokens"})),
        StopReason::ContentFilter => ("incomplete", json!({"reason": "content_filter"})),
        _ => ("completed", Value::Null),
    };
    json!({
        "id": if id.starts_with("resp_") { id.to_owned() } else { format!("resp_{id}") },
        "object": "response",
        "created_at": created,
        "status": status,
        "error": null,
        "incomplete_details": incomplete,
        "model": model,
        "output": output,
        "parallel_tool_calls": true,
        "usage": usage_json(usage),
    })
}

pub fn from_canonical(resp: &Response, created: i64) -> Value {
    response_object(
        &resp.id,
        &resp.model,
        created,
        output_items(&resp.parts),
        resp.stop,
        &resp.usage,
    )
}
