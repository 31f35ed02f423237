//! Keeping subscriptions alive: an expired token is renewed once however many requests need it
//! (in one process and across two), a 401 renews and retries once, a busy token endpoint is
//! waited out, a refused refresh token expires the connection (status, outbox email, failover
//! to the user's other accounts), and the worker renews tokens ahead of expiry.

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::Utc;
use entities::provider_accounts::{self, Credentials};
use entities::{Provider, email_outbox};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

use crate::on_both_backends;
use crate::support::mock_anthropic::{Behavior, MockAnthropic};
use crate::support::mock_oauth::{MockOAuth, TokenFault, eventually};
use crate::support::process::serve;
use crate::support::{Backend, Caller, TestApp, TestDb, messages_body, spawn_app};

on_both_backends!(
    an_expired_token_is_refreshed_once_for_100_concurrent_requests,
    an_upstream_401_renews_the_token_and_retries_once,
    a_busy_token_endpoint_is_waited_out,
    a_refused_refresh_token_expires_the_connection_and_fails_over,
    the_worker_renews_tokens_ahead_of_expiry,
);

const MODEL: &str = "claude-sonnet-4-5";

async fn start(backend: Backend, oauth: &MockOAuth, extra: &[(&str, &str)]) -> TestApp {
    let env = oauth.env();
    let mut all: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    all.extend_from_slice(extra);
    spawn_app(backend, "http://127.0.0.1:9/v1", &all).await
}

/// An app whose caller has one Claude subscription (refresh token `rt-seed`, known to the
/// OAuth mock) served by a mock Anthropic upstream.
struct Fixture {
    oauth: MockOAuth,
    upstream: MockAnthropic,
    app: TestApp,
    caller: Caller,
    account: uuid::Uuid,
}

async fn subscribed(backend: Backend, access: &str, expires_in: i64) -> Fixture {
    let oauth = MockOAuth::start().await;
    let upstream = MockAnthropic::start().await;
    let app = start(backend, &oauth, &[]).await;
    let caller = app.create_caller().await;
    oauth.accept_refresh_token("anthropic", "rt-seed");
    let account = app
        .add_oauth_account(
            &caller,
            Provider::Anthropic,
            subscription(access, "rt-seed", expires_in),
            Some(&upstream.base_url),
        )
        .await;
    Fixture {
        oauth,
        upstream,
        app,
        caller,
        account,
    }
}

fn subscription(access: &str, refresh: &str, expires_in: i64) -> Credentials {
    Credentials {
        access_token: Some(access.to_owned()),
        refresh_token: Some(refresh.to_owned()),
        expires_at: Some(Utc::now().timestamp() + expires_in),
        ..Default::default()
    }
}

fn bearer(received: &crate::support::mock_openai::Received) -> String {
    received.headers["authorization"]
        .to_str()
        .unwrap()
        .trim_start_matches("Bearer ")
        .to_owned()
}

async fn an_expired_token_is_refreshed_once_for_100_concurrent_requests(backend: Backend) {
    let Fixture {
        oauth,
        upstream,
        app,
        caller,
        account,
        ..
    } = subscribed(backend, "at-expired", -5).await;

    let requests = (0..100).map(|_| {
        app.messages(&caller.key, messages_body(MODEL, false))
            .send()
    });
    for response in futures::future::join_all(requests).await {
        assert_eq!(response.unwrap().status(), 200);
    }
    assert_eq!(oauth.refreshes("anthropic"), 1, "exactly one refresh");
    let received = upstream.received();
    assert_eq!(received.len(), 100);
    let fresh = bearer(&received[0]);
    assert!(fresh.starts_with("mock-at-anthropic-"), "{fresh}");
    assert!(received.iter().all(|r| bearer(r) == fresh));

    let row = provider_accounts::find(&app.db, account).await.unwrap();
    assert_eq!(row.status, "active");
    let left = row.token_expires_at.unwrap().timestamp() - Utc::now().timestamp();
    assert!(left > 3500, "{left}");
    assert_no_token_in_files(&app.test_db, &oauth.issued());
    app.stop().await;
}

async fn an_upstream_401_renews_the_token_and_retries_once(backend: Backend) {
    let Fixture {
        oauth,
        upstream,
        app,
        caller,
        ..
    } = subscribed(backend, "at-revoked", 3600).await;
    upstream.push(Behavior::Status(401));
    let r = app
        .messages(&caller.key, messages_body(MODEL, true))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("message_stop"));
    let received = upstream.received();
    assert_eq!(received.len(), 2);
    assert_eq!(bearer(&received[0]), "at-revoked");
    assert!(bearer(&received[1]).starts_with("mock-at-anthropic-"));
    assert_eq!(oauth.refreshes("anthropic"), 1);

    // A second 401 right after a renewal is not retried again on that account.
    upstream.push(Behavior::Status(401));
    upstream.push(Behavior::Status(401));
    let r = app
        .messages(&caller.key, messages_body(MODEL, false))
        .send()
        .await
        .unwrap();
    // The caller's Satu key is fine: the upstream refused Satu, a gateway error.
    assert_eq!(r.status(), 502, "auth failure reported, not looped");
    assert_eq!(oauth.refreshes("anthropic"), 2);
    assert_eq!(upstream.received().len(), 4);
    app.stop().await;
}

async fn a_busy_token_endpoint_is_waited_out(backend: Backend) {
    let Fixture {
        oauth,
        upstream: _upstream,
        app,
        caller,
        ..
    } = subscribed(backend, "at-expired", -5).await;
    oauth.push_fault(TokenFault::TooMany(1));
    let r = app
        .messages(&caller.key, messages_body(MODEL, false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let attempts = oauth.refresh_attempts();
    assert_eq!(attempts.len(), 2, "one 429, then the retry");
    assert!(
        attempts[1] - attempts[0] >= Duration::from_secs(1),
        "Retry-After honoured"
    );
    assert_eq!(oauth.refreshes("anthropic"), 1);
    app.stop().await;
}

async fn a_refused_refresh_token_expires_the_connection_and_fails_over(backend: Backend) {
    let oauth = MockOAuth::start().await;
    let upstream = MockAnthropic::start().await;
    let app = start(backend, &oauth, &[]).await;
    let caller = app.create_caller().await;
    app.set_routing(&caller, "strategy = \"fill-first\"").await;
    // The subscription comes first; its refresh token is unknown to the provider.
    let subscription_id = app
        .add_oauth_account(
            &caller,
            Provider::Anthropic,
            subscription("at-expired", "rt-revoked-by-user", -5),
            Some(&upstream.base_url),
        )
        .await;
    let backup = app
        .add_account(
            &caller,
            Provider::Anthropic,
            "sk-ant-backup",
            Some(&upstream.base_url),
            &[],
        )
        .await;
    app.set_priority(subscription_id, 0, 1).await;
    app.set_priority(backup, 1, 1).await;

    for _ in 0..2 {
        let r = app
            .messages(&caller.key, messages_body(MODEL, false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "served by the API-key account");
    }
    let received = upstream.received();
    assert_eq!(received.len(), 2);
    assert!(
        received
            .iter()
            .all(|r| r.headers["x-api-key"] == "sk-ant-backup")
    );
    assert_eq!(
        oauth.refresh_attempts().len(),
        1,
        "the expired connection is not tried again"
    );

    let row = provider_accounts::find(&app.db, subscription_id)
        .await
        .unwrap();
    assert_eq!(row.status, "expired");
    assert!(
        row.last_error.as_deref().unwrap().contains("invalid_grant"),
        "{:?}",
        row.last_error
    );
    assert!(row.last_error_at.is_some());
    // Operators see why: status, the provider's error and its time.
    let out = crate::cli::satu(
        &app.test_db,
        &["admin", "accounts", "--email", &caller.email],
    );
    let listing = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        listing.contains(" expired ") && listing.contains("last error at"),
        "{listing}"
    );
    assert!(listing.contains("invalid_grant"), "{listing}");
    let emails = email_outbox::for_user(&app.db, caller.user_id)
        .await
        .unwrap();
    assert_eq!(emails.len(), 1);
    assert_eq!(emails[0].template, "connection_expired");
    assert_eq!(emails[0].to_address, caller.email);
    let mail = app.rendered(&emails[0]);
    assert!(mail.subject.contains("Claude"), "{}", mail.subject);
    assert!(mail.text.contains("invalid_grant"), "{}", mail.text);
    assert!(!mail.text.contains("rt-revoked-by-user"));
    assert!(
        mail.unsubscribe.is_some(),
        "a notification can be turned off"
    );
    app.stop().await;
}

async fn the_worker_renews_tokens_ahead_of_expiry(backend: Backend) {
    let oauth = MockOAuth::start().await;
    let app = start(
        backend,
        &oauth,
        &[
            ("SATU__OAUTH__SCAN_INTERVAL_SECS", "1"),
            ("SATU__OAUTH__ANTHROPIC__REFRESH_LEAD_SECS", "600"),
        ],
    )
    .await;
    let caller = app.create_caller().await;
    oauth.accept_refresh_token("anthropic", "rt-seed");
    oauth.accept_refresh_token("anthropic", "rt-far");
    let due = app
        .add_oauth_account(
            &caller,
            Provider::Anthropic,
            subscription("at-soon", "rt-seed", 120),
            None,
        )
        .await;
    let not_due = app
        .add_oauth_account(
            &caller,
            Provider::Anthropic,
            subscription("at-far", "rt-far", 7200),
            None,
        )
        .await;
    for id in [due, not_due] {
        provider_accounts::ActiveModel {
            id: Set(id),
            last_refreshed_at: Set(Some(Utc::now() - chrono::Duration::hours(1))),
            ..Default::default()
        }
        .update(&app.db)
        .await
        .unwrap();
    }
    let start = Instant::now();
    eventually(Duration::from_secs(30), "the scheduled refresh", || {
        oauth.refreshes("anthropic") >= 1
    })
    .await;
    let took = start.elapsed();
    let mut renewed = provider_accounts::find(&app.db, due).await.unwrap();
    for _ in 0..50 {
        if renewed.token_expires_at.unwrap().timestamp() > Utc::now().timestamp() + 3000 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
        renewed = provider_accounts::find(&app.db, due).await.unwrap();
    }
    assert!(renewed.token_expires_at.unwrap().timestamp() > Utc::now().timestamp() + 3000);
    assert_eq!(renewed.status, "active");
    // Nothing more: the renewed token and the far one are not due.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        oauth.refreshes("anthropic"),
        1,
        "renewed once (after {took:?})"
    );
    let far = provider_accounts::find(&app.db, not_due).await.unwrap();
    assert!(far.token_expires_at.unwrap().timestamp() < Utc::now().timestamp() + 7300);
    app.stop().await;
}

fn assert_no_token_in_files(db: &TestDb, tokens: &[String]) {
    if db.backend != Backend::Sqlite {
        return;
    }
    let mut stored = Vec::new();
    for name in ["satu.db", "satu.db-wal", "satu.db-shm"] {
        if let Ok(bytes) = std::fs::read(db.dir.join(name)) {
            stored.extend(bytes);
        }
    }
    for token in tokens {
        assert!(
            !stored.windows(token.len()).any(|w| w == token.as_bytes()),
            "a token is in the database file in clear"
        );
    }
}

/// Two `satu` processes on one Postgres race to renew the same expired token: one refresh.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_refresh_an_expired_token_once() {
    let oauth = MockOAuth::start().await;
    let upstream = MockAnthropic::start().await;
    let db = TestDb::new(Backend::Postgres).await;
    let env = oauth.env();
    let first = serve(&db, &env, "debug");
    let second = serve(&db, &env, "debug");

    let config = satu::config::Config::load(None, db.env()).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = entities::users::create(
        &conn,
        entities::users::NewUser {
            email: "race@example.com",
            password_hash: None,
            plan_id: "pro",
            platform_role: None,
        },
    )
    .await
    .unwrap();
    let (_, key) = entities::api_keys::create(&conn, user.id, "race")
        .await
        .unwrap();
    oauth.accept_refresh_token("anthropic", "rt-seed");
    let sealer = satu::master_key::sealer(&config).unwrap();
    provider_accounts::create_oauth_account(
        &conn,
        &sealer,
        provider_accounts::NewOAuthAccount {
            user_id: user.id,
            team_id: None,
            provider: Provider::Anthropic,
            credentials: subscription("at-expired", "rt-seed", -5),
            label: "race",
            base_url: Some(upstream.base_url.clone()),
            identity_email: None,
            plan_type: None,
        },
    )
    .await
    .unwrap();

    let http = reqwest::Client::new();
    let requests = [&first.addr, &second.addr]
        .into_iter()
        .cycle()
        .take(60)
        .map(|addr| {
            http.post(format!("http://{addr}/v1/messages"))
                .header("x-api-key", &key)
                .header("anthropic-version", "2023-06-01")
                .json(&messages_body(MODEL, false))
                .send()
        });
    for response in futures::future::join_all(requests).await {
        assert_eq!(response.unwrap().status(), 200);
    }
    assert_eq!(
        oauth.refreshes("anthropic"),
        1,
        "exactly one refresh across both processes"
    );
    let fresh: Vec<String> = upstream.received().iter().map(bearer).collect();
    assert_eq!(fresh.len(), 60);
    assert!(
        fresh
            .iter()
            .all(|t| t == &fresh[0] && t.starts_with("mock-at-"))
    );

    for mut server in [first, second] {
        Command::new("kill")
            .args(["-TERM", &server.child.id().to_string()])
            .status()
            .unwrap();
        server.child.wait().unwrap();
        let log = server.log.lock().unwrap().clone();
        assert!(log.contains("OAuth token refreshed") || !log.is_empty());
        for token in oauth.issued() {
            assert!(!log.contains(&token), "a token was logged");
        }
        assert!(!log.contains("rt-seed") && !log.contains("at-expired"));
    }
    conn.close().await.unwrap();
    db.drop().await;
}
