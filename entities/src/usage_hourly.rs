//! Hourly rollups of usage events, and their daily (UTC) sums in `usage_daily`, which has the
//! same columns with `day` for `hour`; analytics read these, never the raw rows. Long ranges
//! read whole days from `usage_daily`: a busy user has dozens of hourly rows per hour, scattered
//! over the table, and a month of them costs Postgres tens of thousands of page reads.

use std::collections::HashMap;

use chrono::{DurationRound, TimeDelta};
use sea_orm::{
    entity::prelude::*,
    sea_query::{DynIden, Expr, ExprTrait, IntoIden, OnConflict, Query},
};

use crate::usage_events::NewUsage;
use crate::usage_latency::{COLUMNS, Histogram};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "usage_hourly")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: Uuid,
    pub hour: DateTimeUtc,
    /// Nil uuid when the request had no key (rejected before auth is never recorded).
    pub api_key_id: Uuid,
    /// Nil uuid when the request never reached an account.
    pub account_id: Uuid,
    /// Empty when the request never reached a provider.
    pub provider: String,
    pub model: String,
    pub requests: i64,
    pub errors: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    pub cost_nanos: i64,
    pub latency_ms_sum: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

type RollupKey = (Uuid, DateTimeUtc, Uuid, Uuid, String, String);

/// One rollup row's sums and its latency distribution (the `lat_b*` columns, which the entity
/// leaves out: only the usage queries read them, as sums).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rollup {
    pub row: Model,
    pub latency: Histogram,
}

/// Sums a batch of events per rollup key.
pub fn aggregate(batch: &[NewUsage]) -> Vec<Rollup> {
    let mut sums: HashMap<RollupKey, Rollup> = HashMap::new();
    for e in batch {
        let key = (
            e.user_id,
            e.hour(),
            e.api_key_id,
            e.account_id.unwrap_or(Uuid::nil()),
            e.provider.clone().unwrap_or_default(),
            e.model.clone(),
        );
        let rollup = sums.entry(key.clone()).or_insert_with(|| Rollup {
            row: empty_row(key),
            latency: Histogram::default(),
        });
        let row = &mut rollup.row;
        row.requests += 1;
        row.errors += i64::from(e.is_error());
        row.prompt_tokens += e.prompt_tokens;
        row.completion_tokens += e.completion_tokens;
        row.cached_tokens += e.cached_tokens;
        row.reasoning_tokens += e.reasoning_tokens;
        row.cost_nanos += e.cost_nanos;
        row.latency_ms_sum += e.latency_ms;
        rollup.latency.record(e.latency_ms);
    }
    sums.into_values().collect()
}

fn empty_row(key: RollupKey) -> Model {
    Model {
        id: 0,
        user_id: key.0,
        hour: key.1,
        api_key_id: key.2,
        account_id: key.3,
        provider: key.4,
        model: key.5,
        requests: 0,
        errors: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        cached_tokens: 0,
        reasoning_tokens: 0,
        cost_nanos: 0,
        latency_ms_sum: 0,
    }
}

/// The same sums per UTC day: one row per (user, day, key, account, provider, model), `hour`
/// holding the day's start.
pub fn by_day(hourly: &[Rollup]) -> Vec<Rollup> {
    let mut days: HashMap<RollupKey, Rollup> = HashMap::new();
    for r in hourly {
        let day = r
            .row
            .hour
            .duration_trunc(TimeDelta::days(1))
            .unwrap_or(r.row.hour);
        let key = (
            r.row.user_id,
            day,
            r.row.api_key_id,
            r.row.account_id,
            r.row.provider.clone(),
            r.row.model.clone(),
        );
        let sum = days.entry(key.clone()).or_insert_with(|| Rollup {
            row: empty_row(key),
            latency: Histogram::default(),
        });
        let (s, h) = (&mut sum.row, &r.row);
        s.requests += h.requests;
        s.errors += h.errors;
        s.prompt_tokens += h.prompt_tokens;
        s.completion_tokens += h.completion_tokens;
        s.cached_tokens += h.cached_tokens;
        s.reasoning_tokens += h.reasoning_tokens;
        s.cost_nanos += h.cost_nanos;
        s.latency_ms_sum += h.latency_ms_sum;
        sum.latency.merge(&r.latency);
    }
    days.into_values().collect()
}

/// A rollup table: its name and the column holding the period's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub table: &'static str,
    pub time: &'static str,
}

pub const HOURLY: Resolution = Resolution {
    table: "usage_hourly",
    time: "hour",
};
pub const DAILY: Resolution = Resolution {
    table: "usage_daily",
    time: "day",
};

/// The rollup key's columns, the period's start standing in for `time`.
fn key_columns(time: &'static str) -> [&'static str; 6] {
    [
        "user_id",
        time,
        "api_key_id",
        "account_id",
        "provider",
        "model",
    ]
}

/// The summed columns, histogram excluded.
pub const SUMMED: [&str; 8] = [
    "requests",
    "errors",
    "prompt_tokens",
    "completion_tokens",
    "cached_tokens",
    "reasoning_tokens",
    "cost_nanos",
    "latency_ms_sum",
];

/// Adds `rollup` to its row in `table`, creating the row if needed (one statement on both
/// databases).
pub async fn add(
    db: &impl ConnectionTrait,
    table: Resolution,
    rollup: &Rollup,
) -> Result<(), DbErr> {
    let r = &rollup.row;
    let keys = key_columns(table.time);
    let columns: Vec<DynIden> = keys
        .iter()
        .chain(&SUMMED)
        .chain(&COLUMNS)
        .map(|c| c.into_iden())
        .collect();
    let mut values: Vec<Expr> = vec![
        r.user_id.into(),
        r.hour.into(),
        r.api_key_id.into(),
        r.account_id.into(),
        r.provider.clone().into(),
        r.model.clone().into(),
    ];
    let sums = [
        r.requests,
        r.errors,
        r.prompt_tokens,
        r.completion_tokens,
        r.cached_tokens,
        r.reasoning_tokens,
        r.cost_nanos,
        r.latency_ms_sum,
    ];
    values.extend(sums.into_iter().chain(rollup.latency.0).map(Expr::from));
    let mut on_conflict = OnConflict::columns(keys);
    for name in SUMMED.iter().chain(&COLUMNS) {
        on_conflict.value(
            *name,
            Expr::col((table.table, *name)).add(Expr::cust(format!("excluded.{name}"))),
        );
    }
    let insert = Query::insert()
        .into_table(table.table)
        .columns(columns)
        .values(values)
        .map_err(|e| DbErr::Custom(format!("usage rollup insert: {e}")))?
        .on_conflict(on_conflict)
        .to_owned();
    db.execute(&insert).await?;
    Ok(())
}
