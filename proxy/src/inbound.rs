//! A client's request as received: checked, kept raw for passthrough, and converted to the
//! canonical model for translation.

use axum::http::{HeaderMap, HeaderValue};
use bytes::Bytes;
use serde_json::{Map, Value};

use crate::body_head::{BodyHead, Shape};
use crate::canonical;
use crate::dialect::Dialect;
use crate::error::ProxyError;
use crate::formats::{anthropic, gemini, openai_chat, openai_completions, openai_responses};

pub struct Inbound {
    pub dialect: Dialect,
    pub model: String,
    pub stream: bool,
    /// OpenAI callers that asked for the final usage chunk themselves.
    pub client_wants_usage: bool,
    /// The body as a JSON tree when the dialect's parse built one (Responses, Completions,
    /// Gemini); Chat and Messages bodies are read again from `raw_bytes` only when a
    /// passthrough must change them.
    pub raw: Option<Map<String, Value>>,
    /// The body's bytes, forwarded untouched when a passthrough changes nothing in it.
    pub raw_bytes: Bytes,
    pub canonical: canonical::Request,
    /// Anthropic headers passed on when the upstream is Anthropic too.
    pub anthropic_version: Option<HeaderValue>,
    pub anthropic_beta: Option<HeaderValue>,
    /// Gemini callers: SSE (`alt=sse`) rather than one streamed JSON array.
    pub gemini_sse: bool,
    pub body_len: usize,
}

/// What a Gemini caller says in the URL rather than the body.
#[derive(Debug, Clone)]
pub struct GeminiCall {
    pub model: String,
    pub stream: bool,
    pub sse: bool,
}

fn bad(message: impl Into<String>) -> ProxyError {
    ProxyError::BadRequest(message.into())
}

/// Longest model name accepted, in bytes: the name is stored with the request's usage.
pub const MAX_MODEL_BYTES: usize = 256;

pub fn parse(
    dialect: Dialect,
    raw: &Bytes,
    headers: &HeaderMap,
    gemini: Option<&GeminiCall>,
) -> Result<Inbound, ProxyError> {
    let inbound = parse_body(dialect, raw, headers, gemini)?;
    if inbound.model.len() > MAX_MODEL_BYTES {
        return Err(bad(format!(
            "`model` is longer than {MAX_MODEL_BYTES} bytes."
        )));
    }
    Ok(inbound)
}

fn parse_body(
    dialect: Dialect,
    raw: &Bytes,
    headers: &HeaderMap,
    gemini: Option<&GeminiCall>,
) -> Result<Inbound, ProxyError> {
    if matches!(dialect, Dialect::OpenAiChat | Dialect::Anthropic) && gemini.is_none() {
        return parse_messages(dialect, raw, headers);
    }
    let value: Value = serde_json::from_slice(raw)
        .map_err(|e| bad(format!("The request body is not valid JSON: {e}")))?;
    let Value::Object(body) = value else {
        return Err(bad("The request body must be a JSON object."));
    };
    if let Some(call) = gemini {
        return parse_gemini(body, raw, call);
    }
    if dialect == Dialect::OpenAiResponses {
        return parse_responses(body, raw, headers);
    }
    parse_completions(body, raw)
}

/// Chat Completions and Messages: the head is checked, then the one typed parse.
fn parse_messages(
    dialect: Dialect,
    raw: &Bytes,
    headers: &HeaderMap,
) -> Result<Inbound, ProxyError> {
    let head = BodyHead::read(raw).map_err(bad)?;
    let model = match head.model {
        Value::String(m) if !m.trim().is_empty() => m,
        Value::Null => return Err(bad("You must provide a `model` parameter.")),
        _ => return Err(bad("`model` must be a non-empty string.")),
    };
    match head.messages {
        Shape::Array => {}
        Shape::EmptyArray => return Err(bad("`messages` must not be empty.")),
        Shape::Other => return Err(bad("`messages` must be an array.")),
        Shape::Missing => return Err(bad("`messages` is a required property.")),
    }
    let stream = match head.stream {
        Value::Null => false,
        Value::Bool(s) => s,
        _ => return Err(bad("`stream` must be a boolean.")),
    };
    let client_wants_usage = head
        .stream_options
        .get("include_usage")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let canonical = to_canonical(dialect, raw)?;
    Ok(Inbound {
        dialect,
        model,
        stream,
        client_wants_usage,
        raw: None,
        raw_bytes: raw.clone(),
        canonical,
        anthropic_version: headers.get("anthropic-version").cloned(),
        anthropic_beta: headers.get("anthropic-beta").cloned(),
        gemini_sse: false,
        body_len: raw.len(),
    })
}

fn parse_completions(body: Map<String, Value>, raw: &Bytes) -> Result<Inbound, ProxyError> {
    let canonical = openai_completions::to_canonical(&body)?;
    Ok(Inbound {
        dialect: Dialect::OpenAiCompletions,
        model: canonical.model.clone(),
        stream: canonical.stream,
        client_wants_usage: body
            .get("stream_options")
            .and_then(|o| o.get("include_usage"))
            .and_then(Value::as_bool)
            .unwrap_or(false),
        raw: Some(body),
        raw_bytes: raw.clone(),
        canonical,
        anthropic_version: None,
        anthropic_beta: None,
        gemini_sse: false,
        body_len: raw.len(),
    })
}

fn parse_responses(
    body: Map<String, Value>,
    raw: &Bytes,
    headers: &HeaderMap,
) -> Result<Inbound, ProxyError> {
    let model = match body.get("model") {
        Some(Value::String(m)) if !m.trim().is_empty() => m.clone(),
        _ => return Err(bad("You must provide a `model` parameter.")),
    };
    match body.get("input") {
        Some(Value::String(_)) | Some(Value::Array(_)) => {}
        _ => return Err(bad("`input` is required (a string or a list of items).")),
    }
    let stream = match body.get("stream") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(s)) => *s,
        Some(_) => return Err(bad("`stream` must be a boolean.")),
    };
    let canonical = openai_responses::request::to_canonical(&body)?;
    Ok(Inbound {
        dialect: Dialect::OpenAiResponses,
        model,
        stream,
        client_wants_usage: false,
        raw: Some(body),
        raw_bytes: raw.clone(),
        canonical,
        anthropic_version: headers.get("anthropic-version").cloned(),
        anthropic_beta: None,
        gemini_sse: false,
        body_len: raw.len(),
    })
}

fn parse_gemini(
    body: Map<String, Value>,
    raw: &Bytes,
    call: &GeminiCall,
) -> Result<Inbound, ProxyError> {
    match body.get("contents") {
        Some(Value::Array(c)) if !c.is_empty() => {}
        _ => {
            return Err(bad(
                "* GenerateContentRequest.contents: contents is not specified",
            ));
        }
    }
    let wire: gemini::wire::GenerateRequest = serde_json::from_slice(raw)
        .map_err(|e| bad(format!("Invalid JSON payload received. {e}")))?;
    let canonical = gemini::request::to_canonical(wire, &call.model, call.stream)?;
    Ok(Inbound {
        dialect: Dialect::Gemini,
        model: call.model.clone(),
        stream: call.stream,
        client_wants_usage: false,
        raw: Some(body),
        raw_bytes: raw.clone(),
        canonical,
        anthropic_version: None,
        anthropic_beta: None,
        gemini_sse: call.sse,
        body_len: raw.len(),
    })
}

fn to_canonical(dialect: Dialect, raw: &[u8]) -> Result<canonical::Request, ProxyError> {
    let invalid = |e: serde_json::Error| bad(format!("Invalid request: {e}"));
    match dialect {
        Dialect::OpenAiChat => {
            let wire: openai_chat::wire::ChatRequest =
                serde_json::from_slice(raw).map_err(invalid)?;
            Ok(openai_chat::request::to_canonical(wire)?)
        }
        Dialect::Anthropic => {
            let wire: anthropic::wire::MessagesRequest =
                serde_json::from_slice(raw).map_err(invalid)?;
            Ok(anthropic::request::to_canonical(wire)?)
        }
        Dialect::Gemini | Dialect::OpenAiResponses | Dialect::OpenAiCompletions => {
            Err(ProxyError::Internal)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_checked_like_the_providers_do() {
        let h = HeaderMap::new();
        for (body, needle) in [
            (&b"{"[..], "not valid JSON"),
            (b"[]", "JSON object"),
            (b"{\"messages\":[{}]}", "`model`"),
            (b"{\"model\":\"m\"}", "`messages`"),
            (b"{\"model\":\"m\",\"messages\":[]}", "must not be empty"),
            (b"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"stream\":1}", "`stream`"),
        ] {
            match parse(Dialect::OpenAiChat, &Bytes::from_static(body), &h, None) {
                Err(ProxyError::BadRequest(msg)) => assert!(msg.contains(needle), "{msg}"),
                _ => unreachable!("{} should be rejected", String::from_utf8_lossy(body)),
            }
        }
        let no_max =
            &Bytes::from_static(br#"{"model":"m","messages":[{"role":"user","content":"hi"}]}"#);
        assert!(
            matches!(parse(Dialect::Anthropic, no_max, &h, None), Err(ProxyError::BadRequest(m)) if m.contains("max_tokens"))
        );
    }
}
