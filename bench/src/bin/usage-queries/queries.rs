//! The dashboard's queries, run through the real GraphQL schema in process (permission layer,
//! resolvers, DTOs; no HTTP), many times each, timed one at a time.

use std::time::{Duration, Instant};

use api::graphql::SatuSchema;
use api::graphql::context::{RequestMeta, Scope, Via, Viewer};
use async_graphql::{Request, Variables};
use chrono::{TimeDelta, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

const TOTALS: &str = "requests errors promptTokens completionTokens cachedTokens costUsd latencyMsAvg latencyMsP50 latencyMsP95";

pub struct Case {
    pub name: String,
    query: String,
    vars: Value,
}

fn case(name: &str, query: String, vars: Value) -> Case {
    Case {
        name: name.to_owned(),
        query,
        vars,
    }
}

fn summary(name: &str, range: Value, group: Value) -> Case {
    let query = format!(
        "query($r: UsageRange!, $g: UsageGroup) {{ usageSummary(range: $r, groupBy: $g) {{ totals {{ {TOTALS} }} groups {{ group label totals {{ {TOTALS} }} }} }} }}"
    );
    case(name, query, json!({"r": range, "g": group}))
}

/// Days start at midnight `offset` minutes east of UTC (420: WIB, Jakarta).
fn series(name: &str, preset: &str, bucket: &str, group: Value, offset: i32) -> Case {
    let query = format!(
        "query($r: UsageRange!, $b: UsageBucket!, $g: UsageGroup, $o: Int) {{ usageSeries(range: $r, bucket: $b, groupBy: $g, utcOffsetMinutes: $o) {{ series {{ group label points {{ at totals {{ {TOTALS} }} }} }} }} }}"
    );
    let vars = json!({"r": {"preset": preset}, "b": bucket, "g": group, "o": offset});
    case(name, query, vars)
}

fn preset(name: &str) -> Value {
    json!({ "preset": name })
}

fn logs(name: &str, filter: Value, after: Option<String>) -> Case {
    let query = "query($f: RequestLogFilter, $a: String) { requestLogs(filter: $f, first: 50, after: $a) { nextCursor items { id createdAt model provider apiKeyId statusCode promptTokens completionTokens cachedTokens costUsd latencyMs } } }".to_owned();
    case(name, query, json!({"f": filter, "a": after}))
}

/// The cases for one user; `deep` is a cursor far into their logs, `key` one of their keys.
pub fn cases(deep: String, key: Uuid) -> Vec<Case> {
    let now = Utc::now();
    let day = now - TimeDelta::days(20);
    let quarter = json!({"from": (now - TimeDelta::days(90)).to_rfc3339(), "to": now.to_rfc3339()});
    let (model, provider) = (json!("MODEL"), json!("PROVIDER"));
    vec![
        summary("summary 24h, totals", preset("LAST_24H"), Value::Null),
        summary("summary 7d by model", preset("LAST_7D"), model.clone()),
        summary(
            "summary 30d by API key",
            preset("LAST_30D"),
            json!("API_KEY"),
        ),
        summary(
            "summary 30d by account",
            preset("LAST_30D"),
            json!("ACCOUNT"),
        ),
        summary("summary 90d (custom) by model", quarter, model.clone()),
        series(
            "series 24h hourly by model",
            "LAST_24H",
            "HOUR",
            model.clone(),
            420,
        ),
        series("series 7d hourly", "LAST_7D", "HOUR", Value::Null, 420),
        series(
            "series 30d daily (WIB) by provider",
            "LAST_30D",
            "DAY",
            provider,
            420,
        ),
        series(
            "series 30d daily (UTC) by model",
            "LAST_30D",
            "DAY",
            model.clone(),
            0,
        ),
        series(
            "series 30d daily (WITA, 1 tail hour a day)",
            "LAST_30D",
            "DAY",
            model.clone(),
            480,
        ),
        series(
            "series 30d daily (UTC−4, 4 tail hours a day, the most)",
            "LAST_30D",
            "DAY",
            model,
            -240,
        ),
        logs("logs, first page", Value::Null, None),
        logs("logs, page halfway back (cursor)", Value::Null, Some(deep)),
        logs(
            "logs, model + errors only",
            json!({"model": "claude-opus-4", "status": "ERROR"}),
            None,
        ),
        logs("logs, one API key", json!({"apiKeyId": key}), None),
        logs(
            "logs, one day 20 days ago",
            json!({"from": day.to_rfc3339(), "to": (day + TimeDelta::days(1)).to_rfc3339()}),
            None,
        ),
    ]
}

pub struct Timing {
    pub p50: Duration,
    pub p95: Duration,
    pub max: Duration,
}

/// Runs `case` `warmup + n` times as `user`; times the last `n`.
pub async fn time(
    schema: &SatuSchema,
    user: Uuid,
    case: &Case,
    warmup: usize,
    n: usize,
) -> anyhow::Result<Timing> {
    let mut samples = Vec::with_capacity(n);
    for i in 0..warmup + n {
        let meta = RequestMeta {
            viewer: Some(Viewer {
                user_id: user,
                session_id: Uuid::nil(),
                via: Via::Bearer,
                scope: Ok(Scope::personal(user)),
                google_hd: None,
                impersonation: None,
            }),
            ..RequestMeta::default()
        };
        let request = Request::new(case.query.clone())
            .variables(Variables::from_json(case.vars.clone()))
            .data(meta);
        let started = Instant::now();
        let response = schema.execute(request).await;
        let took = started.elapsed();
        anyhow::ensure!(
            response.errors.is_empty(),
            "{}: {:?}",
            case.name,
            response.errors
        );
        if i >= warmup {
            samples.push(took);
        }
    }
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    Ok(Timing {
        p50: at(0.5),
        p95: at(0.95),
        max: at(1.0),
    })
}
