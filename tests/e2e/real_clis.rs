//! The real CLIs through Satu, as their users run them: Claude Code, Codex CLI and Gemini CLI
//! in print / exec mode, each on its own provider and across dialects (Claude Code on a
//! ChatGPT subscription, Codex CLI on Claude, Gemini CLI on an OpenAI key). Each answer's text
//! is the upstream's, and each run writes exactly one usage row. Skipped when the CLIs are not
//! installed; `scripts/test.sh` installs them, so CI runs these.

use std::time::Duration;

use entities::Provider;
use entities::provider_accounts::Credentials;

use crate::on_both_backends;
use crate::support::clis::{self, Cli};
use crate::support::mock_anthropic::{self, MockAnthropic};
use crate::support::mock_gemini::{self, MockGemini};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, spawn_app};

on_both_backends!(
    claude_code_on_claude_and_on_a_chatgpt_subscription,
    codex_cli_on_openai_and_on_claude,
    gemini_cli_on_gemini_and_on_an_openai_key,
);

const PROMPT: &str = "Say hello";

struct Upstreams {
    openai: MockUpstream,
    anthropic: MockAnthropic,
    gemini: MockGemini,
}

/// The upstream mocks and the app, or `None` (the test is skipped) without the CLIs.
async fn setup(backend: Backend) -> Option<(Upstreams, TestApp)> {
    if !clis::installed() {
        return None;
    }
    let up = Upstreams {
        openai: MockUpstream::start().await,
        anthropic: MockAnthropic::start().await,
        gemini: MockGemini::start().await,
    };
    let app = spawn_app(backend, &up.openai.base_url, &[]).await;
    Some((up, app))
}

/// A caller with one connection of `kind`, running `cli` on `model`: its answer is
/// `expected`, and it left exactly one usage row, served by `provider`.
async fn answers(
    (up, app): (&Upstreams, &TestApp),
    cli: Cli,
    model: &str,
    kind: &str,
    expected: &str,
) {
    let caller = app.create_caller().await;
    let provider = connect(app, &caller, up, kind).await;
    let out = clis::run(cli, app.addr, &caller.key, model, PROMPT).await;
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        out.status.success(),
        "{cli:?} on {model}: {}\nstdout: {stdout}\nstderr: {stderr}",
        out.status
    );
    assert_eq!(
        stdout.trim(),
        expected,
        "{cli:?} on {model}; stderr: {stderr}"
    );
    app.usage_rows(&caller, 1).await;
    // A retry or a second call would have landed by now.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let rows = app.usage_rows(&caller, 1).await;
    assert_eq!(rows.len(), 1, "{cli:?} on {model}: {rows:?}");
    let row = &rows[0];
    assert_eq!(
        (
            row.status_code,
            row.provider.as_deref(),
            row.error_kind.as_deref()
        ),
        (200, Some(provider), None),
        "{cli:?} on {model}"
    );
    assert!(
        row.prompt_tokens > 0 && row.completion_tokens > 0,
        "{row:?}"
    );
}

/// Connects `kind`; answers the provider its usage rows name.
async fn connect(app: &TestApp, caller: &Caller, up: &Upstreams, kind: &str) -> &'static str {
    match kind {
        "anthropic-key" => {
            let base = Some(up.anthropic.base_url.as_str());
            app.add_account(caller, Provider::Anthropic, "sk-ant", base, &[])
                .await;
            "anthropic"
        }
        "gemini-key" => {
            let base = Some(up.gemini.base_url.as_str());
            app.add_account(caller, Provider::Gemini, "AIza", base, &[])
                .await;
            "gemini"
        }
        "openai-key" => {
            app.add_account(caller, Provider::OpenAi, "sk-openai", None, &[])
                .await;
            "openai"
        }
        "chatgpt-subscription" => {
            let credentials = Credentials {
                access_token: Some("eyJ-chatgpt".into()),
                account_id: Some("acct".into()),
                ..Default::default()
            };
            app.add_oauth_account(
                caller,
                Provider::OpenAi,
                credentials,
                Some(&up.openai.base_url),
            )
            .await;
            "openai"
        }
        other => panic!("unknown connection kind {other}"),
    }
}

async fn claude_code_on_claude_and_on_a_chatgpt_subscription(backend: Backend) {
    let Some((up, app)) = setup(backend).await else {
        return;
    };
    let env = (&up, &app);
    let claude = mock_anthropic::TEXT;
    answers(
        env,
        Cli::ClaudeCode,
        "claude-sonnet-4-5",
        "anthropic-key",
        claude,
    )
    .await;
    // Claude Code sends a `system` turn among the messages for a model it does not know.
    let chatgpt = up.openai.text();
    answers(
        env,
        Cli::ClaudeCode,
        "gpt-5-codex",
        "chatgpt-subscription",
        &chatgpt,
    )
    .await;
    app.stop().await;
}

async fn codex_cli_on_openai_and_on_claude(backend: Backend) {
    let Some((up, app)) = setup(backend).await else {
        return;
    };
    let env = (&up, &app);
    answers(
        env,
        Cli::Codex,
        "gpt-5-codex",
        "openai-key",
        &up.openai.text(),
    )
    .await;
    let claude = mock_anthropic::TEXT;
    answers(
        env,
        Cli::Codex,
        "claude-sonnet-4-5",
        "anthropic-key",
        claude,
    )
    .await;
    app.stop().await;
}

async fn gemini_cli_on_gemini_and_on_an_openai_key(backend: Backend) {
    let Some((up, app)) = setup(backend).await else {
        return;
    };
    let env = (&up, &app);
    let gemini = mock_gemini::TEXT.concat();
    answers(env, Cli::Gemini, "gemini-2.5-flash", "gemini-key", &gemini).await;
    answers(env, Cli::Gemini, "gpt-4o", "openai-key", &up.openai.text()).await;
    app.stop().await;
}
