//! Routing: cooldowns after failures, rules with fallbacks, provider pins, strategies and
//! session affinity — observed through which upstream account received each request.

use std::time::Duration;

use entities::{Provider, account_cooldowns};
use sea_orm::EntityTrait;
use serde_json::Value;

use crate::on_both_backends;
use crate::support::mock_anthropic::{self, MockAnthropic};
use crate::support::mock_openai::{Behavior, MockUpstream};
use crate::support::{Backend, chat_body, messages_body, spawn_app};

on_both_backends!(
    a_failing_account_cools_down_and_is_skipped,
    when_every_account_cools_the_caller_gets_a_429_in_its_dialect,
    rules_fall_back_to_the_next_target,
    provider_prefix_pins_the_provider,
    fill_first_and_priority_prefer_the_first_tier,
    cheapest_prefers_the_cheaper_target,
    session_affinity_keeps_a_conversation_on_one_account,
);

fn keys(upstream: &MockUpstream) -> Vec<String> {
    upstream
        .received()
        .iter()
        .map(|r| {
            r.headers["authorization"]
                .to_str()
                .unwrap()
                .trim_start_matches("Bearer ")
                .to_owned()
        })
        .collect()
}

async fn a_failing_account_cools_down_and_is_skipped(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    let a = app
        .add_account(&caller, Provider::OpenAi, "sk-a", None, &[])
        .await;
    app.add_account(&caller, Provider::OpenAi, "sk-b", None, &[])
        .await;
    upstream.push(Behavior::Status(500));
    for _ in 0..3 {
        let r = app
            .chat(&caller.key, chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    // First request: a fails, b answers. Then a cools for gpt-4o and is not even tried.
    assert_eq!(keys(&upstream), ["sk-a", "sk-b", "sk-b", "sk-b"]);
    // The cooldown is visible to operators once the writer has flushed it.
    let mut rows = Vec::new();
    for _ in 0..100 {
        rows = account_cooldowns::Entity::find()
            .all(&app.db)
            .await
            .unwrap();
        if !rows.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0].account_id,
            rows[0].model.as_str(),
            rows[0].reason.as_str()
        ),
        (a, "gpt-4o", "upstream_error")
    );
    // Another model on the same account is unaffected.
    let r = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    app.stop().await;
}

async fn when_every_account_cools_the_caller_gets_a_429_in_its_dialect(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-a", None, &[])
        .await;
    upstream.push(Behavior::Status(503));
    let first = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 502);
    let second = app
        .chat(&caller.key, chat_body("gpt-4o", true))
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), 429);
    let retry: u64 = second.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&retry), "{retry}");
    let body: Value = second.json().await.unwrap();
    assert_eq!(body["error"]["code"], "accounts_cooling");
    let anthropic = app
        .messages(&caller.key, messages_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(anthropic.status(), 429);
    let body: Value = anthropic.json().await.unwrap();
    assert_eq!(body["error"]["type"], "rate_limit_error");
    assert_eq!(
        upstream.received().len(),
        1,
        "cooling accounts are not tried"
    );
    // It recovers by itself.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let later = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(later.status(), 200);
    app.stop().await;
}

async fn rules_fall_back_to_the_next_target(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let claude = MockAnthropic::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        Provider::Anthropic,
        "sk-ant",
        Some(&claude.base_url),
        &[],
    )
    .await;
    let openai = app
        .add_account(&caller, Provider::OpenAi, "sk-oai", None, &[])
        .await;
    app.set_routing(
        &caller,
        r#"
        [[rules]]
        pattern = "smart"
        targets = [
          { provider = "anthropic", model = "sonnet" },
          { provider = "openai", model = "gpt-4o" },
        ]
    "#,
    )
    .await;
    claude.push(mock_anthropic::Behavior::Status(529));
    let r = app
        .chat(&caller.key, chat_body("smart", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        claude.received()[0].body["model"],
        "claude-sonnet-4-5",
        "aliases resolve to the catalog id"
    );
    assert_eq!(upstream.received()[0].body["model"], "gpt-4o");
    let row = &app.usage_rows(&caller, 1).await[0];
    assert_eq!(
        (row.model.as_str(), row.provider.as_deref(), row.account_id),
        ("gpt-4o", Some("openai"), Some(openai))
    );
    app.stop().await;
}

async fn provider_prefix_pins_the_provider(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-openai", None, &[])
        .await;
    app.add_account(
        &caller,
        Provider::OpenAiCompatible,
        "sk-compat",
        Some(&upstream.base_url),
        &["gpt-4o"],
    )
    .await;
    for _ in 0..2 {
        let r = app
            .chat(&caller.key, chat_body("openai-compatible/gpt-4o", false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    assert_eq!(keys(&upstream), ["sk-compat", "sk-compat"]);
    assert_eq!(upstream.received()[0].body["model"], "gpt-4o");
    app.stop().await;
}

async fn fill_first_and_priority_prefer_the_first_tier(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    let backup = app
        .add_account(&caller, Provider::OpenAi, "sk-backup", None, &[])
        .await;
    app.add_account(&caller, Provider::OpenAi, "sk-main", None, &[])
        .await;
    app.set_priority(backup, 1, 1).await;
    app.set_routing(&caller, r#"strategy = "fill-first""#).await;
    for _ in 0..3 {
        app.chat(&caller.key, chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap();
    }
    assert_eq!(keys(&upstream), ["sk-main", "sk-main", "sk-main"]);
    // When the first tier fails, the next one answers.
    upstream.push(Behavior::Status(500));
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(&keys(&upstream)[3..], ["sk-main", "sk-backup"]);
    app.stop().await;
}

async fn cheapest_prefers_the_cheaper_target(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    app.set_routing(
        &caller,
        r#"
        [[rules]]
        pattern = "auto"
        strategy = "cheapest"
        targets = [{ model = "gpt-4o" }, { model = "gpt-4o-mini" }]
    "#,
    )
    .await;
    let r = app
        .chat(&caller.key, chat_body("auto", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(upstream.received()[0].body["model"], "gpt-4o-mini");
    app.stop().await;
}

async fn session_affinity_keeps_a_conversation_on_one_account(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    for key in ["sk-1", "sk-2", "sk-3"] {
        app.add_account(&caller, Provider::OpenAi, key, None, &[])
            .await;
    }
    app.set_routing(&caller, "session_affinity = true").await;
    for _ in 0..4 {
        app.chat(&caller.key, chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap();
    }
    let used = keys(&upstream);
    assert!(used.iter().all(|k| *k == used[0]), "{used:?}");
    app.stop().await;
}
