//! Gemini responses ↔ canonical responses; finish reasons and usage.

use serde_json::json;

use super::wire::{Candidate, Content, FunctionCall, GenerateResponse, UsageMetadata, WirePart};
use crate::canonical::{Part, Response, StopReason, Usage};

pub fn stop_to_canonical(reason: &str) -> StopReason {
    match reason {
        "MAX_TOKENS" => StopReason::MaxTokens,
        "SAFETY" | "RECITATION" | "BLOCKLIST" | "PROHIBITED_CONTENT" | "SPII" | "IMAGE_SAFETY" => {
            StopReason::ContentFilter
        }
        _ => StopReason::EndTurn,
    }
}

pub fn stop_from_canonical(stop: StopReason) -> &'static str {
    match stop {
        StopReason::MaxTokens => "MAX_TOKENS",
        StopReason::ContentFilter | StopReason::Refusal => "SAFETY",
        StopReason::EndTurn | StopReason::StopSequence | StopReason::ToolUse => "STOP",
    }
}

/// Gemini counts thoughts apart from candidates; both are output.
pub fn usage_to_canonical(u: &UsageMetadata) -> Usage {
    let thoughts = u.thoughts_token_count.unwrap_or(0);
    Usage {
        input: u.prompt_token_count,
        output: u.candidates_token_count + thoughts,
        cached_input: u.cached_content_token_count.unwrap_or(0),
        cache_creation: 0,
        reasoning: thoughts,
    }
}

pub fn usage_from_canonical(u: &Usage) -> UsageMetadata {
    UsageMetadata {
        prompt_token_count: u.input,
        candidates_token_count: u.output - u.reasoning,
        total_token_count: u.input + u.output,
        cached_content_token_count: (u.cached_input > 0).then_some(u.cached_input),
        thoughts_token_count: (u.reasoning > 0).then_some(u.reasoning),
    }
}

pub fn to_canonical(resp: GenerateResponse) -> Response {
    let mut parts = Vec::new();
    let mut stop = StopReason::EndTurn;
    if let Some(candidate) = resp.candidates.into_iter().next() {
        stop = candidate
            .finish_reason
            .as_deref()
            .map_or(StopReason::EndTurn, stop_to_canonical);
        for (n, part) in candidate.content.parts.into_iter().enumerate() {
            if let Some(call) = part.function_call {
                parts.push(Part::ToolCall {
                    id: call.id.unwrap_or_else(|| format!("call_{}_{n}", call.name)),
                    arguments: call.args.to_string(),
                    name: call.name,
                });
            } else if let Some(text) = part.text {
                parts.push(if part.thought == Some(true) {
                    Part::Thinking {
                        text,
                        signature: part.thought_signature,
                    }
                } else {
                    Part::Text(text)
                });
            }
        }
    }
    if stop == StopReason::EndTurn && parts.iter().any(|p| matches!(p, Part::ToolCall { .. })) {
        stop = StopReason::ToolUse;
    }
    Response {
        id: resp.response_id.unwrap_or_default(),
        model: resp.model_version.unwrap_or_default(),
        parts,
        stop,
        usage: resp
            .usage_metadata
            .as_ref()
            .map(usage_to_canonical)
            .unwrap_or_default(),
    }
}

pub fn from_canonical(resp: &Response) -> GenerateResponse {
    let parts = resp
        .parts
        .iter()
        .filter_map(|part| match part {
            Part::Text(text) => Some(WirePart {
                text: Some(text.clone()),
                ..Default::default()
            }),
            Part::Thinking { text, .. } => Some(WirePart {
                text: Some(text.clone()),
                thought: Some(true),
                ..Default::default()
            }),
            Part::ToolCall {
                id,
                name,
                arguments,
            } => Some(WirePart {
                function_call: Some(FunctionCall {
                    id: Some(id.clone()),
                    name: name.clone(),
                    args: serde_json::from_str(arguments).unwrap_or_else(|_| json!({})),
                }),
                ..Default::default()
            }),
            _ => None,
        })
        .collect();
    GenerateResponse {
        candidates: vec![Candidate {
            content: Content {
                role: Some("model".to_owned()),
                parts,
            },
            finish_reason: Some(stop_from_canonical(resp.stop).to_owned()),
            index: 0,
        }],
        usage_metadata: Some(usage_from_canonical(&resp.usage)),
        model_version: Some(resp.model.clone()),
        response_id: Some(resp.id.clone()),
    }
}
