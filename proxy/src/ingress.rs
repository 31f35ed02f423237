//! The entry of every proxied request, whatever the dialect: authenticate, check, route, then
//! hand over to a request task. Every error is answered in the caller's dialect.

use std::time::Instant;

use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use tokio::sync::oneshot;

use crate::call::{self, Call, with_request_id};
use crate::dialect::Dialect;
use crate::error::ProxyError;
use crate::inbound;
use crate::meter::Meter;
use crate::route;
use crate::state::ProxyState;

pub async fn chat_completions(
    State(state): State<ProxyState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(state, Dialect::OpenAiChat, headers, body).await
}

pub async fn messages(
    State(state): State<ProxyState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    handle(state, Dialect::Anthropic, headers, body).await
}

async fn handle(
    state: ProxyState,
    dialect: Dialect,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let principal = match state.keys.authenticate(&headers).await {
        Ok(p) => p,
        Err(e) => return e.render(dialect),
    };
    let parsed = body
        .map_err(|rejection| body_error(&rejection, state.config.max_body_bytes))
        .and_then(|raw| inbound::parse(dialect, &raw, &headers));
    let inbound = match parsed {
        Ok(inbound) => inbound,
        Err(e) => {
            let meter = Meter::new(principal, dialect.endpoint(), String::new(), false, started);
            return reject(&state, meter, e, dialect);
        }
    };
    let mut meter = Meter::new(
        principal.clone(),
        dialect.endpoint(),
        inbound.model.clone(),
        inbound.stream,
        started,
    );
    meter.set_prompt_estimate(inbound.body_len);
    let plan = match state.directory.accounts_of(principal.user_id).await {
        Ok(accounts) => {
            let catalog = state.catalog.snapshot();
            let router = route::Router {
                accounts: &accounts,
                catalog: &catalog,
                cooldowns: &state.cooldowns,
                latencies: &state.latencies,
            };
            let affinity = route::affinity_key(principal.user_id, &inbound.canonical);
            router.plan(&inbound.model, Some(affinity))
        }
        Err(e) => Err(e),
    };
    let plan = match plan {
        Ok(plan) => plan,
        Err(e) => return reject(&state, meter, e, dialect),
    };
    if let Some(first) = plan.targets.first() {
        meter.set_target(first);
    }
    let (head_tx, head_rx) = oneshot::channel();
    let call = Call {
        state: state.clone(),
        inbound,
        plan,
        meter,
    };
    state.tasks.spawn(call::run(call, head_tx));
    head_rx
        .await
        .unwrap_or_else(|_| ProxyError::Internal.render(dialect))
}

/// Records a request refused before it reached an upstream, and answers it.
fn reject(state: &ProxyState, mut meter: Meter, error: ProxyError, dialect: Dialect) -> Response {
    let request_id = meter.request_id;
    meter.fail(error.status().as_u16(), error.kind());
    state.usage.record(meter.finish());
    with_request_id(error.render(dialect), request_id)
}

fn body_error(rejection: &BytesRejection, limit: usize) -> ProxyError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ProxyError::BodyTooLarge(limit)
    } else {
        ProxyError::BadRequest(rejection.body_text())
    }
}
