//! A fast mock upstream for benchmarks: OpenAI chat completions and Anthropic messages, as JSON
//! or SSE (`"stream": true` in the body), every answer pre-rendered. Streams send `--chunks`
//! content chunks, `--delay-ms` apart.
//!
//!     bench-mock --addr 127.0.0.1:9100 [--chunks 5] [--delay-ms 0]

use satu_bench::arg;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use futures::stream::{self, StreamExt};

struct Canned {
    openai_json: Bytes,
    anthropic_json: Bytes,
    openai_sse: Vec<Bytes>,
    anthropic_sse: Vec<Bytes>,
    delay: Duration,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let addr = arg("--addr").unwrap_or_else(|| "127.0.0.1:9100".to_owned());
    let chunks: usize = arg("--chunks").map_or(Ok(5), |c| c.parse())?;
    let delay = Duration::from_millis(arg("--delay-ms").map_or(Ok(0), |c| c.parse())?);
    let canned = Arc::new(Canned {
        openai_json: Bytes::from_static(OPENAI_JSON.as_bytes()),
        anthropic_json: Bytes::from_static(ANTHROPIC_JSON.as_bytes()),
        openai_sse: openai_stream(chunks),
        anthropic_sse: anthropic_stream(chunks),
        delay,
    });
    let app = Router::new()
        .route("/v1/chat/completions", post(chat))
        .route("/v1/messages", post(messages))
        .route("/v1/models", get(models))
        .with_state(canned);
    satu_bench::serve(&addr, app).await?;
    Ok(())
}

fn wants_stream(body: &[u8]) -> bool {
    memchr::memmem::find(body, b"\"stream\":true").is_some()
        || memchr::memmem::find(body, b"\"stream\": true").is_some()
}

async fn chat(State(c): State<Arc<Canned>>, body: Bytes) -> Response {
    if wants_stream(&body) {
        sse(c.openai_sse.clone(), c.delay)
    } else {
        json(c.openai_json.clone())
    }
}

async fn messages(State(c): State<Arc<Canned>>, body: Bytes) -> Response {
    if wants_stream(&body) {
        sse(c.anthropic_sse.clone(), c.delay)
    } else {
        json(c.anthropic_json.clone())
    }
}

/// The models of the provider that asks: Anthropic's list to a request with its headers,
/// OpenAI's to the rest. Satu's worker asks each connection's list and routes by it, so a mock
/// listing both providers' models on both would send half the "passthrough" load to the other
/// provider, translated.
async fn models(headers: HeaderMap) -> Response {
    let anthropic = headers.contains_key("x-api-key") || headers.contains_key("anthropic-version");
    json(Bytes::from_static(if anthropic {
        br#"{"data":[{"id":"claude-sonnet-4-5","type":"model"}],"has_more":false}"#
    } else {
        br#"{"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]}"#
    }))
}

fn json(body: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The first event goes out at once; the rest `delay` apart.
fn sse(events: Vec<Bytes>, delay: Duration) -> Response {
    let body = stream::iter(events.into_iter().enumerate()).then(move |(i, event)| async move {
        if i > 0 && !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        Ok::<_, Infallible>(event)
    });
    (
        [(header::CONTENT_TYPE, "text/event-stream")],
        Body::from_stream(body),
    )
        .into_response()
}

const OPENAI_JSON: &str = r#"{"id":"chatcmpl-bench","object":"chat.completion","created":1764000000,"model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the benchmark mock!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":6,"total_tokens":18,"prompt_tokens_details":{"cached_tokens":0}}}"#;

const ANTHROPIC_JSON: &str = r#"{"id":"msg_bench","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"Hello from the benchmark mock!"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":12,"output_tokens":6,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}}"#;

fn openai_stream(chunks: usize) -> Vec<Bytes> {
    let mut out = vec![Bytes::from_static(
        b"data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n",
    )];
    for i in 0..chunks {
        out.push(Bytes::from(format!(
            "data: {{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4o-mini\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"word{i} \"}},\"finish_reason\":null}}]}}\n\n"
        )));
    }
    out.push(Bytes::from_static(
        b"data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n",
    ));
    out.push(Bytes::from_static(
        b"data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":6,\"total_tokens\":18}}\n\n",
    ));
    out.push(Bytes::from_static(b"data: [DONE]\n\n"));
    out
}

fn anthropic_stream(chunks: usize) -> Vec<Bytes> {
    let mut out = vec![
        Bytes::from_static(
            b"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_bench\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n",
        ),
        Bytes::from_static(
            b"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n",
        ),
    ];
    for i in 0..chunks {
        out.push(Bytes::from(format!(
            "event: content_block_delta\ndata: {{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{{\"type\":\"text_delta\",\"text\":\"word{i} \"}}}}\n\n"
        )));
    }
    out.push(Bytes::from_static(
        b"event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n",
    ));
    out.push(Bytes::from_static(
        b"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":6}}\n\n",
    ));
    out.push(Bytes::from_static(
        b"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n",
    ));
    out
}
