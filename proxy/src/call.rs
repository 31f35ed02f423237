//! One proxied request and its usage record: whether the client waits, hangs up, or the
//! server shuts down, exactly one usage event is written.

use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use entities::AccountKind;
use entities::account_cooldowns::CooldownChange;
use futures::FutureExt;
use futures::stream::StreamExt;

use crate::cooldown::Cause;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::inbound::Inbound;
use crate::meter::Meter;
use crate::oauth::refresh::{Need, RefreshError};
use crate::providers::Spoke;
use crate::retry_hint::retry_after;
use crate::route::{RoutePlan, Target};
use crate::state::ProxyState;
use crate::transform::StreamTransform;
use crate::upstream::{self, Mode};
use crate::upstream_client::{self as client, ByteStream, classify};
use crate::{aggregate, codec, pump, upstream_metrics};

pub struct Call {
    pub state: ProxyState,
    pub inbound: Inbound,
    pub plan: RoutePlan,
    pub meter: Meter,
}

/// An upstream that answered successfully, before anything was sent to the client.
struct Started {
    format: Format,
    mode: Mode,
    spoke: &'static dyn Spoke,
    body: StartedBody,
}

enum StartedBody {
    Whole(Bytes),
    /// A stream read to its end for a caller that did not ask to stream.
    Collected(crate::canonical::Response),
    Stream {
        first: Bytes,
        rest: ByteStream,
    },
}

enum Failure {
    /// Worth trying the next account.
    Retryable(ProxyError),
    /// The upstream refused the request itself (a 4xx other than auth or rate limits).
    Upstream {
        status: StatusCode,
        body: Bytes,
        format: Format,
        /// False when the body was longer than we read: it is not passed on as it is.
        complete: bool,
    },
    /// Stop here with this error.
    Fatal(ProxyError),
    /// The upstream answered 401: an OAuth token is refreshed once and the attempt repeated.
    Unauthorized,
}

impl Failure {
    /// A 401 that will not be retried on this account is an ordinary auth failure.
    fn settle(self) -> Self {
        match self {
            Failure::Unauthorized => Failure::Retryable(ProxyError::UpstreamAuth),
            other => other,
        }
    }
}

/// Runs one proxied request in the handler's own task (no hand-over to another task and
/// back); only a stream's pumping goes on in a tracked task of its own.
pub async fn run(call: Call) -> Response {
    let Call {
        state,
        inbound,
        plan,
        meter,
    } = call;
    let request_id = meter.request_id;
    let dialect = inbound.dialect;
    let mut pending = Pending {
        state: state.clone(),
        meter: Some(meter),
    };
    let Some(meter) = pending.meter.as_mut() else {
        return ProxyError::Internal.render(dialect);
    };
    let started = tokio::select! {
        biased;
        () = state.hard_stop.cancelled() => Err(Failure::Fatal(ProxyError::ShuttingDown)),
        // Boxed: the attempts' futures (the upstream client's, the collector's) are large and
        // short-lived.
        r = Box::pin(try_targets(&state, &inbound, &plan, meter)) => r,
    };
    let response = match started {
        Ok(Started {
            format,
            mode,
            body: body @ (StartedBody::Whole(_) | StartedBody::Collected(_)),
            ..
        }) => {
            let rendered = match body {
                StartedBody::Collected(response) => codec::render(&response, &inbound),
                StartedBody::Whole(body) => codec::whole(body, format, mode, &inbound),
                StartedBody::Stream { .. } => Err(ProxyError::Internal),
            };
            match rendered {
                Ok((body, usage)) => {
                    if let Some(usage) = usage {
                        meter.usage(usage);
                    }
                    json_response(body, request_id)
                }
                Err(e) => {
                    meter.fail(e.status().as_u16(), e.kind());
                    with_request_id(e.render(dialect), request_id)
                }
            }
        }
        Ok(Started {
            format,
            mode,
            spoke,
            body: StartedBody::Stream { first, rest },
        }) => {
            let transform = StreamTransform::new(format, mode, spoke, &inbound);
            // A stream can last minutes: the request (the prompt, up to three times over:
            // bytes, JSON tree, canonical form) and the route plan are not needed any more.
            drop(inbound);
            drop(plan);
            if let Some(meter) = pending.meter.take() {
                return pump::start_stream(state, meter, transform, &first, rest);
            }
            ProxyError::Internal.render(dialect)
        }
        Err(failure) => with_request_id(failure_response(failure, dialect, meter), request_id),
    };
    if let Some(meter) = pending.meter.take() {
        complete_soon(&state, meter);
    }
    response
}

/// A request whose answer has not started. Hyper drops the handler's future when the client
/// hangs up; the request is then recorded here, once, as the client's disconnection.
struct Pending {
    state: ProxyState,
    meter: Option<Meter>,
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(mut meter) = self.meter.take() {
            meter.fail(499, "client_disconnected");
            complete_soon(&self.state, meter);
        }
    }
}

/// Completes a request now when nothing needs waiting for (the in-memory limiter), otherwise
/// in a tracked task: the client's answer never waits for a limiter round trip.
fn complete_soon(state: &ProxyState, meter: Meter) {
    let mut completing = Box::pin(complete(state.clone(), meter));
    if (&mut completing).now_or_never().is_none() {
        state.tasks.spawn(completing);
    }
}

/// Settles what admission reserved against what was really used, then records the usage:
/// the limiter's counters and the usage rows agree.
pub(crate) async fn complete(state: ProxyState, mut meter: Meter) {
    let reservation = meter.take_reservation();
    let timing = meter.timing();
    let usage = meter.finish();
    if let Some(reservation) = reservation {
        Box::pin(state.limits.settle(reservation, &usage)).await;
    }
    if let Some(traces) = &state.traces {
        traces.record(&usage, timing);
    }
    state.usage.record(usage);
}

fn failure_response(failure: Failure, dialect: Dialect, meter: &mut Meter) -> Response {
    match failure {
        Failure::Retryable(e) | Failure::Fatal(e) => {
            meter.fail(e.status().as_u16(), e.kind());
            e.render(dialect)
        }
        Failure::Unauthorized => failure_response(failure.settle(), dialect, meter),
        // The upstream's own words reach the client when it speaks the client's format.
        Failure::Upstream {
            status,
            body,
            format,
            complete: true,
        } if format == dialect.format() => {
            meter.fail(status.as_u16(), "upstream_rejected");
            (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Failure::Upstream { status, body, .. } => {
            meter.fail(status.as_u16(), "upstream_rejected");
            let e = ProxyError::BadRequest(format!(
                "The upstream provider rejected the request: {}",
                String::from_utf8_lossy(&body)
                    .chars()
                    .take(500)
                    .collect::<String>()
            ));
            let mut response = e.render(dialect);
            *response.status_mut() = status;
            response
        }
    }
}

async fn try_targets(
    state: &ProxyState,
    inbound: &Inbound,
    plan: &RoutePlan,
    meter: &mut Meter,
) -> Result<Started, Failure> {
    let mut last = ProxyError::NoAvailableAccount;
    for target in &plan.targets {
        meter.set_target(target);
        let (account, model) = (target.account.id, target.upstream_model.as_str());
        match attempt_with_fresh_token(state, inbound, target).await {
            Ok(started) => {
                let ttft = meter.first_byte();
                upstream_metrics::answered(target.account.provider.as_str(), ttft);
                state.latencies.record(account, model, ttft as f64);
                if state.cooldowns.succeed(account, model) {
                    state.usage.cooldown(CooldownChange {
                        account_id: account,
                        model: model.to_owned(),
                        until: None,
                        reason: "recovered",
                        failures: 0,
                    });
                }
                return Ok(started);
            }
            Err(Failure::Retryable(e)) => {
                metrics::counter!("satu_upstream_errors_total",
                    "provider" => target.account.provider.as_str(), "kind" => e.kind())
                .increment(1);
                let cause = Cause::of(&e);
                let (until, failures) = state.cooldowns.fail(account, model, cause);
                let secs = until.saturating_duration_since(std::time::Instant::now());
                tracing::warn!(account_id = %account, model, kind = e.kind(), cooldown_secs = secs.as_secs(), "upstream attempt failed; account cooling");
                state.usage.cooldown(CooldownChange {
                    account_id: account,
                    model: model.to_owned(),
                    until: chrono::Duration::from_std(secs)
                        .ok()
                        .map(|d| chrono::Utc::now() + d),
                    reason: cause.reason(),
                    failures,
                });
                last = e;
            }
            Err(other) => return Err(other),
        }
    }
    Err(Failure::Retryable(last))
}

/// An attempt on one target; OAuth tokens are renewed first when expired, and once more
/// when the upstream answers 401.
async fn attempt_with_fresh_token(
    state: &ProxyState,
    inbound: &Inbound,
    target: &Target,
) -> Result<Started, Failure> {
    if target.account.kind != AccountKind::OAuth {
        return attempt(state, inbound, target)
            .await
            .map_err(Failure::settle);
    }
    let renewed = if target.account.token_expiring() {
        Some(renew(state, target).await?)
    } else {
        None
    };
    let current = renewed.as_ref().unwrap_or(target);
    match attempt(state, inbound, current).await {
        Err(Failure::Unauthorized) if renewed.is_none() => {
            let renewed = renew(state, current).await?;
            attempt(state, inbound, &renewed)
                .await
                .map_err(Failure::settle)
        }
        other => other.map_err(Failure::settle),
    }
}

/// The target with a renewed token (single-flight: concurrent requests share one refresh).
async fn renew(state: &ProxyState, target: &Target) -> Result<Target, Failure> {
    let account = &target.account;
    let need = Need::Replace(account.secret.clone());
    match state.refresher.refresh(account.id, need).await {
        Ok(fresh) => {
            state.directory.invalidate(account.workspace_id);
            let renewed = account.with_token(fresh.access_token, fresh.expires_at);
            Ok(target.with_account(Arc::new(renewed)))
        }
        Err(e) => {
            tracing::warn!(account_id = %account.id, error = %e, "OAuth token could not be renewed");
            if matches!(e, RefreshError::Expired(_) | RefreshError::NotFound) {
                state.directory.invalidate(account.workspace_id);
            }
            Err(Failure::Retryable(ProxyError::UpstreamAuth))
        }
    }
}

async fn attempt(
    state: &ProxyState,
    inbound: &Inbound,
    target: &Target,
) -> Result<Started, Failure> {
    let prepared = upstream::prepare(inbound, target, &state.spokes).map_err(|e| match e {
        ProxyError::Internal => Failure::Fatal(e),
        // This account's address or credentials cannot be sent: the next one may do.
        other => Failure::Retryable(other),
    })?;
    let (format, mode, spoke) = (prepared.format, prepared.mode, prepared.spoke);
    let collect = prepared.upstream_stream && !inbound.stream;
    // Held until the answer is read; a stream carries it to its end.
    let lane = state.upstreams.take();
    let begin = async {
        let response = lane
            .client()
            .request(prepared.request)
            .await
            .map_err(|e| Failure::Retryable(classify(&e)))?;
        let (head, body) = response.into_parts();
        if !head.status.is_success() {
            return Err(status_failure(head, body, format, spoke).await);
        }
        let body = if collect {
            StartedBody::Collected(
                aggregate::collect(client::stream(body), format, spoke)
                    .await
                    .map_err(|e| match e {
                        ProxyError::UpstreamTooLarge(_) => Failure::Fatal(e),
                        other => Failure::Retryable(other),
                    })?,
            )
        } else if inbound.stream {
            let rest = client::stream(body).map(move |chunk| {
                let _in_lane = &lane;
                chunk
            });
            first_chunk(rest.boxed()).await?
        } else {
            let read = client::read_capped(body, client::MAX_ANSWER_BYTES)
                .await
                .map_err(|e| Failure::Retryable(classify(&e)))?;
            if !read.complete {
                // Another account would send the same answer: no retry, no cooldown.
                return Err(Failure::Fatal(ProxyError::UpstreamTooLarge(
                    client::MAX_ANSWER_BYTES,
                )));
            }
            let bytes = read.bytes;
            let bytes = match spoke.unwrap(&bytes) {
                Some(inner) => Bytes::from(inner),
                None => bytes,
            };
            StartedBody::Whole(bytes)
        };
        Ok(Started {
            format,
            mode,
            spoke,
            body,
        })
    };
    tokio::time::timeout(state.config.first_byte_timeout(), begin)
        .await
        .unwrap_or(Err(Failure::Retryable(ProxyError::UpstreamTimeout)))
}

/// Waits for the first non-empty chunk: only then is the client's status line committed.
async fn first_chunk(mut rest: ByteStream) -> Result<StartedBody, Failure> {
    loop {
        match rest.next().await {
            None => return Err(Failure::Retryable(ProxyError::UpstreamEmpty)),
            Some(Err(e)) => return Err(Failure::Retryable(classify(&e))),
            Some(Ok(chunk)) if chunk.is_empty() => continue,
            Some(Ok(first)) => return Ok(StartedBody::Stream { first, rest }),
        }
    }
}

async fn status_failure(
    head: axum::http::response::Parts,
    body: hyper::body::Incoming,
    format: Format,
    spoke: &dyn Spoke,
) -> Failure {
    let (status, headers) = (head.status, head.headers);
    let (body, complete) = match client::read_capped(body, client::MAX_ERROR_BYTES).await {
        Ok(read) => (read.bytes, read.complete),
        Err(e) => return Failure::Retryable(classify(&e)),
    };
    match status.as_u16() {
        429 => Failure::Retryable(ProxyError::UpstreamRateLimited {
            retry_after_secs: retry_after(&headers)
                .or_else(|| spoke.retry_hint(&headers, &body, chrono::Utc::now().timestamp())),
        }),
        401 => Failure::Unauthorized,
        403 => Failure::Retryable(ProxyError::UpstreamAuth),
        408 | 500..=599 => Failure::Retryable(ProxyError::UpstreamStatus(status.as_u16())),
        _ => Failure::Upstream {
            status,
            body,
            format,
            complete,
        },
    }
}

fn json_response(body: Bytes, request_id: uuid::Uuid) -> Response {
    let response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/json")],
        body,
    )
        .into_response();
    with_request_id(response, request_id)
}

const REQUEST_ID: header::HeaderName = header::HeaderName::from_static("x-request-id");

pub fn with_request_id(mut response: Response, request_id: uuid::Uuid) -> Response {
    let mut text = uuid::Uuid::encode_buffer();
    if let Ok(value) = HeaderValue::from_str(request_id.hyphenated().encode_lower(&mut text)) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}
