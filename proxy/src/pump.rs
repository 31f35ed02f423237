//! A stream's forwarding: upstream chunks split into events, transformed into the client's
//! dialect and sent on, with keep-alives, idle and shutdown cut-offs, in a tracked task.

use std::convert::Infallible;
use std::time::Instant;

use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures::stream::StreamExt;
use tokio::sync::mpsc;

use crate::call::{complete, with_request_id};
use crate::error::ProxyError;
use crate::meter::Meter;
use crate::sse::SseSplitter;
use crate::state::ProxyState;
use crate::transform::StreamTransform;
use crate::upstream_client::ByteStream;

/// Hands the stream to a tracked task that pumps it; its first events are queued before the
/// status line is returned, so the head and the first events leave in one write.
pub(crate) fn start_stream(
    state: ProxyState,
    meter: Meter,
    transform: StreamTransform,
    first: &Bytes,
    rest: ByteStream,
) -> Response {
    let request_id = meter.request_id;
    let (tx, rx) = mpsc::channel(8);
    let mut pump = Pump {
        state: state.clone(),
        tx,
        meter,
        transform,
        splitter: SseSplitter::default(),
        out: Vec::new(),
    };
    let first_ok = pump.prime(first);
    state.tasks.spawn(async move {
        pump.run(first_ok, rest).await;
        let Pump { state, meter, .. } = pump;
        complete(state, meter).await;
    });
    sse_response(rx, request_id)
}

/// Forwards a stream to the client event by event, through the transform.
struct Pump {
    state: ProxyState,
    tx: mpsc::Sender<Result<Bytes, Infallible>>,
    meter: Meter,
    transform: StreamTransform,
    splitter: SseSplitter,
    /// Events for the client not sent yet.
    out: Vec<Bytes>,
}

/// What the upstream's stream gave.
enum Upstream {
    Chunk(Bytes),
    /// It closed the stream.
    End,
}

const KEEPALIVE: Bytes = Bytes::from_static(b": keep-alive\n\n");

impl Pump {
    /// Splits and transforms an upstream chunk into `out`; false when its SSE is malformed.
    fn feed(&mut self, chunk: &Bytes) -> bool {
        if self.splitter.push(chunk).is_err() {
            return false;
        }
        while let Some(event) = self.splitter.next_event() {
            self.transform.event(event, &mut self.out);
        }
        true
    }

    /// The first chunk's events, queued before the status line is handed over: the head and
    /// the first events then leave in one write rather than after another task wake-up.
    fn prime(&mut self, first: &Bytes) -> bool {
        let fed = self.feed(first);
        let queued = self
            .out
            .iter()
            .take_while(|bytes| self.tx.try_send(Ok((*bytes).clone())).is_ok())
            .count();
        self.out.drain(..queued);
        fed
    }

    async fn run(&mut self, first_ok: bool, mut rest: ByteStream) {
        let mut last_data = Instant::now();
        if !first_ok {
            self.fail(ProxyError::UpstreamInterrupted).await;
        } else if self.send_all().await {
            while let Some(next) = self.next_chunk(&mut rest, &mut last_data).await {
                let Upstream::Chunk(chunk) = next else {
                    self.upstream_ended().await;
                    break;
                };
                if !self.feed(&chunk) {
                    self.fail(ProxyError::UpstreamInterrupted).await;
                    break;
                }
                if !self.send_all().await {
                    break;
                }
            }
        }
        if let Some(usage) = self.transform.usage() {
            self.meter.usage(usage);
        }
        self.meter
            .content_events(self.transform.content_events(), self.transform.completed());
    }

    /// The upstream closed its stream: what is left is flushed, and an answer without its
    /// final event is recorded as incomplete.
    async fn upstream_ended(&mut self) {
        if let Some(tail) = self.splitter.take_rest() {
            self.transform.event(tail, &mut self.out);
        }
        self.transform.end(&mut self.out);
        self.send_all().await;
        if !self.transform.completed() {
            self.meter.interrupt("upstream_incomplete");
        }
    }

    /// Sends `out` in order; false when the client is gone.
    async fn send_all(&mut self) -> bool {
        let mut out = std::mem::take(&mut self.out);
        let mut sent_all = true;
        for bytes in out.drain(..) {
            if self.tx.send(Ok(bytes)).await.is_err() {
                self.client_gone();
                sent_all = false;
                break;
            }
        }
        out.clear();
        self.out = out;
        sent_all
    }

    /// What the upstream sent next; `None` when the pump must stop (the reason is already
    /// recorded).
    async fn next_chunk(
        &mut self,
        rest: &mut ByteStream,
        last_data: &mut Instant,
    ) -> Option<Upstream> {
        loop {
            let keepalive = self.state.config.keepalive();
            tokio::select! {
                biased;
                () = self.tx.closed() => {
                    self.client_gone();
                    return None;
                }
                () = self.state.hard_stop.cancelled() => {
                    self.fail(ProxyError::ShuttingDown).await;
                    return None;
                }
                next = tokio::time::timeout(keepalive, rest.next()) => match next {
                    Ok(Some(Ok(chunk))) => {
                        *last_data = Instant::now();
                        return Some(Upstream::Chunk(chunk));
                    }
                    Ok(None) => return Some(Upstream::End),
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
                            self.client_gone();
                            return None;
                        }
                    }
                },
            }
        }
    }

    /// The client hung up. After the answer's last event it had everything (Codex CLI closes
    /// as soon as it reads `response.completed`): a served request, not an interrupted one.
    fn client_gone(&mut self) {
        if !self.transform.completed() {
            self.meter.interrupt("client_disconnected");
        }
    }

    /// A failure after the status line: an error event in the client's dialect, then the end.
    async fn fail(&mut self, error: ProxyError) {
        self.meter.interrupt(error.kind());
        let event = self.transform.error_event(&error);
        let _ = self.tx.send(Ok(event)).await;
    }
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
