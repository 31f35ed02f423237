//! The conformance matrix: every client dialect against every kind of upstream account,
//! streamed and whole — answers, tool calls, failures, images and thinking — each checked in the
//! caller's own format, with the usage rows it wrote. This module is the harness; the scenarios
//! live in the submodules.

mod basics;
mod failures;
mod media;
mod system_turns;
mod tools;

use entities::Provider;
use entities::provider_accounts::Credentials;
use serde_json::{Value, json};

use crate::support::mock_anthropic::MockAnthropic;
use crate::support::mock_gemini::MockGemini;
use crate::support::mock_openai::{Behavior as OpenAiBehavior, MockUpstream};
use crate::support::{Backend, Caller, TestApp, spawn_app};
use crate::support::{
    mock_anthropic::Behavior as ClaudeBehavior, mock_gemini::Behavior as GeminiBehavior,
};

use crate::on_both_backends;
use basics::every_dialect_reaches_every_upstream;
use failures::{
    rate_limits_fail_over_and_cooling_answers_in_every_dialect,
    upstream_failures_reach_every_dialect_in_its_shape,
};
use media::{
    images_reach_every_upstream_in_its_format, thinking_signatures_stay_with_their_provider,
};
use system_turns::system_turns_reach_every_upstream_in_its_form;
use tools::parallel_tool_calls_cross_every_dialect;

on_both_backends!(
    every_dialect_reaches_every_upstream,
    parallel_tool_calls_cross_every_dialect,
    upstream_failures_reach_every_dialect_in_its_shape,
    images_reach_every_upstream_in_its_format,
    thinking_signatures_stay_with_their_provider,
    rate_limits_fail_over_and_cooling_answers_in_every_dialect,
    system_turns_reach_every_upstream_in_its_form,
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

/// The three mock upstreams and the app wired to them.
async fn setup(backend: Backend) -> (Upstreams, TestApp) {
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
    (up, app)
}
