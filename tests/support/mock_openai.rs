//! A mock OpenAI-compatible upstream (axum) speaking the real wire format: chat completions as
//! JSON or SSE chunks with a final usage chunk when asked, with faults on demand, and a record
//! of every request it received.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};

use super::sse::{immediate, sse_response};

/// What the mock does with the next request.
#[derive(Clone, Debug)]
pub enum Behavior {
    /// Answer normally (JSON or SSE, following the request's `stream`).
    Ok,
    /// Answer with this status and an OpenAI error body.
    Status(u16),
    /// Wait this long before answering normally.
    Delay(Duration),
    /// Stream normally, waiting `gap` before each content chunk.
    Slow { gap: Duration },
    /// Send this many content chunks, then break the connection.
    BreakAfter(usize),
    /// Two parallel tool calls (chat: arguments in pieces; Responses: function_call items).
    Tools,
    /// Answer with this status and a JSON body of about `bytes` bytes, sent in 64 KiB chunks.
    Huge { status: u16, bytes: usize },
    /// Stream normally (Responses), then keep the connection open this long before closing.
    LingerAfterEnd(Duration),
}

#[derive(Clone, Debug)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: Value,
    /// The body's bytes as they arrived.
    pub raw: Bytes,
}

pub struct MockState {
    queue: Mutex<VecDeque<Behavior>>,
    default: Mutex<Behavior>,
    received: Mutex<Vec<Received>>,
    pub usage: Usage,
    pub pieces: Vec<&'static str>,
    models_asked: std::sync::atomic::AtomicUsize,
}

#[derive(Clone, Copy, Debug)]
pub struct Usage {
    pub prompt: i64,
    pub completion: i64,
    pub cached: i64,
    pub reasoning: i64,
}

pub struct MockUpstream {
    pub base_url: String,
    pub state: Arc<MockState>,
    _server: tokio::task::JoinHandle<()>,
}

impl MockUpstream {
    pub async fn start() -> Self {
        let state = Arc::new(MockState {
            queue: Mutex::new(VecDeque::new()),
            default: Mutex::new(Behavior::Ok),
            received: Mutex::new(Vec::new()),
            usage: Usage {
                prompt: 12,
                completion: 5,
                cached: 4,
                reasoning: 2,
            },
            pieces: vec!["Hel", "lo", " from", " mock", "!"],
            models_asked: Default::default(),
        });
        let app = Router::new()
            .route("/v1/chat/completions", post(chat))
            .route("/v1/responses", post(responses))
            .route("/v1/models", axum::routing::get(models))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self {
            base_url: format!("http://{addr}/v1"),
            state,
            _server: server,
        }
    }

    /// How many times a model list was asked for.
    pub fn models_asked(&self) -> usize {
        self.state
            .models_asked
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Behaviour for the next requests, in order; afterwards the default applies.
    pub fn push(&self, behavior: Behavior) {
        self.state.queue.lock().unwrap().push_back(behavior);
    }

    pub fn set_default(&self, behavior: Behavior) {
        *self.state.default.lock().unwrap() = behavior;
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }

    /// The full text the mock streams.
    pub fn text(&self) -> String {
        self.state.pieces.concat()
    }
}

async fn chat(State(state): State<Arc<MockState>>, headers: HeaderMap, body: Bytes) -> Response {
    let raw = body;
    let body: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    state.received.lock().unwrap().push(Received {
        headers,
        body: body.clone(),
        raw,
    });
    let behavior = state
        .queue
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or_else(|| state.default.lock().unwrap().clone());
    let model = body["model"].as_str().unwrap_or("unknown").to_owned();
    let stream = body["stream"].as_bool().unwrap_or(false);
    let include_usage = body["stream_options"]["include_usage"]
        .as_bool()
        .unwrap_or(false);
    match behavior {
        Behavior::Status(code) => error(code),
        Behavior::Huge { status, bytes } => huge(status, bytes),
        Behavior::Tools => tool_calls(&state, &model, stream, include_usage),
        Behavior::Delay(d) => {
            tokio::time::sleep(d).await;
            respond(&state, model, stream, include_usage, Duration::ZERO, None)
        }
        // Lingering is the Responses stream's; chat answers normally.
        Behavior::Ok | Behavior::LingerAfterEnd(_) => {
            respond(&state, model, stream, include_usage, Duration::ZERO, None)
        }
        Behavior::Slow { gap } => respond(&state, model, stream, include_usage, gap, None),
        Behavior::BreakAfter(n) => respond(
            &state,
            model,
            stream,
            include_usage,
            Duration::ZERO,
            Some(n),
        ),
    }
}

fn error(code: u16) -> Response {
    let status = StatusCode::from_u16(code).unwrap();
    let mut response = (
        status,
        axum::Json(json!({"error": {"message": format!("mock failure {code}"), "type": "server_error", "param": null, "code": null}})),
    )
        .into_response();
    if code == 429 {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, "7".parse().unwrap());
    }
    response
}

fn huge(status: u16, bytes: usize) -> Response {
    const CHUNK: usize = 64 * 1024;
    let filler = Bytes::from(vec![b'x'; CHUNK]);
    let chunks = (0..bytes / CHUNK).map(move |_| Ok::<_, std::io::Error>(filler.clone()));
    let open = std::iter::once(Ok(Bytes::from_static(b"{\"error\":{\"message\":\"")));
    let close = std::iter::once(Ok(Bytes::from_static(b"\"}}")));
    let body = Body::from_stream(futures::stream::iter(open.chain(chunks).chain(close)));
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "application/json")
        .body(body)
        .unwrap()
}

fn usage_json(u: Usage) -> Value {
    json!({
        "prompt_tokens": u.prompt,
        "completion_tokens": u.completion,
        "total_tokens": u.prompt + u.completion,
        "prompt_tokens_details": {"cached_tokens": u.cached, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": u.reasoning, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}
    })
}

fn respond(
    state: &MockState,
    model: String,
    stream: bool,
    include_usage: bool,
    gap: Duration,
    break_after: Option<usize>,
) -> Response {
    if !stream {
        return axum::Json(json!({
            "id": "chatcmpl-mock1",
            "object": "chat.completion",
            "created": 1_764_000_000,
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": state.pieces.concat(), "refusal": null}, "logprobs": null, "finish_reason": "stop"}],
            "usage": usage_json(state.usage),
            "service_tier": "default",
            "system_fingerprint": "fp_mock"
        }))
        .into_response();
    }
    let chunk = |delta: Value, finish: Value| {
        json!({"id": "chatcmpl-mock1", "object": "chat.completion.chunk", "created": 1_764_000_000, "model": model,
               "system_fingerprint": "fp_mock", "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]})
    };
    let mut events: Vec<(Duration, String)> = Vec::new();
    events.push((
        Duration::ZERO,
        sse(&chunk(
            json!({"role": "assistant", "content": "", "refusal": null}),
            Value::Null,
        )),
    ));
    for piece in &state.pieces {
        events.push((gap, sse(&chunk(json!({"content": piece}), Value::Null))));
    }
    events.push((Duration::ZERO, sse(&chunk(json!({}), json!("stop")))));
    if include_usage {
        let usage = json!({"id": "chatcmpl-mock1", "object": "chat.completion.chunk", "created": 1_764_000_000, "model": model,
                           "system_fingerprint": "fp_mock", "choices": [], "usage": usage_json(state.usage)});
        events.push((Duration::ZERO, sse(&usage)));
    }
    events.push((Duration::ZERO, "data: [DONE]\n\n".to_owned()));
    if let Some(n) = break_after {
        events.truncate(n + 1);
    }
    sse_response(events, break_after.is_some())
}

fn sse(value: &Value) -> String {
    format!("data: {value}\n\n")
}

/// `POST /v1/responses`: text or two function calls, streamed as Responses events or whole.
async fn responses(
    State(state): State<Arc<MockState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let raw = body;
    let body: Value = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    state.received.lock().unwrap().push(Received {
        headers,
        body: body.clone(),
        raw,
    });
    let behavior = state
        .queue
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or(Behavior::Ok);
    if let Behavior::Status(code) = behavior {
        return error(code);
    }
    let model = body["model"].as_str().unwrap_or("gpt-5").to_owned();
    let u = state.usage;
    let usage = json!({"input_tokens": u.prompt, "input_tokens_details": {"cached_tokens": u.cached},
        "output_tokens": u.completion, "output_tokens_details": {"reasoning_tokens": u.reasoning}, "total_tokens": u.prompt + u.completion});
    let output: Vec<Value> = if matches!(behavior, Behavior::Tools) {
        CALLS
            .iter()
            .map(|(id, a, b)| json!({"id": format!("fc_{id}"), "type": "function_call", "status": "completed", "call_id": id,
                "name": "get_weather", "arguments": format!("{a}{b}")}))
            .collect()
    } else {
        vec![
            json!({"id": "msg_m1", "type": "message", "status": "completed", "role": "assistant",
            "content": [{"type": "output_text", "text": state.pieces.concat(), "annotations": []}]}),
        ]
    };
    let response = json!({"id": "resp_mock1", "object": "response", "created_at": 1_764_000_000, "status": "completed",
        "model": model, "output": output, "usage": usage});
    if !body["stream"].as_bool().unwrap_or(false) {
        return axum::Json(response).into_response();
    }
    let mut events = vec![(
        "response.created",
        json!({"response": {"id": "resp_mock1", "status": "in_progress", "model": model, "output": []}}),
    )];
    for (n, item) in output.iter().enumerate() {
        let mut added = item.clone();
        if item["type"] == "message" {
            added["content"] = json!([]);
        } else {
            added["arguments"] = json!("");
        }
        events.push((
            "response.output_item.added",
            json!({"output_index": n, "item": added}),
        ));
        if item["type"] == "message" {
            for piece in &state.pieces {
                events.push(("response.output_text.delta", json!({"item_id": item["id"], "output_index": n, "content_index": 0, "delta": piece})));
            }
        } else {
            events.push((
                "response.function_call_arguments.delta",
                json!({"item_id": item["id"], "output_index": n, "delta": item["arguments"]}),
            ));
        }
        events.push((
            "response.output_item.done",
            json!({"output_index": n, "item": item}),
        ));
    }
    events.push(("response.completed", json!({"response": response})));
    let broken = match behavior {
        Behavior::BreakAfter(n) => {
            events.truncate(n);
            true
        }
        _ => false,
    };
    let sse: Vec<String> = events
        .into_iter()
        .enumerate()
        .map(|(n, (name, mut data))| {
            data["type"] = json!(name);
            data["sequence_number"] = json!(n);
            format!("event: {name}\ndata: {data}\n\n")
        })
        .collect();
    let mut timed = immediate(sse);
    if let Behavior::LingerAfterEnd(linger) = behavior {
        timed.push((linger, String::new()));
    }
    sse_response(timed, broken)
}

const CALLS: [(&str, &str, &str); 2] = [
    ("call_J", "{\"location\":", "\"Jakarta\"}"),
    ("call_B", "{\"location\":", "\"Bandung\"}"),
];

/// Chat completions calling `get_weather` twice, as OpenAI streams it: ids and names first,
/// arguments in pieces, then `finish_reason: tool_calls`.
fn tool_calls(state: &MockState, model: &str, stream: bool, include_usage: bool) -> Response {
    if !stream {
        let calls: Vec<Value> = CALLS
            .iter()
            .map(|(id, a, b)| json!({"id": id, "type": "function", "function": {"name": "get_weather", "arguments": format!("{a}{b}")}}))
            .collect();
        return axum::Json(json!({"id": "chatcmpl-tools", "object": "chat.completion", "created": 1_764_000_000, "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": calls}, "finish_reason": "tool_calls"}],
            "usage": usage_json(state.usage)}))
        .into_response();
    }
    let chunk = |delta: Value, finish: Value| {
        format!(
            "data: {}\n\n",
            json!({"id": "chatcmpl-tools", "object": "chat.completion.chunk", "created": 1_764_000_000,
            "model": model, "choices": [{"index": 0, "delta": delta, "logprobs": null, "finish_reason": finish}]})
        )
    };
    let mut sse = chunk(json!({"role": "assistant", "content": null}), Value::Null);
    for (index, (id, a, b)) in CALLS.iter().enumerate() {
        sse += &chunk(
            json!({"tool_calls": [{"index": index, "id": id, "type": "function", "function": {"name": "get_weather", "arguments": ""}}]}),
            Value::Null,
        );
        sse += &chunk(
            json!({"tool_calls": [{"index": index, "function": {"arguments": a}}]}),
            Value::Null,
        );
        sse += &chunk(
            json!({"tool_calls": [{"index": index, "function": {"arguments": b}}]}),
            Value::Null,
        );
    }
    sse += &chunk(json!({}), json!("tool_calls"));
    if include_usage {
        sse += &format!(
            "data: {}\n\n",
            json!({"id": "chatcmpl-tools", "object": "chat.completion.chunk", "model": model, "choices": [], "usage": usage_json(state.usage)})
        );
    }
    sse += "data: [DONE]\n\n";
    Response::builder()
        .header(header::CONTENT_TYPE, "text/event-stream")
        .body(Body::from(sse))
        .unwrap()
}

/// The key `sk-wrong` is refused as OpenAI refuses a bad key; any other lists two models.
/// Asked as the Codex backend is (`client_version`), it answers the backend's own list.
async fn models(
    State(state): State<Arc<MockState>>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    state
        .models_asked
        .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if auth == "Bearer sk-wrong" {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": {"message": "Incorrect API key provided: sk-wrong.", "type": "invalid_request_error", "code": "invalid_api_key"}})),
        )
            .into_response();
    }
    if query.is_some_and(|q| q.contains("client_version=")) {
        if !headers.contains_key("chatgpt-account-id") {
            return (StatusCode::BAD_REQUEST, "chatgpt-account-id is required").into_response();
        }
        return axum::Json(json!({"models": [
            {"slug": "gpt-5-codex", "display_name": "gpt-5-codex", "visibility": "list"},
            {"slug": "gpt-5.1-codex", "display_name": "gpt-5.1-codex", "visibility": "list"}
        ]}))
        .into_response();
    }
    axum::Json(json!({"object": "list", "data": [
        {"id": "gpt-4o", "object": "model", "owned_by": "openai"},
        {"id": "gpt-4o-mini", "object": "model", "owned_by": "openai"}
    ]}))
    .into_response()
}
