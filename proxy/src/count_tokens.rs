//! Token counting endpoints (`/v1/messages/count_tokens`, Gemini `:countTokens`). Satu answers
//! with an estimate from the canonical request (about four characters a token, fixed amounts
//! for images and documents) instead of spending an upstream call: clients use it to manage
//! context, not to bill.

use axum::Json;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::json;

use crate::canonical::{Part, Request};
use crate::dialect::Dialect;
use crate::error::ProxyError;
use crate::formats::{anthropic, gemini as gemini_format};
use crate::ingress::{body_error, query_param};
use crate::state::ProxyState;

const IMAGE_TOKENS: usize = 1_000;
const DOCUMENT_TOKENS: usize = 1_500;

pub fn estimate(request: &Request) -> usize {
    let mut chars: usize = request.system.iter().map(String::len).sum();
    let mut fixed = 0;
    for tool in &request.tools {
        chars += tool.name.len()
            + tool.description.as_deref().map_or(0, str::len)
            + tool.parameters.to_string().len();
    }
    for part in request.messages.iter().flat_map(|m| &m.parts) {
        count_part(part, &mut chars, &mut fixed);
    }
    chars.div_ceil(4) + fixed
}

fn count_part(part: &Part, chars: &mut usize, fixed: &mut usize) {
    match part {
        Part::Text(t) | Part::Thinking { text: t, .. } => *chars += t.len(),
        Part::ToolCall {
            name, arguments, ..
        } => *chars += name.len() + arguments.len(),
        Part::ToolResult { content, .. } => {
            content.iter().for_each(|p| count_part(p, chars, fixed))
        }
        Part::Image(_) => *fixed += IMAGE_TOKENS,
        Part::Document(_) => *fixed += DOCUMENT_TOKENS,
        Part::RedactedThinking { data } => *chars += data.len() / 2,
    }
}

pub async fn anthropic(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let dialect = Dialect::Anthropic;
    let result = async {
        let key = query_param(query.as_deref(), "key");
        state.keys.authenticate(&headers, key.as_deref()).await?;
        let raw = body.map_err(|r| body_error(&r, state.config.max_body_bytes))?;
        let mut wire: anthropic::wire::MessagesRequest = serde_json::from_slice(&raw)
            .map_err(|e| ProxyError::BadRequest(format!("Invalid request: {e}")))?;
        // count_tokens takes no max_tokens.
        wire.max_tokens.get_or_insert(1);
        let request = anthropic::request::to_canonical(wire)?;
        Ok::<_, ProxyError>(estimate(&request))
    }
    .await;
    match result {
        Ok(tokens) => Json(json!({"input_tokens": tokens})).into_response(),
        Err(e) => e.render(dialect),
    }
}

pub async fn gemini(
    state: ProxyState,
    query: Option<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let result = async {
        let key = query_param(query.as_deref(), "key");
        state.keys.authenticate(&headers, key.as_deref()).await?;
        let raw = body.map_err(|r| body_error(&r, state.config.max_body_bytes))?;
        let mut value: serde_json::Value = serde_json::from_slice(&raw)
            .map_err(|e| ProxyError::BadRequest(format!("Invalid JSON payload received. {e}")))?;
        // Either `{contents}` or `{generateContentRequest: {contents, …}}`.
        for wrapper in ["generateContentRequest", "generate_content_request"] {
            if let Some(inner) = value.get_mut(wrapper) {
                value = inner.take();
                break;
            }
        }
        let wire: gemini_format::wire::GenerateRequest = serde_json::from_value(value)
            .map_err(|e| ProxyError::BadRequest(format!("Invalid JSON payload received. {e}")))?;
        let request = gemini_format::request::to_canonical(wire, "", false)?;
        Ok::<_, ProxyError>(estimate(&request))
    }
    .await;
    match result {
        Ok(tokens) => Json(json!({"totalTokens": tokens})).into_response(),
        Err(e) => e.render(Dialect::Gemini),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::canonical::{Media, Message, Role};

    #[test]
    fn estimates_count_text_tools_and_media() {
        let request = Request {
            system: vec!["x".repeat(40)],
            messages: vec![Message {
                role: Role::User,
                parts: vec![
                    Part::Text("y".repeat(400)),
                    Part::Image(Media::Url("u".into())),
                ],
            }],
            ..Default::default()
        };
        assert_eq!(estimate(&request), 110 + IMAGE_TOKENS);
    }
}
