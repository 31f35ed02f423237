//! Hourly rollups of usage events; analytics read these, never the raw rows.

use std::collections::HashMap;

use sea_orm::{
    ActiveValue::NotSet,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use crate::usage_events::NewUsage;

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

/// Sums a batch of events per rollup key.
pub fn aggregate(batch: &[NewUsage]) -> Vec<Model> {
    let mut sums: HashMap<RollupKey, Model> = HashMap::new();
    for e in batch {
        let key = (
            e.user_id,
            e.hour(),
            e.api_key_id,
            e.account_id.unwrap_or(Uuid::nil()),
            e.provider.clone().unwrap_or_default(),
            e.model.clone(),
        );
        let row = sums.entry(key.clone()).or_insert_with(|| Model {
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
        });
        row.requests += 1;
        row.errors += i64::from(e.is_error());
        row.prompt_tokens += e.prompt_tokens;
        row.completion_tokens += e.completion_tokens;
        row.cached_tokens += e.cached_tokens;
        row.reasoning_tokens += e.reasoning_tokens;
        row.cost_nanos += e.cost_nanos;
        row.latency_ms_sum += e.latency_ms;
    }
    sums.into_values().collect()
}

const SUMMED: [Column; 8] = [
    Column::Requests,
    Column::Errors,
    Column::PromptTokens,
    Column::CompletionTokens,
    Column::CachedTokens,
    Column::ReasoningTokens,
    Column::CostNanos,
    Column::LatencyMsSum,
];

/// Adds `rollup` to its row, creating the row if needed (one statement on both databases).
pub async fn add(db: &impl ConnectionTrait, rollup: Model) -> Result<(), DbErr> {
    let mut on_conflict = OnConflict::columns([
        Column::UserId,
        Column::Hour,
        Column::ApiKeyId,
        Column::AccountId,
        Column::Provider,
        Column::Model,
    ]);
    for col in SUMMED {
        let name = col.as_str();
        on_conflict.value(
            col,
            Expr::col((Entity, col)).add(Expr::cust(format!("excluded.{name}"))),
        );
    }
    let mut row: ActiveModel = rollup.into();
    row.id = NotSet;
    Entity::insert(row)
        .on_conflict(on_conflict)
        .exec_without_returning(db)
        .await?;
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
