//! Anthropic Messages responses ↔ canonical responses, and the stop-reason and usage mappings.

use super::request::block_to_part;
use super::wire::{self, Block, MessagesResponse};
use crate::canonical::{Part, Response, StopReason, Usage};

pub fn stop_to_canonical(reason: Option<&str>) -> StopReason {
    match reason {
        Some("max_tokens") | Some("model_context_window_exceeded") => StopReason::MaxTokens,
        Some("stop_sequence") => StopReason::StopSequence,
        Some("tool_use") => StopReason::ToolUse,
        Some("refusal") => StopReason::Refusal,
        _ => StopReason::EndTurn,
    }
}

pub fn stop_from_canonical(stop: StopReason) -> &'static str {
    match stop {
        StopReason::EndTurn => "end_turn",
        StopReason::MaxTokens => "max_tokens",
        StopReason::StopSequence => "stop_sequence",
        StopReason::ToolUse => "tool_use",
        StopReason::ContentFilter | StopReason::Refusal => "refusal",
    }
}

/// Anthropic counts cache reads and writes apart from `input_tokens`; canonical input is the sum.
pub fn usage_to_canonical(u: &wire::Usage) -> Usage {
    let cached = u.cache_read_input_tokens.unwrap_or(0);
    let creation = u.cache_creation_input_tokens.unwrap_or(0);
    Usage {
        input: u.input_tokens + cached + creation,
        output: u.output_tokens,
        cached_input: cached,
        cache_creation: creation,
        reasoning: 0,
    }
}

pub fn usage_from_canonical(u: &Usage) -> wire::Usage {
    wire::Usage {
        input_tokens: (u.input - u.cached_input - u.cache_creation).max(0),
        output_tokens: u.output,
        cache_creation_input_tokens: Some(u.cache_creation),
        cache_read_input_tokens: Some(u.cached_input),
    }
}

pub fn to_canonical(resp: MessagesResponse) -> Response {
    Response {
        id: resp.id,
        model: resp.model,
        parts: resp.content.into_iter().filter_map(block_to_part).collect(),
        stop: stop_to_canonical(resp.stop_reason.as_deref()),
        usage: usage_to_canonical(&resp.usage),
    }
}

pub fn from_canonical(resp: &Response) -> MessagesResponse {
    let content = resp
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Text(text) => Some(Block::Text { text: text.clone() }),
            Part::ToolCall {
                id,
                name,
                arguments,
            } => Some(Block::ToolUse {
                id: id.clone(),
                name: name.clone(),
                input: serde_json::from_str(arguments).unwrap_or_else(|_| serde_json::json!({})),
            }),
            Part::Thinking { text, signature } => Some(Block::Thinking {
                thinking: text.clone(),
                signature: Some(signature.clone().unwrap_or_default()),
            }),
            Part::RedactedThinking { data } => Some(Block::RedactedThinking { data: data.clone() }),
            Part::Image(_) | Part::Document(_) | Part::ToolResult { .. } => None,
        })
        .collect();
    MessagesResponse {
        id: resp.id.clone(),
        kind: "message".to_owned(),
        role: "assistant".to_owned(),
        model: resp.model.clone(),
        content,
        stop_reason: Some(stop_from_canonical(resp.stop).to_owned()),
        stop_sequence: None,
        usage: usage_from_canonical(&resp.usage),
    }
}
