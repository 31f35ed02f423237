//! The HTTP server: the router on hyper-util's connection builder, accepting and shutting down
//! as `axum::serve` does, plus the limits `axum::serve` leaves off: a client has
//! `header_read_timeout` to send a request's headers (hyper also closes a keep-alive
//! connection idle that long), at most `max_connections` are open at once (more wait in the
//! kernel's backlog), and idle HTTP/2 connections are pinged so dead peers are noticed. Without
//! them a slowloris client holding half-sent requests would hold connections without end.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::serve::Listener;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tower_service::Service;

/// How often an idle HTTP/2 connection is pinged, and how long the answer may take.
const H2_PING: Duration = Duration::from_secs(30);
const H2_PING_TIMEOUT: Duration = Duration::from_secs(20);

pub struct ServerLimits {
    pub header_read_timeout: Duration,
    pub max_connections: usize,
}

/// Serves `router` until `shutdown` is cancelled, then stops accepting, asks every connection
/// to close once its requests are answered, and returns when all have closed.
pub async fn serve(
    mut listener: TcpListener,
    router: Router,
    limits: ServerLimits,
    shutdown: CancellationToken,
) {
    let builder = builder(limits.header_read_timeout);
    let connections = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    loop {
        let accepted = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => tokio::select! {
                    accepted = Listener::accept(&mut listener) => Some((accepted, slot)),
                    () = shutdown.cancelled() => None,
                },
                Err(_) => None,
            },
            () = shutdown.cancelled() => None,
        };
        let Some(((tcp, remote), slot)) = accepted else {
            break;
        };
        // Streamed answers are many small writes: Nagle's algorithm would hold each one back
        // until the previous is acknowledged (a round trip per chunk on real networks).
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY");
        }
        // Handlers learn who is calling through `ConnectInfo`, as with axum::serve.
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(remote));
            router.clone().call(request)
        });
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(tcp), service)
            .into_owned();
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::trace!(error = %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    connections.shutdown().await;
}

fn builder(header_read_timeout: Duration) -> Builder<TokioExecutor> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        // Websockets over HTTP/2 (RFC 8441), as axum::serve enables.
        .enable_connect_protocol()
        .keep_alive_interval(H2_PING)
        .keep_alive_timeout(H2_PING_TIMEOUT);
    builder
}
