//! The request sent to one upstream account: the client's own body when formats match
//! (only model, auth and required headers change), else a translation of the canonical request.
//! Subscription (OAuth) accounts add what their endpoints require.

use axum::http::header::{self, HeaderName};
use axum::http::{HeaderMap, HeaderValue, Method, Request, Uri};
use bytes::Bytes;
use entities::{AccountKind, Provider};
use http_body_util::Full;
use serde_json::{Map, Value, json};
use url::Url;

use crate::dialect::{Dialect, Format};
use crate::directory::Account;
use crate::error::ProxyError;
use crate::formats::{anthropic, gemini, openai_chat, openai_responses};
use crate::inbound::Inbound;
use crate::route::Target;
use crate::upstream_client::UpstreamRequest;

const ANTHROPIC_VERSION: &str = "2023-06-01";
const ANTHROPIC_OAUTH_BETA: &str = "oauth-2025-04-20";
/// Claude subscriptions take requests that present themselves as Claude Code.
const CLAUDE_CODE_IDENTITY: &str = "You are Claude Code, Anthropic's official CLI for Claude.";
const USER_AGENT: HeaderValue =
    HeaderValue::from_static(concat!("satu/", env!("CARGO_PKG_VERSION")));
const JSON: HeaderValue = HeaderValue::from_static("application/json");
const EVENT_STREAM: HeaderValue = HeaderValue::from_static("text/event-stream");
const ANTHROPIC_VERSION_HEADER: HeaderName = HeaderName::from_static("anthropic-version");
const ANTHROPIC_BETA: HeaderName = HeaderName::from_static("anthropic-beta");
const X_API_KEY: HeaderName = HeaderName::from_static("x-api-key");
const X_GOOG_API_KEY: HeaderName = HeaderName::from_static("x-goog-api-key");
const ORIGINATOR: HeaderName = HeaderName::from_static("originator");
const CHATGPT_ACCOUNT_ID: HeaderName = HeaderName::from_static("chatgpt-account-id");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Passthrough,
    Translate,
}

pub struct Prepared {
    pub request: UpstreamRequest,
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
    let mut headers = HeaderMap::with_capacity(8);
    headers.insert(header::CONTENT_TYPE, JSON);
    let accept = if upstream_stream { EVENT_STREAM } else { JSON };
    headers.insert(header::ACCEPT, accept);
    headers.insert(header::USER_AGENT, USER_AGENT);
    let uri = authorized(
        &mut headers,
        inbound,
        target,
        format,
        mode,
        upstream_stream,
        endpoint,
    )?;
    let mut request = Request::new(Full::new(body));
    *request.method_mut() = Method::POST;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(Prepared {
        request,
        format,
        mode,
        upstream_stream,
        wrapped,
    })
}

/// The endpoint's URI; its credentials and required headers go into `headers`.
fn authorized(
    headers: &mut HeaderMap,
    inbound: &Inbound,
    target: &Target,
    format: Format,
    mode: Mode,
    stream: bool,
    endpoint: &Endpoint<'_>,
) -> Result<Uri, ProxyError> {
    let account = &target.account;
    let oauth = account.kind == AccountKind::OAuth;
    match format {
        Format::OpenAiChat => {
            headers.insert(header::AUTHORIZATION, bearer(&account.secret)?);
            endpoint_uri(&account.base_url, "/chat/completions")
        }
        Format::OpenAiResponses => {
            headers.insert(header::AUTHORIZATION, bearer(&account.secret)?);
            if oauth {
                headers.insert(ORIGINATOR, value(endpoint.codex_originator)?);
                if let Some(id) = &account.chatgpt_account_id {
                    headers.insert(CHATGPT_ACCOUNT_ID, value(id)?);
                }
            }
            endpoint_uri(&account.base_url, "/responses")
        }
        Format::Gemini => {
            let action = if stream {
                "streamGenerateContent?alt=sse"
            } else {
                "generateContent"
            };
            let base = account.base_url.as_str();
            if oauth {
                headers.insert(header::AUTHORIZATION, bearer(&account.secret)?);
                parse_uri(format!("{base}:{action}"))
            } else {
                headers.insert(X_GOOG_API_KEY, secret(&account.secret)?);
                let model = &target.upstream_model;
                parse_uri(format!("{base}/models/{model}:{action}"))
            }
        }
        Format::Anthropic => {
            anthropic_headers(headers, inbound, account, mode)?;
            endpoint_uri(&account.base_url, "/messages")
        }
    }
}

/// `base` with `path` appended. Base URLs are stored without a trailing slash; one with a
/// query or fragment still gets the path in the right place.
fn endpoint_uri(base: &Url, path: &str) -> Result<Uri, ProxyError> {
    if base.query().is_none() && base.fragment().is_none() {
        return parse_uri(format!("{}{path}", base.as_str().trim_end_matches('/')));
    }
    let mut url = base.clone();
    url.set_path(&format!("{}{path}", base.path().trim_end_matches('/')));
    parse_uri(url.into())
}

/// A URI from text; text the strict URI grammar refuses (a model name with a space, say) is
/// percent-encoded by the URL parser first.
fn parse_uri(text: String) -> Result<Uri, ProxyError> {
    Uri::try_from(text.as_str())
        .ok()
        .or_else(|| {
            let url = Url::parse(&text).ok()?;
            Uri::try_from(url.as_str()).ok()
        })
        .ok_or(ProxyError::UpstreamInvalid)
}

fn value(text: &str) -> Result<HeaderValue, ProxyError> {
    HeaderValue::from_str(text).map_err(|_| ProxyError::UpstreamAuth)
}

/// A credential header, kept out of debug output and HTTP/2 header compression tables.
fn secret(text: &str) -> Result<HeaderValue, ProxyError> {
    let mut value = value(text)?;
    value.set_sensitive(true);
    Ok(value)
}

fn bearer(token: &str) -> Result<HeaderValue, ProxyError> {
    secret(&format!("Bearer {token}"))
}

fn anthropic_headers(
    headers: &mut HeaderMap,
    inbound: &Inbound,
    account: &Account,
    mode: Mode,
) -> Result<(), ProxyError> {
    let same = mode == Mode::Passthrough;
    let version = inbound
        .anthropic_version
        .clone()
        .filter(|_| same)
        .unwrap_or(HeaderValue::from_static(ANTHROPIC_VERSION));
    headers.insert(ANTHROPIC_VERSION_HEADER, version);
    let client_beta = inbound
        .anthropic_beta
        .as_ref()
        .filter(|_| same)
        .and_then(|b| b.to_str().ok());
    match account.kind {
        AccountKind::ApiKey => {
            headers.insert(X_API_KEY, secret(&account.secret)?);
            if let Some(beta) = client_beta {
                headers.insert(ANTHROPIC_BETA, value(beta)?);
            }
        }
        AccountKind::OAuth => {
            let beta = match client_beta {
                Some(b) if b.split(',').any(|x| x.trim() == ANTHROPIC_OAUTH_BETA) => b.to_owned(),
                Some(b) => format!("{ANTHROPIC_OAUTH_BETA},{b}"),
                None => ANTHROPIC_OAUTH_BETA.to_owned(),
            };
            headers.insert(header::AUTHORIZATION, bearer(&account.secret)?);
            headers.insert(ANTHROPIC_BETA, value(&beta)?);
        }
    }
    Ok(())
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
        let cases = [
            (
                "http://127.0.0.1:9/v1",
                "/messages",
                "http://127.0.0.1:9/v1/messages",
            ),
            (
                "https://api.example.com/v1/",
                "/responses",
                "https://api.example.com/v1/responses",
            ),
            (
                "https://api.example.com",
                "/chat/completions",
                "https://api.example.com/chat/completions",
            ),
            (
                "https://gw.example.com/v1?region=eu",
                "/messages",
                "https://gw.example.com/v1/messages?region=eu",
            ),
        ];
        for (base, path, expected) in cases {
            let base: Url = base.parse().unwrap();
            assert_eq!(endpoint_uri(&base, path).unwrap().to_string(), expected);
        }
    }

    #[test]
    fn text_outside_the_uri_grammar_is_encoded() {
        let uri = parse_uri("https://g.example.com/models/my model:generateContent".into());
        assert_eq!(
            uri.unwrap().to_string(),
            "https://g.example.com/models/my%20model:generateContent"
        );
    }
}
