//! The floor under Satu's figures: the smallest forwarder on the same stack (axum server,
//! reqwest client, one tokio runtime), with no auth, routing, limits or usage. What it adds over
//! calling the upstream directly is what the stack itself costs on this machine.
//!
//!     bench-floor --addr 127.0.0.1:19190 --upstream http://127.0.0.1:19100

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use satu_bench::arg;

#[derive(Clone)]
struct Forward {
    http: reqwest::Client,
    url: reqwest::Url,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr = arg("--addr").unwrap_or_else(|| "127.0.0.1:19190".to_owned());
    let upstream = arg("--upstream").unwrap_or_else(|| "http://127.0.0.1:19100".to_owned());
    let forward = Forward {
        http: reqwest::Client::builder().tcp_nodelay(true).build()?,
        url: format!("{upstream}/v1/chat/completions").parse()?,
    };
    let app = Router::new()
        .route("/v1/chat/completions", post(chat))
        .with_state(forward);
    satu_bench::serve(&addr, app).await?;
    Ok(())
}

async fn chat(State(forward): State<Forward>, headers: HeaderMap, body: Bytes) -> Response {
    let mut request = forward.http.post(forward.url.clone()).body(body);
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        request = request.header(header::AUTHORIZATION, auth);
    }
    let answer = async {
        let response = request.send().await?;
        let status = response.status();
        Ok::<_, reqwest::Error>((status, response.bytes().await?))
    };
    match answer.await {
        Ok((status, body)) => {
            (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
        }
        Err(_) => StatusCode::BAD_GATEWAY.into_response(),
    }
}
