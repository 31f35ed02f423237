//! A team's shared quota and budget and its members' own limits: exact across three replicas,
//! refused with the name of the limit that was hit, counted from stored usage when a counter
//! is new, and alerting the team's owner and admins.

use std::process::Command;

use chrono::Utc;
use entities::team_members::{self, MemberLimits, Role};
use entities::usage_events::{self, NewUsage};
use entities::{Provider, Workspace, api_keys, email_outbox, provider_accounts, teams, users};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, DatabaseConnection};
use serde_json::json;
use uuid::Uuid;

use super::limits::{Answer, REDIS, answer};
use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::process::serve_as;
use crate::support::{Backend, TestApp, TestDb, chat_body, spawn_app};

on_both_backends!(
    member_limits_and_budgets_refuse_with_their_reason,
    budget_thresholds_email_owners_and_admins,
);

const MODEL: &str = "gpt-4o-mini";

/// A team with `members` members (the first is the owner), one OpenAI connection at
/// `upstream`, and a team key per member.
struct Team {
    id: Uuid,
    members: Vec<Uuid>,
    keys: Vec<String>,
}

async fn team(
    db: &DatabaseConnection,
    config: &satu::config::Config,
    upstream: &str,
    members: usize,
) -> Team {
    let mut ids = Vec::new();
    for _ in 0..members {
        let email = format!("{}@example.com", Uuid::new_v4().simple());
        let new = users::NewUser {
            email: &email,
            password_hash: None,
            plan_id: "free",
            platform_role: None,
        };
        ids.push(users::create(db, new).await.unwrap().id);
    }
    let team = teams::create(db, ids[0], "Replicas", "team").await.unwrap();
    for id in &ids[1..] {
        team_members::add(db, team.id, *id, Role::Member)
            .await
            .unwrap();
    }
    let sealer = satu::master_key::sealer(config).unwrap();
    provider_accounts::create_api_key_account(
        db,
        &sealer,
        provider_accounts::NewApiKeyAccount {
            user_id: ids[0],
            team_id: Some(team.id),
            provider: Provider::OpenAi,
            api_key: "sk-upstream",
            base_url: Some(upstream.to_owned()),
            label: None,
            models: Vec::new(),
        },
    )
    .await
    .unwrap();
    let mut keys = Vec::new();
    for id in &ids {
        let (_, key) = api_keys::create_in(db, Workspace::Team(team.id), *id, "k")
            .await
            .unwrap();
        keys.push(key);
    }
    Team {
        id: team.id,
        members: ids,
        keys,
    }
}

async fn set_team(db: &DatabaseConnection, id: Uuid, quota: Option<i64>, budget: Option<i64>) {
    teams::ActiveModel {
        id: Set(id),
        monthly_requests_limit: Set(quota),
        // Per-minute limits far away: only the monthly ones are under test.
        rpm_limit: Set(Some(1_000_000)),
        tpm_limit: Set(Some(1_000_000_000)),
        budget_nanos: Set(budget),
        ..Default::default()
    }
    .update(db)
    .await
    .unwrap();
}

fn chat(addr: &str, key: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .post(format!("http://{addr}/v1/chat/completions"))
        .bearer_auth(key)
        .json(&chat_body(MODEL, false))
}

fn served(answers: &[Answer]) -> usize {
    answers.iter().filter(|a| a.status == 200).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_replicas_admit_exactly_the_team_quota_and_a_members_cap() {
    let upstream = MockUpstream::start().await;
    let db = TestDb::new(Backend::Postgres).await;
    let env = vec![
        ("SATU__REDIS__URL".to_owned(), REDIS.to_owned()),
        (
            "SATU__LIMITS__REDIS_TIMEOUT_MS".to_owned(),
            "10000".to_owned(),
        ),
    ];
    let proxies: Vec<_> = (0..3)
        .map(|_| serve_as(&db, &env, "info", "proxy"))
        .collect();
    let addrs: Vec<String> = proxies.iter().map(|p| p.addr.clone()).collect();
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let team = team(&conn, &config, &upstream.base_url, 5).await;
    set_team(&conn, team.id, Some(300), None).await;
    let capped = MemberLimits {
        monthly_requests: Some(50),
        ..MemberLimits::default()
    };
    team_members::set_limits(&conn, team.id, team.members[1], capped)
        .await
        .unwrap();

    // The capped member's 200 requests, all at once over the three replicas: exactly 50.
    let first = addrs
        .iter()
        .cycle()
        .take(200)
        .map(|addr| answer(chat(addr, &team.keys[1])));
    let first = futures::future::join_all(first).await;
    assert_eq!(served(&first), 50, "exactly the member's cap");
    assert!(
        first
            .iter()
            .filter(|a| a.status == 429)
            .all(|a| a.body["error"]["code"] == "member_quota_exceeded")
    );
    // The four others' 800 at once: the team's 300 less those 50.
    let others = [0, 2, 3, 4];
    let rest = addrs
        .iter()
        .cycle()
        .zip(others.iter().cycle())
        .take(800)
        .map(|(addr, m)| answer(chat(addr, &team.keys[*m])));
    let rest = futures::future::join_all(rest).await;
    assert_eq!(served(&rest), 250, "exactly the team's quota in all");
    assert!(
        rest.iter()
            .filter(|a| a.status == 429)
            .all(|a| a.body["error"]["code"] == "quota_exceeded")
    );
    assert_eq!(upstream.received().len(), 300);

    for mut proxy in proxies {
        Command::new("kill")
            .args(["-TERM", &proxy.child.id().to_string()])
            .status()
            .unwrap();
        proxy.child.wait().unwrap();
    }
    conn.close().await.unwrap();
    db.drop().await;
}

/// A served request of `member` in the team, as if stored earlier this period.
async fn spent(app: &TestApp, team: &Team, member: usize, cost_nanos: i64) {
    let row = NewUsage {
        request_id: Uuid::new_v4(),
        user_id: team.members[member],
        team_id: Some(team.id),
        api_key_id: Uuid::nil(),
        account_id: None,
        provider: Some("openai".to_owned()),
        model: MODEL.to_owned(),
        endpoint: "chat_completions",
        stream: false,
        status_code: 200,
        error_kind: None,
        prompt_tokens: 10,
        completion_tokens: 10,
        cached_tokens: 0,
        reasoning_tokens: 0,
        cost_nanos,
        latency_ms: 5,
        ttft_ms: Some(5),
        created_at: Utc::now(),
    };
    usage_events::record_batch(&app.db, &[row], &[])
        .await
        .unwrap();
}

async fn member_limits_and_budgets_refuse_with_their_reason(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let team = team(&app.db, &app.config, &upstream.base_url, 3).await;
    let addr = app.addr.to_string();

    // A member's monthly requests and requests per minute.
    let limits = MemberLimits {
        monthly_requests: Some(2),
        ..MemberLimits::default()
    };
    team_members::set_limits(&app.db, team.id, team.members[1], limits)
        .await
        .unwrap();
    let limits = MemberLimits {
        rpm: Some(1),
        ..MemberLimits::default()
    };
    team_members::set_limits(&app.db, team.id, team.members[2], limits)
        .await
        .unwrap();
    let mut codes = Vec::new();
    for _ in 0..3 {
        codes.push(answer(chat(&addr, &team.keys[1])).await);
    }
    assert_eq!(
        codes.iter().map(|a| a.status).collect::<Vec<_>>(),
        [200, 200, 429]
    );
    assert_eq!(codes[2].body["error"]["code"], "member_quota_exceeded");
    assert!(
        codes[2].body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("allow you 2 requests")
    );
    let ok = answer(chat(&addr, &team.keys[2])).await;
    assert_eq!(ok.status, 200);
    let rate = answer(chat(&addr, &team.keys[2])).await;
    assert_eq!(rate.status, 429);
    assert_eq!(rate.body["error"]["code"], "rate_limit_exceeded");
    assert!(rate.headers.contains_key("retry-after"));
    // The owner is not held by the members' limits.
    assert_eq!(answer(chat(&addr, &team.keys[0])).await.status, 200);

    // A member's budget, counted from the usage stored this period.
    let limits = MemberLimits {
        budget_nanos: Some(1_000_000),
        ..MemberLimits::default()
    };
    team_members::set_limits(&app.db, team.id, team.members[0], limits)
        .await
        .unwrap();
    spent(&app, &team, 0, 1_000_000).await;
    let restarted = app.restart().await;
    let addr = restarted.addr.to_string();
    let over = answer(chat(&addr, &team.keys[0])).await;
    assert_eq!(over.status, 429);
    assert_eq!(over.body["error"]["code"], "member_budget_exceeded");
    assert!(
        over.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("US$0.00")
    );

    // The team's budget, spent: every member is refused, in their own dialect.
    set_team(&restarted.db, team.id, None, Some(2_000_000_000)).await;
    spent(&restarted, &team, 1, 2_000_000_000).await;
    let refused = restarted
        .http
        .post(restarted.url("/v1/messages"))
        .header("x-api-key", &team.keys[2])
        .header("anthropic-version", "2023-06-01")
        .json(&json!({"model": MODEL, "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 429);
    let body: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(body["type"], "error");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("team's monthly budget of US$2.00")
    );
}

async fn budget_thresholds_email_owners_and_admins(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let team = team(&app.db, &app.config, &upstream.base_url, 3).await;
    team_members::set_role(&app.db, team.id, team.members[1], Role::Admin)
        .await
        .unwrap();
    set_team(&app.db, team.id, None, Some(1_000_000_000)).await;
    // One nano-dollar short of 80 %: the next request crosses it.
    spent(&app, &team, 2, 799_999_999).await;
    let served = answer(chat(&app.addr.to_string(), &team.keys[2])).await;
    assert_eq!(served.status, 200);
    let mut recipients = Vec::new();
    for _ in 0..200 {
        recipients = Vec::new();
        for member in &team.members {
            let emails = email_outbox::for_user(&app.db, *member).await.unwrap();
            if emails.iter().any(|e| e.template == "team_budget") {
                recipients.push(*member);
            }
        }
        if recipients.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(recipients, team.members[..2], "the owner and the admin");
    let email = email_outbox::for_user(&app.db, team.members[0])
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.template == "team_budget")
        .unwrap();
    let rendered = app.rendered(&email);
    assert!(rendered.subject.contains("80%"), "{}", rendered.subject);
    assert!(rendered.text.contains("US$1.00"), "{}", rendered.text);
}
