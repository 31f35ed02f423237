//! The conformance matrix: every client dialect against every kind of upstream account, streamed
//! and whole. Each pair must give the upstream's answer in the caller's dialect and write a
//! usage row naming the provider with real token counts.

use entities::Provider;
use entities::provider_accounts::Credentials;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, MockAnthropic};
use crate::support::mock_gemini::{self, MockGemini};
use crate::support::mock_openai::{Behavior as OpenAiBehavior, MockUpstream};
use crate::support::{Backend, Caller, TestApp, spawn_app};
use crate::support::{
    mock_anthropic::Behavior as ClaudeBehavior, mock_gemini::Behavior as GeminiBehavior,
};

on_both_backends!(
    every_dialect_reaches_every_upstream,
    parallel_tool_calls_cross_every_dialect,
    upstream_failures_reach_every_dialect_in_its_shape,
    images_reach_every_upstream_in_its_format,
    thinking_signatures_stay_with_their_provider,
    rate_limits_fail_over_and_cooling_answers_in_every_dialect,
);

#[derive(Clone, Copy, Debug)]
enum Dialect {
    Chat,
    Completions,
    Responses,
    Messages,
    Gemini,
}

const DIALECTS: [Dialect; 5] = [
    Dialect::Chat,
    Dialect::Completions,
    Dialect::Responses,
    Dialect::Messages,
    Dialect::Gemini,
];

struct Upstreams {
    openai: MockUpstream,
    anthropic: MockAnthropic,
    gemini: MockGemini,
}

/// Every kind of upstream account, with a model it serves.
const KINDS: [(&str, &str); 8] = [
    ("openai-key", "gpt-4o"),
    ("anthropic-key", "claude-sonnet-4-5"),
    ("gemini-key", "gemini-2.5-flash"),
    ("qwen-key", "qwen-plus"),
    ("compatible", "my-model"),
    ("claude-oauth", "claude-haiku-4-5"),
    ("codex-oauth", "gpt-5-codex"),
    ("code-assist-oauth", "gemini-2.5-pro"),
];

#[derive(Clone, Copy)]
enum Script {
    Tools,
    Status(u16),
    /// Start streaming, then break the connection.
    Break,
}

impl Upstreams {
    /// Queues the next answer on the mock behind an account kind.
    fn script(&self, label: &str, script: Script) {
        match (label, script) {
            ("anthropic-key" | "claude-oauth", Script::Tools) => {
                self.anthropic.push(ClaudeBehavior::Tools)
            }
            ("anthropic-key" | "claude-oauth", Script::Status(c)) => {
                self.anthropic.push(ClaudeBehavior::Status(c))
            }
            ("gemini-key" | "code-assist-oauth", Script::Tools) => {
                self.gemini.push(GeminiBehavior::Tools)
            }
            ("gemini-key" | "code-assist-oauth", Script::Status(c)) => {
                self.gemini.push(GeminiBehavior::Status(c))
            }
            ("anthropic-key" | "claude-oauth", Script::Break) => {
                self.anthropic.push(ClaudeBehavior::BreakAfter(4))
            }
            ("gemini-key" | "code-assist-oauth", Script::Break) => {
                self.gemini.push(GeminiBehavior::BreakAfter(1))
            }
            (_, Script::Break) => self.openai.push(OpenAiBehavior::BreakAfter(2)),
            (_, Script::Tools) => self.openai.push(OpenAiBehavior::Tools),
            (_, Script::Status(c)) => self.openai.push(OpenAiBehavior::Status(c)),
        }
    }
}

/// (label, provider name in usage, model, expected text)
struct Pair {
    label: &'static str,
    provider: &'static str,
    model: &'static str,
    text: String,
}

async fn connect(app: &TestApp, caller: &Caller, up: &Upstreams, label: &str) -> uuid::Uuid {
    let oauth = |access: &str| Credentials {
        access_token: Some(access.into()),
        ..Default::default()
    };
    match label {
        "openai-key" => {
            app.add_account(caller, Provider::OpenAi, "sk-o", None, &[])
                .await
        }
        "anthropic-key" => {
            app.add_account(
                caller,
                Provider::Anthropic,
                "sk-a",
                Some(&up.anthropic.base_url),
                &[],
            )
            .await
        }
        "gemini-key" => {
            app.add_account(
                caller,
                Provider::Gemini,
                "AIza",
                Some(&up.gemini.base_url),
                &[],
            )
            .await
        }
        "qwen-key" => {
            app.add_account(
                caller,
                Provider::Qwen,
                "sk-q",
                Some(&up.openai.base_url),
                &[],
            )
            .await
        }
        "compatible" => {
            app.add_account(
                caller,
                Provider::OpenAiCompatible,
                "sk-c",
                Some(&up.openai.base_url),
                &["my-model"],
            )
            .await
        }
        "claude-oauth" => {
            app.add_oauth_account(
                caller,
                Provider::Anthropic,
                oauth("oat"),
                Some(&up.anthropic.base_url),
            )
            .await
        }
        "codex-oauth" => {
            let creds = Credentials {
                account_id: Some("acct".into()),
                ..oauth("eyJ")
            };
            app.add_oauth_account(caller, Provider::OpenAi, creds, Some(&up.openai.base_url))
                .await
        }
        "code-assist-oauth" => {
            let creds = Credentials {
                project_id: Some("proj".into()),
                ..oauth("ya29")
            };
            app.add_oauth_account(
                caller,
                Provider::Gemini,
                creds,
                Some(&up.gemini.code_assist_url),
            )
            .await
        }
        other => panic!("unknown pair {other}"),
    }
}

fn request(
    app: &TestApp,
    dialect: Dialect,
    key: &str,
    model: &str,
    stream: bool,
) -> reqwest::RequestBuilder {
    let prompt = "Say hello";
    match dialect {
        Dialect::Chat => app.chat(key, json!({"model": model, "stream": stream, "messages": [{"role": "user", "content": prompt}]})),
        Dialect::Completions => app
            .http
            .post(app.url("/v1/completions"))
            .bearer_auth(key)
            .json(&json!({"model": model, "stream": stream, "prompt": prompt})),
        Dialect::Responses => app
            .http
            .post(app.url("/v1/responses"))
            .bearer_auth(key)
            .json(&json!({"model": model, "stream": stream, "input": prompt})),
        Dialect::Messages => app.messages(
            key,
            json!({"model": model, "stream": stream, "max_tokens": 256, "messages": [{"role": "user", "content": prompt}]}),
        ),
        Dialect::Gemini => {
            let action = if stream { "streamGenerateContent?alt=sse" } else { "generateContent" };
            app.http
                .post(app.url(&format!("/v1beta/models/{model}:{action}")))
                .header("x-goog-api-key", key)
                .json(&json!({"contents": [{"role": "user", "parts": [{"text": prompt}]}]}))
        }
    }
}

fn data_events(body: &str) -> Vec<Value> {
    body.replace("\r\n", "\n")
        .split("\n\n")
        .filter_map(|e| e.lines().find_map(|l| l.strip_prefix("data: ")))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap_or_else(|e| panic!("{e}: {d}")))
        .collect()
}

/// The answer's text as a client of `dialect` reads it.
fn text_of(dialect: Dialect, stream: bool, body: &str) -> String {
    if stream {
        let events = data_events(body);
        return match dialect {
            Dialect::Chat => events
                .iter()
                .filter_map(|e| e["choices"][0]["delta"]["content"].as_str())
                .collect(),
            Dialect::Completions => events
                .iter()
                .filter_map(|e| e["choices"][0]["text"].as_str())
                .collect(),
            Dialect::Responses => events
                .iter()
                .filter(|e| e["type"] == "response.output_text.delta")
                .filter_map(|e| e["delta"].as_str())
                .collect(),
            Dialect::Messages => events
                .iter()
                .filter(|e| e["delta"]["type"] == "text_delta")
                .filter_map(|e| e["delta"]["text"].as_str())
                .collect(),
            Dialect::Gemini => events.iter().flat_map(gemini_text).collect(),
        };
    }
    let v: Value = serde_json::from_str(body).unwrap();
    match dialect {
        Dialect::Chat => v["choices"][0]["message"]["content"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        Dialect::Completions => v["choices"][0]["text"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        Dialect::Responses => v["output"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|i| i["type"] == "message")
            .flat_map(|i| i["content"].as_array().cloned().unwrap_or_default())
            .filter_map(|c| c["text"].as_str().map(str::to_owned))
            .collect(),
        Dialect::Messages => v["content"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|b| b["type"] == "text")
            .filter_map(|b| b["text"].as_str())
            .collect(),
        Dialect::Gemini => gemini_text(&v).concat(),
    }
}

fn gemini_text(chunk: &Value) -> Vec<String> {
    chunk["candidates"][0]["content"]["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["thought"] != true)
        .filter_map(|p| p["text"].as_str().map(str::to_owned))
        .collect()
}

fn endpoint(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Chat => "chat_completions",
        Dialect::Completions => "completions",
        Dialect::Responses => "responses",
        Dialect::Messages => "messages",
        Dialect::Gemini => "generate_content",
    }
}

async fn every_dialect_reaches_every_upstream(backend: Backend) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
    let openai_text = up.openai.text();
    let gemini_text = mock_gemini::TEXT.concat();
    let pairs = [
        Pair {
            label: "openai-key",
            provider: "openai",
            model: "gpt-4o",
            text: openai_text.clone(),
        },
        Pair {
            label: "anthropic-key",
            provider: "anthropic",
            model: "claude-sonnet-4-5",
            text: mock_anthropic::TEXT.to_owned(),
        },
        Pair {
            label: "gemini-key",
            provider: "gemini",
            model: "gemini-2.5-flash",
            text: gemini_text.clone(),
        },
        Pair {
            label: "qwen-key",
            provider: "qwen",
            model: "qwen-plus",
            text: openai_text.clone(),
        },
        Pair {
            label: "compatible",
            provider: "openai-compatible",
            model: "my-model",
            text: openai_text.clone(),
        },
        Pair {
            label: "claude-oauth",
            provider: "anthropic",
            model: "claude-haiku-4-5",
            text: mock_anthropic::TEXT.to_owned(),
        },
        Pair {
            label: "codex-oauth",
            provider: "openai",
            model: "gpt-5-codex",
            text: openai_text.clone(),
        },
        Pair {
            label: "code-assist-oauth",
            provider: "gemini",
            model: "gemini-2.5-pro",
            text: gemini_text.clone(),
        },
    ];
    let mut matrix = Vec::new();
    for pair in &pairs {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, pair.label).await;
        for dialect in DIALECTS {
            for stream in [true, false] {
                let response = request(&app, dialect, &caller.key, pair.model, stream)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let body = response.text().await.unwrap();
                assert_eq!(
                    status, 200,
                    "{dialect:?} → {} (stream {stream}): {body}",
                    pair.label
                );
                assert_eq!(
                    text_of(dialect, stream, &body),
                    pair.text,
                    "{dialect:?} → {} (stream {stream})",
                    pair.label
                );
                matrix.push(format!(
                    "{:?}→{}{}",
                    dialect,
                    pair.label,
                    if stream { " (stream)" } else { "" }
                ));
            }
        }
        let rows = app.usage_rows(&caller, DIALECTS.len() * 2).await;
        for (row, dialect) in rows.chunks(2).zip(DIALECTS) {
            for r in row {
                assert_eq!(
                    (r.endpoint.as_str(), r.provider.as_deref(), r.status_code),
                    (endpoint(dialect), Some(pair.provider), 200),
                    "{}",
                    pair.label
                );
                assert!(
                    r.prompt_tokens > 0 && r.completion_tokens > 0,
                    "{} {dialect:?}: {r:?}",
                    pair.label
                );
                assert_eq!(r.error_kind, None, "{} {dialect:?}", pair.label);
            }
        }
    }
    assert_eq!(matrix.len(), 80);
    app.stop().await;
}

/// A tool-calling request in each dialect's own shape.
fn tool_request(
    app: &TestApp,
    dialect: Dialect,
    key: &str,
    model: &str,
    stream: bool,
) -> reqwest::RequestBuilder {
    let schema = json!({"type": "object", "properties": {"location": {"type": "string"}}, "required": ["location"]});
    let prompt = "Weather in Jakarta and Bandung?";
    let (path, body) = match dialect {
        Dialect::Chat => (
            "/v1/chat/completions".to_owned(),
            json!({"model": model, "stream": stream,
            "messages": [{"role": "user", "content": prompt}],
            "tools": [{"type": "function", "function": {"name": "get_weather", "parameters": schema}}]}),
        ),
        Dialect::Responses => (
            "/v1/responses".to_owned(),
            json!({"model": model, "stream": stream, "input": prompt,
            "tools": [{"type": "function", "name": "get_weather", "parameters": schema}]}),
        ),
        Dialect::Messages => (
            "/v1/messages".to_owned(),
            json!({"model": model, "stream": stream, "max_tokens": 512,
            "messages": [{"role": "user", "content": prompt}], "tools": [{"name": "get_weather", "input_schema": schema}]}),
        ),
        Dialect::Gemini => {
            let action = if stream {
                "streamGenerateContent?alt=sse"
            } else {
                "generateContent"
            };
            (
                format!("/v1beta/models/{model}:{action}"),
                json!({"contents": [{"role": "user", "parts": [{"text": prompt}]}],
                "tools": [{"functionDeclarations": [{"name": "get_weather", "parametersJsonSchema": schema}]}]}),
            )
        }
        Dialect::Completions => unreachable!("the legacy API has no tools"),
    };
    app.http
        .post(app.url(&path))
        .header("x-api-key", key)
        .header("anthropic-version", "2023-06-01")
        .json(&body)
}

/// The tool calls a client of `dialect` reads: (name, arguments).
fn calls_of(dialect: Dialect, stream: bool, body: &str) -> Vec<(String, Value)> {
    let parse =
        |args: &str| serde_json::from_str::<Value>(args).unwrap_or_else(|e| panic!("{e}: {args}"));
    if !stream {
        let v: Value = serde_json::from_str(body).unwrap();
        return match dialect {
            Dialect::Chat => v["choices"][0]["message"]["tool_calls"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c["function"]["name"].as_str().unwrap().to_owned(),
                        parse(c["function"]["arguments"].as_str().unwrap()),
                    )
                })
                .collect(),
            Dialect::Responses => v["output"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|i| i["type"] == "function_call")
                .map(|c| {
                    (
                        c["name"].as_str().unwrap().to_owned(),
                        parse(c["arguments"].as_str().unwrap()),
                    )
                })
                .collect(),
            Dialect::Messages => v["content"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|b| b["type"] == "tool_use")
                .map(|b| (b["name"].as_str().unwrap().to_owned(), b["input"].clone()))
                .collect(),
            Dialect::Gemini => gemini_calls(&v),
            Dialect::Completions => Vec::new(),
        };
    }
    let events = data_events(body);
    match dialect {
        Dialect::Chat => {
            let mut calls: Vec<(String, String)> = Vec::new();
            for delta in events.iter().flat_map(|e| {
                e["choices"][0]["delta"]["tool_calls"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            }) {
                let i = delta["index"].as_u64().unwrap() as usize;
                if calls.len() <= i {
                    calls.push((
                        delta["function"]["name"]
                            .as_str()
                            .unwrap_or_default()
                            .to_owned(),
                        String::new(),
                    ));
                }
                calls[i]
                    .1
                    .push_str(delta["function"]["arguments"].as_str().unwrap_or_default());
            }
            calls.into_iter().map(|(n, a)| (n, parse(&a))).collect()
        }
        Dialect::Responses => {
            let done = events
                .iter()
                .find(|e| e["type"] == "response.completed")
                .unwrap();
            calls_of(Dialect::Responses, false, &done["response"].to_string())
        }
        Dialect::Messages => {
            let mut calls: Vec<(usize, String, String)> = Vec::new();
            for e in &events {
                if e["type"] == "content_block_start" && e["content_block"]["type"] == "tool_use" {
                    calls.push((
                        e["index"].as_u64().unwrap() as usize,
                        e["content_block"]["name"].as_str().unwrap().to_owned(),
                        String::new(),
                    ));
                }
                if e["delta"]["type"] == "input_json_delta"
                    && let Some(c) = calls
                        .iter_mut()
                        .find(|c| c.0 == e["index"].as_u64().unwrap() as usize)
                {
                    c.2.push_str(e["delta"]["partial_json"].as_str().unwrap());
                }
            }
            calls.into_iter().map(|(_, n, a)| (n, parse(&a))).collect()
        }
        Dialect::Gemini => events.iter().flat_map(gemini_calls).collect(),
        Dialect::Completions => Vec::new(),
    }
}

fn gemini_calls(chunk: &Value) -> Vec<(String, Value)> {
    chunk["candidates"][0]["content"]["parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            Some((
                p["functionCall"]["name"].as_str()?.to_owned(),
                p["functionCall"]["args"].clone(),
            ))
        })
        .collect()
}

/// Parallel tool calls from every kind of upstream reach every dialect whole and in order.
async fn parallel_tool_calls_cross_every_dialect(backend: Backend) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
    let expected = vec![
        ("get_weather".to_owned(), json!({"location": "Jakarta"})),
        ("get_weather".to_owned(), json!({"location": "Bandung"})),
    ];
    let mut checked = 0;
    for (label, model) in KINDS {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, label).await;
        for dialect in [
            Dialect::Chat,
            Dialect::Responses,
            Dialect::Messages,
            Dialect::Gemini,
        ] {
            for stream in [true, false] {
                up.script(label, Script::Tools);
                let response = tool_request(&app, dialect, &caller.key, model, stream)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let body = response.text().await.unwrap();
                assert_eq!(
                    status, 200,
                    "{dialect:?} → {label} (stream {stream}): {body}"
                );
                assert_eq!(
                    calls_of(dialect, stream, &body),
                    expected,
                    "{dialect:?} → {label} (stream {stream})"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 64);
    app.stop().await;
}

/// The error object a client of `dialect` reads, and its own words for "upstream trouble".
fn assert_dialect_error(dialect: Dialect, body: &Value, context: &str) {
    match dialect {
        Dialect::Messages => {
            assert_eq!(body["type"], "error", "{context}: {body}");
            assert!(body["error"]["type"].is_string(), "{context}: {body}");
        }
        Dialect::Gemini => assert!(
            body["error"]["status"].is_string() && body["error"]["code"].is_u64(),
            "{context}: {body}"
        ),
        _ => assert!(
            body["error"]["message"].is_string() && body["error"]["type"].is_string(),
            "{context}: {body}"
        ),
    }
}

/// A rejected upstream credential becomes a 502 and a broken stream an error event — each in
/// the caller's own format, for every kind of upstream — and both are recorded.
async fn upstream_failures_reach_every_dialect_in_its_shape(backend: Backend) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
    for (label, model) in KINDS {
        for dialect in DIALECTS {
            // A fresh account per case: the failure cools the account it happened on.
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            up.script(label, Script::Status(401));
            let context = format!("{dialect:?} → {label} with a bad upstream key");
            let response = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 502, "{context}");
            assert_dialect_error(dialect, &response.json().await.unwrap(), &context);
            let row = &app.usage_rows(&caller, 1).await[0];
            assert_eq!(
                (row.status_code, row.error_kind.as_deref()),
                (502, Some("upstream_auth")),
                "{context}"
            );
        }
    }
    for ((label, model), dialect) in KINDS.into_iter().flat_map(|k| DIALECTS.map(|d| (k, d))) {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, label).await;
        up.script(label, Script::Break);
        let context = format!("{dialect:?} → a {label} stream that breaks");
        let response = request(&app, dialect, &caller.key, model, true)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{context}");
        let body = response.text().await.unwrap();
        let events = data_events(&body);
        let error = events
            .iter()
            .rev()
            .find(|e| {
                e.get("error").is_some() || e["type"] == "error" || e["type"] == "response.failed"
            })
            .unwrap_or_else(|| panic!("{context}: no error event in {body}"));
        match dialect {
            Dialect::Responses => assert_eq!(error["type"], "response.failed", "{context}"),
            other => assert_dialect_error(other, error, &context),
        }
        let row = &app.usage_rows(&caller, 1).await[0];
        assert_eq!(
            row.error_kind.as_deref(),
            Some("upstream_stream_error"),
            "{context}"
        );
    }
    app.stop().await;
}

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
async fn images_reach_every_upstream_in_its_format(backend: Backend) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
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
async fn thinking_signatures_stay_with_their_provider(backend: Backend) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
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

/// Requests received so far by the mock behind an account kind.
fn received(up: &Upstreams, label: &str) -> usize {
    match label {
        "anthropic-key" | "claude-oauth" => up.anthropic.received().len(),
        "gemini-key" | "code-assist-oauth" => up.gemini.received().len(),
        _ => up.openai.received().len(),
    }
}

/// For every dialect and upstream kind: a 429 on one account fails over to the user's other
/// account unseen by the client; and once the only account cools, the caller gets a 429 in its
/// own dialect with `retry-after`, without the upstream being called.
async fn rate_limits_fail_over_and_cooling_answers_in_every_dialect(backend: Backend) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
    let mut checked = 0;
    for (label, model) in KINDS {
        let expected = match label {
            "anthropic-key" | "claude-oauth" => mock_anthropic::TEXT.to_owned(),
            "gemini-key" | "code-assist-oauth" => mock_gemini::TEXT.concat(),
            _ => up.openai.text(),
        };
        for dialect in DIALECTS {
            let context = format!("{dialect:?} → {label}");
            // Failover: two accounts, the first answer is a 429.
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            connect(&app, &caller, &up, label).await;
            up.script(label, Script::Status(429));
            let before = received(&up, label);
            let response = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{context}: failover");
            assert_eq!(
                text_of(dialect, false, &response.text().await.unwrap()),
                expected,
                "{context}: failover"
            );
            assert_eq!(
                received(&up, label) - before,
                2,
                "{context}: both accounts were tried"
            );

            // Cooling: one account, a 500, then the caller is told when to come back.
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            up.script(label, Script::Status(500));
            let first = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(first.status(), 502, "{context}");
            let before = received(&up, label);
            let cooling = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(cooling.status(), 429, "{context}: cooling");
            assert!(cooling.headers().contains_key("retry-after"), "{context}");
            assert_dialect_error(dialect, &cooling.json().await.unwrap(), &context);
            assert_eq!(
                received(&up, label),
                before,
                "{context}: a cooling account is not called"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 40);
    app.stop().await;
}
