//! The Gemini dialect (Gemini CLI, google-genai) and Gemini accounts, passthrough and
//! translated, plus token counting and model listings in each dialect's shape.

use entities::Provider;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, MockAnthropic};
use crate::support::mock_gemini::{self, Behavior, MockGemini};
use crate::support::{Backend, TestApp, chat_body, spawn_app, sse_data};

on_both_backends!(
    gemini_cli_streams_through_to_a_gemini_account,
    gemini_json_array_streams_and_plain_generate,
    openai_client_gets_tool_calls_from_a_gemini_account,
    gemini_client_on_an_anthropic_account_with_query_key,
    gemini_errors_and_rate_limits_are_google_shaped,
    token_counts_and_model_lists_answer_in_each_dialect,
);

fn gemini_body() -> Value {
    json!({
        "contents": [{"role": "user", "parts": [{"text": "Say hello"}]}],
        "systemInstruction": {"parts": [{"text": "You are an interactive CLI agent."}]},
        "generationConfig": {"temperature": 0, "thinkingConfig": {"includeThoughts": true}},
    })
}

fn gemini_post(
    app: &TestApp,
    key: &str,
    model_action: &str,
    query: &str,
    body: Value,
) -> reqwest::RequestBuilder {
    app.http
        .post(app.url(&format!("/v1beta/models/{model_action}{query}")))
        .header("x-goog-api-key", key)
        .json(&body)
}

async fn gemini_cli_streams_through_to_a_gemini_account(backend: Backend) {
    let upstream = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Gemini,
        "AIza-user-key",
        Some(&upstream.base_url),
        &[],
    )
    .await;

    let response = gemini_post(
        &app,
        &caller.key,
        "gemini-2.5-flash:streamGenerateContent",
        "?alt=sse",
        gemini_body(),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(response.status(), 200);
    let data = sse_data(response).await;
    let chunks: Vec<Value> = data
        .iter()
        .map(|d| serde_json::from_str(d.trim_end()).unwrap())
        .collect();
    let text: String = chunks
        .iter()
        .filter_map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str())
        .collect();
    assert_eq!(text, mock_gemini::TEXT.concat());

    let received = &upstream.received()[0];
    assert_eq!(received.path, "gemini-2.5-flash:streamGenerateContent");
    assert_eq!(received.query.as_deref(), Some("alt=sse"));
    assert_eq!(received.headers["x-goog-api-key"], "AIza-user-key");
    assert_eq!(received.body, gemini_body(), "passed through untouched");

    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (row.endpoint.as_str(), row.provider.as_deref()),
        ("generate_content", Some("gemini"))
    );
    assert_eq!(
        (
            row.prompt_tokens,
            row.completion_tokens,
            row.cached_tokens,
            row.reasoning_tokens
        ),
        (40, 19, 16, 12)
    );
    // gemini-2.5-flash: $0.30 in, $0.03 cached, $2.50 out per 1M: (24×0.3 + 16×0.03 + 19×2.5) / 1M USD.
    assert_eq!(row.cost_nanos, 55_180);
    app.stop().await;
}

async fn gemini_json_array_streams_and_plain_generate(backend: Backend) {
    let upstream = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Gemini,
        "AIza-k",
        Some(&upstream.base_url),
        &[],
    )
    .await;

    let array = gemini_post(
        &app,
        &caller.key,
        "gemini-2.5-flash:streamGenerateContent",
        "",
        gemini_body(),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(array.status(), 200);
    let text = array.text().await.unwrap();
    let chunks: Vec<Value> =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text:?}"));
    assert_eq!(chunks.len(), 2);
    assert_eq!(chunks[1]["candidates"][0]["finishReason"], "STOP");

    let whole = gemini_post(
        &app,
        &caller.key,
        "gemini-2.5-flash:generateContent",
        "",
        gemini_body(),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(whole.status(), 200);
    let body: Value = whole.json().await.unwrap();
    assert_eq!(
        body["candidates"][0]["content"]["parts"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        upstream.received()[1].path,
        "gemini-2.5-flash:generateContent"
    );
    app.stop().await;
}

async fn openai_client_gets_tool_calls_from_a_gemini_account(backend: Backend) {
    let upstream = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Gemini,
        "AIza-k",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    upstream.push(Behavior::Tools);
    let mut body = chat_body("gemini-2.5-pro", true);
    body["tools"] = json!([{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {"location": {"type": "string"}}}}}]);
    let data = sse_data(app.chat(&caller.key, body).send().await.unwrap()).await;
    assert_eq!(data.last().unwrap(), "[DONE]");
    let chunks: Vec<Value> = data[..data.len() - 1]
        .iter()
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let args: Vec<&str> = chunks
        .iter()
        .flat_map(|c| {
            c["choices"][0]["delta"]["tool_calls"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter_map(|t| t["function"]["arguments"].as_str().map(str::to_owned))
        .filter(|a| !a.is_empty())
        .map(|a| Box::leak(a.into_boxed_str()) as &str)
        .collect();
    assert_eq!(
        args,
        [r#"{"location":"Jakarta"}"#, r#"{"location":"Bandung"}"#]
    );
    assert!(
        chunks
            .iter()
            .any(|c| c["choices"][0]["finish_reason"] == "tool_calls")
    );
    let sent = &upstream.received()[0];
    assert_eq!(sent.path, "gemini-2.5-pro:streamGenerateContent");
    assert_eq!(
        sent.body["systemInstruction"]["parts"][0]["text"],
        "Be brief."
    );
    assert_eq!(
        sent.body["tools"][0]["functionDeclarations"][0]["name"],
        "get_weather"
    );
    app.stop().await;
}

async fn gemini_client_on_an_anthropic_account_with_query_key(backend: Backend) {
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
    let response = app
        .http
        .post(app.url(&format!(
            "/v1beta/models/claude-sonnet-4-5:streamGenerateContent?alt=sse&key={}",
            caller.key
        )))
        .json(&gemini_body())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let data = sse_data(response).await;
    let chunks: Vec<Value> = data
        .iter()
        .map(|d| serde_json::from_str(d.trim_end()).unwrap())
        .collect();
    let text: String = chunks
        .iter()
        .filter_map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str())
        .collect();
    assert_eq!(text, mock_anthropic::TEXT);
    let last = chunks.last().unwrap();
    assert_eq!(last["candidates"][0]["finishReason"], "STOP");
    assert_eq!(last["usageMetadata"]["promptTokenCount"], 30);
    let sent = &upstream.received()[0].body;
    assert_eq!(sent["system"], "You are an interactive CLI agent.");
    assert!(
        sent["thinking"].is_object(),
        "includeThoughts asks for thinking"
    );
    app.stop().await;
}

async fn gemini_errors_and_rate_limits_are_google_shaped(backend: Backend) {
    let upstream = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Gemini,
        "AIza-k",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    let google = |r: reqwest::Response| async move {
        let status = r.status().as_u16();
        let retry = r
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap().to_owned());
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error"]["code"], status, "{body}");
        (
            status,
            body["error"]["status"].as_str().unwrap().to_owned(),
            retry,
        )
    };
    let bad = gemini_post(
        &app,
        "sk-satu-wrong",
        "gemini-2.5-flash:generateContent",
        "",
        gemini_body(),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(
        google(bad).await,
        (400, "INVALID_ARGUMENT".to_owned(), None)
    );
    let missing = app
        .http
        .post(app.url("/v1beta/models/gemini-2.5-flash:generateContent"))
        .json(&gemini_body())
        .send()
        .await
        .unwrap();
    assert_eq!(
        google(missing).await,
        (403, "PERMISSION_DENIED".to_owned(), None)
    );
    let empty = gemini_post(
        &app,
        &caller.key,
        "gemini-2.5-flash:generateContent",
        "",
        json!({"contents": []}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(google(empty).await.0, 400);
    upstream.push(Behavior::Status(429));
    let limited = gemini_post(
        &app,
        &caller.key,
        "gemini-2.5-flash:generateContent",
        "",
        gemini_body(),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(
        google(limited).await,
        (429, "RESOURCE_EXHAUSTED".to_owned(), Some("42".to_owned()))
    );
    app.stop().await;
}

async fn token_counts_and_model_lists_answer_in_each_dialect(backend: Backend) {
    let upstream = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Gemini,
        "AIza-k",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant",
        Some("http://127.0.0.1:9/v1"),
        &[],
    )
    .await;

    let count = gemini_post(
        &app,
        &caller.key,
        "gemini-2.5-flash:countTokens",
        "",
        json!({"contents": [{"parts": [{"text": "x".repeat(400)}]}]}),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(
        count.json::<Value>().await.unwrap(),
        json!({"totalTokens": 100})
    );
    let count = app
        .http
        .post(app.url("/v1/messages/count_tokens"))
        .header("x-api-key", &caller.key)
        .header("anthropic-version", "2023-06-01")
        .json(&json!({"model": "claude-sonnet-4-5", "system": "y".repeat(40), "messages": [{"role": "user", "content": "x".repeat(400)}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        count.json::<Value>().await.unwrap(),
        json!({"input_tokens": 110})
    );
    assert!(
        upstream.received().is_empty(),
        "counting costs no upstream call"
    );

    let gemini: Value = app
        .http
        .get(app.url(&format!("/v1beta/models?key={}", caller.key)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let names: Vec<&str> = gemini["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"models/gemini-2.5-pro") && names.contains(&"models/claude-sonnet-4-5"),
        "{names:?}"
    );
    let anthropic: Value = app
        .http
        .get(app.url("/v1/models"))
        .header("x-api-key", &caller.key)
        .header("anthropic-version", "2023-06-01")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(anthropic["has_more"], false);
    let first = &anthropic["data"][0];
    assert_eq!(first["type"], "model");
    assert!(first["created_at"].as_str().unwrap().ends_with('Z'));
    app.stop().await;
}
