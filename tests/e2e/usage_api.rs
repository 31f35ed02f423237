//! The usage dashboard over real HTTP: totals, grouping, series and percentiles from the hourly
//! rollups, request logs with filters and cursor pagination, the streamed CSV/JSON export, and
//! the permission layer (another user's key, connection or log is "not found").

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use entities::usage_events::{self, NewUsage};
use entities::usage_latency::{bounds, bucket_of};
use entities::{Provider, api_keys, provider_accounts, users};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::on_both_backends;
use crate::support::graphql::{Gql, STRONG};
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, Caller, TestApp, chat_body, spawn_app};

on_both_backends!(
    summary_totals_groups_and_percentiles_are_exact,
    presets_cover_the_last_hours,
    series_have_a_point_per_bucket,
    proxied_requests_reach_summary_and_logs,
    logs_paginate_without_gaps_or_duplicates,
    logs_filters_match_the_rows,
    bad_input_is_refused_with_codes,
    other_users_ids_are_not_found,
    export_streams_the_logs_as_csv_and_json,
    export_needs_a_session_and_valid_input,
    older_hourly_rollups_are_summed_into_daily_ones,
);

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
    let answer = gql
        .run(
            "mutation($e: String!, $p: String!) { signUp(email: $e, password: $p, issueToken: true) { user { id } sessionToken } }",
            json!({"e": email, "p": STRONG}),
        )
        .await;
    let payload = &answer.data()["signUp"];
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
    usage_events::record_batch(&app.db, rows.clone(), &[])
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

async fn summary_totals_groups_and_percentiles_are_exact(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    record(&app, &u, &scenario(&u)).await;
    let range = custom(base(), base() + TimeDelta::hours(48));

    let s = summary(&mut u, range.clone(), Value::Null, Value::Null).await;
    let t = &s["totals"];
    assert_eq!(t["requests"], 6);
    assert_eq!(t["errors"], 2);
    assert_eq!(t["promptTokens"], 660);
    assert_eq!(t["completionTokens"], 50 + 100 + 25 + 150 + 5);
    assert_eq!(t["cachedTokens"], 10 + 20 + 5 + 30 + 1);
    assert_eq!(t["reasoningTokens"], 5 + 10 + 2 + 15);
    assert_eq!(t["costNanos"], 660_000);
    assert_eq!(t["costUsd"], 0.00066);
    assert_eq!(t["latencyMsAvg"], 3351.0 / 6.0);
    // Latencies 1, 100, 150, 300, 800, 2000: the 3rd and the 95th-percentile 6th.
    assert!(in_bucket_of(&t["latencyMsP50"], 150), "{t}");
    assert!(in_bucket_of(&t["latencyMsP95"], 2000), "{t}");
    assert!(s["groups"].as_array().unwrap().is_empty());
    assert_eq!(s["from"].as_str().unwrap(), base().to_rfc3339());

    let by_model = summary(&mut u, range.clone(), json!("MODEL"), Value::Null).await;
    assert_eq!(
        groups(&by_model),
        vec![(json!("gpt-4o-mini"), 4), (json!("claude-sonnet-4"), 2)]
    );
    let claude = &by_model["groups"][1]["totals"];
    assert_eq!(
        (&claude["errors"], &claude["promptTokens"]),
        (&json!(1), &json!(350))
    );
    assert!(in_bucket_of(&claude["latencyMsP95"], 2000), "{claude}");

    let by_provider = summary(&mut u, range.clone(), json!("PROVIDER"), Value::Null).await;
    assert_eq!(
        groups(&by_provider),
        vec![
            (json!("openai"), 3),
            (json!("anthropic"), 2),
            (Value::Null, 1)
        ]
    );

    let by_key = summary(&mut u, range.clone(), json!("API_KEY"), Value::Null).await;
    assert_eq!(
        groups(&by_key),
        vec![
            (json!(u.key1.to_string()), 4),
            (json!(u.key2.to_string()), 2)
        ]
    );
    assert_eq!(by_key["groups"][0]["label"], "laptop");
    assert_eq!(by_key["groups"][1]["label"], "ci");
    assert_eq!(by_key["groups"][1]["totals"]["costNanos"], 200_000);

    let by_account = summary(&mut u, range.clone(), json!("ACCOUNT"), Value::Null).await;
    assert_eq!(
        groups(&by_account),
        vec![
            (json!(u.openai.to_string()), 3),
            (json!(u.anthropic.to_string()), 2),
            (Value::Null, 1)
        ]
    );
    let label = provider_accounts::find(&app.db, u.openai)
        .await
        .unwrap()
        .label;
    assert_eq!(by_account["groups"][0]["label"], json!(label));

    // A filter narrows every figure; grouping inside it still works.
    let key1 = u.key1;
    let filtered = summary(
        &mut u,
        range.clone(),
        json!("MODEL"),
        json!({"apiKeyId": key1, "provider": "anthropic"}),
    )
    .await;
    assert_eq!(filtered["totals"]["requests"], 2);
    assert_eq!(groups(&filtered), vec![(json!("claude-sonnet-4"), 2)]);

    // The hour before the range holds the 7th request.
    let wider = summary(
        &mut u,
        custom(base() - TimeDelta::hours(1), base() + TimeDelta::hours(48)),
        Value::Null,
        Value::Null,
    )
    .await;
    assert_eq!(wider["totals"]["requests"], 7);
    // Custom bounds round out to whole hours.
    let rounded = summary(
        &mut u,
        custom(
            base() + TimeDelta::minutes(30),
            base() + TimeDelta::minutes(61),
        ),
        Value::Null,
        Value::Null,
    )
    .await;
    assert_eq!(rounded["totals"]["requests"], 3);
    assert_eq!(
        rounded["to"].as_str().unwrap(),
        (base() + TimeDelta::hours(2)).to_rfc3339()
    );
    app.stop().await;
}

async fn presets_cover_the_last_hours(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    let now = Utc::now();
    let oa = Some((u.openai, "openai"));
    let ev = |ago: TimeDelta| Ev {
        at: now - ago,
        model: "gpt-4o",
        key: u.key1,
        account: oa,
        status: 200,
        latency: 10,
        n: 1,
    };
    let events = [
        ev(TimeDelta::minutes(1)),
        ev(TimeDelta::hours(5)),
        ev(TimeDelta::days(3)),
        ev(TimeDelta::days(10)),
        ev(TimeDelta::days(40)),
    ];
    record(&app, &u, &events).await;
    for (preset, expected) in [("LAST_24H", 2), ("LAST_7D", 3), ("LAST_30D", 4)] {
        let s = summary(&mut u, json!({"preset": preset}), Value::Null, Value::Null).await;
        assert_eq!(s["totals"]["requests"], expected, "{preset}");
    }
    let empty = summary(
        &mut u,
        custom(base() - TimeDelta::days(300), base() - TimeDelta::days(299)),
        json!("MODEL"),
        Value::Null,
    )
    .await;
    assert_eq!(empty["totals"]["requests"], 0);
    assert!(empty["totals"]["latencyMsP50"].is_null());
    assert!(empty["groups"].as_array().unwrap().is_empty());
    app.stop().await;
}

const SERIES: &str = "query($r: UsageRange!, $b: UsageBucket!, $g: UsageGroup, $o: Int) { usageSeries(range: $r, bucket: $b, groupBy: $g, utcOffsetMinutes: $o) { from to bucket series { group label points { at totals { requests errors promptTokens latencyMsP50 latencyMsP95 } } } } }";

/// `(at, requests)` of each point of the `i`-th series.
fn points(series: &Value, i: usize) -> Vec<(DateTime<Utc>, i64)> {
    series["series"][i]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let at = DateTime::parse_from_rfc3339(p["at"].as_str().unwrap()).unwrap();
            (
                at.with_timezone(&Utc),
                p["totals"]["requests"].as_i64().unwrap(),
            )
        })
        .collect()
}

async fn series_have_a_point_per_bucket(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    record(&app, &u, &scenario(&u)).await;
    let b = base();
    let h = |n: i64| b + TimeDelta::hours(n);
    let mut run = async |range: Value, bucket: &str, group: Value, offset: i32| {
        let vars = json!({"r": range, "b": bucket, "g": group, "o": offset});
        u.gql.run(SERIES, vars).await.data()["usageSeries"].clone()
    };

    let hourly = run(custom(b, h(6)), "HOUR", Value::Null, 0).await;
    assert_eq!(hourly["series"].as_array().unwrap().len(), 1);
    let expected: Vec<_> = [2, 1, 0, 2, 0, 0]
        .iter()
        .enumerate()
        .map(|(i, n)| (h(i as i64), *n))
        .collect();
    assert_eq!(points(&hourly, 0), expected);
    assert_eq!(hourly["series"][0]["points"][1]["totals"]["errors"], 1);
    assert!(hourly["series"][0]["points"][2]["totals"]["latencyMsP50"].is_null());

    let daily = run(custom(b, h(48)), "DAY", Value::Null, 0).await;
    assert_eq!(points(&daily, 0), vec![(b, 5), (h(24), 1)]);
    assert_eq!(daily["bucket"], "DAY");

    // Days in UTC+7 start at 17:00 UTC.
    let wib = run(custom(b, h(48)), "DAY", Value::Null, 420).await;
    assert_eq!(points(&wib, 0), vec![(h(-7), 5), (h(17), 1), (h(41), 0)]);

    let by_model = run(custom(b, h(48)), "DAY", json!("MODEL"), 0).await;
    assert_eq!(by_model["series"][0]["group"], "gpt-4o-mini");
    assert_eq!(points(&by_model, 0), vec![(b, 3), (h(24), 1)]);
    assert_eq!(by_model["series"][1]["group"], "claude-sonnet-4");
    assert_eq!(points(&by_model, 1), vec![(b, 2), (h(24), 0)]);

    let by_key = run(custom(b, h(4)), "HOUR", json!("API_KEY"), 0).await;
    assert_eq!(by_key["series"][0]["label"], "laptop");
    assert_eq!(
        points(&by_key, 0),
        vec![(b, 1), (h(1), 1), (h(2), 0), (h(3), 1)]
    );

    let nothing = run(custom(h(100), h(110)), "HOUR", Value::Null, 0).await;
    assert!(nothing["series"].as_array().unwrap().is_empty());

    // A request at 20:00 UTC on the first day is in that UTC day but on the next day in UTC+7
    // (whose days the daily rollups do not follow): it moves there exactly, percentiles too.
    let late = Ev {
        at: h(20),
        model: "gpt-4o-mini",
        key: u.key1,
        account: Some((u.openai, "openai")),
        status: 200,
        latency: 5000,
        n: 7,
    };
    record(&app, &u, &[late]).await;
    let vars = |o: i32| json!({"r": custom(b, h(48)), "b": "DAY", "o": o});
    let utc = u.gql.run(SERIES, vars(0)).await.data()["usageSeries"].clone();
    assert_eq!(points(&utc, 0), vec![(b, 6), (h(24), 1)]);
    let wib = u.gql.run(SERIES, vars(420)).await.data()["usageSeries"].clone();
    assert_eq!(points(&wib, 0), vec![(h(-7), 5), (h(17), 2), (h(41), 0)]);
    let moved = &wib["series"][0]["points"][1]["totals"];
    assert_eq!(moved["promptTokens"], 10 + 7);
    assert!(in_bucket_of(&moved["latencyMsP50"], 150), "{moved}");
    let stayed = &wib["series"][0]["points"][0]["totals"];
    assert!(in_bucket_of(&stayed["latencyMsP95"], 2000), "{stayed}");
    // UTC−5: the first five hours of each UTC day belong to the local day before.
    let est = u.gql.run(SERIES, vars(-300)).await.data()["usageSeries"].clone();
    assert_eq!(points(&est, 0), vec![(h(-19), 5), (h(5), 2), (h(29), 0)]);
    app.stop().await;
}

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

async fn proxied_requests_reach_summary_and_logs(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let mut u = user(&app).await;
    let (_, secret) = api_keys::create(&app.db, u.id, "proxy").await.unwrap();
    for _ in 0..2 {
        let response = app
            .chat(&secret, chat_body("gpt-4o-mini", false))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let caller = Caller {
        user_id: u.id,
        key_id: u.key1,
        email: String::new(),
        key: secret,
    };
    let rows = app.usage_rows(&caller, 2).await;
    let s = summary(
        &mut u,
        json!({"preset": "LAST_24H"}),
        json!("MODEL"),
        Value::Null,
    )
    .await;
    let t = &s["totals"];
    assert_eq!(t["requests"], 2);
    // The mock answers 12 prompt (4 cached), 5 completion (2 reasoning) tokens: 4 500 nano-USD.
    assert_eq!(
        (&t["promptTokens"], &t["cachedTokens"], &t["costNanos"]),
        (&json!(24), &json!(8), &json!(9_000))
    );
    assert_eq!(groups(&s), vec![(json!("gpt-4o-mini"), 2)]);

    let logs = all_logs(&mut u, Value::Null, 50).await;
    assert_eq!(logs.len(), 2);
    let newest = rows.iter().max_by_key(|r| (r.created_at, r.id)).unwrap();
    let item = &logs[0];
    assert_eq!(item["id"], json!(newest.request_id.to_string()));
    assert_eq!(item["provider"], "openai");
    assert_eq!(item["statusCode"], 200);
    assert_eq!(item["completionTokens"], 5);
    assert_eq!(item["latencyMs"], json!(newest.latency_ms));
    assert_eq!(
        item["accountId"],
        json!(newest.account_id.unwrap().to_string())
    );

    let one = u
        .gql
        .run(
            "query($id: UUID!) { requestLog(id: $id) { id costNanos } }",
            json!({"id": newest.request_id}),
        )
        .await;
    assert_eq!(one.data()["requestLog"]["costNanos"], 4_500);
    app.stop().await;
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

async fn logs_paginate_without_gaps_or_duplicates(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    record(&app, &u, &many(&u, 130)).await;
    let stored = usage_events::Entity::find()
        .filter(usage_events::Column::UserId.eq(u.id))
        .order_by_desc(usage_events::Column::CreatedAt)
        .order_by_desc(usage_events::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let expected: Vec<String> = stored.iter().map(|r| r.request_id.to_string()).collect();

    for first in [1, 25, 130, 200] {
        let got = all_logs(&mut u, Value::Null, first).await;
        assert_eq!(ids(&got), expected, "pages of {first}");
    }

    // Rows arriving between pages (newer ones) neither shift nor repeat the pages being read.
    let vars = json!({"n": 40});
    let page = u.gql.run(LOGS, vars).await.data()["requestLogs"].clone();
    let mut seen = ids(page["items"].as_array().unwrap());
    let later = Ev {
        at: base() + TimeDelta::hours(5),
        ..many(&u, 1).remove(0)
    };
    record(&app, &u, &[later]).await;
    let mut after = page["nextCursor"].clone();
    while !after.is_null() {
        let vars = json!({"n": 40, "a": after});
        let page = u.gql.run(LOGS, vars).await.data()["requestLogs"].clone();
        seen.extend(ids(page["items"].as_array().unwrap()));
        after = page["nextCursor"].clone();
    }
    assert_eq!(seen, expected);
    app.stop().await;
}

async fn logs_filters_match_the_rows(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    let rows = record(&app, &u, &many(&u, 130)).await;
    let (key2, anthropic) = (u.key2, u.anthropic);
    let t20 = base() + TimeDelta::minutes(20);
    let t30 = base() + TimeDelta::minutes(30);
    type Pick = Box<dyn Fn(&NewUsage) -> bool>;
    let cases: Vec<(Value, Pick)> = vec![
        (
            json!({"model": "gpt-4o"}),
            Box::new(|r| r.model == "gpt-4o"),
        ),
        (
            json!({"provider": "anthropic"}),
            Box::new(|r| r.provider.as_deref() == Some("anthropic")),
        ),
        (
            json!({"apiKeyId": key2}),
            Box::new(move |r| r.api_key_id == key2),
        ),
        (
            json!({"accountId": anthropic, "status": "OK"}),
            Box::new(move |r| r.account_id == Some(anthropic) && r.status_code < 400),
        ),
        (json!({"status": "ERROR"}), Box::new(|r| r.is_error())),
        (
            json!({"from": t20.to_rfc3339(), "to": t30.to_rfc3339(), "model": "claude-haiku"}),
            Box::new(move |r| {
                r.created_at >= t20 && r.created_at < t30 && r.model == "claude-haiku"
            }),
        ),
    ];
    for (filter, pick) in cases {
        let got = all_logs(&mut u, filter.clone(), 7).await;
        let mut got_ids = ids(&got);
        let mut want: Vec<String> = rows
            .iter()
            .filter(|r| pick(r))
            .map(|r| r.request_id.to_string())
            .collect();
        assert!(!want.is_empty(), "{filter}");
        got_ids.sort();
        want.sort();
        assert_eq!(got_ids, want, "{filter}");
        let times: Vec<&str> = got
            .iter()
            .map(|i| i["createdAt"].as_str().unwrap())
            .collect();
        assert!(
            times.windows(2).all(|w| parse(w[0]) >= parse(w[1])),
            "{filter}"
        );
    }
    app.stop().await;
}

fn parse(t: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(t).unwrap().with_timezone(&Utc)
}

async fn bad_input_is_refused_with_codes(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    let b = base();
    let bad_ranges = [
        json!({}),
        json!({"preset": "LAST_24H", "from": b.to_rfc3339(), "to": (b + TimeDelta::hours(1)).to_rfc3339()}),
        json!({"from": b.to_rfc3339()}),
        custom(b, b),
        custom(b + TimeDelta::hours(1), b),
        custom(b, b + TimeDelta::days(401)),
    ];
    for range in bad_ranges {
        let answer = u
            .gql
            .run(&summary_query(), json!({"r": range.clone()}))
            .await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{range}");
        let series = u
            .gql
            .run(SERIES, json!({"r": range.clone(), "b": "DAY"}))
            .await;
        assert_eq!(series.code(), "BAD_USER_INPUT", "{range}");
    }
    let series_cases = [
        (custom(b, b + TimeDelta::days(32)), "HOUR", 0),
        (custom(b, b + TimeDelta::days(2)), "DAY", 30),
        (custom(b, b + TimeDelta::days(2)), "DAY", 15 * 60),
    ];
    for (range, bucket, offset) in series_cases {
        let vars = json!({"r": range, "b": bucket, "o": offset});
        let answer = u.gql.run(SERIES, vars).await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{bucket} {offset}");
    }
    let log_cases = [
        json!({"n": 0}),
        json!({"n": 201}),
        json!({"a": "not-a-cursor"}),
        json!({"f": {"from": b.to_rfc3339(), "to": b.to_rfc3339()}}),
    ];
    for vars in log_cases {
        let answer = u.gql.run(LOGS, vars.clone()).await;
        assert_eq!(answer.code(), "BAD_USER_INPUT", "{vars}");
    }
    // Not a value of the enum: refused before any resolver runs.
    let answer = u
        .gql
        .run(SERIES, json!({"r": {"preset": "LAST_YEAR"}, "b": "DAY"}))
        .await;
    assert_eq!(answer.code(), "GRAPHQL_VALIDATION_FAILED");
    let answer = u
        .gql
        .run(
            "query($id: UUID!) { requestLog(id: $id) { id } }",
            json!({"id": Uuid::new_v4()}),
        )
        .await;
    assert_eq!(answer.code(), "NOT_FOUND");

    let mut anonymous = Gql::new(&app.url(""));
    for (query, vars) in [
        (summary_query(), json!({"r": {"preset": "LAST_24H"}})),
        (
            SERIES.to_owned(),
            json!({"r": {"preset": "LAST_24H"}, "b": "DAY"}),
        ),
        (LOGS.to_owned(), json!({})),
    ] {
        let answer = anonymous.run(&query, vars).await;
        assert_eq!(answer.code(), "UNAUTHENTICATED");
    }
    app.stop().await;
}

async fn other_users_ids_are_not_found(backend: Backend) {
    let app = app(backend).await;
    let mut ana = user(&app).await;
    let budi = user(&app).await;
    record(&app, &ana, &scenario(&ana)).await;
    let budi_rows = record(&app, &budi, &scenario(&budi)).await;
    let range = custom(base(), base() + TimeDelta::hours(48));
    let foreign = [
        json!({"apiKeyId": budi.key1}),
        json!({"accountId": budi.openai}),
        json!({"apiKeyId": ana.key1, "accountId": budi.anthropic}),
    ];
    for filter in &foreign {
        let vars = json!({"r": range, "f": filter});
        let answer = ana.gql.run(&summary_query(), vars).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{filter}");
        let series = "query($r: UsageRange!, $f: UsageFilter) { usageSeries(range: $r, bucket: DAY, filter: $f) { from } }";
        let answer = ana.gql.run(series, json!({"r": range, "f": filter})).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{filter}");
        let answer = ana.gql.run(LOGS, json!({"f": filter})).await;
        assert_eq!(answer.code(), "NOT_FOUND", "{filter}");
    }
    let answer = ana
        .gql
        .run(
            "query($id: UUID!) { requestLog(id: $id) { id } }",
            json!({"id": budi_rows[0].request_id}),
        )
        .await;
    assert_eq!(answer.code(), "NOT_FOUND");
    let foreign_key = budi.key1.to_string();
    let export = export(&app, &ana.token, &[("apiKeyId", foreign_key.as_str())]).await;
    assert_eq!(export.status(), 404);
    let body: Value = export.json().await.unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");

    // Ana sees her six requests in range, never Budi's.
    let s = summary(&mut ana, range, Value::Null, Value::Null).await;
    assert_eq!(s["totals"]["requests"], 6);
    let logs = all_logs(&mut ana, Value::Null, 200).await;
    assert_eq!(logs.len(), 7);
    let theirs: Vec<String> = budi_rows.iter().map(|r| r.request_id.to_string()).collect();
    assert!(ids(&logs).iter().all(|id| !theirs.contains(id)));
    app.stop().await;
}

async fn export(app: &TestApp, token: &str, params: &[(&str, &str)]) -> reqwest::Response {
    let url = url::Url::parse_with_params(&app.url("/api/usage/export"), params).unwrap();
    app.http.get(url).bearer_auth(token).send().await.unwrap()
}

/// The GraphQL log item as the CSV export writes it.
fn as_csv(item: &Value) -> Vec<String> {
    let text = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_default();
    let num = |v: &Value| v.as_i64().map(|n| n.to_string()).unwrap_or_default();
    let nanos = item["costNanos"].as_i64().unwrap();
    vec![
        parse(item["createdAt"].as_str().unwrap()).to_rfc3339(),
        text(&item["id"]),
        text(&item["model"]),
        text(&item["provider"]),
        text(&item["apiKeyId"]),
        text(&item["accountId"]),
        text(&item["endpoint"]),
        item["stream"].to_string(),
        num(&item["statusCode"]),
        text(&item["errorKind"]),
        num(&item["promptTokens"]),
        num(&item["completionTokens"]),
        num(&item["cachedTokens"]),
        num(&item["reasoningTokens"]),
        format!("{}.{:09}", nanos / 1_000_000_000, nanos % 1_000_000_000),
        num(&item["latencyMs"]),
        num(&item["ttftMs"]),
    ]
}

async fn export_streams_the_logs_as_csv_and_json(backend: Backend) {
    let app = app(backend).await;
    let mut u = user(&app).await;
    // More rows than one read (500), with ties, so the export pages like the API does.
    record(&app, &u, &many(&u, 1_201)).await;
    let logs = all_logs(&mut u, Value::Null, 200).await;
    assert_eq!(logs.len(), 1_201);

    let response = export(&app, &u.token, &[("format", "csv")]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"satu-usage-")
            && disposition.ends_with(".csv\""),
        "{disposition}"
    );
    let csv = response.text().await.unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("created_at,request_id,model,provider")
    );
    let rows: Vec<Vec<String>> = lines
        .map(|l| {
            let mut cells: Vec<String> = l.split(',').map(str::to_owned).collect();
            cells[0] = parse(&cells[0]).to_rfc3339();
            cells
        })
        .collect();
    let want: Vec<Vec<String>> = logs.iter().map(as_csv).collect();
    assert_eq!(rows, want);

    // JSON, this time with the session in the cookie the browser sends.
    let response = app
        .http
        .get(app.url("/api/usage/export?format=json"))
        .header("cookie", format!("satu_session={}", u.token))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let exported: Vec<Value> = response.json().await.unwrap();
    assert_eq!(exported.len(), logs.len());
    for (got, want) in exported.iter().zip(&logs) {
        let mut got = got.clone();
        let mut want = want.clone();
        for v in [&mut got, &mut want] {
            let at = parse(v["createdAt"].as_str().unwrap());
            v["createdAt"] = json!(at.to_rfc3339());
        }
        assert_eq!(got, want);
    }

    // The same filters as requestLogs.
    let filter = json!({"model": "claude-haiku", "status": "ERROR"});
    let filtered_logs = all_logs(&mut u, filter, 200).await;
    let params = [
        ("format", "json"),
        ("model", "claude-haiku"),
        ("status", "error"),
    ];
    let filtered: Vec<Value> = export(&app, &u.token, &params).await.json().await.unwrap();
    assert!(!filtered.is_empty());
    assert_eq!(ids(&filtered), ids(&filtered_logs));

    // Nothing to export is still a valid file.
    let params = [("format", "json"), ("model", "none")];
    let empty: Vec<Value> = export(&app, &u.token, &params).await.json().await.unwrap();
    assert!(empty.is_empty());
    app.stop().await;
}

async fn export_needs_a_session_and_valid_input(backend: Backend) {
    let app = app(backend).await;
    let u = user(&app).await;
    let anonymous = app
        .http
        .get(app.url("/api/usage/export?format=csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    let body: Value = anonymous.json().await.unwrap();
    assert_eq!(body["error"]["code"], "UNAUTHENTICATED");
    let stale = export(&app, "satu_sess_not-a-session", &[]).await;
    assert_eq!(stale.status(), 401);

    let b = base().to_rfc3339();
    let bad = [
        vec![("format", "xml")],
        vec![("from", "yesterday")],
        vec![("from", b.as_str()), ("to", b.as_str())],
        vec![("status", "maybe")],
        vec![("apiKeyId", "not-a-uuid")],
        vec![("unknown", "1")],
    ];
    for params in bad {
        let response = export(&app, &u.token, &params).await;
        assert_eq!(response.status(), 400, "{params:?}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "BAD_USER_INPUT", "{params:?}");
    }
    app.stop().await;
}

/// Rollups written before the daily tables existed: the migration sums them per UTC and per WIB
/// day, so long ranges and WIB days read the same figures as the hourly rows hold.
async fn older_hourly_rollups_are_summed_into_daily_ones(backend: Backend) {
    use entities::usage_queries::{self as q, Bucket, Filter, Range};
    use migration::{Migrator, MigratorTrait};

    let test_db = crate::support::TestDb::new(backend).await;
    let db = sea_orm::Database::connect(&test_db.url).await.unwrap();
    // The migrations before the usage dashboard's.
    Migrator::up(&db, Some(7)).await.unwrap();
    let user = Uuid::new_v4();
    let b = base();
    for (hours, model, requests) in [(1, "a", 3), (1, "b", 4), (20, "a", 5), (30, "a", 6)] {
        let row = entities::usage_hourly::Model {
            id: 0,
            user_id: user,
            hour: b + TimeDelta::hours(hours),
            api_key_id: Uuid::nil(),
            account_id: Uuid::nil(),
            provider: "openai".to_owned(),
            model: model.to_owned(),
            requests,
            errors: 1,
            prompt_tokens: 10 * requests,
            completion_tokens: requests,
            cached_tokens: 0,
            reasoning_tokens: 0,
            cost_nanos: 100 * requests,
            latency_ms_sum: 50 * requests,
        };
        let mut row: entities::usage_hourly::ActiveModel = row.into();
        row.id = sea_orm::ActiveValue::NotSet;
        row.insert(&db).await.unwrap();
    }
    Migrator::up(&db, None).await.unwrap();

    let range = Range::new(b, b + TimeDelta::hours(48)).unwrap();
    let all = Filter::default();
    let summary = q::summary(&db, user, range, &all, None).await.unwrap();
    let totals = &summary[0].1;
    assert_eq!((totals.requests, totals.cost_nanos), (18, 1_800));
    assert_eq!(
        totals.latency.quantile(0.5),
        None,
        "no histogram before the migration"
    );
    let by_day = |offset| Bucket::Day {
        utc_offset_minutes: offset,
    };
    let requests = |series: Vec<q::Series>| -> Vec<i64> {
        series[0].points.iter().map(|(_, t)| t.requests).collect()
    };
    let utc = q::series(&db, user, range, &all, None, by_day(0)).await;
    assert_eq!(requests(utc.unwrap()), vec![12, 6]);
    // WIB days start at 17:00 UTC: hour 20 joins hour 30's day.
    let wib = q::series(&db, user, range, &all, None, by_day(420)).await;
    assert_eq!(requests(wib.unwrap()), vec![7, 11, 0]);
    db.close().await.unwrap();
    test_db.drop().await;
}
