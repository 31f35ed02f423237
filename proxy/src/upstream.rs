//! The request sent to one upstream account: the client's own body when formats match
//! (only model, auth and required headers change), else a translation of the canonical request.

use axum::http::{HeaderValue, header};
use entities::Provider;
use serde_json::Value;

use crate::dialect::Format;
use crate::error::ProxyError;
use crate::formats::{anthropic, gemini, openai_chat, openai_responses};
use crate::inbound::Inbound;
use crate::route::Target;

const ANTHROPIC_VERSION: &str = "2023-06-01";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Passthrough,
    Translate,
}

pub struct Prepared {
    pub request: reqwest::RequestBuilder,
    pub format: Format,
    pub mode: Mode,
}

pub fn prepare(
    http: &reqwest::Client,
    inbound: &Inbound,
    target: &Target,
) -> Result<Prepared, ProxyError> {
    let account = &target.account;
    let format =
        Format::for_request(account.provider, inbound.dialect).ok_or(ProxyError::Internal)?;
    let mode = if format == inbound.dialect.format() {
        Mode::Passthrough
    } else {
        Mode::Translate
    };
    let body = match mode {
        Mode::Passthrough => passthrough_body(inbound, &target.upstream_model, format),
        Mode::Translate => {
            translated_body(inbound, &target.upstream_model, format, account.provider)
        }
    };
    let body = serde_json::to_vec(&body).map_err(|_| ProxyError::Internal)?;
    let base = account.base_url.as_str();
    let accept = if inbound.stream {
        "text/event-stream"
    } else {
        "application/json"
    };
    let request = match format {
        Format::OpenAiChat => http
            .post(format!("{base}/chat/completions"))
            .bearer_auth(&account.api_key),
        Format::OpenAiResponses => http
            .post(format!("{base}/responses"))
            .bearer_auth(&account.api_key),
        Format::Gemini => {
            let model = &target.upstream_model;
            let url = if inbound.stream {
                format!("{base}/models/{model}:streamGenerateContent?alt=sse")
            } else {
                format!("{base}/models/{model}:generateContent")
            };
            http.post(url).header("x-goog-api-key", &account.api_key)
        }
        Format::Anthropic => {
            let mut r = http
                .post(format!("{base}/messages"))
                .header("x-api-key", &account.api_key);
            let same = mode == Mode::Passthrough;
            let version = inbound
                .anthropic_version
                .clone()
                .filter(|_| same)
                .unwrap_or(HeaderValue::from_static(ANTHROPIC_VERSION));
            r = r.header("anthropic-version", version);
            if let Some(beta) = inbound.anthropic_beta.clone().filter(|_| same) {
                r = r.header("anthropic-beta", beta);
            }
            r
        }
    };
    Ok(Prepared {
        request: request
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, accept)
            .body(body),
        format,
        mode,
    })
}

fn passthrough_body(inbound: &Inbound, model: &str, format: Format) -> Value {
    let mut body = inbound.raw.clone();
    if format != Format::Gemini {
        body.insert("model".to_owned(), Value::String(model.to_owned()));
    }
    if format == Format::OpenAiChat && inbound.stream {
        let options = body
            .entry("stream_options")
            .or_insert_with(|| Value::Object(Default::default()));
        match options {
            Value::Object(o) => {
                o.insert("include_usage".to_owned(), Value::Bool(true));
            }
            other => *other = serde_json::json!({ "include_usage": true }),
        }
    }
    Value::Object(body)
}

fn translated_body(inbound: &Inbound, model: &str, format: Format, provider: Provider) -> Value {
    let mut request = inbound.canonical.clone();
    request.model = model.to_owned();
    // Signatures belong to the provider that made them; this one is another.
    request.drop_foreign_thinking();
    match format {
        Format::OpenAiChat => {
            let field = if provider == Provider::OpenAi {
                openai_chat::request::MaxTokensField::MaxCompletionTokens
            } else {
                openai_chat::request::MaxTokensField::MaxTokens
            };
            openai_chat::request::from_canonical(&request, field)
        }
        Format::Anthropic => serde_json::to_value(anthropic::request::from_canonical(&request))
            .unwrap_or(Value::Null),
        Format::Gemini => {
            serde_json::to_value(gemini::request::from_canonical(&request)).unwrap_or(Value::Null)
        }
        Format::OpenAiResponses => openai_responses::request::from_canonical(&request),
    }
}
