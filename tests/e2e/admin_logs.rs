//! The admin panel's Logs: upstream errors, refusals, OAuth failures and security events
//! (failed sign-ins, a lockout, a suspended account's key in use), newest first and paged.

use chrono::{Duration, Utc};
use entities::Provider;
use entities::provider_accounts::{self, Credentials};
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::{Value, json};

use crate::admin::{as_user, person};
use crate::admin_health::request;
use crate::on_both_backends;
use crate::support::graphql::Gql;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, chat_body, spawn_app};

on_both_backends!(logs_list_failures_refusals_and_security_events);

const LOGS: &str = "query($k: AdminLogKind!, $b: DateTime, $p: String) { adminLogs(kind: $k, before: $b, provider: $p, first: 2) { items { kind email provider statusCode detail ip } nextBefore } }";

async fn logs_list_failures_refusals_and_security_events(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(
        backend,
        &upstream.base_url,
        &[("SATU__API__ATTEMPTS_PER_EMAIL", "3")],
    )
    .await;
    let mut rows = vec![
        request("openai", 504, 30_000, Duration::minutes(3)),
        request("anthropic", 502, 100, Duration::minutes(2)),
        request("openai", 502, 100, Duration::minutes(1)),
        request("openai", 429, 5, Duration::minutes(1)),
    ];
    rows[3].error_kind = Some("quota_exceeded");
    entities::usage_events::record_batch(&app.db, &rows, &[])
        .await
        .unwrap();

    // A subscription whose refresh failed.
    let caller = app.create_caller().await;
    let credentials = Credentials {
        access_token: Some("at".to_owned()),
        refresh_token: Some("rt".to_owned()),
        expires_at: Some(Utc::now().timestamp() + 3600),
        ..Default::default()
    };
    let account = app
        .add_oauth_account(&caller, Provider::Anthropic, credentials, None)
        .await;
    provider_accounts::ActiveModel {
        id: Set(account),
        status: Set("expired".to_owned()),
        last_error: Set(Some(
            "invalid_grant: Refresh token revoked (400)".to_owned(),
        )),
        last_error_at: Set(Some(Utc::now())),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();

    // Failed sign-ins, then the limiter locks the address out (recorded once).
    let user = person(&app, None).await;
    let mut login = Gql::new(&app.url(""));
    for _ in 0..5 {
        login
            .run(
                "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }",
                json!({ "e": user.email, "p": "wrong horse battery staple" }),
            )
            .await;
    }
    // A suspended account's key in use, through the proxy.
    app.add_account(
        &caller,
        Provider::OpenAi,
        "sk-up",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    let root = person(&app, Some("super_admin")).await;
    let mut gql = as_user(&app, &root).await;
    gql.run(
        "mutation($id: UUID!) { adminSuspendUser(id: $id, reason: \"Abuse report\") { user { id } } }",
        json!({ "id": caller.user_id }),
    )
    .await
    .data();
    let refused = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    app.usage_rows(&caller, 1).await;

    let page = |kind: &'static str, before: Value, provider: Value| {
        let mut gql = gql.clone_session();
        async move {
            let answer = gql
                .run(LOGS, json!({ "k": kind, "b": before, "p": provider }))
                .await;
            answer.data()["adminLogs"].clone()
        }
    };
    // Upstream errors, newest first, two at a time.
    let first = page("UPSTREAM_ERRORS", Value::Null, Value::Null).await;
    let kinds: Vec<&Value> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["provider"])
        .collect();
    assert_eq!(kinds, [&json!("openai"), &json!("anthropic")]);
    let rest = page("UPSTREAM_ERRORS", first["nextBefore"].clone(), Value::Null).await;
    assert_eq!(rest["items"][0]["statusCode"], 504);
    assert!(rest["nextBefore"].is_null());
    let only_anthropic = page("UPSTREAM_ERRORS", Value::Null, json!("anthropic")).await;
    assert_eq!(only_anthropic["items"].as_array().unwrap().len(), 1);

    let refusals = page("REFUSALS", Value::Null, Value::Null).await;
    let kinds: Vec<&str> = refusals["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["account_suspended", "quota_exceeded"]);
    assert_eq!(refusals["items"][0]["email"], caller.email);

    let oauth = page("OAUTH_FAILURES", Value::Null, Value::Null).await;
    assert_eq!(oauth["items"][0]["kind"], "expired");
    assert!(
        oauth["items"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("invalid_grant")
    );
    assert_eq!(oauth["items"][0]["email"], caller.email);

    let mut all = Vec::new();
    let mut before = Value::Null;
    loop {
        let security = page("SECURITY", before, Value::Null).await;
        all.extend(security["items"].as_array().unwrap().clone());
        before = security["nextBefore"].clone();
        if before.is_null() {
            break;
        }
    }
    let count = |kind: &str| all.iter().filter(|i| i["kind"] == kind).count();
    assert_eq!(
        count("sign_in_failed"),
        3,
        "the limiter stops the rest: {all:?}"
    );
    assert_eq!(count("sign_in_locked"), 1, "{all:?}");
    assert_eq!(count("account_suspended"), 1, "{all:?}");
    assert!(
        all.iter()
            .any(|i| i["detail"].as_str().unwrap_or("").contains(&user.email))
    );
    app.stop().await;
}
