//! OpenAI Responses objects ↔ canonical responses; usage and status.

use serde_json::{Value, json};

use crate::canonical::{Part, Response, StopReason, Usage};

pub fn usage_to_canonical(u: &Value) -> Usage {
    Usage {
        input: u["input_tokens"].as_i64().unwrap_or(0),
        output: u["output_tokens"].as_i64().unwrap_or(0),
        cached_input: u["input_tokens_details"]["cached_tokens"]
            .as_i64()
            .unwrap_or(0),
        cache_creation: 0,
        reasoning: u["output_tokens_details"]["reasoning_tokens"]
            .as_i64()
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
pub fn stop_of(response: &Value) -> StopReason {
    if response["status"] == "incomplete" {
        return match response["incomplete_details"]["reason"].as_str() {
            Some("content_filter") => StopReason::ContentFilter,
            _ => StopReason::MaxTokens,
        };
    }
    let called = response["output"]
        .as_array()
        .is_some_and(|o| o.iter().any(|i| i["type"] == "function_call"));
    if called {
        StopReason::ToolUse
    } else {
        StopReason::EndTurn
    }
}

pub fn to_canonical(resp: &Value) -> Response {
    let mut parts = Vec::new();
    for item in resp["output"].as_array().into_iter().flatten() {
        match item["type"].as_str() {
            Some("message") => {
                for c in item["content"].as_array().into_iter().flatten() {
                    if let Some(text) = c["text"].as_str() {
                        parts.push(Part::Text(text.to_owned()));
                    }
                }
            }
            Some("function_call") => parts.push(Part::ToolCall {
                id: item["call_id"].as_str().unwrap_or_default().to_owned(),
                name: item["name"].as_str().unwrap_or_default().to_owned(),
                arguments: item["arguments"].as_str().unwrap_or("{}").to_owned(),
            }),
            Some("reasoning") => {
                let text: Vec<&str> = item["summary"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s["text"].as_str())
                    .collect();
                parts.push(Part::Thinking {
                    text: text.join("\n"),
                    signature: item["encrypted_content"].as_str().map(str::to_owned),
                });
            }
            _ => {}
        }
    }
    Response {
        id: resp["id"].as_str().unwrap_or_default().to_owned(),
        model: resp["model"].as_str().unwrap_or_default().to_owned(),
        parts,
        stop: stop_of(resp),
        usage: usage_to_canonical(&resp["usage"]),
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
