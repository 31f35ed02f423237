//! Teams: a team's connections serve its members' team keys (and nothing else), requests are
//! attributed to the team and the member, roles decide who changes what, a removed member's
//! keys stop at once, outsiders reach nothing, and the team's quota is shared.

use entities::team_members::{self, Role};
use entities::{teams, usage_events};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::people::{Person, signed_up as person};
use crate::support::{Backend, TestApp, chat_body, spawn_app};

on_both_backends!(
    a_team_shares_its_connections_and_attributes_requests_to_members,
    roles_decide_who_changes_what_and_outsiders_reach_nothing,
    the_team_quota_is_shared_by_its_members,
    a_team_follows_its_owners_plan,
);

const ADD_KEY: &str = "mutation($k: String!) { addApiKeyConnection(provider: OPENAI, apiKey: $k, skipCheck: true) { id } }";
const CREATE_KEY: &str =
    "mutation($n: String!) { createApiKey(name: $n) { key { id userId teamId } secret } }";
const SUMMARY: &str = "{ usageSummary(range: {preset: LAST_24H}) { totals { requests } } }";

impl Person {
    fn enter(&mut self, team: Uuid) {
        self.gql.workspace = Some(team.to_string());
    }

    fn leave(&mut self) {
        self.gql.workspace = None;
    }

    async fn create_key(&mut self, name: &str) -> (Value, String) {
        let answer = self.gql.run(CREATE_KEY, json!({"n": name})).await;
        let created = answer.data()["createApiKey"].clone();
        let secret = created["secret"].as_str().unwrap().to_owned();
        (created["key"].clone(), secret)
    }

    async fn requests(&mut self) -> i64 {
        let answer = self.gql.run(SUMMARY, json!({})).await;
        answer.data()["usageSummary"]["totals"]["requests"]
            .as_i64()
            .unwrap()
    }
}

/// An owner on the Team plan with a team made from the dashboard, and a member in it.
async fn team_of_two(app: &TestApp) -> (Uuid, Person, Person) {
    let mut owner = person(app, "team").await;
    let created = owner
        .gql
        .run(
            "mutation { createTeam(name: \"Acme\") { id name role } }",
            json!({}),
        )
        .await;
    let team = &created.data()["createTeam"];
    assert_eq!(team["role"], "OWNER");
    let team_id: Uuid = team["id"].as_str().unwrap().parse().unwrap();
    let member = person(app, "free").await;
    team_members::add(&app.db, team_id, member.id, Role::Member)
        .await
        .unwrap();
    (team_id, owner, member)
}

async fn team_rows(app: &TestApp, team: Uuid, n: usize) -> Vec<usage_events::Model> {
    for _ in 0..500 {
        let rows = usage_events::Entity::find()
            .filter(usage_events::Column::TeamId.eq(team))
            .all(&app.db)
            .await
            .unwrap();
        if rows.len() >= n {
            return rows;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("expected {n} usage rows for team {team}");
}

async fn a_team_shares_its_connections_and_attributes_requests_to_members(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;

    // A team comes with the Team and Enterprise plans.
    let mut free = person(&app, "free").await;
    let refused = free
        .gql
        .run("mutation { createTeam(name: \"Solo\") { id } }", json!({}))
        .await;
    assert_eq!(refused.code(), "BAD_USER_INPUT");
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "team_plan_required"
    );

    let (team, mut owner, mut member) = team_of_two(&app).await;
    owner.enter(team);
    let added = owner.gql.run(ADD_KEY, json!({"k": "sk-team"})).await;
    added.data();
    let teams = owner.gql.run("{ teams { id name role } currentTeam { id name plan { id } seatsUsed seatsMax members { userId role } } }", json!({})).await;
    let data = teams.data();
    assert_eq!(data["teams"][0]["id"], team.to_string());
    assert_eq!(data["currentTeam"]["plan"]["id"], "team");
    assert_eq!(data["currentTeam"]["seatsUsed"], 2);
    assert_eq!(data["currentTeam"]["seatsMax"], 10);
    assert_eq!(data["currentTeam"]["members"][1]["role"], "MEMBER");

    member.enter(team);
    let (key, team_secret) = member.create_key("laptop").await;
    assert_eq!(key["teamId"], team.to_string());
    assert_eq!(key["userId"], member.id.to_string());
    member.leave();
    let (_, personal_secret) = member.create_key("home").await;

    let served = app
        .chat(&team_secret, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
    // The team's connection does not serve the member's own workspace.
    let personal = app
        .chat(&personal_secret, chat_body("gpt-4o-mini", false))
        .send()
        .await
        .unwrap();
    assert_ne!(personal.status(), 200);

    let rows = team_rows(&app, team, 1).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].user_id, Some(member.id));
    assert_eq!(rows[0].status_code, 200);

    // The team's usage shows in the team, not in the owner's or the member's own workspace.
    assert_eq!(owner.requests().await, 1);
    owner.leave();
    assert_eq!(owner.requests().await, 0);
    owner.enter(team);
    let keys = owner.gql.run("{ apiKeys { id userId } }", json!({})).await;
    assert_eq!(keys.data()["apiKeys"][0]["userId"], member.id.to_string());

    // Removing the member stops their team key at once and shuts them out of the team.
    let removed = owner
        .gql
        .run(
            "mutation($u: UUID!) { removeTeamMember(userId: $u) }",
            json!({"u": member.id}),
        )
        .await;
    assert_eq!(removed.data()["removeTeamMember"], true);
    // Within a second (the bus tells every replica's key cache).
    let mut status = 0;
    for _ in 0..50 {
        let refused = app
            .chat(&team_secret, chat_body("gpt-4o-mini", false))
            .send()
            .await
            .unwrap();
        status = refused.status().as_u16();
        if status == 401 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(status, 401);
    member.enter(team);
    let shut = member.gql.run("{ apiKeys { id } }", json!({})).await;
    assert_eq!(shut.code(), "NOT_FOUND");
    assert_eq!(shut.message(), "Team not found.");
    // The dashboard's cue to forget the team and go back to the member's own workspace.
    assert_eq!(shut.body["errors"][0]["extensions"]["reason"], "workspace");
}

async fn roles_decide_who_changes_what_and_outsiders_reach_nothing(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let (team, mut owner, mut member) = team_of_two(&app).await;
    let mut admin = person(&app, "free").await;
    team_members::add(&app.db, team, admin.id, Role::Admin)
        .await
        .unwrap();
    owner.enter(team);
    admin.enter(team);
    member.enter(team);
    let connection = owner.gql.run(ADD_KEY, json!({"k": "sk-team"})).await;
    let connection_id = connection.data()["addApiKeyConnection"]["id"].clone();
    let (owner_key, _) = owner.create_key("owner").await;
    let (member_key, _) = member.create_key("member").await;
    let invite = owner
        .gql
        .run(
            "mutation { inviteTeamMember(email: \"someone@example.com\") { id } }",
            json!({}),
        )
        .await;
    let invite_id = invite.data()["inviteTeamMember"]["id"].clone();

    // A plain member uses the team but changes nothing of it.
    for (query, vars) in [
        (ADD_KEY, json!({"k": "sk-more"})),
        (
            "mutation($id: UUID!) { removeConnection(id: $id) }",
            json!({"id": connection_id}),
        ),
        (
            "mutation { setRouting(routing: {strategy: FILL_FIRST, sessionAffinity: false, rules: []}) { strategy } }",
            json!({}),
        ),
        (
            "mutation($u: UUID!) { removeTeamMember(userId: $u) }",
            json!({"u": admin.id}),
        ),
        (
            "mutation { startOAuthConnection(provider: ANTHROPIC) { flowId } }",
            json!({}),
        ),
    ] {
        let answer = member.gql.run(query, vars).await;
        assert_eq!(answer.code(), "FORBIDDEN", "{query}");
    }
    // Members see their own keys only; another member's key is "not found".
    let keys = member.gql.run("{ apiKeys { id } }", json!({})).await;
    assert_eq!(keys.data()["apiKeys"].as_array().unwrap().len(), 1);
    let other = member
        .gql
        .run(
            "mutation($id: UUID!) { revokeApiKey(id: $id) { id } }",
            json!({"id": owner_key["id"]}),
        )
        .await;
    assert_eq!(other.code(), "NOT_FOUND");

    // An admin manages members, but not the owner or other admins.
    let over_owner = admin
        .gql
        .run(
            "mutation($u: UUID!) { removeTeamMember(userId: $u) }",
            json!({"u": owner.id}),
        )
        .await;
    assert_eq!(over_owner.code(), "FORBIDDEN");
    let promoted = admin
        .gql
        .run(
            "mutation($u: UUID!) { setTeamMemberRole(userId: $u, role: ADMIN) }",
            json!({"u": member.id}),
        )
        .await;
    assert_eq!(promoted.data()["setTeamMemberRole"], true);
    let demoted = admin
        .gql
        .run(
            "mutation($u: UUID!) { setTeamMemberRole(userId: $u, role: MEMBER) }",
            json!({"u": member.id}),
        )
        .await;
    assert_eq!(demoted.code(), "FORBIDDEN");

    // Someone outside: naming the team is refused, and from their own team every id of
    // this one is "not found".
    let (other_team, mut outsider, _) = team_of_two(&app).await;
    outsider.enter(team);
    let refused = outsider.gql.run("{ connections { id } }", json!({})).await;
    assert_eq!(refused.code(), "NOT_FOUND");
    outsider.enter(other_team);
    for (query, vars) in [
        (
            "query($id: UUID!) { connection(id: $id) { id } }",
            json!({"id": connection_id}),
        ),
        (
            "mutation($id: UUID!) { revokeApiKey(id: $id) { id } }",
            json!({"id": member_key["id"]}),
        ),
        (
            "query($k: UUID!) { usageSummary(range: {preset: LAST_24H}, filter: {apiKeyId: $k}) { totals { requests } } }",
            json!({"k": member_key["id"]}),
        ),
        (
            "mutation($u: UUID!) { removeTeamMember(userId: $u) }",
            json!({"u": member.id}),
        ),
        (
            "mutation($u: UUID!) { setTeamMemberRole(userId: $u, role: ADMIN) }",
            json!({"u": member.id}),
        ),
        (
            "mutation($u: UUID!) { setTeamMemberLimits(userId: $u, monthlyRequests: 1) }",
            json!({"u": member.id}),
        ),
        (
            "mutation($u: UUID!) { transferTeamOwnership(userId: $u) }",
            json!({"u": member.id}),
        ),
        (
            "mutation($id: UUID!) { resendTeamInvite(id: $id) { id } }",
            json!({"id": invite_id}),
        ),
        (
            "mutation($id: UUID!) { revokeTeamInvite(id: $id) { id } }",
            json!({"id": invite_id}),
        ),
    ] {
        let answer = outsider.gql.run(query, vars).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{query}");
    }
    // And their own workspace never shows the team's connection.
    outsider.leave();
    let own = outsider.gql.run("{ connections { id } }", json!({})).await;
    assert_eq!(own.data()["connections"], json!([]));
}

async fn the_team_quota_is_shared_by_its_members(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let (team, mut owner, mut member) = team_of_two(&app).await;
    teams::ActiveModel {
        id: Set(team),
        monthly_requests_limit: Set(Some(3)),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    owner.enter(team);
    member.enter(team);
    owner.gql.run(ADD_KEY, json!({"k": "sk-team"})).await.data();
    let (_, owner_secret) = owner.create_key("owner").await;
    let (_, member_secret) = member.create_key("member").await;
    let mut statuses = Vec::new();
    for secret in [&owner_secret, &member_secret].repeat(3) {
        let answer = app
            .chat(secret, chat_body("gpt-4o-mini", false))
            .send()
            .await
            .unwrap();
        statuses.push(answer.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 429, 429, 429]);
    let rows = team_rows(&app, team, 3).await;
    let served: Vec<_> = rows.iter().filter(|r| r.status_code == 200).collect();
    assert_eq!(served.len(), 3);
    let by_member = served.iter().filter(|r| r.user_id == Some(member.id));
    assert_eq!(by_member.count(), 1);
}

async fn team_plan(owner: &mut Person) -> Value {
    let answer = owner
        .gql
        .run("{ currentTeam { plan { id } } }", json!({}))
        .await;
    answer.data()["currentTeam"]["plan"]["id"].clone()
}

/// The owner's plan changes (as a payment, a lapse or an operator changes it): the team's
/// follows; ownership goes only to someone whose plan has seats, and the team takes theirs.
async fn a_team_follows_its_owners_plan(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let (team, mut owner, mut member) = team_of_two(&app).await;
    owner.enter(team);
    member.enter(team);
    let now = chrono::Utc::now();
    entities::users::set_plan(&app.db, owner.id, "enterprise", now)
        .await
        .unwrap();
    assert_eq!(team_plan(&mut owner).await, "enterprise");
    entities::users::set_plan(&app.db, owner.id, "free", now)
        .await
        .unwrap();
    assert_eq!(team_plan(&mut owner).await, "free");
    assert_eq!(team_plan(&mut member).await, "free");

    const TRANSFER: &str = "mutation($u: UUID!) { transferTeamOwnership(userId: $u) }";
    let refused = owner
        .gql
        .run(TRANSFER, json!({"u": member.id.to_string()}))
        .await;
    assert_eq!(
        refused.body["errors"][0]["extensions"]["reason"],
        "new_owner_plan_required"
    );
    entities::users::set_plan(&app.db, member.id, "team", now)
        .await
        .unwrap();
    let moved = owner
        .gql
        .run(TRANSFER, json!({"u": member.id.to_string()}))
        .await;
    assert_eq!(moved.data()["transferTeamOwnership"], true);
    assert_eq!(team_plan(&mut member).await, "team");
    // The former owner's plan no longer moves the team.
    entities::users::set_plan(&app.db, owner.id, "enterprise", now)
        .await
        .unwrap();
    assert_eq!(team_plan(&mut member).await, "team");
}
