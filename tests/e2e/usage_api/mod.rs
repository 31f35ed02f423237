//! The usage dashboard over real HTTP: totals, grouping, series and percentiles from the
//! rollups, request logs with filters and cursor pagination, the streamed CSV/JSON export, the
//! permission layer (another user's key, connection or log is "not found"), and the migration
//! that fills the daily rollups. Shared here: users with keys and connections, and usage rows
//! recorded the way the proxy records them.

mod access;
mod backfill;
mod export;
mod logs;
mod summary;

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entities::usage_events::{self, NewUsage};
use entities::usage_latency::{bounds, bucket_of};
use entities::{Provider, api_keys, provider_accounts, users};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::support::graphql::{Gql, STRONG, signup_token};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, chat_body, spawn_app};

/// A signed-up user with a bearer session, two keys and two connections.
struct User {
    gql: Gql,
    token: String,
    id: Uuid,
    key1: Uuid,
    key2: Uuid,
    openai: Uuid,
    anthropic: Uuid,
}

async fn user(app: &TestApp) -> User {
    let mut gql = Gql::new(&app.url(""));
    let email = format!("{}@example.com", Uuid::new_v4().simple());
    gql.start_sign_up(&email, STRONG).await;
    let answer = gql
        .run(
            "mutation($t: String!, $p: String!) { completeSignUp(token: $t, password: $p, issueToken: true) { user { id } sessionToken } }",
            json!({"t": signup_token(app, &email).await, "p": STRONG}),
        )
        .await;
    let payload = &answer.data()["completeSignUp"];
    let id: Uuid = payload["user"]["id"].as_str().unwrap().parse().unwrap();
    let token = payload["sessionToken"].as_str().unwrap().to_owned();
    gql.bearer = Some(token.clone());
    // Two providers need a paid plan.
    users::ActiveModel {
        id: Set(id),
        plan_id: Set("pro".to_owned()),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    let (k1, secret) = api_keys::create(&app.db, id, "laptop").await.unwrap();
    let (k2, _) = api_keys::create(&app.db, id, "ci").await.unwrap();
    let caller = Caller {
        user_id: id,
        key_id: k1.id,
        email,
        key: secret,
    };
    let openai = app
        .add_account(&caller, Provider::OpenAi, "sk-a", None, &[])
        .await;
    let anthropic = app
        .add_account(&caller, Provider::Anthropic, "sk-b", None, &[])
        .await;
    User {
        gql,
        token,
        id,
        key1: k1.id,
        key2: k2.id,
        openai,
        anthropic,
    }
}

async fn app(backend: Backend) -> TestApp {
    spawn_app(backend, "http://127.0.0.1:9", &[]).await
}

/// A fixed day in the past, so hour boundaries never move under a test.
fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap()
}

/// One request; `n` scales tokens and cost so groups have distinct sums.
struct Ev {
    at: DateTime<Utc>,
    model: &'static str,
    key: Uuid,
    account: Option<(Uuid, &'static str)>,
    status: u16,
    latency: i64,
    n: i64,
}

fn usage(user: &User, e: &Ev) -> NewUsage {
    let failed = e.status >= 400;
    NewUsage {
        request_id: Uuid::new_v4(),
        user_id: user.id,
        team_id: None,
        api_key_id: e.key,
        account_id: e.account.map(|a| a.0),
        provider: e.account.map(|a| a.1.to_owned()),
        model: e.model.to_owned(),
        endpoint: "chat_completions",
        stream: e.n % 2 == 0,
        status_code: e.status,
        error_kind: failed.then_some(if e.status == 429 {
            "rate_limited"
        } else {
            "upstream_error"
        }),
        prompt_tokens: e.n,
        completion_tokens: e.n / 2,
        cached_tokens: e.n / 10,
        reasoning_tokens: e.n / 20,
        cost_nanos: e.n * 1_000,
        latency_ms: e.latency,
        ttft_ms: (!failed).then_some(e.latency / 2),
        created_at: e.at,
    }
}

async fn record(app: &TestApp, user: &User, events: &[Ev]) -> Vec<NewUsage> {
    let rows: Vec<NewUsage> = events.iter().map(|e| usage(user, e)).collect();
    usage_events::record_batch(&app.db, &rows, &[])
        .await
        .unwrap();
    rows
}

/// The fixed scenario: six requests in `[base, base + 48h)` and one just before it.
fn scenario(u: &User) -> Vec<Ev> {
    let b = base();
    let m = |mins: i64| b + TimeDelta::minutes(mins);
    let (oa, an) = (Some((u.openai, "openai")), Some((u.anthropic, "anthropic")));
    let ev = |at, model, key, account, status, latency, n| Ev {
        at,
        model,
        key,
        account,
        status,
        latency,
        n,
    };
    vec![
        ev(m(10), "gpt-4o-mini", u.key1, oa, 200, 100, 100),
        ev(m(50), "gpt-4o-mini", u.key2, oa, 200, 300, 200),
        ev(m(65), "claude-sonnet-4", u.key1, an, 500, 2000, 50),
        ev(m(180), "claude-sonnet-4", u.key1, an, 200, 800, 300),
        ev(m(210), "gpt-4o-mini", u.key2, None, 429, 1, 0),
        ev(m(26 * 60), "gpt-4o-mini", u.key1, oa, 200, 150, 10),
        ev(m(-60), "gpt-4o-mini", u.key1, oa, 200, 100, 1000),
    ]
}

fn custom(from: DateTime<Utc>, to: DateTime<Utc>) -> Value {
    json!({"from": from.to_rfc3339(), "to": to.to_rfc3339()})
}

const TOTALS: &str = "requests errors promptTokens completionTokens cachedTokens reasoningTokens costNanos costUsd latencyMsAvg latencyMsP50 latencyMsP95";

fn summary_query() -> String {
    format!(
        "query($r: UsageRange!, $g: UsageGroup, $f: UsageFilter) {{ usageSummary(range: $r, groupBy: $g, filter: $f) {{ from to totals {{ {TOTALS} }} groups {{ group label totals {{ {TOTALS} }} }} }} }}"
    )
}

async fn summary(u: &mut User, range: Value, group: Value, filter: Value) -> Value {
    let answer = u
        .gql
        .run(
            &summary_query(),
            json!({"r": range, "g": group, "f": filter}),
        )
        .await;
    answer.data()["usageSummary"].clone()
}

/// `[group, requests]` of each group, in answer order.
fn groups(summary: &Value) -> Vec<(Value, i64)> {
    summary["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["group"].clone(),
                g["totals"]["requests"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn in_bucket_of(value: &Value, truth: i64) -> bool {
    let v = value.as_i64().unwrap();
    let (lower, upper) = bounds(bucket_of(truth));
    lower <= v && v <= upper
}

const SERIES: &str = "query($r: UsageRange!, $b: UsageBucket!, $g: UsageGroup, $o: Int) { usageSeries(range: $r, bucket: $b, groupBy: $g, utcOffsetMinutes: $o) { from to bucket series { group label points { at totals { requests errors promptTokens latencyMsP50 latencyMsP95 } } } } }";

const LOGS: &str = "query($f: RequestLogFilter, $n: Int, $a: String) { requestLogs(filter: $f, first: $n, after: $a) { nextCursor items { id createdAt model provider apiKeyId accountId endpoint stream statusCode errorKind promptTokens completionTokens cachedTokens reasoningTokens costNanos costUsd latencyMs ttftMs } } }";

/// Every page of `requestLogs` with `filter`, `first` at a time.
async fn all_logs(u: &mut User, filter: Value, first: i64) -> Vec<Value> {
    let mut items = Vec::new();
    let mut after = Value::Null;
    loop {
        let vars = json!({"f": filter, "n": first, "a": after});
        let page = u.gql.run(LOGS, vars).await.data()["requestLogs"].clone();
        let got = page["items"].as_array().unwrap();
        assert!(got.len() as i64 <= first);
        items.extend(got.iter().cloned());
        after = page["nextCursor"].clone();
        if after.is_null() {
            return items;
        }
        assert_eq!(got.len() as i64, first, "only the last page is short");
    }
}

fn ids(items: &[Value]) -> Vec<String> {
    items
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

/// 130 requests, three to a timestamp (so pages must break ties by id).
fn many(u: &User, n: i64) -> Vec<Ev> {
    (0..n)
        .map(|i| Ev {
            at: base() + TimeDelta::minutes(i / 3),
            model: if i % 2 == 0 { "gpt-4o" } else { "claude-haiku" },
            key: if i % 3 == 0 { u.key2 } else { u.key1 },
            account: if i % 5 == 0 {
                None
            } else if i % 2 == 0 {
                Some((u.openai, "openai"))
            } else {
                Some((u.anthropic, "anthropic"))
            },
            status: if i % 7 == 0 { 502 } else { 200 },
            latency: 100 + i,
            n: i,
        })
        .collect()
}

fn parse(t: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc)
}

async fn export(app: &TestApp, token: &str, params: &[(&str, &str)]) -> reqwest::Response {
    let url = url::Url::parse_with_params(&app.url("/api/usage/export"), params).unwrap();
    app.http.get(url).bearer_auth(token).send().await.unwrap()
}
