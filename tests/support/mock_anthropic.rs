//! A mock Anthropic Messages upstream speaking the real wire format (JSON and SSE events as the
//! API sends them), with faults on demand and a record of every request.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

use super::sse::{immediate, sse_response};

pub use super::mock_openai::Received;

#[derive(Clone, Debug)]
pub enum Behavior {
    /// A text answer.
    Text,
    /// Thinking, a sentence, then two tool calls.
    Tools,
    /// This status with an Anthropic error body (429 carries reset headers).
    Status(u16),
    /// Send this many events, then break the connection.
    BreakAfter(usize),
}

pub struct MockAnthropic {
    pub base_url: String,
    queue: Arc<Mutex<VecDeque<Behavior>>>,
    received: Arc<Mutex<Vec<Received>>>,
    _server: tokio::task::JoinHandle<()>,
}

#[derive(Clone)]
struct Shared {
    queue: Arc<Mutex<VecDeque<Behavior>>>,
    received: Arc<Mutex<Vec<Received>>>,
}

pub const TEXT: &str = "Halo dari Claude mock!";

impl MockAnthropic {
    pub async fn start() -> Self {
        let shared = Shared {
            queue: Arc::new(Mutex::new(VecDeque::new())),
            received: Arc::new(Mutex::new(Vec::new())),
        };
        let app = Router::new()
            .route("/v1/messages", post(messages))
            .route("/v1/models", axum::routing::get(models))
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self {
            base_url: format!("http://{addr}/v1"),
            queue: shared.queue,
            received: shared.received,
            _server: server,
        }
    }

    pub fn push(&self, behavior: Behavior) {
        self.queue.lock().unwrap().push_back(behavior);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

async fn messages(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let raw = body;
    let body: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    shared.received.lock().unwrap().push(Received {
        headers,
        body: body.clone(),
        raw,
    });
    let behavior = shared
        .queue
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or(Behavior::Text);
    let model = body["model"].as_str().unwrap_or("claude").to_owned();
    let stream = body["stream"].as_bool().unwrap_or(false);
    let (blocks, stop) = match behavior {
        Behavior::Status(code) => return error(code),
        Behavior::Tools => (tool_blocks(), "tool_use"),
        Behavior::Text | Behavior::BreakAfter(_) => {
            (vec![json!({"type": "text", "text": TEXT})], "end_turn")
        }
    };
    let usage = json!({"input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 10, "output_tokens": 6});
    if !stream {
        return axum::Json(
            json!({"id": "msg_01Mock", "type": "message", "role": "assistant", "model": model,
            "content": blocks, "stop_reason": stop, "stop_sequence": null, "usage": usage}),
        )
        .into_response();
    }
    let mut events = vec![event(
        "message_start",
        json!({"type": "message_start", "message": {"id": "msg_01Mock", "type": "message",
        "role": "assistant", "model": model, "content": [], "stop_reason": null, "stop_sequence": null,
        "usage": {"input_tokens": 20, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 10, "output_tokens": 1}}}),
    )];
    for (index, block) in blocks.iter().enumerate() {
        events.extend(block_events(index, block));
    }
    events.push(event("message_delta", json!({"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": null}, "usage": {"output_tokens": 6}})));
    events.push(event("message_stop", json!({"type": "message_stop"})));
    let limit = match behavior {
        Behavior::BreakAfter(n) => Some(n),
        _ => None,
    };
    sse(events, limit)
}

fn tool_blocks() -> Vec<Value> {
    vec![
        json!({"type": "thinking", "thinking": "Two cities, two calls.", "signature": "sig-from-anthropic"}),
        json!({"type": "text", "text": "Checking both."}),
        json!({"type": "tool_use", "id": "toolu_01A", "name": "get_weather", "input": {"location": "Jakarta"}}),
        json!({"type": "tool_use", "id": "toolu_01B", "name": "get_weather", "input": {"location": "Bandung"}}),
    ]
}

/// The events Anthropic streams for one content block (arguments in two pieces, as it does).
fn block_events(index: usize, block: &Value) -> Vec<String> {
    let start = |b: Value| {
        event(
            "content_block_start",
            json!({"type": "content_block_start", "index": index, "content_block": b}),
        )
    };
    let delta = |d: Value| {
        event(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": index, "delta": d}),
        )
    };
    let mut out = Vec::new();
    match block["type"].as_str().unwrap() {
        "text" => {
            out.push(start(json!({"type": "text", "text": ""})));
            let text = block["text"].as_str().unwrap();
            let (a, b) = text.split_at(text.len() / 2);
            out.push(delta(json!({"type": "text_delta", "text": a})));
            out.push(delta(json!({"type": "text_delta", "text": b})));
        }
        "thinking" => {
            out.push(start(
                json!({"type": "thinking", "thinking": "", "signature": ""}),
            ));
            out.push(delta(
                json!({"type": "thinking_delta", "thinking": block["thinking"]}),
            ));
            out.push(delta(
                json!({"type": "signature_delta", "signature": block["signature"]}),
            ));
        }
        _ => {
            out.push(start(
                json!({"type": "tool_use", "id": block["id"], "name": block["name"], "input": {}}),
            ));
            let args = block["input"].to_string();
            let (a, b) = args.split_at(args.len() / 2);
            out.push(delta(
                json!({"type": "input_json_delta", "partial_json": a}),
            ));
            out.push(delta(
                json!({"type": "input_json_delta", "partial_json": b}),
            ));
        }
    }
    out.push(event(
        "content_block_stop",
        json!({"type": "content_block_stop", "index": index}),
    ));
    out
}

fn event(name: &str, data: Value) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

fn sse(mut events: Vec<String>, break_after: Option<usize>) -> Response {
    if let Some(n) = break_after {
        events.truncate(n);
    }
    sse_response(immediate(events), break_after.is_some())
}

fn error(code: u16) -> Response {
    let kind = match code {
        401 => "authentication_error",
        429 => "rate_limit_error",
        400 => "invalid_request_error",
        529 => "overloaded_error",
        _ => "api_error",
    };
    let mut response = (
        StatusCode::from_u16(code).unwrap(),
        axum::Json(
            json!({"type": "error", "error": {"type": kind, "message": format!("mock {kind}")}}),
        ),
    )
        .into_response();
    if code == 429 {
        let h = response.headers_mut();
        h.insert(header::RETRY_AFTER, "30".parse().unwrap());
        h.insert(
            "anthropic-ratelimit-unified-5h-reset",
            "1764003600".parse().unwrap(),
        );
    }
    response
}

/// The key `sk-ant-wrong` is refused as Anthropic refuses a bad key.
async fn models(headers: HeaderMap) -> Response {
    let key = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if key == "sk-ant-wrong" || headers.get("anthropic-version").is_none() {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}})),
        )
            .into_response();
    }
    axum::Json(json!({"data": [{"type": "model", "id": "claude-sonnet-4-5", "display_name": "Claude Sonnet 4.5"}], "has_more": false})).into_response()
}
