//! The Anthropic dialect, and requests that cross dialects: an OpenAI client on a Claude
//! account, Claude Code on an OpenAI account. Exact bodies on both sides, exact usage rows.

use entities::Provider;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, Behavior, MockAnthropic};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, messages_body, spawn_app, sse_data};

on_both_backends!(
    claude_code_passes_through_to_an_anthropic_account,
    openai_client_streams_tool_calls_from_an_anthropic_account,
    openai_client_gets_a_translated_answer_from_an_anthropic_account,
    claude_code_streams_from_an_openai_account,
    anthropic_dialect_errors_are_anthropic_shaped,
    anthropic_rate_limit_fails_over_then_reports_retry,
);

fn tool_request(stream: bool) -> Value {
    json!({
        "model": "claude-sonnet-4-5",
        "stream": stream,
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Weather in Jakarta and Bandung?"}
        ],
        "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"location": {"type": "string"}}}}}],
    })
}

async fn claude_code_passes_through_to_an_anthropic_account(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant-api03-user",
        Some(&upstream.base_url),
        &[],
    )
    .await;

    let response = app
        .messages(&caller.key, messages_body("claude-sonnet-4-5", true))
        .header(
            "anthropic-beta",
            "claude-code-20250219,interleaved-thinking-2025-05-14",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(
        text.starts_with("event: message_start\n"),
        "events reach the client as Anthropic sent them"
    );
    assert!(text.contains(&format!(
        "\"text\":\"{}\"",
        &mock_anthropic::TEXT[..mock_anthropic::TEXT.len() / 2]
    )));
    assert!(
        text.trim_end()
            .ends_with("data: {\"type\":\"message_stop\"}")
    );

    let received = &upstream.received()[0];
    assert_eq!(received.headers["x-api-key"], "sk-ant-api03-user");
    assert_eq!(received.headers["anthropic-version"], "2023-06-01");
    assert_eq!(
        received.headers["anthropic-beta"],
        "claude-code-20250219,interleaved-thinking-2025-05-14"
    );
    assert!(received.headers.get("authorization").is_none());
    let mut sent = messages_body("claude-sonnet-4-5", true);
    sent["model"] = json!("claude-sonnet-4-5");
    assert_eq!(received.body, sent, "the body is passed through untouched");

    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (row.endpoint.as_str(), row.provider.as_deref()),
        ("messages", Some("anthropic"))
    );
    assert_eq!(
        (row.prompt_tokens, row.cached_tokens, row.completion_tokens),
        (30, 10, 6)
    );
    // claude-sonnet-4-5: $3 in, $0.30 cached, $15 out per 1M: (20×3 + 10×0.3 + 6×15) / 1M USD.
    assert_eq!(row.cost_nanos, 153_000);
    assert_eq!(row.error_kind, None);
    app.stop().await;
}

async fn openai_client_streams_tool_calls_from_an_anthropic_account(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant-1",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    upstream.push(Behavior::Tools);

    let data = sse_data(
        app.chat(&caller.key, tool_request(true))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(data.last().unwrap(), "[DONE]");
    let chunks: Vec<Value> = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let content: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect();
    assert_eq!(content, "Checking both.");
    let mut calls: Vec<(String, String)> = Vec::new();
    for chunk in &chunks {
        for call in chunk["choices"][0]["delta"]["tool_calls"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let index = call["index"].as_u64().unwrap() as usize;
            if calls.len() <= index {
                calls.push((call["id"].as_str().unwrap().to_owned(), String::new()));
            }
            calls[index]
                .1
                .push_str(call["function"]["arguments"].as_str().unwrap_or(""));
        }
    }
    assert_eq!(
        calls,
        vec![
            (
                "toolu_01A".to_owned(),
                r#"{"location":"Jakarta"}"#.to_owned()
            ),
            (
                "toolu_01B".to_owned(),
                r#"{"location":"Bandung"}"#.to_owned()
            ),
        ]
    );
    assert!(
        chunks
            .iter()
            .any(|c| c["choices"][0]["finish_reason"] == "tool_calls")
    );

    let sent = &upstream.received()[0].body;
    assert_eq!(sent["system"], "Be brief.");
    assert_eq!(sent["max_tokens"], 8192);
    assert_eq!(
        sent["messages"],
        json!([{"role": "user", "content": [{"type": "text", "text": "Weather in Jakarta and Bandung?"}]}])
    );
    assert_eq!(sent["tools"][0]["name"], "get_weather");
    assert_eq!(sent["tools"][0]["input_schema"]["type"], "object");

    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (
            row.endpoint.as_str(),
            row.prompt_tokens,
            row.completion_tokens
        ),
        ("chat_completions", 30, 6)
    );
    app.stop().await;
}

async fn openai_client_gets_a_translated_answer_from_an_anthropic_account(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant-1",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    upstream.push(Behavior::Tools);

    let response = app
        .chat(&caller.key, tool_request(false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["object"], "chat.completion");
    let message = &body["choices"][0]["message"];
    assert_eq!(message["content"], "Checking both.");
    assert_eq!(
        message["tool_calls"][1]["function"]["arguments"],
        r#"{"location":"Bandung"}"#
    );
    assert_eq!(body["choices"][0]["finish_reason"], "tool_calls");
    assert_eq!(body["usage"]["prompt_tokens"], 30);
    assert_eq!(body["usage"]["prompt_tokens_details"]["cached_tokens"], 10);
    app.stop().await;
}

async fn claude_code_streams_from_an_openai_account(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-openai", None, &[])
        .await;

    let response = app
        .messages(&caller.key, messages_body("gpt-4o", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let events: Vec<Value> = text
        .split("\n\n")
        .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: ")))
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let kinds: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"message_start"));
    assert_eq!(&kinds[kinds.len() - 2..], ["message_delta", "message_stop"]);
    let text: String = events
        .iter()
        .filter_map(|e| e["delta"]["text"].as_str())
        .collect();
    assert_eq!(text, upstream.text());
    let last_delta = &events[events.len() - 2];
    assert_eq!(last_delta["delta"]["stop_reason"], "end_turn");
    assert_eq!(last_delta["usage"]["output_tokens"], 5);
    assert_eq!(
        last_delta["usage"]["input_tokens"], 8,
        "input excludes the 4 cached tokens"
    );

    let sent = &upstream.received()[0].body;
    assert_eq!(
        sent["messages"][0],
        json!({"role": "system", "content": "You are Claude Code, Anthropic's official CLI for Claude."})
    );
    assert_eq!(
        sent["messages"][1],
        json!({"role": "user", "content": "Say hello"})
    );
    assert_eq!(sent["max_completion_tokens"], 1024);
    assert_eq!(sent["stream_options"]["include_usage"], true);

    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (row.endpoint.as_str(), row.provider.as_deref()),
        ("messages", Some("openai"))
    );
    assert_eq!(
        (row.prompt_tokens, row.completion_tokens, row.cached_tokens),
        (12, 5, 4)
    );
    app.stop().await;
}

async fn anthropic_dialect_errors_are_anthropic_shaped(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant-1",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    let error = |r: reqwest::Response| async move {
        let status = r.status().as_u16();
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["type"], "error", "{body}");
        (status, body["error"]["type"].as_str().unwrap().to_owned())
    };
    let bad_key = app
        .messages("sk-satu-wrong", messages_body("claude-sonnet-4-5", false))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(bad_key).await,
        (401, "authentication_error".to_owned())
    );
    let mut body = messages_body("claude-sonnet-4-5", false);
    body.as_object_mut().unwrap().remove("max_tokens");
    let no_max = app.messages(&caller.key, body).send().await.unwrap();
    assert_eq!(
        error(no_max).await,
        (400, "invalid_request_error".to_owned())
    );
    let unknown = app
        .messages(&caller.key, messages_body("claude-none-9", false))
        .send()
        .await
        .unwrap();
    assert_eq!(error(unknown).await, (404, "not_found_error".to_owned()));
    assert!(upstream.received().is_empty());
    // A request error from the Anthropic upstream reaches Claude Code in Anthropic's own words.
    upstream.push(Behavior::Status(400));
    let rejected = app
        .messages(&caller.key, messages_body("claude-sonnet-4-5", false))
        .send()
        .await
        .unwrap();
    assert_eq!(
        error(rejected).await,
        (400, "invalid_request_error".to_owned())
    );
    app.stop().await;
}

async fn anthropic_rate_limit_fails_over_then_reports_retry(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant-a",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant-b",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    upstream.push(Behavior::Status(429));
    let ok = app
        .messages(&caller.key, messages_body("claude-sonnet-4-5", false))
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let keys: Vec<_> = upstream
        .received()
        .iter()
        .map(|r| r.headers["x-api-key"].clone())
        .collect();
    assert_ne!(keys[0], keys[1]);

    upstream.push(Behavior::Status(429));
    upstream.push(Behavior::Status(429));
    let limited = app
        .messages(&caller.key, messages_body("claude-sonnet-4-5", true))
        .send()
        .await
        .unwrap();
    assert_eq!(limited.status(), 429);
    assert_eq!(limited.headers()["retry-after"], "30");
    let body: Value = limited.json().await.unwrap();
    assert_eq!(body["error"]["type"], "rate_limit_error");
    app.stop().await;
}
