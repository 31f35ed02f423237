//! Failures: every one answered in OpenAI's error format with the right status, and recorded.

use std::time::Duration;

use entities::Provider;
use futures::StreamExt;
use serde_json::Value;

use crate::on_both_backends;
use crate::support::mock_openai::{Behavior, MockUpstream};
use crate::support::{Backend, chat_body, spawn_app, sse_data};

on_both_backends!(
    bad_and_missing_keys_get_401,
    malformed_bodies_get_400_and_are_recorded,
    oversized_bodies_get_413,
    unknown_models_get_404,
    upstream_failures_map_to_gateway_errors,
    a_failing_account_fails_over_to_the_next,
    upstream_timeout_gets_504,
    mid_stream_upstream_failure_becomes_an_error_event,
    client_disconnect_mid_stream_still_records_usage,
    client_hanging_up_before_the_answer_is_recorded_once,
);

async fn error_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"].is_string(),
        "OpenAI error shape: {body}"
    );
    (status, body)
}

async fn bad_and_missing_keys_get_401(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let (status, body) = error_of(
        app.chat("sk-satu-not-a-real-key", chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "invalid_api_key");
    assert_eq!(body["error"]["type"], "authentication_error");

    let response = app
        .http
        .post(app.url("/v1/chat/completions"))
        .json(&chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    let (status, body) = error_of(response).await;
    assert_eq!(status, 401);
    assert_eq!(body["error"]["code"], "missing_api_key");
    assert!(upstream.received().is_empty());
    app.stop().await;
}

async fn malformed_bodies_get_400_and_are_recorded(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;

    let response = app
        .http
        .post(app.url("/v1/chat/completions"))
        .bearer_auth(&caller.key)
        .header("content-type", "application/json")
        .body("{\"model\": \"gpt-4o\", \"messages\": [")
        .send()
        .await
        .unwrap();
    let (status, body) = error_of(response).await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["type"], "invalid_request_error");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not valid JSON")
    );

    let (status, body) = error_of(
        app.chat(
            &caller.key,
            serde_json::json!({"messages": [{"role": "user", "content": "hi"}]}),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 400);
    assert!(body["error"]["message"].as_str().unwrap().contains("model"));

    let rows = app.usage_rows(&caller, 2).await;
    assert!(
        rows.iter()
            .all(|r| r.status_code == 400 && r.error_kind.as_deref() == Some("invalid_request"))
    );
    assert!(upstream.received().is_empty());
    app.stop().await;
}

async fn oversized_bodies_get_413(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(
        backend,
        &upstream.base_url,
        &[("SATU__PROXY__MAX_BODY_BYTES", "2048")],
    )
    .await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    let mut body = chat_body("gpt-4o", false);
    body["messages"][1]["content"] = Value::String("x".repeat(4096));
    let (status, body) = error_of(app.chat(&caller.key, body).send().await.unwrap()).await;
    assert_eq!(status, 413);
    assert_eq!(body["error"]["code"], "body_too_large");
    app.stop().await;
}

async fn unknown_models_get_404(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    let (status, body) = error_of(
        app.chat(&caller.key, chat_body("no-such-model-9000", false))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(body["error"]["code"], "model_not_found");
    // A catalog model whose provider the user has not connected is also not reachable.
    let (status, body) = error_of(
        app.chat(&caller.key, chat_body("gemini-2.5-pro", false))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 404);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("gemini")
    );
    let rows = app.usage_rows(&caller, 2).await;
    assert_eq!(rows[0].model, "no-such-model-9000");
    assert_eq!(rows[0].status_code, 404);
    assert!(upstream.received().is_empty());
    app.stop().await;
}

async fn upstream_failures_map_to_gateway_errors(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    // One model per case: a failure cools the account for that model only.
    for (behavior, model, status, code) in [
        (Behavior::Status(500), "gpt-4o", 502, "upstream_error"),
        (Behavior::Status(401), "gpt-4o-mini", 502, "upstream_auth"),
        (
            Behavior::Status(429),
            "gpt-4.1",
            429,
            "upstream_rate_limited",
        ),
    ] {
        upstream.push(behavior);
        let response = app
            .chat(&caller.key, chat_body(model, true))
            .send()
            .await
            .unwrap();
        if status == 429 {
            assert_eq!(response.headers()["retry-after"], "7");
        }
        let (got, body) = error_of(response).await;
        assert_eq!(
            (got, body["error"]["code"].as_str().unwrap()),
            (status, code)
        );
    }
    // A 400 from the upstream is the client's problem: passed through as the upstream said it.
    upstream.push(Behavior::Status(400));
    let (got, body) = error_of(
        app.chat(&caller.key, chat_body("gpt-4.1-mini", false))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(got, 400);
    assert_eq!(body["error"]["message"], "mock failure 400");

    let rows = app.usage_rows(&caller, 4).await;
    // Each request's task records its row after answering, so rows of requests sent one after
    // another may be stored in either order: compare them as a set.
    let mut kinds: Vec<_> = rows
        .iter()
        .map(|r| (r.status_code, r.error_kind.clone().unwrap()))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        vec![
            (400, "upstream_rejected".to_owned()),
            (429, "upstream_rate_limited".to_owned()),
            (502, "upstream_auth".to_owned()),
            (502, "upstream_error".to_owned()),
        ]
    );
    app.stop().await;
}

async fn a_failing_account_fails_over_to_the_next(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-a", None, &[])
        .await;
    app.add_account(&caller, Provider::OpenAi, "sk-b", None, &[])
        .await;
    upstream.push(Behavior::Status(503));
    let response = app
        .chat(&caller.key, chat_body("gpt-4o", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let data = sse_data(response).await;
    assert_eq!(data.last().unwrap(), "[DONE]");
    let keys: Vec<String> = upstream
        .received()
        .iter()
        .map(|r| r.headers["authorization"].to_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys.len(), 2);
    assert_ne!(keys[0], keys[1], "the retry went to the other account");
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!((row.status_code, row.completion_tokens), (200, 5));
    app.stop().await;
}

async fn upstream_timeout_gets_504(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(
        backend,
        &upstream.base_url,
        &[("SATU__PROXY__FIRST_BYTE_TIMEOUT_SECS", "1")],
    )
    .await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    upstream.push(Behavior::Delay(Duration::from_secs(3)));
    let (status, body) = error_of(
        app.chat(&caller.key, chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 504);
    assert_eq!(body["error"]["code"], "upstream_timeout");
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (row.status_code, row.error_kind.as_deref()),
        (504, Some("upstream_timeout"))
    );
    app.stop().await;
}

async fn mid_stream_upstream_failure_becomes_an_error_event(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    upstream.push(Behavior::BreakAfter(2));
    let response = app
        .chat(&caller.key, chat_body("gpt-4o", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let data = sse_data(response).await;
    let last: Value = serde_json::from_str(data.last().unwrap()).unwrap();
    assert_eq!(last["error"]["code"], "upstream_stream_error");
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(row.status_code, 200);
    assert_eq!(row.error_kind.as_deref(), Some("upstream_stream_error"));
    assert_eq!(
        row.completion_tokens, 3,
        "estimated as one token per chunk that arrived"
    );
    app.stop().await;
}

async fn client_disconnect_mid_stream_still_records_usage(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    upstream.push(Behavior::Slow {
        gap: Duration::from_millis(300),
    });
    let response = app
        .chat(&caller.key, chat_body("gpt-4o", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let mut body = response.bytes_stream();
    let first = body.next().await.unwrap().unwrap();
    assert!(first.starts_with(b"data: "));
    drop(body);
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(row.error_kind.as_deref(), Some("client_disconnected"));
    assert!(
        row.latency_ms < 1_500,
        "recorded when the client left, not when the upstream ended"
    );
    assert!(
        row.prompt_tokens > 0,
        "the prompt is estimated when no usage arrived"
    );
    app.stop().await;
}

async fn client_hanging_up_before_the_answer_is_recorded_once(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    upstream.push(Behavior::Delay(Duration::from_millis(1_000)));
    let gave_up = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .timeout(Duration::from_millis(200))
        .send()
        .await;
    assert!(gave_up.unwrap_err().is_timeout());
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(row.status_code, 499);
    assert_eq!(row.error_kind.as_deref(), Some("client_disconnected"));
    assert!(
        row.latency_ms < 900,
        "recorded when the client left, not when the upstream answered: {} ms",
        row.latency_ms
    );
    // The upstream's late answer adds nothing: one request, one row.
    tokio::time::sleep(Duration::from_millis(1_200)).await;
    assert_eq!(app.usage_rows(&caller, 1).await.len(), 1);
    app.stop().await;
}
