//! Retired models: the catalog (shipped with the binary) knows when a provider retired a
//! model and what replaces it. A request for one is refused in the caller's dialect naming the
//! replacement, or, when the user follows replacements, served by the replacement with the
//! `x-satu-model-replaced` header; a provider that still lists the model keeps serving it.

use entities::Provider;
use serde_json::Value;

use crate::cli::{satu, stderr, stdout};
use crate::on_both_backends;
use crate::support::mock_anthropic::MockAnthropic;
use crate::support::{Backend, TestDb, messages_body, spawn_app};

on_both_backends!(
    a_retired_model_is_refused_with_its_replacement,
    users_who_follow_replacements_are_served_by_the_replacement,
    an_operator_applies_a_catalog_file,
);

async fn a_retired_model_is_refused_with_its_replacement(backend: Backend) {
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
    let r = app
        .messages(
            &caller.key,
            messages_body("claude-3-5-sonnet-20241022", false),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.headers().get("x-satu-model-replaced").is_none());
    let error: Value = r.json().await.unwrap();
    assert_eq!(error["type"], "error");
    assert_eq!(error["error"]["type"], "not_found_error");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("retired by its provider on 2025-10-22")
            && message.contains("use `claude-sonnet-4-5` instead"),
        "{message}"
    );
    assert!(upstream.received().is_empty(), "nothing was sent");
    // Also with the provider named, in another dialect.
    let pinned = app
        .chat(
            &caller.key,
            crate::support::chat_body("anthropic/claude-3-5-sonnet-latest", false),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(pinned.status(), 404);
    let error: Value = pinned.json().await.unwrap();
    assert_eq!(error["error"]["code"], "model_retired");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`claude-sonnet-4-5`")
    );
    let rows = app.usage_rows(&caller, 2).await;
    assert!(
        rows.iter()
            .all(|r| r.status_code == 404 && r.error_kind.as_deref() == Some("model_retired"))
    );

    // A user who routes the old name by a rule of their own keeps their rule.
    let ruler = app.create_caller().await;
    app.add_account(
        &ruler,
        Provider::Anthropic,
        "sk-ant",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    app.set_routing(
        &ruler,
        "[[rules]]\npattern = \"claude-3-5-sonnet-*\"\ntargets = [{ model = \"claude-haiku-4-5\" }]",
    )
    .await;
    let r = app
        .messages(
            &ruler.key,
            messages_body("claude-3-5-sonnet-20241022", false),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(upstream.received()[0].body["model"], "claude-haiku-4-5");
    app.stop().await;
}

async fn users_who_follow_replacements_are_served_by_the_replacement(backend: Backend) {
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
    app.set_routing(&caller, "follow_replacements = true").await;
    for stream in [false, true] {
        let r = app
            .messages(&caller.key, messages_body("claude-3-opus-20240229", stream))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(
            r.headers()["x-satu-model-replaced"],
            "claude-3-opus-20240229 -> claude-opus-4-5"
        );
        let _ = r.bytes().await.unwrap();
    }
    let sent = upstream.received();
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|r| r.body["model"] == "claude-opus-4-5"));
    let rows = app.usage_rows(&caller, 2).await;
    assert!(
        rows.iter()
            .all(|r| r.model == "claude-opus-4-5" && r.status_code == 200)
    );

    // An account whose own list still names the old model serves it as it is.
    let keeper = app.create_caller().await;
    app.add_account(
        &keeper,
        Provider::Anthropic,
        "sk-ant-2",
        Some(&upstream.base_url),
        &["claude-3-opus-20240229"],
    )
    .await;
    app.set_routing(&keeper, "follow_replacements = true").await;
    let r = app
        .messages(&keeper.key, messages_body("claude-3-opus-20240229", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("x-satu-model-replaced").is_none());
    assert_eq!(
        upstream.received()[2].body["model"],
        "claude-3-opus-20240229"
    );
    app.stop().await;
}

async fn an_operator_applies_a_catalog_file(backend: Backend) {
    let db = TestDb::new(backend).await;
    // The shipped catalog is in place after the first command (it migrates the database).
    let shown = satu(&db, &["admin", "catalog"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let listing = stdout(&shown);
    let opus3 = listing
        .lines()
        .find(|l| l.starts_with("claude-3-opus "))
        .unwrap();
    assert!(
        opus3.contains("retired 2026-01-05 → claude-opus-4-5"),
        "{opus3}"
    );
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("gpt-4o ") && l.contains("2.5000") && l.ends_with("current"))
    );

    let file = db.dir.join("catalog.toml");
    let text = r#"version = "2099-01-01"

[[models]]
id = "gpt-4o"
provider = "openai"
name = "GPT-4o"
aliases = ["chatgpt-4o-latest"]
input = 2.00
output = 8.00
cached_input = 1.00
context = 128000
deprecated_at = "2099-06-01"
replaced_by = "gpt-5.2"

[[models]]
id = "gpt-5.2"
provider = "openai"
name = "GPT-5.2"
input = 1.75
output = 14.00
cached_input = 0.175
context = 400000
"#;
    std::fs::write(&file, text).unwrap();
    let path = file.to_str().unwrap();
    let applied = satu(&db, &["admin", "catalog", "--file", path]);
    assert!(applied.status.success(), "{}", stderr(&applied));
    assert!(
        stdout(&applied).starts_with("catalog 2099-01-01 applied: 1 added, 1 updated, 0 unchanged"),
        "{}",
        stdout(&applied)
    );
    let again = satu(&db, &["admin", "catalog", "--file", path]);
    assert!(
        stdout(&again).contains("0 added, 0 updated, 2 unchanged"),
        "{}",
        stdout(&again)
    );
    let listing = stdout(&satu(&db, &["admin", "catalog"]));
    let gpt4o = listing.lines().find(|l| l.starts_with("gpt-4o ")).unwrap();
    assert!(
        gpt4o.contains("2.0000") && gpt4o.contains("retires 2099-06-01 → gpt-5.2"),
        "{gpt4o}"
    );

    // A mistake is named and nothing is written.
    std::fs::write(
        &file,
        text.replace("replaced_by = \"gpt-5.2\"", "replaced_by = \"gpt-9\"")
            .replace("input = 2.00", "input = 3.00"),
    )
    .unwrap();
    let refused = satu(&db, &["admin", "catalog", "--file", path]);
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("model `gpt-4o` is replaced by `gpt-9`"),
        "{}",
        stderr(&refused)
    );
    let listing = stdout(&satu(&db, &["admin", "catalog"]));
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("gpt-4o ") && l.contains("2.0000"))
    );
    db.drop().await;
}
