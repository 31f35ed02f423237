//! Images and thinking across formats.

use serde_json::{Value, json};

use super::*;
use crate::support::{Backend, TestApp};

const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==";

/// A one-pixel PNG and a question, in each dialect's own shape.
fn image_request(
    app: &TestApp,
    dialect: Dialect,
    key: &str,
    model: &str,
) -> reqwest::RequestBuilder {
    let url = format!("data:image/png;base64,{PNG}");
    let (path, body) = match dialect {
        Dialect::Chat => (
            "/v1/chat/completions".to_owned(),
            json!({"model": model, "messages": [{"role": "user", "content": [
            {"type": "text", "text": "What is this?"}, {"type": "image_url", "image_url": {"url": url}}]}]}),
        ),
        Dialect::Responses => (
            "/v1/responses".to_owned(),
            json!({"model": model, "input": [{"type": "message", "role": "user", "content": [
            {"type": "input_text", "text": "What is this?"}, {"type": "input_image", "image_url": url}]}]}),
        ),
        Dialect::Messages => (
            "/v1/messages".to_owned(),
            json!({"model": model, "max_tokens": 64, "messages": [{"role": "user", "content": [
            {"type": "text", "text": "What is this?"}, {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}}]}]}),
        ),
        Dialect::Gemini => (
            format!("/v1beta/models/{model}:generateContent"),
            json!({"contents": [{"role": "user", "parts": [
            {"text": "What is this?"}, {"inlineData": {"mimeType": "image/png", "data": PNG}}]}]}),
        ),
        Dialect::Completions => unreachable!("the legacy API takes text only"),
    };
    app.http
        .post(app.url(&path))
        .header("x-api-key", key)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
}

/// Images (data URLs ↔ base64 blocks) arrive in every upstream's own image shape.
pub(super) async fn images_reach_every_upstream_in_its_format(backend: Backend) {
    let (up, app) = setup(backend).await;
    let chat_shape = format!(r#""image_url":{{"url":"data:image/png;base64,{PNG}"}}"#);
    let responses_shape =
        format!(r#""image_url":"data:image/png;base64,{PNG}","type":"input_image""#);
    let anthropic_shape = format!(r#"{{"data":"{PNG}","media_type":"image/png","type":"base64"}}"#);
    let gemini_shape = format!(r#""inlineData":{{"data":"{PNG}","mimeType":"image/png"}}"#);
    let mut checked = 0;
    for (label, model) in [
        ("openai-key", "gpt-4o"),
        ("anthropic-key", "claude-sonnet-4-5"),
        ("gemini-key", "gemini-2.5-flash"),
        ("codex-oauth", "gpt-5-codex"),
    ] {
        for dialect in [
            Dialect::Chat,
            Dialect::Responses,
            Dialect::Messages,
            Dialect::Gemini,
        ] {
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            let response = image_request(&app, dialect, &caller.key, model)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                200,
                "{dialect:?} → {label}: {}",
                response.text().await.unwrap()
            );
            let (sent, shape) = match label {
                "anthropic-key" => (
                    up.anthropic.received().last().unwrap().body.to_string(),
                    &anthropic_shape,
                ),
                "gemini-key" => (
                    up.gemini.received().last().unwrap().body.to_string(),
                    &gemini_shape,
                ),
                "openai-key" if !matches!(dialect, Dialect::Responses) => (
                    up.openai.received().last().unwrap().body.to_string(),
                    &chat_shape,
                ),
                _ => (
                    up.openai.received().last().unwrap().body.to_string(),
                    &responses_shape,
                ),
            };
            assert!(
                sent.contains(shape.as_str()),
                "{dialect:?} → {label}: expected {shape} in {sent}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 16);
    app.stop().await;
}

/// Signed thinking from Claude is replayed to Claude as it was, and never sent to another
/// provider; Claude's thinking reaches other dialects as their own reasoning fields.
pub(super) async fn thinking_signatures_stay_with_their_provider(backend: Backend) {
    let (up, app) = setup(backend).await;
    let history = json!({"model": "MODEL", "max_tokens": 2048, "thinking": {"type": "enabled", "budget_tokens": 1024},
        "messages": [
            {"role": "user", "content": "Weather in Jakarta?"},
            {"role": "assistant", "content": [
                {"type": "thinking", "thinking": "Call the tool.", "signature": "sig-claude-abc"},
                {"type": "tool_use", "id": "toolu_9", "name": "get_weather", "input": {"location": "Jakarta"}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_9", "content": "31°C"}]}]});
    for (label, model) in [
        ("anthropic-key", "claude-sonnet-4-5"),
        ("openai-key", "gpt-4o"),
        ("gemini-key", "gemini-2.5-flash"),
        ("codex-oauth", "gpt-5-codex"),
    ] {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, label).await;
        let body: Value =
            serde_json::from_str(&history.to_string().replace("MODEL", model)).unwrap();
        let response = app.messages(&caller.key, body).send().await.unwrap();
        assert_eq!(response.status(), 200, "{label}");
        let sent = match label {
            "anthropic-key" => up.anthropic.received().last().unwrap().body.to_string(),
            "gemini-key" => up.gemini.received().last().unwrap().body.to_string(),
            _ => up.openai.received().last().unwrap().body.to_string(),
        };
        assert_eq!(
            sent.contains("sig-claude-abc"),
            label == "anthropic-key",
            "{label}: {sent}"
        );
        assert!(sent.contains("31°C"), "{label}: the tool result arrives");
    }
    // Claude's own thinking, streamed to an OpenAI client and a Gemini client.
    let caller = app.create_caller().await;
    connect(&app, &caller, &up, "anthropic-key").await;
    up.anthropic.push(ClaudeBehavior::Tools);
    let body = app
        .chat(
            &caller.key,
            json!({"model": "claude-sonnet-4-5", "stream": true, "reasoning_effort": "low",
        "messages": [{"role": "user", "content": "hi"}]}),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let reasoning: String = data_events(&body)
        .iter()
        .filter_map(|e| e["choices"][0]["delta"]["reasoning_content"].as_str())
        .collect();
    assert_eq!(reasoning, "Two cities, two calls.");
    up.anthropic.push(ClaudeBehavior::Tools);
    let body = request(
        &app,
        Dialect::Gemini,
        &caller.key,
        "claude-sonnet-4-5",
        true,
    )
    .send()
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    let thoughts: Vec<Value> = data_events(&body)
        .iter()
        .flat_map(|c| {
            c["candidates"][0]["content"]["parts"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .filter(|p| p["thought"] == true)
        .collect();
    assert_eq!(thoughts[0]["text"], "Two cities, two calls.");
    app.stop().await;
}
