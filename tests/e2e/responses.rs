//! The OpenAI Responses dialect (Codex CLI): passthrough to an OpenAI account's `/v1/responses`,
//! and translation to a Claude account, streamed and whole.

use entities::Provider;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, Behavior, MockAnthropic};
use crate::support::mock_openai::{Behavior as OpenAiBehavior, MockUpstream};
use crate::support::{Backend, TestApp, spawn_app};

on_both_backends!(
    codex_passes_through_to_an_openai_account,
    codex_streams_tool_calls_from_a_claude_account,
    responses_without_streaming_from_a_claude_account,
    a_client_that_hangs_up_after_the_last_event_was_served,
);

fn codex_body(model: &str, stream: bool) -> Value {
    json!({
        "model": model,
        "stream": stream,
        "store": false,
        "reasoning": {"effort": "low", "summary": "auto"},
        "tools": [{"type": "function", "name": "get_weather", "strict": false,
                   "parameters": {"type": "object", "properties": {"location": {"type": "string"}}}}],
        "input": [{"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Weather in Jakarta and Bandung?"}]}]
    })
}

fn post(app: &TestApp, key: &str, body: Value) -> reqwest::RequestBuilder {
    app.http
        .post(app.url("/v1/responses"))
        .bearer_auth(key)
        .json(&body)
}

/// The `data:` objects of a Responses stream.
async fn events(response: reqwest::Response) -> Vec<Value> {
    response
        .text()
        .await
        .unwrap()
        .split("\n\n")
        .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect()
}

async fn codex_passes_through_to_an_openai_account(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-openai", None, &[])
        .await;
    let response = post(&app, &caller.key, codex_body("gpt-5-codex", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let events = events(response).await;
    let text: String = events
        .iter()
        .filter(|e| e["type"] == "response.output_text.delta")
        .filter_map(|e| e["delta"].as_str())
        .collect();
    assert_eq!(text, upstream.text());
    assert_eq!(events.last().unwrap()["type"], "response.completed");
    assert_eq!(
        upstream.received()[0].body,
        codex_body("gpt-5-codex", true),
        "passed through untouched"
    );
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (row.endpoint.as_str(), row.provider.as_deref()),
        ("responses", Some("openai"))
    );
    assert_eq!(
        (
            row.prompt_tokens,
            row.cached_tokens,
            row.completion_tokens,
            row.reasoning_tokens
        ),
        (12, 4, 5, 2)
    );
    app.stop().await;
}

async fn codex_streams_tool_calls_from_a_claude_account(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    upstream.push(Behavior::Tools);
    let response = post(&app, &caller.key, codex_body("claude-sonnet-4-5", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let events = events(response).await;
    assert_eq!(events[0]["type"], "response.created");
    let sequence: Vec<u64> = events
        .iter()
        .map(|e| e["sequence_number"].as_u64().unwrap())
        .collect();
    assert!(sequence.windows(2).all(|w| w[1] == w[0] + 1));
    let done = events.last().unwrap();
    assert_eq!(done["type"], "response.completed");
    let output = done["response"]["output"].as_array().unwrap();
    let calls: Vec<(&str, &str)> = output
        .iter()
        .filter(|i| i["type"] == "function_call")
        .map(|i| {
            (
                i["call_id"].as_str().unwrap(),
                i["arguments"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        calls,
        [
            ("toolu_01A", r#"{"location":"Jakarta"}"#),
            ("toolu_01B", r#"{"location":"Bandung"}"#)
        ]
    );
    assert_eq!(done["response"]["usage"]["input_tokens"], 30);
    let sent = &upstream.received()[0].body;
    assert_eq!(
        sent["messages"][0]["content"][0]["text"],
        "Weather in Jakarta and Bandung?"
    );
    assert_eq!(sent["tools"][0]["name"], "get_weather");
    assert!(
        sent["thinking"]["budget_tokens"].as_u64().unwrap() >= 1024,
        "reasoning effort becomes a thinking budget"
    );
    app.stop().await;
}

async fn responses_without_streaming_from_a_claude_account(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    let response = post(&app, &caller.key, codex_body("claude-sonnet-4-5", false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["object"], "response");
    assert_eq!(body["status"], "completed");
    assert_eq!(
        body["output"][0]["content"][0]["text"],
        mock_anthropic::TEXT
    );
    let missing = post(&app, &caller.key, json!({"model": "claude-sonnet-4-5"}))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 400);
    let err: Value = missing.json().await.unwrap();
    assert!(err["error"]["message"].as_str().unwrap().contains("input"));
    app.stop().await;
}

/// Codex CLI closes the connection as soon as it reads `response.completed`, while the
/// upstream may still hold its end open: the request was served, not cut short.
async fn a_client_that_hangs_up_after_the_last_event_was_served(backend: Backend) {
    use futures::StreamExt;
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-openai", None, &[])
        .await;
    upstream.push(OpenAiBehavior::LingerAfterEnd(
        std::time::Duration::from_secs(2),
    ));
    let response = app
        .http
        .post(app.url("/v1/responses"))
        .bearer_auth(&caller.key)
        .json(&codex_body("gpt-5-codex", true))
        .send()
        .await
        .unwrap();
    let mut body = response.bytes_stream();
    let mut seen = Vec::new();
    while let Some(chunk) = body.next().await {
        seen.extend_from_slice(&chunk.unwrap());
        if String::from_utf8_lossy(&seen).contains("event: response.completed") {
            break;
        }
    }
    drop(body);
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!((row.status_code, row.error_kind.as_deref()), (200, None));
    assert_eq!((row.prompt_tokens, row.completion_tokens), (12, 5));
    app.stop().await;
}
