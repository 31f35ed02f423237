//! The entry of every proxied request, whatever the dialect: authenticate, check, route, then
//! run the call. Every error is answered in the caller's dialect.

use std::time::Instant;

use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use entities::model_catalog::Model as CatalogModel;

use crate::auth::Principal;
use crate::call::{self, Call, with_request_id};
use crate::count_tokens;
use crate::dialect::Dialect;
use crate::error::ProxyError;
use crate::inbound::{self, GeminiCall, Inbound};
use crate::limits::Admission;
use crate::meter::Meter;
use crate::refusals;
use crate::route::{self, Replacement};
use crate::state::ProxyState;
use crate::traces::TraceParent;

/// Names the retired model a request asked for and the replacement that served it.
const MODEL_REPLACED: HeaderName = HeaderName::from_static("x-satu-model-replaced");

pub async fn chat_completions(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(state, Dialect::OpenAiChat, query, headers, body, None).await
}

pub async fn completions(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(
        state,
        Dialect::OpenAiCompletions,
        query,
        headers,
        body,
        None,
    )
    .await
}

pub async fn responses(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(state, Dialect::OpenAiResponses, query, headers, body, None).await
}

pub async fn messages(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(state, Dialect::Anthropic, query, headers, body, None).await
}

/// `POST /v1beta/models/{model}:{generateContent|streamGenerateContent|countTokens}`.
pub async fn gemini(
    State(state): State<ProxyState>,
    Path(target): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some((model, action)) = target.rsplit_once(':') else {
        let shown: String = target.chars().take(100).collect();
        return ProxyError::ModelNotFound(format!("Unknown method `{shown}`."))
            .render(Dialect::Gemini);
    };
    let model = model.trim_start_matches("models/").to_owned();
    let sse = query_param(query.as_deref(), "alt").as_deref() == Some("sse");
    let call = match action {
        "generateContent" => GeminiCall {
            model,
            stream: false,
            sse: false,
        },
        "streamGenerateContent" => GeminiCall {
            model,
            stream: true,
            sse,
        },
        "countTokens" => return count_tokens::gemini(state, query, headers, body).await,
        _ => {
            let shown: String = action.chars().take(100).collect();
            return ProxyError::ModelNotFound(format!("Unknown method `{shown}`."))
                .render(Dialect::Gemini);
        }
    };
    handle(state, Dialect::Gemini, query, headers, body, Some(call)).await
}

/// A query parameter, URL-decoded.
pub fn query_param(query: Option<&str>, name: &str) -> Option<String> {
    url::form_urlencoded::parse(query?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

async fn handle(
    state: ProxyState,
    dialect: Dialect,
    query: Option<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
    gemini: Option<GeminiCall>,
) -> Response {
    let started = Instant::now();
    let query_key = query_param(query.as_deref(), "key");
    let principal = match state.keys.identify(&headers, query_key.as_deref()).await {
        Ok(p) => p,
        Err(e) => return e.render(dialect),
    };
    let parent = state
        .traces
        .as_ref()
        .and_then(|_| TraceParent::from_headers(&headers));
    if principal.suspended {
        // Recorded like any refusal: operators see a suspended account's keys still in use.
        let meter =
            Meter::new(principal, dialect.endpoint(), String::new(), false, started).traced(parent);
        return reject(&state, meter, ProxyError::Suspended, dialect);
    }
    let parsed = body
        .map_err(|rejection| body_error(&rejection, state.config.max_body_bytes))
        .and_then(|raw| inbound::parse(dialect, &raw, &headers, gemini.as_ref()));
    let inbound = match parsed {
        Ok(inbound) => inbound,
        Err(e) => {
            let meter = Meter::new(principal, dialect.endpoint(), String::new(), false, started)
                .traced(parent);
            return reject(&state, meter, e, dialect);
        }
    };
    let mut meter = Meter::new(
        principal.clone(),
        dialect.endpoint(),
        inbound.model.clone(),
        inbound.stream,
        started,
    )
    .traced(parent);
    meter.set_prompt_estimate(inbound.body_len);
    let plan = match state.directory.accounts_of(principal.workspace()).await {
        Ok(accounts) => {
            let catalog = state.catalog.snapshot();
            let router = route::Router {
                accounts: &accounts,
                catalog: &catalog,
                cooldowns: &state.cooldowns,
                latencies: &state.latencies,
            };
            // Hashing the conversation costs a pass over the prompt: only when it is used.
            let affinity = accounts
                .routing
                .session_affinity
                .then(|| route::affinity_key(principal.workspace().id(), &inbound.canonical));
            router.plan(&inbound.model, affinity)
        }
        Err(e) => Err(e),
    };
    let plan = match plan {
        Ok(plan) => plan,
        Err(e) => return reject(&state, meter, e, dialect),
    };
    let price = plan.targets.first().and_then(|t| t.catalog.as_deref());
    let admission = match admit(&state, &principal, &inbound, price).await {
        Ok(admission) => admission,
        Err(e) => return reject(&state, meter, e, dialect),
    };
    // A refusal above names no account: nothing was sent anywhere.
    if let Some(first) = plan.targets.first() {
        meter.set_target(first);
    }
    meter.hold(admission.reservation);
    let replaced = plan.replaced.as_ref().map(Replacement::header_value);
    let call = Call {
        state,
        inbound,
        plan,
        meter,
    };
    let mut response = call::run(call).await;
    admission.headers.apply(response.headers_mut());
    if let Some(value) = replaced.and_then(|v| HeaderValue::from_str(&v).ok()) {
        response.headers_mut().insert(MODEL_REPLACED, value);
    }
    response
}

/// Quotas and rate limits: the request's share is reserved, or it is refused.
async fn admit(
    state: &ProxyState,
    principal: &Principal,
    inbound: &Inbound,
    price: Option<&CatalogModel>,
) -> Result<Admission, ProxyError> {
    let prompt_tokens =
        || i64::try_from(count_tokens::estimate(&inbound.canonical)).unwrap_or(i64::MAX);
    let max_output = inbound.canonical.max_tokens;
    state
        .limits
        .admit(principal, prompt_tokens, max_output, price)
        .await
}

/// Records a request refused before it reached an upstream (within the key's refusal
/// budget), and answers it.
fn reject(state: &ProxyState, mut meter: Meter, error: ProxyError, dialect: Dialect) -> Response {
    let request_id = meter.request_id;
    meter.fail(error.status().as_u16(), error.kind());
    let timing = meter.timing();
    let usage = meter.finish();
    if let Some(traces) = &state.traces {
        traces.record(&usage, timing);
    }
    if state.refusals.spend(usage.api_key_id) {
        state.usage.record_refusal(usage);
    } else {
        metrics::counter!(refusals::UNRECORDED_METRIC).increment(1);
    }
    with_request_id(error.render(dialect), request_id)
}

pub fn body_error(rejection: &BytesRejection, limit: usize) -> ProxyError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ProxyError::BodyTooLarge(limit)
    } else {
        ProxyError::BadRequest(rejection.body_text())
    }
}
