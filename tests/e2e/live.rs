//! Live usage over GraphQL subscriptions (graphql-transport-ws): each request as it completes,
//! running totals, only the subscriber's own events, sessions on websockets, and the bus across
//! replicas through Redis (events and key revocations).

use std::process::Command;
use std::time::{Duration, Instant};

use entities::sessions::{self, SessionMeta};
use entities::{Provider, api_keys, provider_accounts, users};
use serde_json::json;

use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::process::serve;
use crate::support::ws::Subscription;
use crate::support::{Backend, Caller, TestApp, TestDb, chat_body, spawn_app};

const MODEL: &str = "gpt-4o-mini";
const EVENTS: &str =
    "subscription { usageEvents { model status promptTokens completionTokens apiKeyId } }";

on_both_backends!(
    usage_events_reach_their_own_user_only,
    totals_start_from_storage_and_follow_requests,
    websocket_sessions_are_checked,
    signing_a_session_out_ends_its_live_streams,
);

async fn session_token(db: &sea_orm::DatabaseConnection, user_id: uuid::Uuid) -> String {
    let meta = SessionMeta {
        user_agent: None,
        ip: None,
        ..Default::default()
    };
    sessions::create(db, user_id, chrono::Duration::hours(1), meta)
        .await
        .unwrap()
        .token
}

async fn caller_with_account(app: &TestApp, upstream: &MockUpstream) -> Caller {
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream", None, &[])
        .await;
    let _ = upstream;
    caller
}

async fn chat(app: &TestApp, caller: &Caller) {
    let response = app
        .chat(&caller.key, chat_body(MODEL, false))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

async fn usage_events_reach_their_own_user_only(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let ana = caller_with_account(&app, &upstream).await;
    let budi = caller_with_account(&app, &upstream).await;
    let token = session_token(&app.db, ana.user_id).await;
    let addr = app.addr.to_string();
    let mut live = Subscription::start(
        &addr,
        &[],
        json!({"authorization": format!("Bearer {token}")}),
        EVENTS,
    )
    .await;

    chat(&app, &budi).await;
    app.usage_rows(&budi, 1).await;
    chat(&app, &ana).await;
    let event = live.next_payload().await;
    assert_eq!(
        event["data"]["usageEvents"],
        json!({"model": MODEL, "status": 200, "promptTokens": 12, "completionTokens": 5, "apiKeyId": ana.key_id})
    );
    assert!(
        live.quiet_for(Duration::from_millis(500)).await,
        "nothing of Budi's arrived"
    );
    app.stop().await;
}

async fn totals_start_from_storage_and_follow_requests(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let ana = caller_with_account(&app, &upstream).await;
    chat(&app, &ana).await;
    chat(&app, &ana).await;
    app.usage_rows(&ana, 2).await;
    let token = session_token(&app.db, ana.user_id).await;
    let query = "subscription { usageTotals(window: LAST_24H) { requests errors promptTokens completionTokens } }";
    let addr = app.addr.to_string();
    let mut live = Subscription::start(&addr, &[], json!({"token": token}), query).await;
    let baseline = live.next_payload().await;
    assert!(baseline["errors"].is_null(), "{baseline}");
    assert_eq!(
        baseline["data"]["usageTotals"],
        json!({"requests": 2, "errors": 0, "promptTokens": 24, "completionTokens": 10})
    );
    chat(&app, &ana).await;
    let updated = live.next_payload().await;
    assert_eq!(updated["data"]["usageTotals"]["requests"], 3);
    assert_eq!(updated["data"]["usageTotals"]["promptTokens"], 36);
    app.stop().await;
}

async fn websocket_sessions_are_checked(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let addr = app.addr.to_string();
    let mut anonymous = Subscription::start(&addr, &[], json!({}), EVENTS).await;
    let refused = anonymous.next_payload().await;
    let code = &refused["errors"][0]["extensions"]["code"];
    assert_eq!(code, "UNAUTHENTICATED", "{refused}");

    // A malformed document is answered with a code too, over the websocket as over HTTP.
    let mut malformed = Subscription::start(&addr, &[], json!({}), "subscription { nope }").await;
    let answer = malformed.next_message().await;
    let errors = if answer["type"] == "error" {
        answer["payload"].clone()
    } else {
        answer["payload"]["errors"].clone()
    };
    assert_eq!(
        errors[0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED",
        "{answer}"
    );

    let caller = app.create_caller().await;
    let token = session_token(&app.db, caller.user_id).await;
    let cookie = format!("satu_session={token}");
    // A page on another site cannot use the browser's cookie to listen in.
    let foreign = [
        ("cookie", cookie.as_str()),
        ("origin", "https://evil.example"),
    ];
    let mut hijack = Subscription::start(&addr, &foreign, json!({}), EVENTS).await;
    let refused = hijack.next_payload().await;
    let code = &refused["errors"][0]["extensions"]["code"];
    assert_eq!(code, "UNAUTHENTICATED", "{refused}");
    let own_origin = format!("http://{addr}");
    let own = [("cookie", cookie.as_str()), ("origin", own_origin.as_str())];
    let mut dashboard = Subscription::start(&addr, &own, json!({}), EVENTS).await;
    assert!(
        dashboard.quiet_for(Duration::from_millis(300)).await,
        "subscribed, waiting for events"
    );
    app.stop().await;
}

async fn signing_a_session_out_ends_its_live_streams(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let addr = app.addr.to_string();
    let caller = caller_with_account(&app, &upstream).await;
    let token = session_token(&app.db, caller.user_id).await;
    let bearer = json!({"authorization": format!("Bearer {token}")});
    let mut laptop = Subscription::start(&addr, &[], bearer, EVENTS).await;
    chat(&app, &caller).await;
    assert_eq!(
        laptop.next_payload().await["data"]["usageEvents"]["model"],
        MODEL
    );

    // Signed out from elsewhere (Settings → sign out that session): the stream says so and ends.
    let session = sessions::find_active(&app.db, &token)
        .await
        .unwrap()
        .unwrap();
    assert!(
        sessions::revoke_owned(&app.db, caller.user_id, session.id)
            .await
            .unwrap()
    );
    let ended = loop {
        let message = laptop.next_message().await;
        if message["type"] == "next" && message["payload"]["errors"].is_array() {
            break message;
        }
    };
    let code = &ended["payload"]["errors"][0]["extensions"]["code"];
    assert_eq!(code, "UNAUTHENTICATED", "{ended}");
    assert_eq!(laptop.next_message().await["type"], "complete");
    chat(&app, &caller).await;
    assert!(
        laptop.quiet_for(Duration::from_millis(500)).await,
        "no event after the sign-out"
    );
    app.stop().await;
}

/// Two `satu serve` processes on one Postgres and one Redis: an event recorded by one reaches a
/// subscriber of the other, and a key revoked through one stops working on the other within a
/// second, although the other had it cached.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bus_crosses_replicas_through_redis() {
    let upstream = MockUpstream::start().await;
    let db = TestDb::new(Backend::Postgres).await;
    let channel = format!("satu-test:{}", uuid::Uuid::new_v4().simple());
    let env = vec![
        (
            "SATU__REDIS__URL".to_owned(),
            "redis://127.0.0.1:6379".to_owned(),
        ),
        ("SATU__REDIS__BUS_CHANNEL".to_owned(), channel),
        ("SATU__PROXY__CACHE_TTL_SECS".to_owned(), "300".to_owned()),
    ];
    let first = serve(&db, &env, "info");
    let second = serve(&db, &env, "info");
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = users::create(
        &conn,
        users::NewUser {
            email: "replicas@example.com",
            password_hash: None,
            plan_id: "pro",
            platform_role: None,
        },
    )
    .await
    .unwrap();
    let (key_row, key) = api_keys::create(&conn, user.id, "replicas").await.unwrap();
    let sealer = satu::master_key::sealer(&config).unwrap();
    provider_accounts::create_api_key_account(
        &conn,
        &sealer,
        provider_accounts::NewApiKeyAccount {
            user_id: user.id,
            team_id: None,
            provider: Provider::OpenAi,
            api_key: "sk-upstream",
            base_url: Some(upstream.base_url.clone()),
            label: None,
            models: Vec::new(),
        },
    )
    .await
    .unwrap();
    let token = session_token(&conn, user.id).await;
    let mut live = Subscription::start(&first.addr, &[], json!({"token": token}), EVENTS).await;
    assert!(live.quiet_for(Duration::from_millis(300)).await);

    let http = reqwest::Client::new();
    let chat_on = |addr: &str| {
        http.post(format!("http://{addr}/v1/chat/completions"))
            .bearer_auth(&key)
            .json(&chat_body(MODEL, false))
            .send()
    };
    assert_eq!(chat_on(&second.addr).await.unwrap().status(), 200);
    let event = live.next_payload().await;
    assert_eq!(
        event["data"]["usageEvents"]["apiKeyId"],
        json!(key_row.id),
        "recorded on the other replica"
    );

    // Revoke through the first replica's API; the second has the key cached for 300 s.
    let revoke = json!({"query": "mutation($id: UUID!) { revokeApiKey(id: $id) { status } }", "variables": {"id": key_row.id}});
    let revoked = http
        .post(format!("http://{}/graphql", first.addr))
        .bearer_auth(&token)
        .json(&revoke)
        .send()
        .await
        .unwrap();
    let at = Instant::now();
    let body: serde_json::Value = revoked.json().await.unwrap();
    assert_eq!(body["data"]["revokeApiKey"]["status"], "REVOKED", "{body}");
    let mut status = 200;
    while at.elapsed() < Duration::from_secs(1) {
        status = chat_on(&second.addr).await.unwrap().status().as_u16();
        if status == 401 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        status, 401,
        "the revoked key still worked on the other replica after 1 s"
    );
    eprintln!(
        "revocation reached the other replica in {} ms",
        at.elapsed().as_millis()
    );

    for mut server in [first, second] {
        Command::new("kill")
            .args(["-TERM", &server.child.id().to_string()])
            .status()
            .unwrap();
        server.child.wait().unwrap();
    }
    conn.close().await.unwrap();
    db.drop().await;
}
