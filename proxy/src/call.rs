//! One proxied chat request, run as a tracked task that owns its usage record: whether the
//! client waits, hangs up, or the server shuts down, exactly one usage event is written.

use std::convert::Infallible;
use std::time::Instant;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures::stream::{BoxStream, StreamExt};
use memchr::memmem;
use tokio::sync::{mpsc, oneshot};

use crate::error::ProxyError;
use crate::meter::Meter;
use crate::openai_chat::{self, ChatRequest};
use crate::route::{RoutePlan, Target};
use crate::sse::{SseSplitter, event_data};
use crate::state::ProxyState;

pub struct Call {
    pub state: ProxyState,
    pub request: ChatRequest,
    pub plan: RoutePlan,
    pub meter: Meter,
}

/// An upstream that answered successfully, before anything was sent to the client.
enum Started {
    Json(Bytes),
    Stream {
        first: Bytes,
        rest: BoxStream<'static, reqwest::Result<Bytes>>,
    },
}

enum Failure {
    /// Worth trying the next account.
    Retryable(ProxyError),
    /// The upstream refused the request itself (a 4xx other than auth/rate limits): the client
    /// gets the upstream's own error, which is already in OpenAI's format.
    Upstream { status: StatusCode, body: Bytes },
    /// Stop here with this error.
    Fatal(ProxyError),
}

pub async fn run(call: Call, mut head: oneshot::Sender<Response>) {
    let Call {
        state,
        request,
        plan,
        mut meter,
    } = call;
    let request_id = meter.request_id;
    let started = tokio::select! {
        biased;
        () = head.closed() => {
            meter.fail(499, "client_disconnected");
            state.usage.record(meter.finish());
            return;
        }
        () = state.hard_stop.cancelled() => Err(Failure::Fatal(ProxyError::ShuttingDown)),
        r = try_targets(&state, &request, &plan, &mut meter) => r,
    };
    match started {
        Ok(Started::Json(body)) => {
            if let Some(usage) = openai_chat::usage_of_response(&body) {
                meter.usage(usage);
            }
            if head.send(json_response(body, request_id)).is_err() {
                meter.interrupt("client_disconnected");
            }
        }
        Ok(Started::Stream { first, rest }) => {
            let (tx, rx) = mpsc::channel(8);
            if head.send(sse_response(rx, request_id)).is_err() {
                meter.interrupt("client_disconnected");
            } else {
                let mut pump = Pump {
                    state: &state,
                    tx,
                    meter: &mut meter,
                    wants_usage: request.client_wants_usage,
                    saw_done: false,
                };
                pump.run(first, rest).await;
            }
        }
        Err(failure) => {
            let response = match failure {
                Failure::Retryable(e) | Failure::Fatal(e) => {
                    meter.fail(e.status().as_u16(), e.kind());
                    e.into_response()
                }
                Failure::Upstream { status, body } => {
                    meter.fail(status.as_u16(), "upstream_rejected");
                    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
                }
            };
            let _ = head.send(with_request_id(response, request_id));
        }
    }
    state.usage.record(meter.finish());
}

async fn try_targets(
    state: &ProxyState,
    request: &ChatRequest,
    plan: &RoutePlan,
    meter: &mut Meter,
) -> Result<Started, Failure> {
    let mut last = ProxyError::NoAvailableAccount;
    for target in &plan.targets {
        meter.set_account(target.account.id, target.account.provider.as_str());
        match attempt(state, request, target).await {
            Ok(started) => {
                meter.first_byte();
                return Ok(started);
            }
            Err(Failure::Retryable(e)) => {
                metrics::counter!("satu_upstream_errors_total",
                    "provider" => target.account.provider.as_str(), "kind" => e.kind())
                .increment(1);
                tracing::warn!(account_id = %target.account.id, kind = e.kind(), "upstream attempt failed");
                last = e;
            }
            Err(other) => return Err(other),
        }
    }
    Err(Failure::Retryable(last))
}

async fn attempt(
    state: &ProxyState,
    request: &ChatRequest,
    target: &Target,
) -> Result<Started, Failure> {
    let body = request
        .upstream_body(&target.upstream_model)
        .map_err(Failure::Fatal)?;
    let url = format!("{}/chat/completions", target.account.base_url.as_str());
    let accept = if request.stream {
        "text/event-stream"
    } else {
        "application/json"
    };
    let send = state
        .http
        .post(url)
        .bearer_auth(&target.account.api_key)
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, accept)
        .body(body)
        .send();
    let begin = async {
        let response = send.await.map_err(|e| Failure::Retryable(classify(&e)))?;
        if !response.status().is_success() {
            return Err(status_failure(response).await);
        }
        if request.stream {
            first_chunk(response.bytes_stream().boxed()).await
        } else {
            let body = response
                .bytes()
                .await
                .map_err(|e| Failure::Retryable(classify(&e)))?;
            Ok(Started::Json(body))
        }
    };
    tokio::time::timeout(state.config.first_byte_timeout(), begin)
        .await
        .unwrap_or(Err(Failure::Retryable(ProxyError::UpstreamTimeout)))
}

/// Waits for the first non-empty chunk: only then is the client's status line committed.
async fn first_chunk(
    mut rest: BoxStream<'static, reqwest::Result<Bytes>>,
) -> Result<Started, Failure> {
    loop {
        match rest.next().await {
            None => return Err(Failure::Retryable(ProxyError::UpstreamEmpty)),
            Some(Err(e)) => return Err(Failure::Retryable(classify(&e))),
            Some(Ok(chunk)) if chunk.is_empty() => continue,
            Some(Ok(first)) => return Ok(Started::Stream { first, rest }),
        }
    }
}

fn classify(err: &reqwest::Error) -> ProxyError {
    if err.is_timeout() {
        ProxyError::UpstreamTimeout
    } else {
        ProxyError::UpstreamUnreachable
    }
}

async fn status_failure(response: reqwest::Response) -> Failure {
    let status = response.status();
    match status.as_u16() {
        429 => Failure::Retryable(ProxyError::UpstreamRateLimited {
            retry_after_secs: response
                .headers()
                .get(header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse().ok()),
        }),
        401 | 403 => Failure::Retryable(ProxyError::UpstreamAuth),
        408 | 500..=599 => Failure::Retryable(ProxyError::UpstreamStatus(status.as_u16())),
        _ => match response.bytes().await {
            Ok(body) => Failure::Upstream {
                status: StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::BAD_GATEWAY),
                body,
            },
            Err(e) => Failure::Retryable(classify(&e)),
        },
    }
}

/// Forwards a stream to the client event by event, reading usage on the way.
struct Pump<'a> {
    state: &'a ProxyState,
    tx: mpsc::Sender<Result<Bytes, Infallible>>,
    meter: &'a mut Meter,
    wants_usage: bool,
    saw_done: bool,
}

const KEEPALIVE: Bytes = Bytes::from_static(b": keep-alive\n\n");

impl Pump<'_> {
    async fn run(&mut self, first: Bytes, mut rest: BoxStream<'static, reqwest::Result<Bytes>>) {
        let mut splitter = SseSplitter::default();
        let mut pending = Some(first);
        let mut last_data = Instant::now();
        loop {
            let chunk = match pending.take() {
                Some(chunk) => chunk,
                None => match self.next_chunk(&mut rest, &mut last_data).await {
                    Some(chunk) => chunk,
                    None => return,
                },
            };
            if splitter.push(&chunk).is_err() {
                return self.fail(ProxyError::UpstreamInterrupted).await;
            }
            while let Some(event) = splitter.next_event() {
                if !self.forward_event(event).await {
                    return;
                }
            }
            if self.saw_done {
                return;
            }
            if chunk.is_empty() {
                if let Some(tail) = splitter.take_rest() {
                    self.forward_event(tail).await;
                }
                return;
            }
        }
    }

    /// The next upstream chunk; `None` when the pump must stop (the reason is already recorded).
    /// An empty chunk means the upstream ended.
    async fn next_chunk(
        &mut self,
        rest: &mut BoxStream<'static, reqwest::Result<Bytes>>,
        last_data: &mut Instant,
    ) -> Option<Bytes> {
        loop {
            let keepalive = self.state.config.keepalive();
            tokio::select! {
                biased;
                () = self.tx.closed() => {
                    self.meter.interrupt("client_disconnected");
                    return None;
                }
                () = self.state.hard_stop.cancelled() => {
                    self.fail(ProxyError::ShuttingDown).await;
                    return None;
                }
                next = tokio::time::timeout(keepalive, rest.next()) => match next {
                    Ok(Some(Ok(chunk))) => {
                        *last_data = Instant::now();
                        return Some(chunk);
                    }
                    Ok(None) => {
                        if !self.saw_done {
                            self.meter.interrupt("upstream_incomplete");
                        }
                        return Some(Bytes::new());
                    }
                    Ok(Some(Err(_))) => {
                        self.fail(ProxyError::UpstreamInterrupted).await;
                        return None;
                    }
                    Err(_) if last_data.elapsed() >= self.state.config.idle_timeout() => {
                        self.fail(ProxyError::UpstreamTimeout).await;
                        return None;
                    }
                    Err(_) => {
                        if self.tx.send(Ok(KEEPALIVE)).await.is_err() {
                            self.meter.interrupt("client_disconnected");
                            return None;
                        }
                    }
                },
            }
        }
    }

    /// Returns false when the client is gone.
    async fn forward_event(&mut self, event: Bytes) -> bool {
        if let Some(data) = event_data(&event) {
            if &*data == b"[DONE]" {
                self.saw_done = true;
            } else if memmem::find(&data, b"\"usage\"").is_some()
                && let Some((usage, usage_only)) = openai_chat::probe_chunk(&data)
            {
                self.meter.usage(usage);
                if usage_only && !self.wants_usage {
                    return true;
                }
            } else {
                self.meter.content_chunk();
            }
        }
        if self.tx.send(Ok(event)).await.is_err() {
            self.meter.interrupt("client_disconnected");
            return false;
        }
        true
    }

    /// A failure after the status line: an error event in OpenAI's format, then the end.
    async fn fail(&mut self, error: ProxyError) {
        self.meter.interrupt(error.kind());
        let event = format!("data: {}\n\n", error.openai_body());
        let _ = self.tx.send(Ok(Bytes::from(event))).await;
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

fn sse_response(
    mut rx: mpsc::Receiver<Result<Bytes, Infallible>>,
    request_id: uuid::Uuid,
) -> Response {
    let stream = futures::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let response = Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/event-stream")
        .header(header::CACHE_CONTROL, "no-cache")
        .header("x-accel-buffering", "no")
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| ProxyError::Internal.into_response());
    with_request_id(response, request_id)
}

pub fn with_request_id(mut response: Response, request_id: uuid::Uuid) -> Response {
    if let Ok(value) = HeaderValue::from_str(&request_id.to_string()) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
