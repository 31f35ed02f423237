//! Subscription (OAuth) accounts: Claude (Bearer + OAuth beta + Claude Code identity), ChatGPT
//! through the Codex backend (always streamed, collected for callers that do not stream),
//! Gemini CLI through Code Assist (wrapped), and Qwen at the token's resource host.

use entities::Provider;
use entities::provider_accounts::Credentials;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, MockAnthropic};
use crate::support::mock_gemini::{self, MockGemini};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, chat_body, messages_body, spawn_app, sse_data};

on_both_backends!(
    claude_subscription_requests_carry_the_oauth_headers,
    chatgpt_subscription_goes_through_the_codex_backend,
    gemini_subscription_goes_through_code_assist,
    qwen_subscription_uses_the_token_resource_host,
);

fn token(access: &str) -> Credentials {
    Credentials {
        access_token: Some(access.to_owned()),
        refresh_token: Some("rt".to_owned()),
        expires_at: Some(4_102_444_800),
        ..Default::default()
    }
}

async fn claude_subscription_requests_carry_the_oauth_headers(backend: Backend) {
    let upstream = MockAnthropic::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    app.add_oauth_account(
        &caller,
        Provider::Anthropic,
        token("sk-ant-oat01-user"),
        Some(&upstream.base_url),
    )
    .await;

    let r = app
        .chat(&caller.key, chat_body("claude-sonnet-4-5", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["choices"][0]["message"]["content"],
        mock_anthropic::TEXT
    );
    let sent = &upstream.received()[0];
    assert_eq!(sent.headers["authorization"], "Bearer sk-ant-oat01-user");
    assert!(sent.headers.get("x-api-key").is_none());
    assert_eq!(sent.headers["anthropic-beta"], "oauth-2025-04-20");
    assert_eq!(
        sent.body["system"][0]["text"],
        "You are Claude Code, Anthropic's official CLI for Claude."
    );
    assert_eq!(sent.body["system"][1]["text"], "Be brief.");

    // Claude Code itself: its betas are kept, the OAuth one added, its system prompt untouched.
    let r = app
        .messages(&caller.key, messages_body("claude-sonnet-4-5", true))
        .header("anthropic-beta", "claude-code-20250219")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.text().await.unwrap();
    let sent = &upstream.received()[1];
    assert_eq!(
        sent.headers["anthropic-beta"],
        "oauth-2025-04-20,claude-code-20250219"
    );
    assert_eq!(sent.body["system"].as_array().unwrap().len(), 1);
    app.stop().await;
}

async fn chatgpt_subscription_goes_through_the_codex_backend(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    let creds = Credentials {
        account_id: Some("acct-chatgpt-42".into()),
        ..token("eyJ-chatgpt")
    };
    app.add_oauth_account(&caller, Provider::OpenAi, creds, Some(&upstream.base_url))
        .await;

    // An OpenAI chat client that does not stream: Satu streams from the backend and collects.
    let mut body = chat_body("gpt-5-codex", false);
    body["max_tokens"] = json!(100);
    let r = app.chat(&caller.key, body).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let answer: Value = r.json().await.unwrap();
    assert_eq!(answer["choices"][0]["message"]["content"], upstream.text());
    assert_eq!(answer["usage"]["prompt_tokens"], 12);
    let sent = &upstream.received()[0];
    assert_eq!(sent.headers["authorization"], "Bearer eyJ-chatgpt");
    assert_eq!(sent.headers["chatgpt-account-id"], "acct-chatgpt-42");
    assert_eq!(sent.headers["originator"], "satu");
    assert_eq!(
        (sent.body["stream"].as_bool(), sent.body["store"].as_bool()),
        (Some(true), Some(false))
    );
    assert_eq!(sent.body["instructions"], "Be brief.");
    assert!(
        sent.body.get("max_output_tokens").is_none(),
        "the backend takes no output limit"
    );

    // Codex CLI streaming: passed through.
    let r = app
        .http
        .post(app.url("/v1/responses"))
        .bearer_auth(&caller.key)
        .json(&json!({"model": "gpt-5-codex", "stream": true, "input": "hi"}))
        .send()
        .await
        .unwrap();
    let text = r.text().await.unwrap();
    assert!(text.contains("event: response.completed"));
    assert_eq!(
        upstream.received()[1].body["instructions"],
        "",
        "instructions are always present"
    );
    // The two rows may be written in either order (each is recorded as its answer ends).
    let rows = app.usage_rows(&caller, 2).await;
    let mut endpoints: Vec<_> = rows
        .iter()
        .map(|row| (row.endpoint.as_str(), row.completion_tokens))
        .collect();
    endpoints.sort_unstable();
    assert_eq!(endpoints, [("chat_completions", 5), ("responses", 5)]);
    app.stop().await;
}

async fn gemini_subscription_goes_through_code_assist(backend: Backend) {
    let upstream = MockGemini::start().await;
    let app = spawn_app(backend, "http://127.0.0.1:9/v1", &[]).await;
    let caller = app.create_caller().await;
    let creds = Credentials {
        project_id: Some("proj-satu-123".into()),
        ..token("ya29.user")
    };
    app.add_oauth_account(
        &caller,
        Provider::Gemini,
        creds,
        Some(&upstream.code_assist_url),
    )
    .await;

    let body = json!({"contents": [{"role": "user", "parts": [{"text": "hi"}]}]});
    let r = app
        .http
        .post(app.url("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse"))
        .header("x-goog-api-key", &caller.key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let data = sse_data(r).await;
    let chunks: Vec<Value> = data
        .iter()
        .map(|d| serde_json::from_str(d.trim_end()).unwrap())
        .collect();
    assert!(
        chunks.iter().all(|c| c.get("response").is_none()),
        "the wrapper never reaches the client"
    );
    let text: String = chunks
        .iter()
        .filter_map(|c| c["candidates"][0]["content"]["parts"][0]["text"].as_str())
        .collect();
    assert_eq!(text, mock_gemini::TEXT.concat());
    let sent = &upstream.received()[0];
    assert_eq!(sent.path, "v1internal:streamGenerateContent");
    assert_eq!(sent.headers["authorization"], "Bearer ya29.user");
    assert_eq!(
        sent.body,
        json!({"model": "gemini-2.5-pro", "project": "proj-satu-123", "request": body})
    );

    let r = app
        .chat(&caller.key, chat_body("gemini-2.5-pro", false))
        .send()
        .await
        .unwrap();
    let answer: Value = r.json().await.unwrap();
    assert_eq!(
        answer["choices"][0]["message"]["content"],
        mock_gemini::TEXT.concat()
    );
    let rows = app.usage_rows(&caller, 2).await;
    let row = rows.iter().find(|row| row.endpoint == "chat_completions");
    let tokens = row.map(|row| (row.prompt_tokens, row.completion_tokens));
    assert_eq!(tokens, Some((40, 19)));
    app.stop().await;
}

async fn qwen_subscription_uses_the_token_resource_host(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let host = upstream
        .base_url
        .trim_start_matches("http://")
        .trim_end_matches("/v1")
        .to_owned();
    let allowed = format!("[\"{host}\"]");
    let app = spawn_app(
        backend,
        "http://127.0.0.1:9/v1",
        &[
            ("SATU__PROVIDERS__QWEN_OAUTH__SCHEME", "http"),
            ("SATU__PROVIDERS__QWEN_OAUTH__ALLOWED_HOSTS", &allowed),
        ],
    )
    .await;
    let caller = app.create_caller().await;
    let creds = Credentials {
        resource_url: Some(host),
        ..token("qwen-token")
    };
    app.add_oauth_account(&caller, Provider::Qwen, creds, None)
        .await;
    let r = app
        .chat(&caller.key, chat_body("qwen3-coder-plus", true))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(sse_data(r).await.last().unwrap(), "[DONE]");
    assert_eq!(
        upstream.received()[0].headers["authorization"],
        "Bearer qwen-token"
    );

    // A token naming a host that is not Qwen's is never called (SSRF).
    let other = app.create_caller().await;
    let creds = Credentials {
        resource_url: Some("169.254.169.254".to_owned()),
        ..token("qwen-token-2")
    };
    app.add_oauth_account(&other, Provider::Qwen, creds, None)
        .await;
    let r = app
        .chat(&other.key, chat_body("qwen3-coder-plus", false))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error() || r.status().is_server_error());
    assert_eq!(upstream.received().len(), 1);
    app.stop().await;
}
