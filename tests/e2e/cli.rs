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
    reseal_moves_every_credential_to_the_current_key,
    emails_command_shows_queued_mail_with_its_links,
    set_plan_puts_a_user_on_a_plan,
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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
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

async fn reseal_moves_every_credential_to_the_current_key(backend: Backend) {
    use entities::seal::{MasterKey, Sealer};
    let db = TestDb::new(backend).await;
    let (old, new) = (
        MasterKey::generate().unwrap(),
        MasterKey::generate().unwrap(),
    );
    let (old_b64, new_b64) = (old.encode(), new.encode());
    let with_old = [("SATU__SECURITY__MASTER_KEY", old_b64.as_str())];
    assert!(
        satu_with_env(
            &db,
            &with_old,
            &["admin", "create-user", "--email", "k@example.com"]
        )
        .status
        .success()
    );
    let out = satu_with_env(
        &db,
        &with_old,
        &[
            "admin",
            "add-account",
            "--email",
            "k@example.com",
            "--provider",
            "openai",
            "--api-key",
            "sk-sealed-long-ago",
            "--skip-check",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let account = || async {
        provider_accounts::Entity::find()
            .one(&conn)
            .await
            .unwrap()
            .unwrap()
    };
    let only_new = Sealer::new(&new, &[]).unwrap();
    assert!(account().await.open_credentials(&only_new).is_err());

    // Rotated: the new key seals, the old one only opens. Reseal moves everything over.
    let rotated = format!("[\"{old_b64}\"]");
    let rotated_env = [
        ("SATU__SECURITY__MASTER_KEY", new_b64.as_str()),
        ("SATU__SECURITY__PREVIOUS_MASTER_KEYS", rotated.as_str()),
    ];
    let out = satu_with_env(&db, &rotated_env, &["admin", "reseal"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with(&format!(
        "1 of 1 sealed values resealed under key {}",
        new.id()
    )));
    let creds = account()
        .await
        .open_credentials(&only_new)
        .unwrap()
        .unwrap();
    assert_eq!(creds.api_key.as_deref(), Some("sk-sealed-long-ago"));
    // Again: nothing left to do.
    let out = satu_with_env(&db, &rotated_env, &["admin", "reseal"]);
    assert!(
        stdout(&out).starts_with("0 of 1 sealed values resealed"),
        "{}",
        stdout(&out)
    );

    // A key that opens nothing: the command names the rows and fails, changing nothing.
    let stranger = MasterKey::generate().unwrap().encode();
    let out = satu_with_env(
        &db,
        &[("SATU__SECURITY__MASTER_KEY", stranger.as_str())],
        &["admin", "reseal"],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(&account().await.id.to_string()),
        "{}",
        stderr(&out)
    );
    assert!(account().await.open_credentials(&only_new).is_ok());
}

/// Without SMTP the operator reads mail (a sign-up link) with `satu admin emails`: rendered,
/// its sealed token opened with the master key.
async fn emails_command_shows_queued_mail_with_its_links(backend: Backend) {
    use entities::email_outbox::{self, NewEmail};
    use entities::mail::Mail;
    let db = TestDb::new(backend).await;
    let out = satu(&db, &["admin", "emails"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "no emails");
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let sealer = satu::master_key::sealer(&config).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    for (to, locale, key) in [
        ("ana@example.com", "en", "a"),
        ("budi@example.com", "id", "b"),
    ] {
        let email = NewEmail {
            user_id: None,
            to_address: to.to_owned(),
            locale: Some(locale.to_owned()),
            mail: Mail::ConfirmSignup,
            dedupe_key: key.to_owned(),
        };
        email_outbox::enqueue_with_secret(&conn, &sealer, email, &format!("tok-{key}"))
            .await
            .unwrap();
    }
    let out = satu(&db, &["admin", "emails", "--email", "Ana@Example.com"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("to ana@example.com · confirm_signup · queued"),
        "{text}"
    );
    assert!(
        text.contains("Subject: Finish signing up for Satu"),
        "{text}"
    );
    assert!(text.contains("/en/confirm-signup/?token=tok-a\n"), "{text}");
    assert!(!text.contains("budi"), "only the address asked for: {text}");
    let all = stdout(&satu(&db, &["admin", "emails", "--limit", "1"]));
    assert_eq!(all.matches("Subject:").count(), 1, "{all}");
}

/// `satu admin set-plan`: the plan changes and the quota period restarts; bad input changes
/// nothing.
async fn set_plan_puts_a_user_on_a_plan(backend: Backend) {
    let db = TestDb::new(backend).await;
    let out = satu(
        &db,
        &["admin", "create-user", "--email", "deal@example.com"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "enterprise",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("deal@example.com is on enterprise"));
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = users::find_by_email(&conn, "deal@example.com")
        .await
        .unwrap();
    assert_eq!(user.plan_id, "enterprise");
    assert!(user.billing_anchor_at.unwrap() > user.created_at);
    let unknown = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "nobody@example.com",
            "--plan",
            "pro",
        ],
    );
    assert!(!unknown.status.success());
    assert!(stderr(&unknown).contains("no user with email nobody@example.com"));
    let bad = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "gold",
        ],
    );
    assert!(!bad.status.success());
    assert_eq!(
        users::find_by_email(&conn, "deal@example.com")
            .await
            .unwrap()
            .plan_id,
        "enterprise"
    );

    // A deal until a date: a period ending at midnight WIB after that day, renewing and
    // lapsing like a paid one.
    let out = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "pro",
            "--until",
            "2099-01-31",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("is on pro until 2099-01-31"));
    let periods = entities::billing::periods::for_user(&conn, user.id)
        .await
        .unwrap();
    assert_eq!(periods.len(), 1);
    assert_eq!(periods[0].plan_id, "pro");
    assert_eq!(periods[0].previous_plan_id, "enterprise");
    assert_eq!(periods[0].ends_at.to_rfc3339(), "2099-01-31T17:00:00+00:00");
    let past = satu(
        &db,
        &[
            "admin",
            "set-plan",
            "--email",
            "deal@example.com",
            "--plan",
            "team",
            "--until",
            "2001-01-01",
        ],
    );
    assert!(!past.status.success());
    assert!(
        stderr(&past).contains("must be in the future"),
        "{}",
        stderr(&past)
    );
    let user = users::find_by_email(&conn, "deal@example.com")
        .await
        .unwrap();
    assert_eq!(user.plan_id, "pro", "a refused deal changes nothing");
}
