//! The request sent to one upstream account: the client's own body when formats match
//! (only model, auth and required headers change), else a translation of the canonical request.
//! What the account's provider requires (endpoint, credentials, body changes, envelope) is its
//! spoke's business (`crate::providers`).

use axum::http::header;
use axum::http::{HeaderMap, HeaderValue, Method, Request};
use bytes::Bytes;
use http_body_util::Full;
use serde_json::{Map, Value, json};

use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::formats::openai_chat::request::MaxTokensField;
use crate::formats::{anthropic, gemini, openai_chat, openai_responses};
use crate::inbound::Inbound;
use crate::providers::{Spoke, SpokeSettings, UpstreamCall};
use crate::route::Target;
use crate::upstream_client::UpstreamRequest;

const USER_AGENT: HeaderValue =
    HeaderValue::from_static(concat!("satu/", env!("CARGO_PKG_VERSION")));
const JSON: HeaderValue = HeaderValue::from_static("application/json");
const EVENT_STREAM: HeaderValue = HeaderValue::from_static("text/event-stream");

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
    pub spoke: &'static dyn Spoke,
}

pub fn prepare(
    inbound: &Inbound,
    target: &Target,
    settings: &SpokeSettings,
) -> Result<Prepared, ProxyError> {
    let spoke = target.account.spoke;
    let format = spoke.format(inbound.dialect);
    // Legacy completions callers read text_completion objects: always translated.
    let same = format == inbound.dialect.format() && inbound.dialect != Dialect::OpenAiCompletions;
    let mode = if same {
        Mode::Passthrough
    } else {
        Mode::Translate
    };
    let upstream_stream = inbound.stream || spoke.always_streams();
    let call = UpstreamCall {
        inbound,
        target,
        format,
        mode,
        stream: upstream_stream,
        settings,
    };
    let body = body(&call, spoke)?;
    let mut headers = HeaderMap::with_capacity(8);
    headers.insert(header::CONTENT_TYPE, JSON);
    let accept = if upstream_stream { EVENT_STREAM } else { JSON };
    headers.insert(header::ACCEPT, accept);
    headers.insert(header::USER_AGENT, USER_AGENT);
    let uri = spoke.endpoint(&call, &mut headers)?;
    let mut request = Request::new(Full::new(body));
    *request.method_mut() = Method::POST;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(Prepared {
        request,
        format,
        mode,
        upstream_stream,
        spoke,
    })
}

/// The bytes sent: the client's own when nothing in them changes, else the passthrough or
/// translated body as the spoke needs it.
fn body(call: &UpstreamCall<'_>, spoke: &dyn Spoke) -> Result<Bytes, ProxyError> {
    let (inbound, target) = (call.inbound, call.target);
    if forwards_verbatim(call, spoke) {
        return Ok(inbound.raw_bytes.clone());
    }
    let model = &target.upstream_model;
    let mut body = match call.mode {
        Mode::Passthrough => passthrough_body(inbound, model, call.format),
        Mode::Translate => translated_body(inbound, model, call.format, spoke.max_tokens_field())?,
    };
    if let Value::Object(map) = &mut body {
        spoke.adjust_body(map, call);
    }
    let body = spoke.envelope(body, target);
    Ok(Bytes::from(
        serde_json::to_vec(&body).map_err(|_| ProxyError::Internal)?,
    ))
}

/// A passthrough that would change nothing in the body: same model name, (OpenAI chat
/// streams) the final usage chunk already asked for, and nothing the spoke adds. The client's
/// bytes go on as they came, without a copy of the parsed body or a new serialization.
fn forwards_verbatim(call: &UpstreamCall<'_>, spoke: &dyn Spoke) -> bool {
    let (inbound, target, format) = (call.inbound, call.target, call.format);
    let same_model = format == Format::Gemini || inbound.model == target.upstream_model;
    let usage_asked =
        !(format == Format::OpenAiChat && inbound.stream) || inbound.client_wants_usage;
    call.mode == Mode::Passthrough
        && spoke.forwards_verbatim(target.account.kind)
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
        ask_for_stream_usage(&mut body);
    }
    Value::Object(body)
}

fn ask_for_stream_usage(body: &mut Map<String, Value>) {
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

fn translated_body(
    inbound: &Inbound,
    model: &str,
    format: Format,
    max_field: MaxTokensField,
) -> Result<Value, ProxyError> {
    let mut request = inbound.canonical.clone();
    request.model = model.to_owned();
    // Signatures belong to the provider that made them; this one is another.
    request.drop_foreign_thinking();
    Ok(match format {
        Format::OpenAiChat => openai_chat::request::from_canonical(&request, max_field),
        Format::Anthropic => serde_json::to_value(anthropic::request::from_canonical(&request))
            .map_err(|_| ProxyError::Internal)?,
        Format::Gemini => serde_json::to_value(gemini::request::from_canonical(&request))
            .map_err(|_| ProxyError::Internal)?,
        Format::OpenAiResponses => openai_responses::request::from_canonical(&request),
    })
}
