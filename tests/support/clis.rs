//! The real AI CLIs (Claude Code, Codex CLI, Gemini CLI; pinned in tests/clis/package.json)
//! run once in print / exec mode against a Satu under test. Each runs with a scrubbed
//! environment and its own empty home: no telemetry, update checks or retries, nothing from
//! the machine's own configuration, and no need for the internet.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
pub enum Cli {
    ClaudeCode,
    Codex,
    Gemini,
}

impl Cli {
    fn bin(self) -> &'static str {
        match self {
            Cli::ClaudeCode => "claude",
            Cli::Codex => "codex",
            Cli::Gemini => "gemini",
        }
    }
}

fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clis/node_modules/.bin")
}

/// Whether the CLIs are installed; `SATU_REQUIRE_CLIS` (set by scripts/test.sh, which installs
/// them) turns a missing one into a failure instead of a skip.
pub fn installed() -> bool {
    let all = [Cli::ClaudeCode, Cli::Codex, Cli::Gemini]
        .iter()
        .all(|c| bin_dir().join(c.bin()).exists());
    if !all && std::env::var("SATU_REQUIRE_CLIS").is_ok() {
        panic!("SATU_REQUIRE_CLIS is set but the CLIs are missing: npm ci --prefix tests/clis");
    }
    if !all {
        eprintln!("skipping: npm ci --prefix tests/clis to run the real-CLI tests");
    }
    all
}

/// One run's facts, for the CLI's own settings.
struct Invocation<'a> {
    home: &'a Path,
    /// Satu's address, `http://127.0.0.1:port`.
    base: &'a str,
    key: &'a str,
    model: &'a str,
    prompt: &'a str,
}

/// Runs `cli` once with `prompt` against Satu at `addr` with the Satu API key `key`.
pub async fn run(
    cli: Cli,
    addr: std::net::SocketAddr,
    key: &str,
    model: &str,
    prompt: &str,
) -> Output {
    let home = std::env::temp_dir().join(format!("satu-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&home).unwrap();
    let base = format!("http://{addr}");
    let mut command = tokio::process::Command::new(bin_dir().join(cli.bin()));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", &home)
        .env("TMPDIR", &home)
        .current_dir(&home)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    let run = Invocation {
        home: &home,
        base: &base,
        key,
        model,
        prompt,
    };
    match cli {
        Cli::ClaudeCode => claude_code(&mut command, &run),
        Cli::Codex => codex(&mut command, &run),
        Cli::Gemini => gemini(&mut command, &run),
    }
    let output = tokio::time::timeout(Duration::from_secs(90), command.output())
        .await
        .unwrap_or_else(|_| panic!("{cli:?} did not finish in 90 s"))
        .unwrap();
    std::fs::remove_dir_all(&home).ok();
    output
}

fn claude_code(command: &mut tokio::process::Command, run: &Invocation<'_>) {
    command
        .env("ANTHROPIC_BASE_URL", run.base)
        .env("ANTHROPIC_API_KEY", run.key)
        // No telemetry, update checks, error reports or feature-flag fetches.
        .env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
        .env("DISABLE_TELEMETRY", "1")
        .env("DISABLE_AUTOUPDATER", "1")
        .env("DISABLE_ERROR_REPORTING", "1")
        // A stream it cannot read must fail the test, not be quietly asked again whole.
        .env("CLAUDE_CODE_DISABLE_NONSTREAMING_FALLBACK", "1")
        .env("CLAUDE_CODE_MAX_RETRIES", "0")
        .args(["-p", run.prompt, "--model", run.model])
        .args(["--no-session-persistence", "--output-format", "text"]);
}

fn codex(command: &mut tokio::process::Command, run: &Invocation<'_>) {
    let codex_home = run.home.join(".codex");
    std::fs::create_dir_all(&codex_home).unwrap();
    // Satu as a custom provider: the built-in one ignores OPENAI_BASE_URL and tries a
    // websocket first.
    let config = format!(
        r#"model = "{model}"
model_provider = "satu"
check_for_update_on_startup = false

[model_providers.satu]
name = "Satu"
base_url = "{base}/v1"
env_key = "SATU_API_KEY"
wire_api = "responses"
request_max_retries = 0
stream_max_retries = 0

[analytics]
enabled = false

[feedback]
enabled = false

[features]
plugins = false
"#,
        model = run.model,
        base = run.base,
    );
    std::fs::write(codex_home.join("config.toml"), config).unwrap();
    command
        .env("CODEX_HOME", &codex_home)
        .env("SATU_API_KEY", run.key)
        .args([
            "exec",
            "--skip-git-repo-check",
            "--ephemeral",
            "--color",
            "never",
            run.prompt,
        ]);
}

fn gemini(command: &mut tokio::process::Command, run: &Invocation<'_>) {
    let settings = run.home.join(".gemini");
    std::fs::create_dir_all(&settings).unwrap();
    let json = serde_json::json!({
        "security": {"auth": {"selectedType": "gemini-api-key"}, "folderTrust": {"enabled": false}},
        "privacy": {"usageStatisticsEnabled": false},
        "telemetry": {"enabled": false},
        "general": {"enableAutoUpdate": false, "enableAutoUpdateNotification": false, "maxAttempts": 1},
        "ide": {"enabled": false},
        "tools": {"useRipgrep": false},
    });
    std::fs::write(settings.join("settings.json"), json.to_string()).unwrap();
    command
        .env("GEMINI_API_KEY", run.key)
        .env("GOOGLE_GEMINI_BASE_URL", run.base)
        .args(["-p", run.prompt, "-m", run.model]);
}
