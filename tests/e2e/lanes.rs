//! Upstreams that speak HTTP/2 cap the streams of a connection: Satu opens more connections
//! instead of queueing requests behind the cap.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use entities::Provider;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::service::TowerToHyperService;
use serde_json::{Value, json};
use tokio::sync::Barrier;

use crate::support::{Backend, chat_body, spawn_app, sse_data};

const CAP: u32 = 2;
const REQUESTS: usize = 6;

struct Upstream {
    /// Every request waits here until all are in flight at once: with requests queued behind
    /// the stream cap, none would ever answer.
    all_in_flight: Barrier,
    connections: AtomicUsize,
}

/// An h2c (HTTP/2 without TLS) OpenAI upstream allowing `CAP` streams per connection.
async fn start_upstream() -> (String, Arc<Upstream>) {
    let upstream = Arc::new(Upstream {
        all_in_flight: Barrier::new(REQUESTS),
        connections: AtomicUsize::new(0),
    });
    let app = Router::new()
        .route("/v1/chat/completions", post(chat))
        .with_state(upstream.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let counter = upstream.clone();
    tokio::spawn(async move {
        loop {
            let (tcp, _) = listener.accept().await.unwrap();
            counter.connections.fetch_add(1, Ordering::SeqCst);
            let service = TowerToHyperService::new(app.clone());
            tokio::spawn(async move {
                let _ = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                    .max_concurrent_streams(CAP)
                    .serve_connection(TokioIo::new(tcp), service)
                    .await;
            });
        }
    });
    (format!("http://{addr}/v1"), upstream)
}

async fn chat(State(upstream): State<Arc<Upstream>>, body: axum::body::Bytes) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap();
    upstream.all_in_flight.wait().await;
    let model = body["model"].as_str().unwrap().to_owned();
    let usage = json!({"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5});
    if body["stream"].as_bool() == Some(true) {
        let chunk = json!({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": model,
            "choices": [{"index": 0, "delta": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}]});
        let last = json!({"id": "c1", "object": "chat.completion.chunk", "created": 1, "model": model,
            "choices": [], "usage": usage});
        let text = format!("data: {chunk}\n\ndata: {last}\n\ndata: [DONE]\n\n");
        return ([("content-type", "text/event-stream")], text).into_response();
    }
    axum::Json(json!({"id": "c1", "object": "chat.completion", "created": 1, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
        "usage": usage}))
    .into_response()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_beyond_a_connections_stream_cap_open_another_connection() {
    let (base_url, upstream) = start_upstream().await;
    let app = spawn_app(
        Backend::Sqlite,
        &base_url,
        &[
            ("SATU__PROXY__UPSTREAM_H2C", "true"),
            ("SATU__PROXY__UPSTREAM_STREAMS_PER_CONNECTION", "2"),
        ],
    )
    .await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream", None, &[])
        .await;

    let calls = (0..REQUESTS).map(|i| {
        let stream = i % 2 == 0;
        let request = app.chat(&caller.key, chat_body("gpt-4o-mini", stream));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200);
            if stream {
                let data = sse_data(response).await;
                assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
                let first: Value = serde_json::from_str(&data[0]).unwrap();
                assert_eq!(first["choices"][0]["delta"]["content"], "hi");
            } else {
                let body: Value = response.json().await.unwrap();
                assert_eq!(body["choices"][0]["message"]["content"], "hi");
            }
        }
    });
    let all = futures::future::join_all(calls);
    tokio::time::timeout(std::time::Duration::from_secs(20), all)
        .await
        .expect("requests queued behind the upstream's stream cap");

    let connections = upstream.connections.load(Ordering::SeqCst);
    assert!(
        connections >= REQUESTS / CAP as usize,
        "{connections} connections carried {REQUESTS} concurrent requests at {CAP} streams each"
    );
    let rows = app.usage_rows(&caller, REQUESTS).await;
    assert!(
        rows.iter()
            .all(|r| r.status_code == 200 && r.completion_tokens == 2)
    );
    app.stop().await;
}
