//! Hourly rollups of usage events, and how rollups are written (hourly here, daily in
//! `usage_daily`); analytics read these, never the raw rows.

use std::collections::HashMap;

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
    /// The workspace: the user, or the team for a team's requests (its members are told apart
    /// by their keys).
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

pub(crate) type RollupKey = (Uuid, DateTimeUtc, Uuid, Uuid, String, String);

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
            e.workspace().id(),
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

pub(crate) fn empty_row(key: RollupKey) -> Model {
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

/// A rollup table. Daily rollups exist once per day boundary in [`DAY_OFFSETS`](crate::usage_daily::DAY_OFFSETS).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollupTable {
    Hourly,
    Daily { utc_offset_minutes: i32 },
}

impl RollupTable {
    pub fn table(self) -> &'static str {
        match self {
            RollupTable::Hourly => "usage_hourly",
            RollupTable::Daily { .. } => "usage_daily",
        }
    }

    /// The column holding the period's start.
    pub fn time(self) -> &'static str {
        match self {
            RollupTable::Hourly => "hour",
            RollupTable::Daily { .. } => "day",
        }
    }
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
    table: RollupTable,
    rollup: &Rollup,
) -> Result<(), DbErr> {
    let r = &rollup.row;
    let mut keys = vec![
        "user_id",
        table.time(),
        "api_key_id",
        "account_id",
        "provider",
        "model",
    ];
    let mut values: Vec<Expr> = vec![
        r.user_id.into(),
        r.hour.into(),
        r.api_key_id.into(),
        r.account_id.into(),
        r.provider.clone().into(),
        r.model.clone().into(),
    ];
    if let RollupTable::Daily { utc_offset_minutes } = table {
        keys.push("utc_offset_minutes");
        values.push(utc_offset_minutes.into());
    }
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
    let columns: Vec<DynIden> = keys
        .iter()
        .chain(&SUMMED)
        .chain(&COLUMNS)
        .map(|c| c.into_iden())
        .collect();
    let mut on_conflict = OnConflict::columns(keys);
    for name in SUMMED.iter().chain(&COLUMNS) {
        on_conflict.value(
            *name,
            Expr::col((table.table(), *name)).add(Expr::cust(format!("excluded.{name}"))),
        );
    }
    let insert = Query::insert()
        .into_table(table.table())
        .columns(columns)
        .values(values)
        .map_err(|e| DbErr::Custom(format!("usage rollup insert: {e}")))?
        .on_conflict(on_conflict)
        .to_owned();
    db.execute(&insert).await?;
    Ok(())
}

/// Sums of a user's rollups.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Totals {
    pub requests: i64,
    pub errors: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub cost_nanos: i64,
}

/// A user's totals over the hours from `since` (summed here: portable across both databases,
/// and a window holds at most one row per hour, key, account and model).
pub async fn totals_since(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    since: DateTimeUtc,
) -> Result<Totals, DbErr> {
    use sea_orm::QueryFilter;
    let rows = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Hour.gte(since))
        .all(db)
        .await?;
    Ok(rows.iter().fold(Totals::default(), |mut t, r| {
        t.requests += r.requests;
        t.errors += r.errors;
        t.prompt_tokens += r.prompt_tokens;
        t.completion_tokens += r.completion_tokens;
        t.cached_tokens += r.cached_tokens;
        t.cost_nanos += r.cost_nanos;
        t
    }))
}
