//! Mailed links (password reset, email verification) and account deletion through GraphQL.

use entities::user_tokens::{self, Purpose};
use entities::{Provider, api_keys, email_outbox, provider_accounts, usage_events, users};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::json;

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, chat_body, spawn_app};

on_both_backends!(
    password_reset_by_mailed_link,
    a_reset_can_revoke_every_api_key,
    email_verification_by_mailed_link,
    deleting_an_account_keeps_only_anonymous_usage,
);

fn email() -> String {
    format!("{}@example.com", uuid::Uuid::new_v4().simple())
}

/// The token in the newest email of `template` to `address`.
async fn mailed_token(app: &TestApp, address: &str, template: &str) -> String {
    let user = users::find_by_email(&app.db, address).await.unwrap();
    let emails = email_outbox::for_user(&app.db, user.id).await.unwrap();
    let email = emails
        .iter()
        .rev()
        .find(|e| e.template == template)
        .unwrap_or_else(|| panic!("no {template} email"));
    assert_eq!(email.to_address, address);
    assert!(
        email.sealed_secret.is_some() && !email.body.contains("token"),
        "the token is sealed, never stored in clear"
    );
    let text = app.rendered(email).text;
    let link = text.lines().find(|l| l.starts_with("http")).unwrap();
    // The web app's page, in the user's language (Indonesian when they chose none).
    let page = match template {
        "password_reset" => "reset-password",
        _ => "verify-email",
    };
    assert!(
        link.starts_with(&format!("http://localhost:8080/id/{page}/?token=")),
        "{link}"
    );
    link.split("token=").nth(1).unwrap().to_owned()
}

const LOG_IN: &str =
    "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }";
const RESET: &str =
    "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }";

async fn password_reset_by_mailed_link(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let address = email();
    let mut signed_in = Gql::new(&app.url(""));
    signed_in.sign_up(&app, &address).await;
    let request = "mutation($e: String!) { requestPasswordReset(email: $e) }";
    let mut anonymous = Gql::new(&app.url(""));
    let unknown = anonymous.run(request, json!({"e": email()})).await;
    assert_eq!(
        unknown.data()["requestPasswordReset"],
        true,
        "the same answer for unknown emails"
    );
    let known = anonymous.run(request, json!({"e": address})).await;
    assert_eq!(known.data()["requestPasswordReset"], true);
    let token = mailed_token(&app, &address, "password_reset").await;
    assert_eq!(
        email_outbox::Entity::find()
            .filter(email_outbox::Column::Template.eq("password_reset"))
            .count(&app.db)
            .await
            .unwrap(),
        1,
        "no email for the unknown address"
    );

    let bogus = anonymous
        .run(RESET, json!({"t": "not-a-token", "p": "new-pass-phrase-9"}))
        .await;
    assert_eq!(bogus.code(), "INVALID_TOKEN");
    let weak = anonymous
        .run(RESET, json!({"t": token, "p": "short"}))
        .await;
    assert_eq!(
        weak.code(),
        "BAD_USER_INPUT",
        "the token survives a weak choice"
    );
    assert_eq!(
        weak.body["errors"][0]["extensions"]["reason"], "password_too_short",
        "a reason the web app translates"
    );
    let done = anonymous
        .run(RESET, json!({"t": token, "p": "new-pass-phrase-9"}))
        .await;
    assert_eq!(done.data()["resetPassword"], true);
    assert!(
        users::find_by_email(&app.db, &address)
            .await
            .unwrap()
            .email_verified,
        "the reset link proved the address"
    );
    let reused = anonymous
        .run(RESET, json!({"t": token, "p": "other-pass-phrase-9"}))
        .await;
    assert_eq!(reused.code(), "INVALID_TOKEN");

    assert_eq!(
        signed_in.run("{ me { id } }", json!({})).await.code(),
        "UNAUTHENTICATED",
        "sessions ended"
    );
    let old = Gql::new(&app.url(""))
        .run(LOG_IN, json!({"e": address, "p": STRONG}))
        .await;
    assert_eq!(old.code(), "BAD_CREDENTIALS");
    let new = Gql::new(&app.url(""))
        .run(LOG_IN, json!({"e": address, "p": "new-pass-phrase-9"}))
        .await;
    assert!(new.data()["logIn"]["user"]["id"].is_string());
    app.stop().await;
}

/// An account with the strong password whose email was never proven.
pub async fn unverified_user(app: &TestApp, address: &str) -> uuid::Uuid {
    let user = users::create(
        &app.db,
        users::NewUser {
            email: address,
            password_hash: Some(entities::password::hash(STRONG).unwrap()),
            plan_id: "free",
            platform_role: None,
        },
    )
    .await
    .unwrap();
    assert!(!user.email_verified);
    user.id
}

async fn email_verification_by_mailed_link(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let address = email();
    // Accounts made by an operator (or before sign-ups were verified first) start unproven.
    unverified_user(&app, &address).await;
    let mut gql = Gql::new(&app.url(""));
    gql.run(LOG_IN, json!({"e": address, "p": STRONG}))
        .await
        .data();
    assert_eq!(
        gql.run("{ me { emailVerified } }", json!({})).await.data()["me"]["emailVerified"],
        false
    );
    let resend = gql
        .run("mutation { resendVerificationEmail }", json!({}))
        .await;
    assert_eq!(resend.data()["resendVerificationEmail"], true);
    let token = mailed_token(&app, &address, "verify_email").await;

    let user = users::find_by_email(&app.db, &address).await.unwrap();
    let (_, expired) = user_tokens::issue(
        &app.db,
        user.id,
        Purpose::VerifyEmail,
        chrono::Duration::hours(-1),
    )
    .await
    .unwrap();
    let verify = "mutation($t: String!) { verifyEmail(token: $t) }";
    assert_eq!(
        gql.run(verify, json!({"t": expired})).await.code(),
        "INVALID_TOKEN"
    );
    // A reset token does not verify an email.
    let (_, reset) = user_tokens::issue(
        &app.db,
        user.id,
        Purpose::ResetPassword,
        chrono::Duration::hours(1),
    )
    .await
    .unwrap();
    assert_eq!(
        gql.run(verify, json!({"t": reset})).await.code(),
        "INVALID_TOKEN"
    );
    assert_eq!(
        gql.run("{ me { emailVerified } }", json!({})).await.data()["me"]["emailVerified"],
        false
    );

    assert_eq!(
        gql.run(verify, json!({"t": token})).await.data()["verifyEmail"],
        true
    );
    assert_eq!(
        gql.run("{ me { emailVerified } }", json!({})).await.data()["me"]["emailVerified"],
        true
    );
    assert_eq!(
        gql.run(verify, json!({"t": token})).await.code(),
        "INVALID_TOKEN"
    );
    let resend = gql
        .run("mutation { resendVerificationEmail }", json!({}))
        .await;
    assert_eq!(
        resend.data()["resendVerificationEmail"],
        false,
        "already verified"
    );
    app.stop().await;
}

async fn deleting_an_account_keeps_only_anonymous_usage(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let address = email();
    let mut gql = Gql::new(&app.url(""));
    let signed = gql.sign_up(&app, &address).await;
    let user_id: uuid::Uuid = signed["user"]["id"].as_str().unwrap().parse().unwrap();
    let created = gql
        .run(
            "mutation { createApiKey(name: \"k\") { secret key { id } } }",
            json!({}),
        )
        .await;
    let secret = created.data()["createApiKey"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let key_id: uuid::Uuid = created.data()["createApiKey"]["key"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let caller = Caller {
        user_id,
        key_id,
        email: address.clone(),
        key: secret.clone(),
    };
    app.add_account(&caller, Provider::OpenAi, "sk-upstream", None, &[])
        .await;
    let chat = || app.chat(&secret, chat_body("gpt-4o-mini", false)).send();
    assert_eq!(chat().await.unwrap().status(), 200);
    app.usage_rows(&caller, 1).await;

    let delete =
        "mutation($e: String!, $p: String) { deleteAccount(confirmEmail: $e, password: $p) }";
    let wrong_email = gql
        .run(delete, json!({"e": "someone@example.com", "p": STRONG}))
        .await;
    assert_eq!(wrong_email.code(), "BAD_USER_INPUT");
    let wrong_password = gql
        .run(delete, json!({"e": address, "p": "not-my-password"}))
        .await;
    assert_eq!(wrong_password.code(), "BAD_USER_INPUT");
    assert!(
        users::find_by_email(&app.db, &address).await.is_ok(),
        "refusals deleted nothing"
    );

    let before_deletion = chrono::Utc::now();
    let deleted = gql.run(delete, json!({"e": address, "p": STRONG})).await;
    assert_eq!(deleted.data()["deleteAccount"], true);
    assert!(users::find_by_email(&app.db, &address).await.is_err());
    // The proxy had the key cached; the deletion's invalidation reaches it within a second.
    let deleted_at = std::time::Instant::now();
    let mut status = chat().await.unwrap().status().as_u16();
    while status != 401 && deleted_at.elapsed() < std::time::Duration::from_secs(1) {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        status = chat().await.unwrap().status().as_u16();
    }
    assert_eq!(
        status, 401,
        "the cached key still worked a second after the deletion"
    );
    assert_eq!(
        gql.run("{ me { id } }", json!({})).await.code(),
        "UNAUTHENTICATED"
    );
    assert!(
        api_keys::list_for_user(&app.db, user_id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        provider_accounts::list_for_user(&app.db, user_id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        email_outbox::for_user(&app.db, user_id)
            .await
            .unwrap()
            .is_empty()
    );
    // Requests served in the invalidation window after the deletion are not this check's
    // subject: what was recorded before it must be kept and unlinked.
    let usage = usage_events::Entity::find()
        .filter(usage_events::Column::ApiKeyId.eq(key_id))
        .filter(usage_events::Column::CreatedAt.lt(before_deletion))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(usage.len(), 1, "usage is kept");
    assert_eq!(usage[0].user_id, None, "and no longer linked to the person");
    app.stop().await;
}

async fn a_reset_can_revoke_every_api_key(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let address = email();
    let mut owner = Gql::new(&app.url(""));
    owner.sign_up(&app, &address).await;
    let key = owner
        .run(
            "mutation { createApiKey(name: \"laptop\") { secret } }",
            json!({}),
        )
        .await;
    let secret = key.data()["createApiKey"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    let models = |secret: String| {
        app.http
            .get(app.url("/v1/models"))
            .bearer_auth(secret)
            .send()
    };
    assert_eq!(models(secret.clone()).await.unwrap().status(), 200);

    // A plain reset leaves keys alone (scripts keep working) ...
    let mut anonymous = Gql::new(&app.url(""));
    let request = "mutation($e: String!) { requestPasswordReset(email: $e) }";
    anonymous.run(request, json!({"e": address})).await.data();
    let token = mailed_token(&app, &address, "password_reset").await;
    anonymous
        .run(RESET, json!({"t": token, "p": "new-pass-phrase-9"}))
        .await
        .data();
    assert_eq!(models(secret.clone()).await.unwrap().status(), 200);

    // ... and one that suspects a leak revokes every key, on every replica's cache at once.
    anonymous.run(request, json!({"e": address})).await.data();
    let token = mailed_token(&app, &address, "password_reset").await;
    let revoking = "mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p, revokeApiKeys: true) }";
    let done = anonymous
        .run(revoking, json!({"t": token, "p": "third-pass-phrase-9"}))
        .await;
    assert_eq!(done.data()["resetPassword"], true);
    let mut refused = 0;
    for _ in 0..40 {
        if models(secret.clone()).await.unwrap().status() == 401 {
            refused += 1;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(refused, 1, "the revoked key is refused within a second");
    let keys = api_keys::list_for_user(
        &app.db,
        users::find_by_email(&app.db, &address).await.unwrap().id,
    )
    .await
    .unwrap();
    assert!(keys.iter().all(|k| k.revoked_at.is_some()));
    app.stop().await;
}
