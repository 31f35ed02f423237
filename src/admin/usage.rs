//! `satu admin usage`: a user's latest requests, as a table or JSON.

use std::io::Write;

use anyhow::Context;
use entities::usage_events;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

pub async fn print(
    db: &DatabaseConnection,
    user_id: Uuid,
    json: bool,
    limit: u64,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let rows = usage_events::recent_for_user(db, user_id, limit)
        .await
        .context("reading usage")?;
    if json {
        let rows: Vec<UsageRow> = rows.iter().map(UsageRow::from).collect();
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
    } else {
        print_table(out, &rows)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct UsageRow<'a> {
    request_id: String,
    created_at: String,
    endpoint: &'a str,
    model: &'a str,
    provider: Option<&'a str>,
    account_id: Option<String>,
    stream: bool,
    status: i32,
    error: Option<&'a str>,
    prompt_tokens: i64,
    completion_tokens: i64,
    cached_tokens: i64,
    reasoning_tokens: i64,
    cost_usd: f64,
    latency_ms: i64,
    ttft_ms: Option<i64>,
}

impl<'a> From<&'a usage_events::Model> for UsageRow<'a> {
    fn from(m: &'a usage_events::Model) -> Self {
        Self {
            request_id: m.request_id.to_string(),
            created_at: m.created_at.to_rfc3339(),
            endpoint: &m.endpoint,
            model: &m.model,
            provider: m.provider.as_deref(),
            account_id: m.account_id.map(|a| a.to_string()),
            stream: m.stream,
            status: m.status_code,
            error: m.error_kind.as_deref(),
            prompt_tokens: m.prompt_tokens,
            completion_tokens: m.completion_tokens,
            cached_tokens: m.cached_tokens,
            reasoning_tokens: m.reasoning_tokens,
            cost_usd: m.cost_nanos as f64 / 1e9,
            latency_ms: m.latency_ms,
            ttft_ms: m.ttft_ms,
        }
    }
}

fn print_table(out: &mut impl Write, rows: &[usage_events::Model]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<20} {:<24} {:<18} {:>6} {:>8} {:>8} {:>8} {:>12} {:>8}  error",
        "time (UTC)", "model", "provider", "status", "prompt", "output", "cached", "cost USD", "ms"
    )?;
    for r in rows {
        writeln!(
            out,
            "{:<20} {:<24} {:<18} {:>6} {:>8} {:>8} {:>8} {:>12.6} {:>8}  {}",
            r.created_at.format("%Y-%m-%d %H:%M:%S"),
            r.model,
            r.provider.as_deref().unwrap_or("-"),
            r.status_code,
            r.prompt_tokens,
            r.completion_tokens,
            r.cached_tokens,
            r.cost_nanos as f64 / 1e9,
            r.latency_ms,
            r.error_kind.as_deref().unwrap_or("")
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "(no usage yet)")?;
    }
    Ok(())
}
