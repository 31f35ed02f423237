//! The Settings page's API: the sessions signed in to an account (listed, one signed out, all
//! others signed out) and the email preferences the outbox honours.

use std::time::Duration;

use entities::{Provider, email_outbox};
use serde_json::json;
use uuid::Uuid;

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, chat_body, spawn_app};

on_both_backends!(
    sessions_are_listed_and_signed_out_elsewhere,
    email_preferences_are_honoured,
    verification_resends_are_bounded,
);

const LOG_IN: &str =
    "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }";
const ME: &str = "{ me { id hasPassword notifications { quota80 quota100 connectionExpired } } }";

fn email() -> String {
    format!("{}@example.com", Uuid::new_v4().simple())
}

async fn second_browser(app: &TestApp, address: &str) -> Gql {
    let mut other = Gql::new(&app.url(""));
    other
        .run(LOG_IN, json!({"e": address, "p": STRONG}))
        .await
        .data();
    other
}

async fn sessions_are_listed_and_signed_out_elsewhere(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let address = email();
    let mut mine = Gql::new(&app.url(""));
    mine.sign_up(&app, &address).await;
    let mut laptop = second_browser(&app, &address).await;

    let listed = mine
        .run("{ sessions { id current createdAt expiresAt } }", json!({}))
        .await;
    let list = listed.data()["sessions"].as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    let current: Vec<bool> = list.iter().map(|s| s["current"] == true).collect();
    assert_eq!(current.iter().filter(|c| **c).count(), 1, "{list:?}");
    let other_id = list.iter().find(|s| s["current"] == false).unwrap()["id"].clone();

    // Another user cannot end it, and learns nothing about it.
    let mut stranger = Gql::new(&app.url(""));
    stranger.sign_up(&app, &email()).await;
    let refused = stranger
        .run(
            "mutation($id: UUID!) { revokeSession(id: $id) }",
            json!({"id": other_id}),
        )
        .await;
    assert_eq!(refused.code(), "NOT_FOUND");
    assert_eq!(
        laptop.run(ME, json!({})).await.data()["me"]["hasPassword"],
        true
    );

    let revoked = mine
        .run(
            "mutation($id: UUID!) { revokeSession(id: $id) }",
            json!({"id": other_id}),
        )
        .await;
    assert_eq!(revoked.data()["revokeSession"], true);
    assert_eq!(laptop.run(ME, json!({})).await.code(), "UNAUTHENTICATED");

    let mut phone = second_browser(&app, &address).await;
    let mut tablet = second_browser(&app, &address).await;
    let ended = mine
        .run("mutation { signOutOtherSessions }", json!({}))
        .await;
    assert_eq!(ended.data()["signOutOtherSessions"], 2);
    assert_eq!(phone.run(ME, json!({})).await.code(), "UNAUTHENTICATED");
    assert_eq!(tablet.run(ME, json!({})).await.code(), "UNAUTHENTICATED");
    let still = mine.run("{ sessions { current } }", json!({})).await;
    assert_eq!(still.data()["sessions"], json!([{"current": true}]));
    app.stop().await;
}

async fn email_preferences_are_honoured(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let address = email();
    let mut gql = Gql::new(&app.url(""));
    let user_id: Uuid = gql.sign_up(&app, &address).await["user"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let defaults = gql.run(ME, json!({})).await;
    assert_eq!(
        defaults.data()["me"]["notifications"],
        json!({"quota80": true, "quota100": true, "connectionExpired": true})
    );
    let changed = gql
        .run(
            "mutation { updateNotifications(quota80: false) { quota80 quota100 connectionExpired } }",
            json!({}),
        )
        .await;
    assert_eq!(
        changed.data()["updateNotifications"],
        json!({"quota80": false, "quota100": true, "connectionExpired": true}),
        "an omitted choice stays as it was"
    );

    let key = gql
        .run(
            "mutation { createApiKey(name: \"k\") { secret key { id } } }",
            json!({}),
        )
        .await;
    let key = &key.data()["createApiKey"];
    let caller = Caller {
        user_id,
        key_id: key["key"]["id"].as_str().unwrap().parse().unwrap(),
        email: address,
        key: key["secret"].as_str().unwrap().to_owned(),
    };
    app.add_account(&caller, Provider::OpenAi, "sk-upstream", None, &[])
        .await;
    app.set_user_limits(&caller, Some(10), Some(1_000), Some(1_000_000_000))
        .await;
    for _ in 0..10 {
        let status = app
            .chat(&caller.key, chat_body("gpt-4o-mini", false))
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 200);
    }
    assert_eq!(quota_templates(&app, user_id).await, ["quota_100"]);
    app.stop().await;
}

/// The user's quota emails once the 100 % one is queued, after a pause for any other.
async fn quota_templates(app: &TestApp, user_id: Uuid) -> Vec<String> {
    let read = || async {
        let mut t: Vec<String> = email_outbox::for_user(&app.db, user_id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.template)
            .filter(|t| t.starts_with("quota"))
            .collect();
        t.sort();
        t
    };
    for _ in 0..200 {
        if read().await.iter().any(|t| t == "quota_100") {
            tokio::time::sleep(Duration::from_millis(300)).await;
            return read().await;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("no quota_100 email");
}

async fn verification_resends_are_bounded(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let address = email();
    crate::graphql_accounts::unverified_user(&app, &address).await;
    let mut gql = Gql::new(&app.url(""));
    let log_in =
        "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }";
    gql.run(log_in, json!({"e": address, "p": STRONG}))
        .await
        .data();
    for _ in 0..3 {
        let sent = gql
            .run("mutation { resendVerificationEmail }", json!({}))
            .await;
        assert_eq!(sent.data()["resendVerificationEmail"], true);
    }
    let fourth = gql
        .run("mutation { resendVerificationEmail }", json!({}))
        .await;
    assert_eq!(fourth.code(), "RATE_LIMITED");
    assert!(
        fourth.body["errors"][0]["extensions"]["retryAfter"]
            .as_u64()
            .unwrap()
            > 0
    );
    app.stop().await;
}
