//! The floor under Satu's figures: the smallest forwarder on the same stack (axum server,
//! Satu's upstream client: hyper-util's pool, one tokio runtime), with no auth, routing,
//! limits or usage. What it adds over calling the upstream directly is what the stack itself
//! costs on this machine.
//!
//!     bench-floor --addr 127.0.0.1:19190 --upstream http://127.0.0.1:19100

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use http_body_util::Full;
use proxy::config::ProxyConfig;
use proxy::upstream_client::{self, ClientFactory, UpstreamClient};
use satu_bench::arg;

#[derive(Clone)]
struct Forward {
    http: UpstreamClient,
    uri: Uri,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr = arg("--addr").unwrap_or_else(|| "127.0.0.1:19190".to_owned());
    let upstream = arg("--upstream").unwrap_or_else(|| "http://127.0.0.1:19100".to_owned());
    let config = ProxyConfig {
        allow_private_upstreams: true,
        ..ProxyConfig::default()
    };
    let forward = Forward {
        http: ClientFactory::new(&config)?.client(),
        uri: format!("{upstream}/v1/chat/completions").parse()?,
    };
    let app = Router::new()
        .route("/v1/chat/completions", post(chat))
        .with_state(forward);
    satu_bench::serve(&addr, app).await?;
    Ok(())
}

async fn chat(State(forward): State<Forward>, headers: HeaderMap, body: Bytes) -> Response {
    let mut request = Request::new(Full::new(body));
    *request.method_mut() = Method::POST;
    *request.uri_mut() = forward.uri.clone();
    let sent = request.headers_mut();
    sent.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        sent.insert(header::AUTHORIZATION, auth.clone());
    }
    let answer = async {
        let (head, body) = forward.http.request(request).await?.into_parts();
        let read = upstream_client::read_capped(body, upstream_client::MAX_ANSWER_BYTES).await?;
        anyhow::Ok((head.status, read.bytes))
    };
    match answer.await {
        Ok((status, body)) => {
            (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Err(_) => StatusCode::BAD_GATEWAY.into_response(),
    }
}
