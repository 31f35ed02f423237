//! Happy paths of `POST /v1/chat/completions` and `GET /v1/models`, with exact usage rows.

use entities::{Provider, usage_hourly};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, chat_body, spawn_app, sse_data};

on_both_backends!(
    non_streaming_chat_is_proxied_with_exact_usage,
    streaming_chat_is_forwarded_chunk_by_chunk,
    streaming_usage_chunk_reaches_clients_that_ask,
    unchanged_passthrough_forwards_the_clients_bytes,
    models_lists_what_the_user_can_reach,
    accounts_are_used_in_round_robin,
);

async fn non_streaming_chat_is_proxied_with_exact_usage(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    let account = app
        .add_account(&caller, Provider::OpenAi, "sk-upstream-1", None, &[])
        .await;

    let response = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("x-request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], upstream.text());
    assert_eq!(body["usage"]["prompt_tokens"], 12);

    let received = upstream.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].headers["authorization"], "Bearer sk-upstream-1");
    assert_eq!(received[0].body["model"], "gpt-4o-mini");
    assert_eq!(received[0].body["messages"][1]["content"], "Say hello");

    let rows = app.usage_rows(&caller, 1).await;
    let row = &rows[0];
    assert_eq!(row.status_code, 200);
    assert_eq!(row.model, "gpt-4o-mini");
    assert_eq!(row.provider.as_deref(), Some("openai"));
    assert_eq!(row.account_id, Some(account));
    assert_eq!(row.endpoint, "chat_completions");
    assert!(!row.stream);
    assert_eq!(
        (
            row.prompt_tokens,
            row.completion_tokens,
            row.cached_tokens,
            row.reasoning_tokens
        ),
        (12, 5, 4, 2)
    );
    // gpt-4o-mini: $0.15 in, $0.075 cached, $0.60 out per 1M tokens:
    // (8 × 0.15 + 4 × 0.075 + 5 × 0.60) / 1M USD = 4 500 nano-USD.
    assert_eq!(row.cost_nanos, 4_500);
    assert_eq!(row.error_kind, None);
    assert!(row.ttft_ms.is_some());

    let hourly = usage_hourly::Entity::find()
        .filter(usage_hourly::Column::UserId.eq(caller.user_id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(hourly.len(), 1);
    assert_eq!(
        (
            hourly[0].requests,
            hourly[0].prompt_tokens,
            hourly[0].cost_nanos
        ),
        (1, 12, 4_500)
    );
    app.stop().await;
}

async fn streaming_chat_is_forwarded_chunk_by_chunk(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream-1", None, &[])
        .await;

    let response = app
        .chat(&caller.key, chat_body("gpt-4o-mini", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    let data = sse_data(response).await;
    assert_eq!(data.last().map(String::as_str), Some("[DONE]"));
    let chunks: Vec<Value> = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let text: String = chunks
        .iter()
        .filter_map(|c| c["choices"][0]["delta"]["content"].as_str())
        .collect();
    assert_eq!(text, upstream.text());
    assert!(
        chunks
            .iter()
            .all(|c| !c["choices"].as_array().unwrap().is_empty()),
        "the usage-only chunk Satu asked for must not reach a client that did not ask"
    );
    assert_eq!(
        upstream.received()[0].body["stream_options"]["include_usage"],
        true
    );

    let row = &app.usage_rows(&caller, 1).await[0];
    assert!(row.stream);
    assert_eq!(
        (row.prompt_tokens, row.completion_tokens, row.cached_tokens),
        (12, 5, 4)
    );
    assert_eq!(row.status_code, 200);
    assert_eq!(row.error_kind, None);
    assert!(row.ttft_ms.unwrap() <= row.latency_ms);
    app.stop().await;
}

async fn unchanged_passthrough_forwards_the_clients_bytes(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream-1", None, &[])
        .await;

    // Spacing and key order no serializer would produce: they arrive as sent.
    let sent = "{ \"messages\": [{\"role\":\"user\",\"content\":\"Hi\"}],\n  \"model\": \"gpt-4o-mini\", \"x_vendor\": 1 }";
    let r = app
        .http
        .post(app.url("/v1/chat/completions"))
        .bearer_auth(&caller.key)
        .header("content-type", "application/json")
        .body(sent)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(upstream.received()[0].raw, sent.as_bytes());

    // A stream that did not ask for usage has it asked for: that body is rewritten.
    let r = app
        .chat(&caller.key, chat_body("gpt-4o-mini", true))
        .send()
        .await
        .unwrap();
    r.text().await.unwrap();
    let rewritten = &upstream.received()[1];
    assert_eq!(rewritten.body["stream_options"]["include_usage"], true);
    app.stop().await;
}

async fn streaming_usage_chunk_reaches_clients_that_ask(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream-1", None, &[])
        .await;

    let mut body = chat_body("gpt-4o-mini", true);
    body["stream_options"] = serde_json::json!({"include_usage": true});
    let data = sse_data(app.chat(&caller.key, body).send().await.unwrap()).await;
    let usage: Value = serde_json::from_str(&data[data.len() - 2]).unwrap();
    assert_eq!(usage["choices"], serde_json::json!([]));
    assert_eq!(usage["usage"]["completion_tokens"], 5);
    app.stop().await;
}

async fn models_lists_what_the_user_can_reach(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    app.add_account(
        &caller,
        Provider::OpenAiCompatible,
        "sk-2",
        Some(&upstream.base_url),
        &["llama-3.3-70b"],
    )
    .await;

    let response = app
        .http
        .get(app.url("/v1/models"))
        .bearer_auth(&caller.key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["object"], "list");
    let ids: Vec<&str> = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"gpt-4o-mini") && ids.contains(&"llama-3.3-70b"),
        "{ids:?}"
    );
    assert!(!ids.iter().any(|id| id.starts_with("claude")), "{ids:?}");
    app.stop().await;
}

async fn accounts_are_used_in_round_robin(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    let a = app
        .add_account(&caller, Provider::OpenAi, "sk-a", None, &[])
        .await;
    let b = app
        .add_account(&caller, Provider::OpenAi, "sk-b", None, &[])
        .await;
    for _ in 0..4 {
        let r = app
            .chat(&caller.key, chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    let rows = app.usage_rows(&caller, 4).await;
    let used_a = rows.iter().filter(|r| r.account_id == Some(a)).count();
    let used_b = rows.iter().filter(|r| r.account_id == Some(b)).count();
    assert_eq!((used_a, used_b), (2, 2));
    app.stop().await;
}
