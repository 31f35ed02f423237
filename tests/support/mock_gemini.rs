//! A mock Gemini API upstream: `generateContent` JSON, `streamGenerateContent?alt=sse` chunks as
//! Google sends them (thoughts, whole function calls, usage on every chunk), and Google-shaped
//! errors, with a record of every request (path included).

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

use super::sse::{immediate, sse_response};

#[derive(Clone, Debug)]
pub enum Behavior {
    Text,
    Tools,
    Status(u16),
    /// Stream this many chunks, then break the connection.
    BreakAfter(usize),
}

#[derive(Clone, Debug)]
pub struct GeminiReceived {
    pub path: String,
    pub query: Option<String>,
    pub headers: HeaderMap,
    pub body: Value,
}

#[derive(Clone, Default)]
struct Shared {
    queue: Arc<Mutex<VecDeque<Behavior>>>,
    received: Arc<Mutex<Vec<GeminiReceived>>>,
}

pub struct MockGemini {
    pub base_url: String,
    /// The Code Assist endpoint (Gemini CLI subscriptions), on the same server.
    pub code_assist_url: String,
    shared: Shared,
    _server: tokio::task::JoinHandle<()>,
}

pub const TEXT: [&str; 2] = ["Halo dari ", "Gemini mock!"];

impl MockGemini {
    pub async fn start() -> Self {
        let shared = Shared::default();
        let app = Router::new()
            .route("/v1beta/models", axum::routing::get(list_models))
            .route("/v1beta/models/{target}", post(generate))
            .route("/v1internal:retrieveUserQuota", post(user_quota))
            .route("/v1internal:generateContent", post(code_assist_whole))
            .route(
                "/v1internal:streamGenerateContent",
                post(code_assist_stream),
            )
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self {
            base_url: format!("http://{addr}/v1beta"),
            code_assist_url: format!("http://{addr}/v1internal"),
            shared,
            _server: server,
        }
    }

    pub fn push(&self, behavior: Behavior) {
        self.shared.queue.lock().unwrap().push_back(behavior);
    }

    pub fn received(&self) -> Vec<GeminiReceived> {
        self.shared.received.lock().unwrap().clone()
    }
}

async fn generate(
    State(shared): State<Shared>,
    Path(target): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    answer(shared, target, query, headers, body, false).await
}

/// The answer to one request; `wrap` puts each JSON answer or chunk in Code Assist's
/// `{"response": …}` envelope.
async fn answer(
    shared: Shared,
    target: String,
    query: Option<String>,
    headers: HeaderMap,
    body: Bytes,
    wrap: bool,
) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    shared.received.lock().unwrap().push(GeminiReceived {
        path: target.clone(),
        query,
        headers,
        body,
    });
    let behavior = shared
        .queue
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or(Behavior::Text);
    let (model, action) = target.split_once(':').unwrap();
    let chunks = match behavior {
        Behavior::Status(code) => return error(code),
        Behavior::Text | Behavior::BreakAfter(_) => vec![
            vec![json!({"text": TEXT[0]})],
            vec![json!({"text": TEXT[1]})],
        ],
        Behavior::Tools => vec![
            vec![json!({"text": "Checking.", "thought": true})],
            vec![
                json!({"functionCall": {"name": "get_weather", "args": {"location": "Jakarta"}}, "thoughtSignature": "sig-g"}),
                json!({"functionCall": {"name": "get_weather", "args": {"location": "Bandung"}}}),
            ],
        ],
    };
    let usage = json!({"promptTokenCount": 40, "candidatesTokenCount": 7, "totalTokenCount": 59, "cachedContentTokenCount": 16, "thoughtsTokenCount": 12});
    let chunk = |parts: &Vec<Value>, last: bool| {
        let mut c = json!({"candidates": [{"content": {"role": "model", "parts": parts}, "index": 0}],
            "usageMetadata": usage, "modelVersion": model, "responseId": "resp-gemini-1"});
        if last {
            c["candidates"][0]["finishReason"] = json!("STOP");
        }
        if wrap { json!({"response": c}) } else { c }
    };
    if action == "generateContent" {
        let parts: Vec<Value> = chunks.iter().flatten().cloned().collect();
        return axum::Json(chunk(&parts, true)).into_response();
    }
    let n = chunks.len();
    let mut events: Vec<String> = chunks
        .iter()
        .enumerate()
        .map(|(i, parts)| format!("data: {}\r\n\r\n", chunk(parts, i + 1 == n)))
        .collect();
    let broken = if let Behavior::BreakAfter(k) = behavior {
        events.truncate(k);
        true
    } else {
        false
    };
    sse_response(immediate(events), broken)
}

fn error(code: u16) -> Response {
    let (status, details) = match code {
        429 => (
            "RESOURCE_EXHAUSTED",
            json!([{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "42s"}]),
        ),
        400 => ("INVALID_ARGUMENT", json!([])),
        _ => ("INTERNAL", json!([])),
    };
    (
        StatusCode::from_u16(code).unwrap(),
        axum::Json(json!({"error": {"code": code, "message": format!("mock {status}"), "status": status, "details": details}})),
    )
        .into_response()
}

/// Code Assist: `{model, project, request}` in, `{response}` out (per chunk when streaming).
async fn code_assist(
    shared: Shared,
    query: Option<String>,
    headers: HeaderMap,
    body: Bytes,
    stream: bool,
) -> Response {
    let outer: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let model = outer["model"].as_str().unwrap_or("gemini").to_owned();
    let action = if stream {
        "streamGenerateContent"
    } else {
        "generateContent"
    };
    let inner = Bytes::from(serde_json::to_vec(&outer["request"]).unwrap());
    let response = answer(
        shared.clone(),
        format!("{model}:{action}"),
        query,
        headers,
        inner,
        true,
    )
    .await;
    // Record the wrapper as sent, not the inner request.
    if let Some(last) = shared.received.lock().unwrap().last_mut() {
        last.path = format!("v1internal:{action}");
        last.body = outer;
    }
    response
}

async fn code_assist_whole(
    State(shared): State<Shared>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    code_assist(shared, query, headers, body, false).await
}

async fn code_assist_stream(
    State(shared): State<Shared>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    code_assist(shared, query, headers, body, true).await
}

/// Google's model list: generative models and an embedding model (which cannot generate).
async fn list_models(State(shared): State<Shared>, headers: HeaderMap) -> Response {
    record(&shared, "models", headers, Value::Null);
    axum::Json(json!({"models": [
        {"name": "models/gemini-2.5-pro", "displayName": "Gemini 2.5 Pro",
         "supportedGenerationMethods": ["generateContent", "countTokens"]},
        {"name": "models/gemini-2.5-flash", "displayName": "Gemini 2.5 Flash",
         "supportedGenerationMethods": ["generateContent", "countTokens"]},
        {"name": "models/gemini-embedding-001", "displayName": "Gemini Embedding",
         "supportedGenerationMethods": ["embedContent"]}
    ]}))
    .into_response()
}

/// Code Assist's quota: a bucket per model and token type for the project's tier.
async fn user_quota(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let project = body["project"].as_str().map(str::to_owned);
    record(&shared, "v1internal:retrieveUserQuota", headers, body);
    if project.is_none() {
        return (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({"error": {"code": 400, "message": "project is required", "status": "INVALID_ARGUMENT"}})),
        )
            .into_response();
    }
    axum::Json(json!({"buckets": [
        {"modelId": "gemini-2.5-pro", "tokenType": "REQUESTS", "remainingFraction": 1.0, "resetTime": "2026-12-07T00:00:00Z"},
        {"modelId": "gemini-2.5-flash", "tokenType": "REQUESTS", "remainingFraction": 0.9, "resetTime": "2026-12-07T00:00:00Z"},
        {"modelId": "gemini-2.5-flash", "tokenType": "TOKENS", "remainingFraction": 0.8, "resetTime": "2026-12-07T00:00:00Z"}
    ]}))
    .into_response()
}

fn record(shared: &Shared, path: &str, headers: HeaderMap, body: Value) {
    shared.received.lock().unwrap().push(GeminiReceived {
        path: path.to_owned(),
        query: None,
        headers,
        body,
    });
}
