//! Operators acting on users: every action applies and lands in the audit trail; a suspended
//! user's keys and sessions stop (on every proxy within a second) and signing in says why;
//! extra requests lift this period's quota at once.

use entities::{admin_audit, users};
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::admin::{STRONG, as_user, person, trail_of};
use crate::on_both_backends;
use crate::support::graphql::Gql;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, chat_body, spawn_app};

on_both_backends!(
    user_actions_apply_and_are_audited,
    a_suspended_user_is_refused_everywhere_until_restored,
    granted_requests_lift_this_periods_quota_at_once,
);

async fn user_actions_apply_and_are_audited(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let support = person(&app, Some("support")).await;
    let victim = person(&app, None).await;
    let mut gql = as_user(&app, &support).await;

    let found = gql
        .run(
            "query($s: String) { adminUsers(filter: {search: $s}) { total items { email planId mrrIdr } } }",
            json!({ "s": &victim.email[..12] }),
        )
        .await;
    assert_eq!(found.data()["adminUsers"]["total"], 1);
    assert_eq!(
        found.data()["adminUsers"]["items"][0]["email"],
        victim.email
    );
    let by_id = gql
        .run(
            "query($s: String) { adminUsers(filter: {search: $s}) { items { id } } }",
            json!({ "s": victim.id }),
        )
        .await;
    assert_eq!(
        by_id.data()["adminUsers"]["items"][0]["id"],
        victim.id.to_string()
    );

    // A reason is required.
    let bare = gql
        .run(
            "mutation($id: UUID!) { adminSetUserPlan(id: $id, planId: \"pro\", reason: \" \") { user { planId } } }",
            json!({ "id": victim.id }),
        )
        .await;
    assert_eq!(
        bare.body["errors"][0]["extensions"]["reason"],
        "reason_required"
    );

    let comp = gql
        .run(
            "mutation($id: UUID!) { adminSetUserPlan(id: $id, planId: \"pro\", until: \"2099-01-31\", reason: \"Conference speaker comp\") { user { planId } periods { planId endsAt } } }",
            json!({ "id": victim.id }),
        )
        .await;
    let detail = &comp.data()["adminSetUserPlan"];
    assert_eq!(detail["user"]["planId"], "pro");
    // Through the end of 31 January in Jakarta: 17:00 UTC.
    assert_eq!(detail["periods"][0]["endsAt"], "2099-01-31T17:00:00+00:00");

    let extended = gql
        .run(
            "mutation($id: UUID!) { adminExtendPeriod(id: $id, until: \"2099-02-28\", reason: \"Outage credit\") { periods { endsAt } } }",
            json!({ "id": victim.id }),
        )
        .await;
    assert_eq!(
        extended.data()["adminExtendPeriod"]["periods"][0]["endsAt"],
        "2099-02-28T17:00:00+00:00"
    );
    let earlier = gql
        .run(
            "mutation($id: UUID!) { adminExtendPeriod(id: $id, until: \"2099-01-01\", reason: \"Oops\") { periods { endsAt } } }",
            json!({ "id": victim.id }),
        )
        .await;
    assert_eq!(
        earlier.body["errors"][0]["extensions"]["reason"],
        "until_invalid"
    );

    let victim_session = app.bearer(victim.id).await;
    let ended = gql
        .run(
            "mutation($id: UUID!) { adminSignOutUser(id: $id, reason: \"Lost laptop\") }",
            json!({ "id": victim.id }),
        )
        .await;
    assert_eq!(ended.data()["adminSignOutUser"], 1);
    let mut victim_gql = Gql::new(&app.url(""));
    victim_gql.bearer = Some(victim_session);
    assert_eq!(
        victim_gql.run("{ me { id } }", json!({})).await.code(),
        "UNAUTHENTICATED"
    );

    let sent = gql
        .run(
            "mutation($id: UUID!) { adminResendVerification(id: $id, reason: \"User asked by chat\") }",
            json!({ "id": victim.id }),
        )
        .await;
    assert_eq!(sent.data()["adminResendVerification"], true);
    let mails = entities::email_outbox::for_user(&app.db, victim.id)
        .await
        .unwrap();
    assert!(
        mails.iter().any(|m| m.template == "verify_email"),
        "{mails:?}"
    );

    // The trail: newest first, with actor, role, target, before/after and reason.
    let (items, actions) = trail_of(
        &mut gql,
        &victim.id.to_string(),
        "actorEmail actorRole targetLabel before after reason",
    )
    .await;
    assert_eq!(
        actions,
        [
            "user.verification_sent",
            "user.signed_out",
            "user.period_extended",
            "user.plan_changed"
        ]
    );
    for item in &items {
        assert_eq!(item["actorEmail"], support.email);
        assert_eq!(item["actorRole"], "support");
        assert_eq!(item["targetLabel"], victim.email);
    }
    let plan = &items[3];
    assert_eq!(plan["reason"], "Conference speaker comp");
    assert_eq!(
        serde_json::from_str::<Value>(plan["before"].as_str().unwrap()).unwrap()["plan"],
        "free"
    );
    assert_eq!(
        serde_json::from_str::<Value>(plan["after"].as_str().unwrap()).unwrap()["plan"],
        "pro"
    );

    // The command line's changes are in the same trail.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_satu"))
        .envs(app.test_db.env())
        .args([
            "admin",
            "set-plan",
            "--email",
            &victim.email,
            "--plan",
            "starter",
            "--reason",
            "Sales deal",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = admin_audit::page(
        &app.db,
        &admin_audit::Filter {
            target_id: Some(victim.id.to_string()),
            ..Default::default()
        },
        None,
        1,
    )
    .await
    .unwrap();
    assert_eq!(rows[0].actor_role, "operator");
    assert_eq!(rows[0].reason.as_deref(), Some("Sales deal"));
    app.stop().await;
}

async fn a_suspended_user_is_refused_everywhere_until_restored(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = caller_on(&app, &upstream).await;
    let admin = person(&app, Some("super_admin")).await;
    let mut gql = as_user(&app, &admin).await;
    let user = users::Entity::find_by_id(caller.user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    users::set_password_hash(&app.db, user.id, entities::password::hash(STRONG).unwrap())
        .await
        .unwrap();
    let mut theirs = as_user(&app, &user).await;
    let answer = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);

    let suspended = gql
        .run(
            "mutation($id: UUID!) { adminSuspendUser(id: $id, reason: \"Card fraud report\") { user { suspendedAt } } }",
            json!({ "id": user.id }),
        )
        .await;
    assert!(suspended.data()["adminSuspendUser"]["user"]["suspendedAt"].is_string());
    let refused = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "account_suspended");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("suspended")
    );
    let anthropic = app
        .messages(
            &caller.key,
            crate::support::messages_body("claude-sonnet-4-5", false),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(anthropic.status(), 403);
    let body: Value = anthropic.json().await.unwrap();
    assert_eq!(body["error"]["type"], "permission_error");

    assert_eq!(
        theirs.run("{ me { id } }", json!({})).await.code(),
        "UNAUTHENTICATED"
    );
    let mut login = Gql::new(&app.url(""));
    let refused = login
        .run(
            "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }",
            json!({ "e": user.email, "p": STRONG }),
        )
        .await;
    assert_eq!(refused.code(), "FORBIDDEN");
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "account_suspended"
    );
    // A wrong password still says only that.
    let wrong = login
        .run(
            "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }",
            json!({ "e": user.email, "p": "not the password at all" }),
        )
        .await;
    assert_eq!(wrong.code(), "BAD_CREDENTIALS");
    let listed = gql
        .run(
            "{ adminUsers(filter: {status: SUSPENDED}) { items { id } } }",
            json!({}),
        )
        .await;
    assert!(
        listed.data()["adminUsers"]["items"]
            .to_string()
            .contains(&user.id.to_string())
    );

    gql.run(
        "mutation($id: UUID!) { adminUnsuspendUser(id: $id, reason: \"Cleared by the bank\") { user { id } } }",
        json!({ "id": user.id }),
    )
    .await
    .data();
    let back = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(back.status(), 200);
    login
        .run(
            "mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { user { id } } }",
            json!({ "e": user.email, "p": STRONG }),
        )
        .await
        .data();
    // An operator cannot lock themselves out.
    let own = gql
        .run(
            "mutation($id: UUID!) { adminSuspendUser(id: $id, reason: \"Testing myself\") { user { id } } }",
            json!({ "id": admin.id }),
        )
        .await;
    assert_eq!(
        own.body["errors"][0]["extensions"]["reason"],
        "self_suspension"
    );
    app.stop().await;
}

/// Three proxy processes and an API process on one Postgres and Redis: a suspension made on
/// the API stops the user's key on every proxy within a second, and restoring it brings the
/// key back as fast.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suspension_reaches_three_proxies_within_a_second() {
    use crate::support::TestDb;
    use crate::support::process::serve_as;
    use std::time::{Duration, Instant};

    let upstream = MockUpstream::start().await;
    let db = TestDb::new(Backend::Postgres).await;
    let env = vec![(
        "SATU__REDIS__URL".to_owned(),
        super::limits::REDIS.to_owned(),
    )];
    let api = serve_as(&db, &env, "info", "api");
    let proxies: Vec<_> = (0..3)
        .map(|_| serve_as(&db, &env, "info", "proxy"))
        .collect();
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let caller = super::limits_replicas::caller(&conn, &config, &upstream.base_url).await;
    let admin = users::create(
        &conn,
        users::NewUser {
            email: "ops@example.com",
            password_hash: None,
            plan_id: "free",
            platform_role: Some("support"),
        },
    )
    .await
    .unwrap();
    let token = entities::sessions::create(
        &conn,
        admin.id,
        chrono::Duration::hours(1),
        entities::sessions::SessionMeta::default(),
    )
    .await
    .unwrap()
    .token;
    let mut gql = Gql::new(&format!("http://{}", api.addr));
    gql.bearer = Some(token);
    let http = reqwest::Client::new();
    let status_on = |addr: String| {
        let request = http
            .post(format!("http://{addr}/v1/chat/completions"))
            .bearer_auth(&caller.key)
            .json(&chat_body("gpt-4o-mini", false));
        async move { request.send().await.unwrap().status().as_u16() }
    };
    let every = |want: u16| {
        let addrs: Vec<String> = proxies.iter().map(|p| p.addr.clone()).collect();
        let status_on = &status_on;
        async move {
            let started = Instant::now();
            loop {
                let statuses =
                    futures::future::join_all(addrs.iter().cloned().map(status_on)).await;
                if statuses.iter().all(|s| *s == want) {
                    return started.elapsed();
                }
                assert!(started.elapsed() < Duration::from_secs(5), "{statuses:?}");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    };
    // Each proxy has the key in its cache.
    every(200).await;

    let started = Instant::now();
    gql.run(
        "mutation($id: UUID!) { adminSuspendUser(id: $id, reason: \"Abuse report\") { user { id } } }",
        json!({ "id": caller.user_id }),
    )
    .await
    .data();
    every(403).await;
    let stopped = started.elapsed();
    assert!(stopped < Duration::from_secs(1), "took {stopped:?}");
    eprintln!("suspension reached three proxies in {stopped:?}");

    let started = Instant::now();
    gql.run(
        "mutation($id: UUID!) { adminUnsuspendUser(id: $id, reason: \"Resolved\") { user { id } } }",
        json!({ "id": caller.user_id }),
    )
    .await
    .data();
    every(200).await;
    eprintln!("restoring reached three proxies in {:?}", started.elapsed());

    for mut process in proxies.into_iter().chain([api]) {
        std::process::Command::new("kill")
            .args(["-TERM", &process.child.id().to_string()])
            .status()
            .unwrap();
        process.child.wait().unwrap();
    }
    conn.close().await.unwrap();
    db.drop().await;
}

/// A user out of their monthly quota gets 2 more requests for this period: the next request
/// passes at once (no cache wait), the third is refused again.
async fn granted_requests_lift_this_periods_quota_at_once(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = caller_on(&app, &upstream).await;
    app.set_user_limits(&caller, Some(1), None, None).await;
    let status = || async {
        let answer = app
            .chat(&caller.key, chat_body("gpt-4o-mini", false))
            .send()
            .await
            .unwrap();
        answer.status().as_u16()
    };
    assert_eq!(status().await, 200);
    assert_eq!(status().await, 429);

    let support = person(&app, Some("support")).await;
    let mut gql = as_user(&app, &support).await;
    let granted = gql
        .run(
            "mutation($id: UUID!) { adminGrantRequests(id: $id, requests: 2, reason: \"Launch week goodwill\") { user { extraRequests extraRequestsUntil } } }",
            json!({ "id": caller.user_id }),
        )
        .await;
    let user = &granted.data()["adminGrantRequests"]["user"];
    assert_eq!(user["extraRequests"], 2);
    assert!(user["extraRequestsUntil"].is_string());
    assert_eq!(status().await, 200);
    assert_eq!(status().await, 200);
    assert_eq!(status().await, 429);
    let zero = gql
        .run(
            "mutation($id: UUID!) { adminGrantRequests(id: $id, requests: 0, reason: \"Oops zero\") { user { id } } }",
            json!({ "id": caller.user_id }),
        )
        .await;
    assert_eq!(
        zero.body["errors"][0]["extensions"]["reason"],
        "requests_invalid"
    );
    app.stop().await;
}

/// A user with a key and an OpenAI account on the mock.
async fn caller_on(app: &TestApp, upstream: &MockUpstream) -> Caller {
    let caller = app.create_caller().await;
    app.add_account(
        &caller,
        entities::Provider::OpenAi,
        "sk-up",
        Some(&upstream.base_url),
        &[],
    )
    .await;
    caller
}
