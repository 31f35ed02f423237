//! Team invites by email (seats counted at sending and at accepting, one use, the invited
//! address only, sign-up on the way), the audit log of team changes, and Slack notices
//! delivered by the worker with retries.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use entities::plans;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG, mailed_token};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, TestApp, spawn_app};

on_both_backends!(
    invites_are_mailed_used_once_and_count_seats,
    the_audit_log_records_who_changed_what,
    slack_notices_are_delivered_with_retries,
);

const INVITE: &str = "mutation($e: String!, $r: TeamRole!) { inviteTeamMember(email: $e, role: $r) { id email role } }";
const PREVIEW: &str =
    "query($t: String!) { teamInvite(token: $t) { teamName email role accountExists } }";
const ACCEPT: &str = "mutation($t: String!) { acceptTeamInvite(token: $t) { id name role } }";
const SIGN_UP: &str = "mutation($t: String!, $p: String!) { acceptTeamInviteWithSignUp(token: $t, password: $p) { user { email } } }";

fn address() -> String {
    format!("{}@example.com", Uuid::new_v4().simple())
}

/// A signed-in owner on the Team plan, in the team they created.
async fn owner_with_team(app: &TestApp) -> (Gql, Uuid) {
    let mut owner = Gql::new(&app.url(""));
    let user = owner.sign_up(app, &address()).await;
    let id: Uuid = user["user"]["id"].as_str().unwrap().parse().unwrap();
    app.set_plan(id, "team").await;
    let team = owner
        .run("mutation { createTeam(name: \"Acme\") { id } }", json!({}))
        .await;
    let team: Uuid = team.data()["createTeam"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    owner.workspace = Some(team.to_string());
    (owner, team)
}

async fn set_seats(app: &TestApp, seats: i32) {
    plans::ActiveModel {
        id: Set("team".to_owned()),
        max_members: Set(Some(seats)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

fn reason(answer: &crate::support::graphql::GqlAnswer) -> &str {
    answer.body["errors"][0]["extensions"]["reason"]
        .as_str()
        .unwrap_or_default()
}

async fn invites_are_mailed_used_once_and_count_seats(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    set_seats(&app, 3).await;
    let (mut owner, team) = owner_with_team(&app).await;

    // Budi has an account; Citra has none yet.
    let budi = address();
    let mut budi_browser = Gql::new(&app.url(""));
    budi_browser.sign_up(&app, &budi).await;
    let citra = address();
    for (email, role) in [(&budi, "ADMIN"), (&citra, "MEMBER")] {
        let sent = owner.run(INVITE, json!({"e": email, "r": role})).await;
        assert_eq!(sent.data()["inviteTeamMember"]["role"], role);
    }
    // Owner + two open invites fill the three seats.
    let full = owner
        .run(INVITE, json!({"e": address(), "r": "MEMBER"}))
        .await;
    assert_eq!(reason(&full), "seats_invalid");
    let open = owner.run("{ teamInvites { email } }", json!({})).await;
    assert_eq!(open.data()["teamInvites"].as_array().unwrap().len(), 2);

    // The link works for the invited address only, once.
    let budi_token = mailed_token(&app, &budi, "team_invite").await;
    let preview = Gql::new(&app.url(""))
        .run(PREVIEW, json!({"t": budi_token}))
        .await;
    assert_eq!(
        preview.data()["teamInvite"],
        json!({"teamName": "Acme", "email": budi, "role": "ADMIN", "accountExists": true})
    );
    owner.workspace = None;
    let wrong = owner.run(ACCEPT, json!({"t": budi_token})).await;
    assert_eq!(reason(&wrong), "invite_other_email");
    assert!(wrong.message().contains(&budi), "{}", wrong.message());
    let joined = budi_browser.run(ACCEPT, json!({"t": budi_token})).await;
    assert_eq!(
        joined.data()["acceptTeamInvite"],
        json!({"id": team.to_string(), "name": "Acme", "role": "ADMIN"})
    );
    let again = budi_browser.run(ACCEPT, json!({"t": budi_token})).await;
    assert_eq!(reason(&again), "invite_invalid");

    // A resent invite has a new link; the old one stops working.
    owner.workspace = Some(team.to_string());
    let first = mailed_token(&app, &citra, "team_invite").await;
    let invites = owner.run("{ teamInvites { id email } }", json!({})).await;
    let citra_invite = invites.data()["teamInvites"][0]["id"].clone();
    owner
        .run(
            "mutation($id: UUID!) { resendTeamInvite(id: $id) { id } }",
            json!({"id": citra_invite}),
        )
        .await
        .data();
    let second = mailed_token(&app, &citra, "team_invite").await;
    assert_ne!(first, second);
    let stale = Gql::new(&app.url(""))
        .run(PREVIEW, json!({"t": first}))
        .await;
    assert_eq!(stale.data()["teamInvite"], Value::Null);

    // Seats are counted again at accepting: the plan lost one meanwhile.
    set_seats(&app, 2).await;
    let mut citra_browser = Gql::new(&app.url(""));
    let no_seat = citra_browser
        .run(SIGN_UP, json!({"t": second, "p": STRONG}))
        .await;
    assert_eq!(reason(&no_seat), "seats_invalid");
    set_seats(&app, 3).await;
    // Citra signs up on the way and is signed in, in the team.
    let signed = citra_browser
        .run(SIGN_UP, json!({"t": second, "p": STRONG}))
        .await;
    assert_eq!(
        signed.data()["acceptTeamInviteWithSignUp"]["user"]["email"],
        citra.as_str()
    );
    let teams = citra_browser.run("{ teams { id role } }", json!({})).await;
    assert_eq!(
        teams.data()["teams"],
        json!([{"id": team.to_string(), "role": "MEMBER"}])
    );
    let members = owner
        .run(
            "{ currentTeam { seatsUsed members { email role } } }",
            json!({}),
        )
        .await;
    assert_eq!(members.data()["currentTeam"]["seatsUsed"], 3);

    // A revoked invite's link is dead.
    set_seats(&app, 4).await;
    let dora = address();
    let sent = owner.run(INVITE, json!({"e": dora, "r": "MEMBER"})).await;
    let dora_invite = sent.data()["inviteTeamMember"]["id"].clone();
    owner
        .run(
            "mutation($id: UUID!) { revokeTeamInvite(id: $id) { id } }",
            json!({"id": dora_invite}),
        )
        .await
        .data();
    let dora_token = mailed_token(&app, &dora, "team_invite").await;
    let dead = Gql::new(&app.url(""))
        .run(SIGN_UP, json!({"t": dora_token, "p": STRONG}))
        .await;
    assert_eq!(reason(&dead), "invite_invalid");
}

async fn the_audit_log_records_who_changed_what(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let (mut owner, _) = owner_with_team(&app).await;
    let member = address();
    owner
        .run(INVITE, json!({"e": member, "r": "MEMBER"}))
        .await
        .data();
    let token = mailed_token(&app, &member, "team_invite").await;
    let mut browser = Gql::new(&app.url(""));
    browser
        .run(SIGN_UP, json!({"t": token, "p": STRONG}))
        .await
        .data();
    owner
        .run(
            "mutation { addApiKeyConnection(provider: OPENAI, apiKey: \"sk-x\", skipCheck: true) { id } }",
            json!({}),
        )
        .await
        .data();
    owner
        .run(
            "mutation { createApiKey(name: \"ci\") { secret } }",
            json!({}),
        )
        .await
        .data();
    owner
        .run(
            "mutation { setRouting(routing: {strategy: FILL_FIRST, sessionAffinity: false, rules: []}) { strategy } }",
            json!({}),
        )
        .await
        .data();
    owner
        .run(
            "mutation { setTeamBudget(budgetUsd: 25.5) { budgetUsd } }",
            json!({}),
        )
        .await
        .data();
    let log = owner
        .run(
            "{ teamAuditLog(first: 20) { actorEmail action target before after } }",
            json!({}),
        )
        .await;
    let entries = log.data()["teamAuditLog"].as_array().unwrap().clone();
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "budget.changed",
            "routing.changed",
            "key.created",
            "connection.added",
            "member.joined",
            "invite.sent",
            "team.created"
        ]
    );
    assert_eq!(entries[0]["after"], json!({"budget_usd": 25.5}));
    assert_eq!(entries[1]["before"]["strategy"], "round-robin");
    assert_eq!(entries[1]["after"]["strategy"], "fill-first");
    assert_eq!(entries[4]["actorEmail"], member.as_str());
    assert_eq!(entries[5]["target"], member.as_str());
    // Pages go back in time.
    let older = owner
        .run(
            "query($b: Int!) { teamAuditLog(first: 2, before: $b) { action } }",
            json!({"b": 3}),
        )
        .await;
    assert_eq!(
        older.data()["teamAuditLog"],
        json!([{"action": "invite.sent"}, {"action": "team.created"}])
    );

    // A plain member does not read it, nor the team's Slack settings.
    browser.workspace = owner.workspace.clone();
    let refused = browser.run("{ teamAuditLog { action } }", json!({})).await;
    assert_eq!(refused.code(), "FORBIDDEN");
    let slack = browser
        .run("{ currentTeam { slack { configured } } }", json!({}))
        .await;
    assert_eq!(slack.data()["currentTeam"]["slack"], Value::Null);

    audit_export(&app, &mut owner, &member).await;
}

/// The audit log as a download: every entry, newest first, for owners and admins only.
async fn audit_export(app: &TestApp, owner: &mut Gql, member: &str) {
    let team = owner.workspace.clone().unwrap();
    let me = owner.run("{ me { id } }", json!({})).await;
    let owner_id: Uuid = me.data()["me"]["id"].as_str().unwrap().parse().unwrap();
    let get = |query: String, token: Option<String>| {
        let request = app
            .http
            .get(app.url(&format!("/api/teams/audit/export?{query}")));
        async move {
            match token {
                Some(token) => request.bearer_auth(token),
                None => request,
            }
            .send()
            .await
            .unwrap()
        }
    };
    let token = app.bearer(owner_id).await;
    let csv = get(format!("workspace={team}&format=csv"), Some(token.clone())).await;
    assert_eq!(csv.status(), 200);
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("satu-team-audit-")
    );
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id,at,actor_email,action,target,before,after");
    assert_eq!(lines.len(), 1 + 7, "{text}");
    assert!(lines[1].contains(",budget.changed,,"), "{text}");
    assert!(
        lines[1].ends_with(r#","{""budget_usd"":null}","{""budget_usd"":25.5}""#),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!(",member.joined,{member},")))
    );

    let json = get(format!("workspace={team}&format=json"), Some(token.clone())).await;
    let entries: Value = json.json().await.unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 7);
    assert_eq!(entries[0]["action"], "budget.changed");
    assert_eq!(entries[6]["action"], "team.created");

    // Signed out, another team, a plain member: refused, in the export's JSON error shape.
    let anonymous = get(format!("workspace={team}"), None).await;
    assert_eq!(anonymous.status(), 401);
    let other = get(format!("workspace={}", Uuid::new_v4()), Some(token)).await;
    assert_eq!(other.status(), 404);
    let body: Value = other.json().await.unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");
    let member_id = entities::users::find_by_email(&app.db, member)
        .await
        .unwrap()
        .id;
    let plain = get(
        format!("workspace={team}"),
        Some(app.bearer(member_id).await),
    )
    .await;
    assert_eq!(plain.status(), 403);
}

/// A Slack incoming webhook that fails the first `fail` posts with 500.
#[derive(Default)]
struct Slack {
    received: Mutex<Vec<Value>>,
    fail: Mutex<u32>,
}

async fn hook(State(slack): State<Arc<Slack>>, body: axum::Json<Value>) -> StatusCode {
    slack.received.lock().unwrap().push(body.0);
    let mut fail = slack.fail.lock().unwrap();
    if *fail > 0 {
        *fail -= 1;
        StatusCode::INTERNAL_SERVER_ERROR
    } else {
        StatusCode::OK
    }
}

async fn slack_notices_are_delivered_with_retries(backend: Backend) {
    let slack = Arc::new(Slack::default());
    *slack.fail.lock().unwrap() = 1;
    let router = Router::new()
        .route("/services/T1/B1/secret", post(hook))
        .with_state(slack.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!(
        "http://{}/services/T1/B1/secret",
        listener.local_addr().unwrap()
    );
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let upstream = MockUpstream::start().await;
    let env = [
        ("SATU__TEAMS__SLACK_INTERVAL_SECS", "1"),
        ("SATU__TEAMS__SLACK_RETRY_SECS", "1"),
    ];
    let app = spawn_app(backend, &upstream.base_url, &env).await;
    let (mut owner, _) = owner_with_team(&app).await;

    let bad = owner
        .run(
            "mutation($u: String) { setTeamSlackWebhook(url: $u) { id } }",
            json!({"u": "ftp://hooks.example/x"}),
        )
        .await;
    assert_eq!(reason(&bad), "slack_webhook_invalid");
    assert!(
        !bad.message().contains("hooks.example"),
        "the URL is not echoed"
    );
    let none = owner.run("mutation { sendTeamSlackTest }", json!({})).await;
    assert_eq!(none.data()["sendTeamSlackTest"], false);
    owner
        .run(
            "mutation($u: String) { setTeamSlackWebhook(url: $u) { id } }",
            json!({"u": url}),
        )
        .await
        .data();
    let queued = owner.run("mutation { sendTeamSlackTest }", json!({})).await;
    assert_eq!(queued.data()["sendTeamSlackTest"], true);

    // The first post fails (500); the retry a second later goes through.
    let mut latest = Value::Null;
    for _ in 0..100 {
        let answer = owner
            .run(
                "{ currentTeam { slack { configured latest { kind status attempts lastError } } } }",
                json!({}),
            )
            .await;
        latest = answer.data()["currentTeam"]["slack"].clone();
        if latest["latest"]["status"] == "sent" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(latest["configured"], true);
    assert_eq!(latest["latest"]["kind"], "test");
    assert_eq!(latest["latest"]["status"], "sent");
    assert_eq!(latest["latest"]["attempts"], 2);
    let received = slack.received.lock().unwrap().clone();
    assert_eq!(received.len(), 2);
    assert!(
        received[1]["text"].as_str().unwrap().contains("Acme"),
        "{received:?}"
    );
    // The sealed URL is never shown back.
    let shown = owner
        .run("{ currentTeam { slack { configured } } }", json!({}))
        .await;
    assert!(!shown.body.to_string().contains("secret"));
}
