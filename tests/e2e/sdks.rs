//! The official OpenAI and Anthropic Python SDKs driven through Satu, streaming with tools,
//! across dialects. Skipped (with a note) when the SDKs are not installed; `scripts/test.sh`
//! installs them, so CI always runs these.

use std::process::Command;

use entities::Provider;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, Behavior, MockAnthropic};
use crate::support::{Backend, TestApp, spawn_app};

on_both_backends!(
    openai_sdk_on_a_claude_account,
    anthropic_sdk_on_a_claude_account
);

fn sdks_installed() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import openai, anthropic"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok && std::env::var("SATU_REQUIRE_SDKS").is_ok() {
        panic!("SATU_REQUIRE_SDKS is set but the openai/anthropic Python SDKs are not installed");
    }
    if !ok {
        eprintln!("skipping: pip install openai anthropic to run the SDK tests");
    }
    ok
}

async fn run_script(app: &TestApp, key: &str, script: &str, model: &str) -> Value {
    let out = tokio::process::Command::new("python3")
        .arg(format!("{}/tests/sdk/{script}", env!("CARGO_MANIFEST_DIR")))
        .env("SATU_URL", format!("http://{}", app.addr))
        .env("SATU_KEY", key)
        .env("MODEL", model)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{script} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn openai_sdk_on_a_claude_account(backend: Backend) {
    if !sdks_installed() {
        return;
    }
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
    upstream.push(Behavior::Tools);
    let result = run_script(&app, &caller.key, "openai_client.py", "claude-sonnet-4-5").await;
    assert_eq!(result["text"], "Checking both.");
    assert_eq!(result["finish"], "tool_calls");
    assert_eq!(
        result["tool_calls"],
        json!([
            {"id": "toolu_01A", "name": "get_weather", "arguments": "{\"location\":\"Jakarta\"}"},
            {"id": "toolu_01B", "name": "get_weather", "arguments": "{\"location\":\"Bandung\"}"},
        ])
    );
    assert_eq!(result["usage"], 30);
    assert_eq!(result["plain"], mock_anthropic::TEXT);
    app.stop().await;
}

async fn anthropic_sdk_on_a_claude_account(backend: Backend) {
    if !sdks_installed() {
        return;
    }
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
    upstream.push(Behavior::Tools);
    let result = run_script(
        &app,
        &caller.key,
        "anthropic_client.py",
        "claude-sonnet-4-5",
    )
    .await;
    assert_eq!(result["stop_reason"], "tool_use");
    let kinds: Vec<&str> = result["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["thinking", "text", "tool_use", "tool_use"]);
    assert_eq!(
        result["content"][3]["input"],
        json!({"location": "Bandung"})
    );
    assert_eq!(
        (
            result["input_tokens"].as_i64(),
            result["output_tokens"].as_i64()
        ),
        (Some(20), Some(6))
    );
    // The SDK sent its key as x-api-key and its own anthropic-version.
    assert!(
        upstream.received()[0]
            .headers
            .contains_key("anthropic-version")
    );
    app.stop().await;
}
