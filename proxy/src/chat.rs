//! `POST /v1/chat/completions`: authenticate, check, route, then hand over to a request task.

use std::time::Instant;

use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use tokio::sync::oneshot;

use crate::call::{self, Call, with_request_id};
use crate::error::ProxyError;
use crate::meter::Meter;
use crate::openai_chat::ChatRequest;
use crate::route;
use crate::state::ProxyState;

const ENDPOINT: &str = "chat_completions";

pub async fn chat_completions(
    State(state): State<ProxyState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let principal = match state.keys.authenticate(&headers).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let parsed = body
        .map_err(|rejection| body_error(&rejection, state.config.max_body_bytes))
        .and_then(|raw| ChatRequest::parse(&raw));
    let request = match parsed {
        Ok(request) => request,
        Err(e) => {
            let meter = Meter::new(principal, ENDPOINT, String::new(), false, started);
            return reject(&state, meter, e);
        }
    };
    let mut meter = Meter::new(
        principal.clone(),
        ENDPOINT,
        request.model.clone(),
        request.stream,
        started,
    );
    meter.set_prompt_estimate(request.body_len);
    let plan = match state.directory.accounts_of(principal.user_id).await {
        Ok(accounts) => route::plan(&accounts, &state.catalog.snapshot(), &request.model),
        Err(e) => Err(e),
    };
    let plan = match plan {
        Ok(plan) => plan,
        Err(e) => return reject(&state, meter, e),
    };
    meter.set_model(plan.model.clone(), plan.catalog.clone());
    let (head_tx, head_rx) = oneshot::channel();
    let call = Call {
        state: state.clone(),
        request,
        plan,
        meter,
    };
    state.tasks.spawn(call::run(call, head_tx));
    head_rx
        .await
        .unwrap_or_else(|_| ProxyError::Internal.into_response())
}

/// Records a request refused before it reached an upstream, and answers it.
fn reject(state: &ProxyState, mut meter: Meter, error: ProxyError) -> Response {
    let request_id = meter.request_id;
    meter.fail(error.status().as_u16(), error.kind());
    state.usage.record(meter.finish());
    with_request_id(error.into_response(), request_id)
}

fn body_error(rejection: &BytesRejection, limit: usize) -> ProxyError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ProxyError::BodyTooLarge(limit)
    } else {
        ProxyError::BadRequest(rejection.body_text())
    }
}
