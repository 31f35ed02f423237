//! Seeds a Postgres database in a few SQL statements (generate_series, no round trip per row):
//! 1,000 users with 5 keys and 3 connections each, `rows` usage events over the last 90 days
//! (user 0 sends one request in ten, the others share the rest), and the hourly rollups summed
//! from those events exactly as `record_batch` would have (latency histogram included), and
//! their daily sums.

use std::time::Instant;

use entities::usage_latency::{BUCKETS, COLUMNS, UPPER_MS};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

pub const USERS: i64 = 1_000;
pub const DAYS: i64 = 90;

/// Ids are made from (kind, number), so the benchmark knows them without a lookup.
const UUID_FN: &str = "CREATE OR REPLACE FUNCTION bench_uuid(kind int, n bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE AS
    $$ SELECT (lpad(to_hex(kind), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid $$";

const OWNERS: [&str; 3] = [
    "INSERT INTO users (id, email, plan_id, email_verified, created_at, updated_at)
     SELECT bench_uuid(1, u), 'bench' || u || '@example.com', 'pro', true, now(), now()
     FROM generate_series(0, 999) u",
    "INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at)
     SELECT bench_uuid(2, u * 8 + k), bench_uuid(1, u), 'key ' || k, 'sk-satu-' || k,
            md5(u || '-' || k), now()
     FROM generate_series(0, 999) u, generate_series(0, 4) k",
    "INSERT INTO provider_accounts (id, user_id, provider, kind, label, status, models, weight,
            priority, created_at, updated_at)
     SELECT bench_uuid(3, u * 8 + a), bench_uuid(1, u),
            (ARRAY['openai', 'anthropic', 'gemini'])[a + 1], 'api_key', 'account ' || a,
            'active', '[]', 1, 0, now(), now()
     FROM generate_series(0, 999) u, generate_series(0, 2) a",
];

/// Rows in time order (the time indexes grow at their right edge, as in production); every
/// 50th fails upstream, every 97th is refused before routing (no account, no provider).
fn events_sql(rows: i64) -> String {
    format!(
        "INSERT INTO usage_events (request_id, user_id, api_key_id, account_id, provider, model,
            endpoint, stream, status_code, error_kind, prompt_tokens, completion_tokens,
            cached_tokens, reasoning_tokens, cost_nanos, latency_ms, ttft_ms, created_at)
         SELECT bench_uuid(9, g), bench_uuid(1, u), bench_uuid(2, u * 8 + (g / 7) % 5),
            CASE WHEN refused THEN NULL ELSE bench_uuid(3, u * 8 + a) END,
            CASE WHEN refused THEN NULL ELSE (ARRAY['openai', 'anthropic', 'gemini'])[a + 1] END,
            (ARRAY['gpt-4o', 'gpt-4o-mini', 'o3', 'claude-sonnet-4', 'claude-haiku-4',
                   'claude-opus-4', 'gemini-2.5-pro', 'gemini-2.5-flash',
                   'gemini-2.0-flash'])[a * 3 + (g / 11) % 3 + 1],
            'chat_completions', g % 2 = 0,
            CASE WHEN refused THEN 429 WHEN failed THEN 502 ELSE 200 END,
            CASE WHEN refused THEN 'rate_limited' WHEN failed THEN 'upstream_error' END,
            prompt, completion, prompt / 3, completion / 10, prompt * 300 + completion * 1500,
            latency, CASE WHEN refused OR failed THEN NULL ELSE latency / 3 END,
            now() - interval '{DAYS} days' + (g::float8 / {rows}) * interval '{DAYS} days'
         FROM generate_series(1, {rows}) g,
         LATERAL (SELECT
            CASE WHEN g % 10 = 0 THEN 0 ELSE 1 + (g / 10) % {last} END AS u,
            (g / 3) % 3 AS a,
            g % 97 = 0 AS refused,
            g % 50 = 0 AS failed,
            100 + (g * 37) % 8000 AS prompt,
            10 + (g * 13) % 1500 AS completion,
            (exp(4 + 5 * random()))::bigint AS latency) x",
        last = USERS - 1,
    )
}

/// The same sums as `usage_hourly::aggregate` + `add`, bucketed with the same bounds.
fn rollups_sql() -> String {
    let bounds: Vec<String> = UPPER_MS.iter().map(i64::to_string).collect();
    let buckets: Vec<String> = (0..BUCKETS)
        .map(|b| format!("count(*) FILTER (WHERE b = {b})"))
        .collect();
    format!(
        "INSERT INTO usage_hourly (user_id, hour, api_key_id, account_id, provider, model,
            requests, errors, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
            cost_nanos, latency_ms_sum, {columns})
         SELECT user_id, date_trunc('hour', created_at),
            coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(account_id, '00000000-0000-0000-0000-000000000000'),
            coalesce(provider, ''), model, count(*),
            count(*) FILTER (WHERE status_code >= 400 OR error_kind IS NOT NULL),
            sum(prompt_tokens), sum(completion_tokens), sum(cached_tokens),
            sum(reasoning_tokens), sum(cost_nanos), sum(latency_ms), {buckets}
         FROM (SELECT *, width_bucket(latency_ms, ARRAY[{bounds}]::bigint[]) AS b
               FROM usage_events) e
         GROUP BY 1, 2, 3, 4, 5, 6",
        columns = COLUMNS.join(", "),
        buckets = buckets.join(", "),
        bounds = bounds.join(", "),
    )
}

/// Daily rollups summed from the hourly ones for one day boundary, as `record_batch` keeps them.
fn daily_sql(offset: i32) -> String {
    let sums: Vec<String> = entities::usage_hourly::SUMMED
        .iter()
        .chain(&COLUMNS)
        .map(|c| (*c).to_owned())
        .collect();
    let totals: Vec<String> = sums.iter().map(|c| format!("sum({c})")).collect();
    format!(
        "INSERT INTO usage_daily (user_id, utc_offset_minutes, day, api_key_id, account_id,
            provider, model, {cols})
         SELECT user_id, {offset},
                date_trunc('day', hour + interval '{offset} minutes') - interval '{offset} minutes',
                api_key_id, account_id, provider, model, {totals}
         FROM usage_hourly GROUP BY 1, 2, 3, 4, 5, 6, 7",
        cols = sums.join(", "),
        totals = totals.join(", "),
    )
}

pub async fn seed(
    db: &DatabaseConnection,
    rows: i64,
    log: &mut impl FnMut(&str),
) -> anyhow::Result<()> {
    let started = Instant::now();
    db.execute_unprepared(UUID_FN).await?;
    for sql in OWNERS {
        db.execute_unprepared(sql).await?;
    }
    let txn = db.begin().await?;
    // Seeding only: UTC hours like the app, and room for the big sort and hash steps.
    for setting in [
        "SET LOCAL TIME ZONE 'UTC'",
        "SET LOCAL work_mem = '512MB'",
        "SELECT setseed(0.42)",
    ] {
        txn.execute_unprepared(setting).await?;
    }
    txn.execute_unprepared(&events_sql(rows)).await?;
    log(&format!(
        "{rows} events in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    txn.execute_unprepared(&rollups_sql()).await?;
    for offset in entities::usage_daily::DAY_OFFSETS {
        txn.execute_unprepared(&daily_sql(offset)).await?;
    }
    txn.commit().await?;
    log(&format!(
        "rollups after {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    db.execute_unprepared("VACUUM ANALYZE usage_events").await?;
    db.execute_unprepared("VACUUM ANALYZE usage_hourly").await?;
    db.execute_unprepared("VACUUM ANALYZE usage_daily").await?;
    db.execute_unprepared("ANALYZE users, api_keys, provider_accounts")
        .await?;
    log(&format!(
        "seeded and analysed in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}
