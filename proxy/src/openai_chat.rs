//! OpenAI chat completions: request checks, the upstream body, and usage in responses.

use bytes::Bytes;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};

use crate::error::ProxyError;

pub struct ChatRequest {
    body: Map<String, Value>,
    pub model: String,
    pub stream: bool,
    /// The client asked for the final usage chunk itself; otherwise Satu drops it.
    pub client_wants_usage: bool,
    /// Rough size of the prompt, for usage estimates when the upstream reports none.
    pub body_len: usize,
}

fn bad(message: impl Into<String>) -> ProxyError {
    ProxyError::BadRequest(message.into())
}

impl ChatRequest {
    pub fn parse(raw: &[u8]) -> Result<Self, ProxyError> {
        let value: Value = serde_json::from_slice(raw)
            .map_err(|e| bad(format!("The request body is not valid JSON: {e}")))?;
        let Value::Object(body) = value else {
            return Err(bad("The request body must be a JSON object."));
        };
        let model = match body.get("model") {
            Some(Value::String(m)) if !m.trim().is_empty() => m.clone(),
            Some(_) => return Err(bad("`model` must be a non-empty string.")),
            None => return Err(bad("You must provide a `model` parameter.")),
        };
        match body.get("messages") {
            Some(Value::Array(m)) if !m.is_empty() => {}
            Some(Value::Array(_)) => return Err(bad("`messages` must not be empty.")),
            Some(_) => return Err(bad("`messages` must be an array.")),
            None => return Err(bad("`messages` is a required property.")),
        }
        let stream = match body.get("stream") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(s)) => *s,
            Some(_) => return Err(bad("`stream` must be a boolean.")),
        };
        let client_wants_usage = body
            .get("stream_options")
            .and_then(|o| o.get("include_usage"))
            .and_then(Value::as_bool)
            .unwrap_or(false);
        Ok(Self {
            body,
            model,
            stream,
            client_wants_usage,
            body_len: raw.len(),
        })
    }

    /// The body sent upstream: the client's, with the model replaced and, for streams, the final
    /// usage chunk requested.
    pub fn upstream_body(&self, upstream_model: &str) -> Result<Bytes, ProxyError> {
        let mut body = self.body.clone();
        body.insert("model".to_owned(), Value::String(upstream_model.to_owned()));
        if self.stream {
            let options = body
                .entry("stream_options")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(o) = options {
                o.insert("include_usage".to_owned(), Value::Bool(true));
            } else {
                *options = serde_json::json!({ "include_usage": true });
            }
        }
        serde_json::to_vec(&body)
            .map(Bytes::from)
            .map_err(|_| ProxyError::Internal)
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Usage {
    #[serde(default)]
    pub prompt_tokens: i64,
    #[serde(default)]
    pub completion_tokens: i64,
    #[serde(default)]
    prompt_tokens_details: Option<PromptDetails>,
    #[serde(default)]
    completion_tokens_details: Option<CompletionDetails>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
struct PromptDetails {
    #[serde(default)]
    cached_tokens: Option<i64>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
struct CompletionDetails {
    #[serde(default)]
    reasoning_tokens: Option<i64>,
}

impl Usage {
    pub fn cached_tokens(&self) -> i64 {
        self.prompt_tokens_details
            .and_then(|d| d.cached_tokens)
            .unwrap_or(0)
    }
    pub fn reasoning_tokens(&self) -> i64 {
        self.completion_tokens_details
            .and_then(|d| d.reasoning_tokens)
            .unwrap_or(0)
    }
}

/// The parts of a response or stream chunk Satu looks at; everything else is skipped.
#[derive(Deserialize)]
struct Probe {
    #[serde(default)]
    choices: Option<Vec<IgnoredAny>>,
    #[serde(default)]
    usage: Option<Usage>,
}

/// Usage from a non-streamed response body.
pub fn usage_of_response(body: &[u8]) -> Option<Usage> {
    serde_json::from_slice::<Probe>(body).ok()?.usage
}

/// What a stream chunk carries: its usage, and whether it is the usage-only chunk that
/// `include_usage` adds (no choices).
pub fn probe_chunk(data: &[u8]) -> Option<(Usage, bool)> {
    let probe: Probe = serde_json::from_slice(data).ok()?;
    let usage = probe.usage?;
    let usage_only = probe.choices.is_none_or(|c| c.is_empty());
    Some((usage, usage_only))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_checked_like_openai_does() {
        for (body, needle) in [
            (&b"{"[..], "not valid JSON"),
            (b"[]", "JSON object"),
            (b"{\"messages\":[{}]}", "`model`"),
            (b"{\"model\":\"m\"}", "`messages`"),
            (b"{\"model\":\"m\",\"messages\":[]}", "must not be empty"),
            (
                b"{\"model\":\"m\",\"messages\":[{}],\"stream\":1}",
                "`stream`",
            ),
        ] {
            match ChatRequest::parse(body) {
                Err(ProxyError::BadRequest(msg)) => assert!(msg.contains(needle), "{msg}"),
                _ => unreachable!("{} should be rejected", String::from_utf8_lossy(body)),
            }
        }
    }

    #[test]
    fn streams_ask_the_upstream_for_usage() {
        let req = ChatRequest::parse(
            br#"{"model":"fast","messages":[{"role":"user","content":"hi"}],"stream":true,"temperature":0.2}"#,
        )
        .unwrap();
        assert!(req.stream && !req.client_wants_usage);
        let sent: Value =
            serde_json::from_slice(&req.upstream_body("gpt-4o-mini").unwrap()).unwrap();
        assert_eq!(sent["model"], "gpt-4o-mini");
        assert_eq!(sent["stream_options"]["include_usage"], true);
        assert_eq!(sent["temperature"], 0.2);
    }

    #[test]
    fn usage_is_read_from_captured_openai_payloads() {
        // Shapes captured from api.openai.com (gpt-4o-mini), trimmed.
        let response = br#"{"id":"chatcmpl-B9","object":"chat.completion","created":1741569952,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"#;
        let u = usage_of_response(response).unwrap();
        assert_eq!(
            (u.prompt_tokens, u.completion_tokens, u.cached_tokens()),
            (19, 10, 0)
        );

        let usage_chunk = br#"{"id":"chatcmpl-B9","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4o-mini-2024-07-18","system_fingerprint":"fp_06737a9306","choices":[],"usage":{"prompt_tokens":2006,"completion_tokens":300,"total_tokens":2306,"prompt_tokens_details":{"cached_tokens":1920},"completion_tokens_details":{"reasoning_tokens":128}}}"#;
        let (u, usage_only) = probe_chunk(usage_chunk).unwrap();
        assert!(usage_only);
        assert_eq!((u.cached_tokens(), u.reasoning_tokens()), (1920, 128));

        let content_chunk = br#"{"id":"chatcmpl-B9","object":"chat.completion.chunk","created":1741569952,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}"#;
        assert!(probe_chunk(content_chunk).is_none());
    }
}
