//! The HTTP client proxied requests go out on: hyper-util's pooled client over rustls (the
//! platform's certificate verifier), HTTP/2 by ALPN or h2c when configured, with the
//! private-address guard as its DNS resolver.
//!
//! Used directly rather than through reqwest: a request is already an `http::Request` with a
//! parsed URI and its headers, so reqwest's per-request URL parsing, redirect bookkeeping and
//! boxing were work for nothing on the hot path (docs/performance.md).

use std::error::Error as StdError;
use std::time::Duration;

use axum::http::{Request, Response};
use bytes::Bytes;
use futures::stream::{BoxStream, StreamExt};
use http_body_util::{BodyDataStream, BodyExt, Full};
use hyper::body::Incoming;
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};

use crate::config::ProxyConfig;
use crate::error::ProxyError;
use crate::upstream_guard::{GuardedConnector, UpstreamResolver};

/// How long an unused upstream connection stays open for the next request.
const POOL_IDLE: Duration = Duration::from_secs(90);

pub type UpstreamClient = Client<HttpsConnector<GuardedConnector>, Full<Bytes>>;
pub type UpstreamRequest = Request<Full<Bytes>>;
pub type UpstreamResponse = Response<Incoming>;
/// An upstream answer's body, chunk by chunk as it arrives.
pub type ByteStream = BoxStream<'static, Result<Bytes, hyper::Error>>;

/// Makes upstream clients that share one TLS configuration: a client (a pool) is cheap to
/// make, the TLS set-up (the platform's roots) is done once.
#[derive(Clone)]
pub struct ClientFactory {
    connector: HttpsConnector<GuardedConnector>,
    h2c: bool,
}

impl ClientFactory {
    pub fn new(config: &ProxyConfig) -> std::io::Result<Self> {
        let guard = !config.allow_private_upstreams;
        let mut http = HttpConnector::new_with_resolver(UpstreamResolver { guard });
        // The TLS layer above handles https; this one carries both schemes.
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(config.connect_timeout()));
        let connector = HttpsConnectorBuilder::new()
            .with_provider_and_platform_verifier(rustls::crypto::aws_lc_rs::default_provider())?
            .https_or_http()
            .enable_all_versions()
            .wrap_connector(GuardedConnector { inner: http, guard });
        Ok(Self {
            connector,
            h2c: config.upstream_h2c,
        })
    }

    pub fn client(&self) -> UpstreamClient {
        Client::builder(TokioExecutor::new())
            .pool_idle_timeout(POOL_IDLE)
            .pool_timer(TokioTimer::new())
            .timer(TokioTimer::new())
            .http2_only(self.h2c)
            .build(self.connector.clone())
    }
}

/// The body as a stream of chunks.
pub fn stream(body: Incoming) -> ByteStream {
    BodyDataStream::new(body).boxed()
}

/// Largest whole answer read from an upstream (a stream passed through is not held).
pub const MAX_ANSWER_BYTES: usize = 16 * 1024 * 1024;
/// Largest error body read from an upstream; the rest is not read.
pub const MAX_ERROR_BYTES: usize = 64 * 1024;

/// A body read up to a limit: `complete` is false when the limit cut it.
pub struct Capped {
    pub bytes: Bytes,
    pub complete: bool,
}

/// The body, up to `limit` bytes: an upstream (a tenant's own base URL, even) cannot make
/// Satu hold more than that.
pub async fn read_capped(mut body: Incoming, limit: usize) -> Result<Capped, hyper::Error> {
    // The usual answer is one chunk: it is returned as it came, with no copy and no list.
    let mut first: Option<Bytes> = None;
    let mut more: Vec<Bytes> = Vec::new();
    let mut len = 0;
    while let Some(frame) = body.frame().await {
        let Ok(mut data) = frame?.into_data() else {
            continue;
        };
        let complete = len + data.len() <= limit;
        if !complete {
            data.truncate(limit - len);
        }
        len += data.len();
        match first {
            None => first = Some(data),
            Some(_) => more.push(data),
        }
        if !complete {
            return Ok(Capped {
                bytes: concat(first, more, len),
                complete,
            });
        }
    }
    Ok(Capped {
        bytes: concat(first, more, len),
        complete: true,
    })
}

fn concat(first: Option<Bytes>, more: Vec<Bytes>, len: usize) -> Bytes {
    let first = first.unwrap_or_default();
    if more.is_empty() {
        return first;
    }
    let mut whole = bytes::BytesMut::with_capacity(len);
    whole.extend_from_slice(&first);
    more.iter().for_each(|c| whole.extend_from_slice(c));
    whole.freeze()
}

/// What went wrong reaching an upstream, as the client is told: a timeout anywhere in the
/// error's causes (connecting, reading) or an unreachable upstream.
pub fn classify(err: &(dyn StdError + 'static)) -> ProxyError {
    let mut cause = Some(err);
    while let Some(e) = cause {
        let io_timeout = e
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut);
        let hyper_timeout = e
            .downcast_ref::<hyper::Error>()
            .is_some_and(|h| h.is_timeout());
        if io_timeout || hyper_timeout {
            return ProxyError::UpstreamTimeout;
        }
        cause = e.source();
    }
    ProxyError::UpstreamUnreachable
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::Method;

    /// A local server, and a GET to it by `host` (`localhost` or a literal address).
    async fn get_local(host: &str, allow_private: bool) -> Result<UpstreamResponse, ProxyError> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let app = axum::Router::new().route("/", axum::routing::get(|| async { "ok" }));
        tokio::spawn(async move { axum::serve(listener, app).await });
        let config = ProxyConfig {
            allow_private_upstreams: allow_private,
            ..ProxyConfig::default()
        };
        let client = ClientFactory::new(&config).unwrap().client();
        let mut request = Request::new(Full::new(Bytes::new()));
        *request.method_mut() = Method::GET;
        *request.uri_mut() = format!("http://{host}:{port}/").parse().unwrap();
        client.request(request).await.map_err(|e| {
            assert!(format!("{e:?}").contains("private"), "{e:?}");
            classify(&e)
        })
    }

    #[tokio::test]
    async fn private_addresses_are_refused_at_connection_time() {
        // By name (the resolver) and literal (no resolver: the connector checks its peer).
        for host in ["localhost", "127.0.0.1"] {
            let refused = get_local(host, false).await;
            assert!(
                matches!(refused, Err(ProxyError::UpstreamUnreachable)),
                "{host}"
            );
            let allowed = get_local(host, true).await.unwrap();
            assert_eq!(allowed.status(), 200);
            let read = read_capped(allowed.into_body(), 2).await.unwrap();
            assert_eq!((read.bytes.as_ref(), read.complete), (&b"ok"[..], true));
        }
    }

    #[test]
    fn timeouts_are_found_among_the_causes() {
        #[derive(Debug, thiserror::Error)]
        #[error("connecting failed")]
        struct Outer(#[source] std::io::Error);
        let timed_out = Outer(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "connect timed out",
        ));
        assert!(matches!(classify(&timed_out), ProxyError::UpstreamTimeout));
        let refused = Outer(std::io::Error::from(std::io::ErrorKind::ConnectionRefused));
        assert!(matches!(
            classify(&refused),
            ProxyError::UpstreamUnreachable
        ));
    }
}
