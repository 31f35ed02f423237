//! The `satu` binary's admin commands and their errors, against both databases.

use std::process::{Command, Output};

use entities::{api_keys, provider_accounts, users};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::on_both_backends;
use crate::support::{Backend, TestDb};

on_both_backends!(
    routing_and_accounts_commands,
    admin_commands_create_what_the_proxy_needs,
    admin_commands_reject_bad_input_without_writing,
    migrate_runs_alone,
);

pub fn satu(db: &TestDb, args: &[&str]) -> Output {
    satu_with_env(db, &[], args)
}

pub fn satu_with_env(db: &TestDb, extra: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_satu"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SATU") || k == "DATABASE_URL" || k == "REDIS_URL" {
            cmd.env_remove(k);
        }
    }
    cmd.envs(db.env())
        .envs(extra.iter().copied())
        .env("RUST_LOG", "warn")
        .args(args);
    cmd.output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

async fn admin_commands_create_what_the_proxy_needs(backend: Backend) {
    let db = TestDb::new(backend).await;
    let out = satu(
        &db,
        &[
            "admin",
            "create-user",
            "--email",
            "Ana@Example.com",
            "--password",
            "s3cret-pass",
            "--plan",
            "pro",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let user_id = stdout(&out).trim().to_owned();
    assert!(
        uuid::Uuid::parse_str(&user_id).is_ok(),
        "prints the id: {user_id}"
    );

    let out = satu(
        &db,
        &[
            "admin",
            "create-key",
            "--email",
            "ana@example.com",
            "--name",
            "laptop",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let key = stdout(&out).lines().last().unwrap().to_owned();
    assert!(key.starts_with("sk-satu-") && key.len() == 48, "{key}");

    let out = satu(
        &db,
        &[
            "admin",
            "add-account",
            "--email",
            "ana@example.com",
            "--provider",
            "openai-compatible",
            "--api-key",
            "sk-up-123",
            "--base-url",
            "http://127.0.0.1:9/v1",
            "--label",
            "local",
            "--models",
            "llama-3,qwen-2",
            // Nothing listens there: the key check is skipped on purpose.
            "--skip-check",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let account_id = stdout(&out).trim().to_owned();

    let out = satu(
        &db,
        &["admin", "usage", "--email", "ana@example.com", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap(),
        serde_json::json!([])
    );
    let out = satu(&db, &["admin", "usage", "--email", "ana@example.com"]);
    assert!(stdout(&out).contains("(no usage yet)"));

    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = users::Entity::find().one(&conn).await.unwrap().unwrap();
    assert_eq!(
        (
            user.id.to_string(),
            user.email.as_str(),
            user.plan_id.as_str()
        ),
        (user_id, "ana@example.com", "pro")
    );
    assert!(user.password_hash.unwrap().starts_with("$argon2id$"));
    let stored_key = api_keys::Entity::find().one(&conn).await.unwrap().unwrap();
    assert!(key.starts_with(&stored_key.prefix));
    assert_eq!(
        stored_key.key_hash,
        entities::secret_token::sha256_hex(&key)
    );
    let account = provider_accounts::Entity::find()
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(account.id.to_string(), account_id);
    assert_eq!(account.models.0, vec!["llama-3", "qwen-2"]);
    assert_eq!(account.base_url.as_deref(), Some("http://127.0.0.1:9/v1"));
    assert!(!account.sealed_credentials.unwrap().contains("sk-up-123"));
}

async fn admin_commands_reject_bad_input_without_writing(backend: Backend) {
    let db = TestDb::new(backend).await;
    assert!(
        satu(&db, &["admin", "create-user", "--email", "bo@example.com"])
            .status
            .success()
    );
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["admin", "create-user", "--email", "BO@example.com"],
            "already exists",
        ),
        (
            vec!["admin", "create-user", "--email", "not-an-email"],
            "invalid email",
        ),
        (
            vec![
                "admin",
                "create-user",
                "--email",
                "c@example.com",
                "--password",
                "short",
            ],
            "at least 10",
        ),
        (
            vec!["admin", "create-key", "--email", "nobody@example.com"],
            "no user with email",
        ),
        (
            vec![
                "admin",
                "add-account",
                "--email",
                "bo@example.com",
                "--provider",
                "azure",
                "--api-key",
                "k",
            ],
            "unknown provider",
        ),
        (
            vec![
                "admin",
                "add-account",
                "--email",
                "bo@example.com",
                "--provider",
                "openai",
                "--api-key",
                "k",
                "--base-url",
                "not a url",
            ],
            "not a valid URL",
        ),
        (
            vec![
                "admin",
                "add-account",
                "--email",
                "bo@example.com",
                "--provider",
                "openai-compatible",
                "--api-key",
                "k",
            ],
            "needs its base URL",
        ),
        (
            vec![
                "admin",
                "add-account",
                "--email",
                "nobody@example.com",
                "--provider",
                "openai",
                "--api-key",
                "k",
            ],
            "no user with email",
        ),
        (
            vec!["admin", "usage", "--email", "nobody@example.com"],
            "no user with email",
        ),
    ];
    for (args, message) in cases {
        let out = satu(&db, &args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one-line message: {err}");
    }
    let out = satu_with_env(
        &db,
        &[("SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS", "false")],
        &[
            "admin",
            "add-account",
            "--email",
            "bo@example.com",
            "--provider",
            "openai",
            "--api-key",
            "k",
            "--base-url",
            "http://127.0.0.1:9/v1",
        ],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("private or loopback"),
        "{}",
        stderr(&out)
    );

    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    assert_eq!(users::Entity::find().count(&conn).await.unwrap(), 1);
    assert_eq!(api_keys::Entity::find().count(&conn).await.unwrap(), 0);
    assert_eq!(
        provider_accounts::Entity::find()
            .count(&conn)
            .await
            .unwrap(),
        0
    );
}

async fn migrate_runs_alone(backend: Backend) {
    let db = TestDb::new(backend).await;
    let out = satu(&db, &["migrate"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = satu(&db, &["migrate"]);
    assert!(
        out.status.success(),
        "migrations are idempotent: {}",
        stderr(&out)
    );
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let plans = entities::plans::list(&conn).await.unwrap();
    let ids: Vec<&str> = plans.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["free", "starter", "pro", "team", "enterprise"]);
    assert_eq!(plans[1].price_idr, Some(49_000));
    let models = entities::model_catalog::list_enabled(&conn).await.unwrap();
    for provider in ["openai", "anthropic", "gemini", "qwen"] {
        assert!(
            models.iter().any(|m| m.provider == provider),
            "{provider} seeded"
        );
    }
}

async fn routing_and_accounts_commands(backend: Backend) {
    let db = TestDb::new(backend).await;
    assert!(
        satu(&db, &["admin", "create-user", "--email", "r@example.com"])
            .status
            .success()
    );
    let out = satu(
        &db,
        &[
            "admin",
            "add-account",
            "--email",
            "r@example.com",
            "--provider",
            "anthropic",
            "--api-key",
            "sk-ant-x",
            "--label",
            "work",
            "--skip-check",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let account = stdout(&out).trim().to_owned();

    let rules = db.dir.join("rules.toml");
    let set_routing = |toml: &str| {
        std::fs::write(&rules, toml).unwrap();
        let args = [
            "admin",
            "set-routing",
            "--email",
            "r@example.com",
            "--file",
            rules.to_str().unwrap(),
        ];
        satu(&db, &args)
    };
    let out = set_routing(
        "strategy = \"fastest\"\n[[rules]]\npattern = \"claude-*\"\ntargets = [{ provider = \"anthropic\", model = \"claude-sonnet-4-5\" }]\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "routing saved: 1 rule(s)");

    let refused = [
        (
            "[[rules]]\npattern = \"x\"\ntargets = [{ provider = \"azure\", model = \"m\" }]\n",
            "unknown provider",
        ),
        ("strategy = \"fastest-ever\"\n", "rules.toml"),
        // The same rule as the dashboard: targets name only the user's own connections.
        (
            "[[rules]]\npattern = \"gpt-*\"\n[[rules.targets]]\nmodel = \"gpt-4o\"\naccount = \"7d0f6a52-2a8e-4a4e-9d1c-3f0c2b6f1a11\"\n",
            "not found",
        ),
    ];
    for (toml, message) in refused {
        let out = set_routing(toml);
        assert!(!out.status.success(), "{toml}");
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
    }

    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = users::Entity::find().one(&conn).await.unwrap().unwrap();
    let saved = entities::routing_rules::get(&conn, user.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        saved.strategy,
        entities::routing_rules::Strategy::Fastest,
        "a bad file changes nothing"
    );

    let out = satu(
        &db,
        &["admin", "accounts", "--email", "r@example.com", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(list[0]["id"], account.as_str());
    assert_eq!(
        (
            list[0]["provider"].as_str(),
            list[0]["status"].as_str(),
            list[0]["label"].as_str()
        ),
        (Some("anthropic"), Some("active"), Some("work"))
    );
    assert_eq!(list[0]["cooldowns"], serde_json::json!([]));
    let out = satu(&db, &["admin", "accounts", "--email", "r@example.com"]);
    assert!(stdout(&out).contains(&account) && stdout(&out).contains("anthropic"));
}
