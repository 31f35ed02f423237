//! A team's usage: grouped and filtered by member, a plain member's own only (and the team's
//! totals), the team overview, live events in the team's workspace, the export, and the
//! operator's `create-team`.

use entities::team_members::{self, Role};
use serde_json::{Value, json};
use uuid::Uuid;

use super::cli::{satu, stdout};
use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::people::{Person, signed_up as person};
use crate::support::ws::Subscription;
use crate::support::{Backend, TestApp, chat_body, spawn_app};

on_both_backends!(usage_is_told_apart_by_member_and_live_in_the_team);

const EVENTS: &str = "subscription { usageEvents { model memberId } }";

async fn team_key(p: &mut Person) -> String {
    let key = p
        .gql
        .run(
            "mutation { createApiKey(name: \"k\") { secret } }",
            json!({}),
        )
        .await;
    key.data()["createApiKey"]["secret"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn send(app: &TestApp, key: &str) {
    let answer = app
        .chat(key, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
}

async fn summary(p: &mut Person, args: &str) -> Value {
    let query = format!(
        "{{ usageSummary(range: {{preset: LAST_24H}}{args}) {{ totals {{ requests }} groups {{ group label totals {{ requests }} }} }} }}"
    );
    let answer = p.gql.run(&query, json!({})).await;
    answer.body.clone()
}

async fn usage_is_told_apart_by_member_and_live_in_the_team(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;

    // The operator makes the team; the owner adds a connection, two members a key each.
    let mut owner = person(&app, "free").await;
    let made = satu(
        &app.test_db,
        &[
            "admin",
            "create-team",
            "--owner",
            &owner.email,
            "--name",
            "Acme",
        ],
    );
    assert!(made.status.success(), "{}", super::cli::stderr(&made));
    let team: Uuid = stdout(&made).trim().parse().unwrap();
    let mut ana = person(&app, "free").await;
    let mut budi = person(&app, "free").await;
    for p in [&ana, &budi] {
        team_members::add(&app.db, team, p.id, Role::Member)
            .await
            .unwrap();
    }
    for p in [&mut owner, &mut ana, &mut budi] {
        p.gql.workspace = Some(team.to_string());
    }
    owner
        .gql
        .run(
            "mutation { addApiKeyConnection(provider: OPENAI, apiKey: \"sk-x\", skipCheck: true) { id } }",
            json!({}),
        )
        .await
        .data();
    let ana_key = team_key(&mut ana).await;
    let budi_key = team_key(&mut budi).await;

    // Live: the owner sees every member's requests; Budi his own.
    let addr = app.addr.to_string();
    let payload =
        |token: String| json!({"authorization": format!("Bearer {token}"), "workspace": team});
    let mut owner_live =
        Subscription::start(&addr, &[], payload(app.bearer(owner.id).await), EVENTS).await;
    let mut budi_live =
        Subscription::start(&addr, &[], payload(app.bearer(budi.id).await), EVENTS).await;
    send(&app, &ana_key).await;
    let event = owner_live.next_payload().await;
    assert_eq!(event["data"]["usageEvents"]["memberId"], ana.id.to_string());
    send(&app, &ana_key).await;
    send(&app, &budi_key).await;
    let own = budi_live.next_payload().await;
    assert_eq!(own["data"]["usageEvents"]["memberId"], budi.id.to_string());

    // Grouped by member, labelled with their email; filtered by member.
    let mut grouped = Value::Null;
    for _ in 0..100 {
        grouped = summary(&mut owner, ", groupBy: MEMBER").await;
        if grouped["data"]["usageSummary"]["totals"]["requests"] == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        grouped["data"]["usageSummary"]["groups"],
        json!([
            {"group": ana.id.to_string(), "label": ana.email, "totals": {"requests": 2}},
            {"group": budi.id.to_string(), "label": budi.email, "totals": {"requests": 1}},
        ])
    );
    let one = summary(
        &mut owner,
        &format!(", filter: {{memberId: \"{}\"}}", budi.id),
    )
    .await;
    assert_eq!(one["data"]["usageSummary"]["totals"]["requests"], 1);
    // The owner's own workspace has none of it.
    owner.gql.workspace = None;
    let personal = summary(&mut owner, "").await;
    assert_eq!(personal["data"]["usageSummary"]["totals"]["requests"], 0);
    owner.gql.workspace = Some(team.to_string());

    // A plain member: their own usage and logs, the team's totals, nobody else's details.
    let own = summary(&mut budi, "").await;
    assert_eq!(own["data"]["usageSummary"]["totals"]["requests"], 1);
    let other = summary(
        &mut budi,
        &format!(", filter: {{memberId: \"{}\"}}", ana.id),
    )
    .await;
    assert_eq!(other["errors"][0]["extensions"]["code"], "NOT_FOUND");
    let logs = budi
        .gql
        .run("{ requestLogs { items { memberId } } }", json!({}))
        .await;
    assert_eq!(
        logs.data()["requestLogs"]["items"],
        json!([{"memberId": budi.id.to_string()}])
    );
    let overview =
        "{ currentTeam { requestsThisPeriod members { email requestsThisPeriod lastActiveAt } } }";
    let seen = budi.gql.run(overview, json!({})).await;
    let team_view = seen.data()["currentTeam"].clone();
    assert_eq!(team_view["requestsThisPeriod"], 3);
    let ana_row = team_view["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["email"] == ana.email.as_str())
        .unwrap()
        .clone();
    assert_eq!(ana_row["requestsThisPeriod"], Value::Null);

    // The owner's overview: each member's requests this period and last activity.
    let full = owner.gql.run(overview, json!({})).await;
    let members = full.data()["currentTeam"]["members"]
        .as_array()
        .unwrap()
        .clone();
    let row = |email: &str| {
        members
            .iter()
            .find(|m| m["email"] == email)
            .unwrap()
            .clone()
    };
    assert_eq!(row(&ana.email)["requestsThisPeriod"], 2);
    assert_eq!(row(&budi.email)["requestsThisPeriod"], 1);
    assert_eq!(row(&owner.email)["requestsThisPeriod"], 0);

    // The export of the team's requests (a download link names the workspace).
    let token = app.bearer(owner.id).await;
    let csv = app
        .http
        .get(app.url(&format!("/api/usage/export?format=csv&workspace={team}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    let text = csv.text().await.unwrap();
    assert_eq!(
        text.lines().filter(|l| l.contains("gpt-4o-mini")).count(),
        3
    );
    // Each row names the member whose key sent it.
    assert!(text.lines().next().unwrap().ends_with(",member_id"));
    let ana_id = ana.id.to_string();
    assert_eq!(text.lines().filter(|l| l.ends_with(&ana_id)).count(), 2);
    // A plain member's export holds their own requests only.
    let token = app.bearer(budi.id).await;
    let own = app
        .http
        .get(app.url(&format!("/api/usage/export?format=csv&workspace={team}")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(own.lines().filter(|l| l.contains("gpt-4o-mini")).count(), 1);
}
