//! The request sent to one upstream account: the client's own body when formats match
//! (only model, auth and required headers change), else a translation of the canonical request.
//! Subscription (OAuth) accounts add what their endpoints require.

use axum::http::{HeaderValue, header};
use bytes::Bytes;
use entities::{AccountKind, Provider};
use serde_json::{Map, Value, json};
use url::Url;

use crate::dialect::{Dialect, Format};
use crate::directory::Account;
use crate::error::ProxyError;
use crate::formats::{anthropic, gemini, openai_chat, openai_responses};
use crate::inbound::Inbound;
use crate::route::Target;

const ANTHROPIC_VERSION: &str = "2023-06-01";
const ANTHROPIC_OAUTH_BETA: &str = "oauth-2025-04-20";
/// Claude subscriptions take requests that present themselves as Claude Code.
const CLAUDE_CODE_IDENTITY: &str = "You are Claude Code, Anthropic's official CLI for Claude.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Passthrough,
    Translate,
}

pub struct Prepared {
    pub request: reqwest::RequestBuilder,
    pub format: Format,
    pub mode: Mode,
    /// The upstream streams even when the client did not ask (Codex backend): collect it.
    pub upstream_stream: bool,
    /// Code Assist wraps requests as `{model, project, request}` and answers as `{response}`.
    pub wrapped: bool,
}

/// What a provider endpoint needs beside the body.
pub struct Endpoint<'a> {
    pub codex_originator: &'a str,
}

pub fn prepare(
    http: &reqwest::Client,
    inbound: &Inbound,
    target: &Target,
    endpoint: &Endpoint<'_>,
) -> Result<Prepared, ProxyError> {
    let account = &target.account;
    let format = Format::for_request(account.provider, account.kind, inbound.dialect)
        .ok_or(ProxyError::Internal)?;
    // Legacy completions callers read text_completion objects: always translated.
    let same = format == inbound.dialect.format() && inbound.dialect != Dialect::OpenAiCompletions;
    let mode = if same {
        Mode::Passthrough
    } else {
        Mode::Translate
    };
    let codex = account.provider == Provider::OpenAi && account.kind == AccountKind::OAuth;
    let wrapped = account.provider == Provider::Gemini && account.kind == AccountKind::OAuth;
    let upstream_stream = inbound.stream || codex;
    let body = if forwards_verbatim(inbound, target, format, mode) {
        inbound.raw_bytes.clone()
    } else {
        let mut body = match mode {
            Mode::Passthrough => passthrough_body(inbound, &target.upstream_model, format),
            Mode::Translate => {
                translated_body(inbound, &target.upstream_model, format, account.provider)
            }
        };
        if let Value::Object(map) = &mut body {
            adjust_for_subscription(map, account, format, codex);
        }
        if wrapped {
            body = json!({"model": target.upstream_model, "project": account.project_id, "request": body});
        }
        Bytes::from(serde_json::to_vec(&body).map_err(|_| ProxyError::Internal)?)
    };
    let accept = if upstream_stream {
        "text/event-stream"
    } else {
        "application/json"
    };
    let request = authorized(
        http,
        inbound,
        target,
        format,
        mode,
        upstream_stream,
        endpoint,
    )
    .header(header::CONTENT_TYPE, "application/json")
    .header(header::ACCEPT, accept)
    .body(body);
    Ok(Prepared {
        request,
        format,
        mode,
        upstream_stream,
        wrapped,
    })
}

fn authorized(
    http: &reqwest::Client,
    inbound: &Inbound,
    target: &Target,
    format: Format,
    mode: Mode,
    stream: bool,
    endpoint: &Endpoint<'_>,
) -> reqwest::RequestBuilder {
    let account = &target.account;
    let base = account.base_url.as_str();
    let oauth = account.kind == AccountKind::OAuth;
    match format {
        Format::OpenAiChat => http
            .post(endpoint_url(&account.base_url, "/chat/completions"))
            .bearer_auth(&account.secret),
        Format::OpenAiResponses => {
            let r = http
                .post(endpoint_url(&account.base_url, "/responses"))
                .bearer_auth(&account.secret);
            if !oauth {
                return r;
            }
            let r = r.header("originator", endpoint.codex_originator);
            match &account.chatgpt_account_id {
                Some(id) => r.header("chatgpt-account-id", id),
                None => r,
            }
        }
        Format::Gemini => {
            let action = if stream {
                "streamGenerateContent?alt=sse"
            } else {
                "generateContent"
            };
            if oauth {
                http.post(format!("{base}:{action}"))
                    .bearer_auth(&account.secret)
            } else {
                let model = &target.upstream_model;
                http.post(format!("{base}/models/{model}:{action}"))
                    .header("x-goog-api-key", &account.secret)
            }
        }
        Format::Anthropic => anthropic_request(http, inbound, account, mode),
    }
}

/// `base` with `path` appended. Only the path is parsed again: a URL built by formatting would
/// be parsed whole (host included) on every request.
fn endpoint_url(base: &Url, path: &str) -> Url {
    let mut url = base.clone();
    url.set_path(&format!("{}{path}", base.path().trim_end_matches('/')));
    url
}

fn anthropic_request(
    http: &reqwest::Client,
    inbound: &Inbound,
    account: &Account,
    mode: Mode,
) -> reqwest::RequestBuilder {
    let same = mode == Mode::Passthrough;
    let version = inbound
        .anthropic_version
        .clone()
        .filter(|_| same)
        .unwrap_or(HeaderValue::from_static(ANTHROPIC_VERSION));
    let client_beta = inbound
        .anthropic_beta
        .as_ref()
        .filter(|_| same)
        .and_then(|b| b.to_str().ok());
    let r = http
        .post(endpoint_url(&account.base_url, "/messages"))
        .header("anthropic-version", version);
    match account.kind {
        AccountKind::ApiKey => {
            let r = r.header("x-api-key", &account.secret);
            match client_beta {
                Some(beta) => r.header("anthropic-beta", beta),
                None => r,
            }
        }
        AccountKind::OAuth => {
            let beta = match client_beta {
                Some(b) if b.split(',').any(|x| x.trim() == ANTHROPIC_OAUTH_BETA) => b.to_owned(),
                Some(b) => format!("{ANTHROPIC_OAUTH_BETA},{b}"),
                None => ANTHROPIC_OAUTH_BETA.to_owned(),
            };
            r.bearer_auth(&account.secret)
                .header("anthropic-beta", beta)
        }
    }
}

/// What subscription endpoints require of the body.
fn adjust_for_subscription(
    body: &mut Map<String, Value>,
    account: &Account,
    format: Format,
    codex: bool,
) {
    if codex && format == Format::OpenAiResponses {
        // The Codex backend always streams, never stores, and wants instructions.
        body.insert("stream".into(), Value::Bool(true));
        body.insert("store".into(), Value::Bool(false));
        body.entry("instructions")
            .or_insert_with(|| Value::String(String::new()));
        for unsupported in ["max_output_tokens", "temperature", "top_p"] {
            body.remove(unsupported);
        }
    }
    if account.provider == Provider::Anthropic && account.kind == AccountKind::OAuth {
        claude_code_identity(body);
    }
}

/// Prepends Claude Code's identity line to the system prompt unless it is already there.
fn claude_code_identity(body: &mut Map<String, Value>) {
    let identity = json!({"type": "text", "text": CLAUDE_CODE_IDENTITY});
    let system = match body.remove("system") {
        None => vec![identity],
        Some(Value::String(s)) if s.starts_with(CLAUDE_CODE_IDENTITY) => {
            vec![json!({"type": "text", "text": s})]
        }
        Some(Value::String(s)) => vec![identity, json!({"type": "text", "text": s})],
        Some(Value::Array(blocks)) => {
            let present = blocks.iter().any(|b| {
                b["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with(CLAUDE_CODE_IDENTITY))
            });
            if present {
                blocks
            } else {
                std::iter::once(identity).chain(blocks).collect()
            }
        }
        Some(other) => vec![identity, other],
    };
    body.insert("system".into(), Value::Array(system));
}

/// A passthrough to an API-key account that would change nothing in the body: same model name,
/// and (OpenAI chat streams) the final usage chunk already asked for. The client's bytes go on
/// as they came, without a copy of the parsed body or a new serialization.
fn forwards_verbatim(inbound: &Inbound, target: &Target, format: Format, mode: Mode) -> bool {
    let same_model = format == Format::Gemini || inbound.model == target.upstream_model;
    let usage_asked =
        !(format == Format::OpenAiChat && inbound.stream) || inbound.client_wants_usage;
    mode == Mode::Passthrough
        && target.account.kind == AccountKind::ApiKey
        && same_model
        && usage_asked
}

fn passthrough_body(inbound: &Inbound, model: &str, format: Format) -> Value {
    let mut body = match &inbound.raw {
        Some(map) => map.clone(),
        // Checked to be a JSON object when it arrived.
        None => serde_json::from_slice(&inbound.raw_bytes).unwrap_or_default(),
    };
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
            other => *other = json!({ "include_usage": true }),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_urls_append_to_the_base_path() {
        let base: Url = "http://127.0.0.1:9/v1".parse().unwrap();
        assert_eq!(
            endpoint_url(&base, "/messages").as_str(),
            "http://127.0.0.1:9/v1/messages"
        );
        let slash: Url = "https://api.example.com/v1/".parse().unwrap();
        assert_eq!(
            endpoint_url(&slash, "/responses").as_str(),
            "https://api.example.com/v1/responses"
        );
        let root: Url = "https://api.example.com".parse().unwrap();
        assert_eq!(
            endpoint_url(&root, "/chat/completions").as_str(),
            "https://api.example.com/chat/completions"
        );
    }
}
