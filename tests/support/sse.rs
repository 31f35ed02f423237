//! The SSE body every mock upstream streams: events (each after its delay), then — when asked —
//! a broken connection, the way a real upstream dies mid-answer.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::header;
use axum::response::Response;
use futures::StreamExt;

pub fn sse_response(events: Vec<(Duration, String)>, broken: bool) -> Response {
    let stream = futures::stream::iter(events)
        .then(|(delay, event)| async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            Ok::<Bytes, std::io::Error>(Bytes::from(event))
        })
        .chain(
            futures::stream::iter(broken.then_some(())).then(|()| async {
                // Let the events sent so far reach the client before the connection dies.
                tokio::time::sleep(Duration::from_millis(100)).await;
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "mock breaks the stream",
                ))
            }),
        );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/event-stream")
        .body(Body::from_stream(stream))
        .unwrap()
}

/// Events sent back to back.
pub fn immediate(events: Vec<String>) -> Vec<(Duration, String)> {
    events.into_iter().map(|e| (Duration::ZERO, e)).collect()
}
