//! One row per proxied request: who, where, tokens, cost, timings, outcome.

use chrono::{DurationRound, TimeDelta, Utc};
use std::fmt::Write;

use sea_orm::{
    DbBackend, QueryFilter, QueryOrder, QuerySelect, Statement, TransactionTrait, Value,
    entity::prelude::*,
};

use crate::account_cooldowns::CooldownChange;
use crate::usage_daily::{self, DAY_OFFSETS};
use crate::usage_hourly::{self, RollupTable};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "usage_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub request_id: Uuid,
    /// Who sent it (in a team: the member).
    pub user_id: Option<Uuid>,
    /// The team whose key sent it (`None`: the personal workspace).
    pub team_id: Option<Uuid>,
    pub api_key_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
    pub provider: Option<String>,
    pub model: String,
    pub endpoint: String,
    pub stream: bool,
    pub status_code: i32,
    pub error_kind: Option<String>,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    pub cost_nanos: i64,
    pub latency_ms: i64,
    pub ttft_ms: Option<i64>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A usage event as the proxy produces it, before it has a row id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewUsage {
    pub request_id: Uuid,
    pub user_id: Uuid,
    pub team_id: Option<Uuid>,
    pub api_key_id: Uuid,
    pub account_id: Option<Uuid>,
    pub provider: Option<String>,
    pub model: String,
    pub endpoint: &'static str,
    pub stream: bool,
    pub status_code: u16,
    pub error_kind: Option<&'static str>,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    pub cost_nanos: i64,
    pub latency_ms: i64,
    pub ttft_ms: Option<i64>,
    pub created_at: DateTimeUtc,
}

impl NewUsage {
    /// The workspace whose rollups, limits and live feed the event belongs to.
    pub fn workspace(&self) -> crate::Workspace {
        crate::Workspace::of_row(self.user_id, self.team_id)
    }

    pub fn is_error(&self) -> bool {
        self.status_code >= 400 || self.error_kind.is_some()
    }

    /// The hour this event is rolled up into.
    pub fn hour(&self) -> DateTimeUtc {
        self.created_at
            .duration_trunc(TimeDelta::hours(1))
            .unwrap_or(self.created_at)
    }

    /// The row's values in the order of [`INSERT_COLUMNS`], converted as the entity's
    /// active model would convert them.
    fn push_values(&self, values: &mut Vec<Value>) {
        values.extend([
            Value::from(self.request_id),
            Some(self.user_id).into(),
            self.team_id.into(),
            Some(self.api_key_id).into(),
            self.account_id.into(),
            self.provider.clone().into(),
            self.model.clone().into(),
            self.endpoint.into(),
            self.stream.into(),
            i32::from(self.status_code).into(),
            self.error_kind.map(str::to_owned).into(),
            self.prompt_tokens.into(),
            self.completion_tokens.into(),
            self.cached_tokens.into(),
            self.reasoning_tokens.into(),
            self.cost_nanos.into(),
            self.latency_ms.into(),
            self.ttft_ms.into(),
            self.created_at.into(),
        ]);
    }
}

/// Writes a batch of events, their hourly and daily rollups, the keys' last-used times and cooldown
/// changes in one transaction, so a rollup never counts an event that was not stored (or the
/// reverse).
pub async fn record_batch(
    db: &DatabaseConnection,
    batch: &[NewUsage],
    cooldowns: &[CooldownChange],
) -> Result<(), DbErr> {
    if batch.is_empty() && cooldowns.is_empty() {
        return Ok(());
    }
    let rollups = usage_hourly::aggregate(batch);
    let mut key_ids: Vec<Uuid> = batch.iter().map(|e| e.api_key_id).collect();
    key_ids.sort_unstable();
    key_ids.dedup();
    let txn = db.begin().await?;
    let backend = txn.get_database_backend();
    for chunk in insert_chunks(batch) {
        txn.execute_raw(insert_statement(backend, chunk)).await?;
    }
    for rollup in &rollups {
        usage_hourly::add(&txn, RollupTable::Hourly, rollup).await?;
    }
    for utc_offset_minutes in DAY_OFFSETS {
        let table = RollupTable::Daily { utc_offset_minutes };
        for rollup in &usage_daily::by_day(&rollups, utc_offset_minutes) {
            usage_hourly::add(&txn, table, rollup).await?;
        }
    }
    crate::api_keys::touch_last_used(&txn, &key_ids, Utc::now()).await?;
    for change in cooldowns {
        crate::account_cooldowns::apply(&txn, change).await?;
    }
    txn.commit().await
}

/// Whether an earlier attempt at `record_batch` stored this batch after all (its commit went
/// through but the answer was lost): one transaction stores all of it or none, so the first
/// event tells. Retrying such a batch would break the unique request id.
pub async fn batch_stored(db: &DatabaseConnection, batch: &[NewUsage]) -> Result<bool, DbErr> {
    let Some(first) = batch.first() else {
        return Ok(false);
    };
    let found = Entity::find()
        .filter(Column::RequestId.eq(first.request_id))
        .count(db)
        .await?;
    Ok(found > 0)
}

/// The columns of a usage row as [`NewUsage::push_values`] gives them.
const INSERT_COLUMNS: [&str; 19] = [
    "request_id",
    "user_id",
    "team_id",
    "api_key_id",
    "account_id",
    "provider",
    "model",
    "endpoint",
    "stream",
    "status_code",
    "error_kind",
    "prompt_tokens",
    "completion_tokens",
    "cached_tokens",
    "reasoning_tokens",
    "cost_nanos",
    "latency_ms",
    "ttft_ms",
    "created_at",
];

/// One multi-row INSERT without RETURNING (the ids are not needed), written directly: building
/// it with the query builder cost more CPU than SQLite took to store the rows.
fn insert_statement(backend: DbBackend, rows: &[NewUsage]) -> Statement {
    let width = INSERT_COLUMNS.len();
    let mut sql = format!(
        "INSERT INTO usage_events ({}) VALUES ",
        INSERT_COLUMNS.join(", ")
    );
    let mut values = Vec::with_capacity(rows.len() * width);
    for (i, row) in rows.iter().enumerate() {
        sql.push_str(if i == 0 { "(" } else { ", (" });
        for column in 0..width {
            if column > 0 {
                sql.push_str(", ");
            }
            match backend {
                DbBackend::Postgres => {
                    let _ = write!(sql, "${}", i * width + column + 1);
                }
                _ => sql.push('?'),
            }
        }
        sql.push(')');
        row.push_values(&mut values);
    }
    Statement::from_sql_and_values(backend, sql, values)
}

/// The longest multi-row INSERT: 128 rows × 19 columns stays far below every driver's limit on
/// bound parameters.
const MAX_INSERT_ROWS: usize = 128;

/// Splits rows into runs of 128, 64, 32, … 1. Multi-row INSERTs then come in eight shapes that
/// the driver's per-connection statement cache keeps prepared; a shape per batch length would be
/// parsed anew for most batches and fill the cache with large statements (tens of MiB).
fn insert_chunks<T>(rows: &[T]) -> impl Iterator<Item = &[T]> {
    let mut rest = rows;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let len = if rest.len() >= MAX_INSERT_ROWS {
            MAX_INSERT_ROWS
        } else {
            1 << rest.len().ilog2()
        };
        let (chunk, tail) = rest.split_at(len);
        rest = tail;
        Some(chunk)
    })
}

pub async fn recent_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// Rows of `workspace` (of one `member` in it, when given) in `[from, to)`.
fn in_period(
    workspace: crate::Workspace,
    member: Option<Uuid>,
    from: DateTimeUtc,
    to: DateTimeUtc,
) -> sea_orm::Condition {
    workspace
        .owns(Column::UserId, Column::TeamId)
        .add_option(member.map(|m| Column::UserId.eq(m)))
        .add(Column::CreatedAt.gte(from))
        .add(Column::CreatedAt.lt(to))
}

/// Requests of `workspace` (or of one `member` in it) that an upstream served (a first byte
/// arrived) in `[from, to)`: what counts toward monthly request limits.
pub async fn served_between(
    db: &impl ConnectionTrait,
    workspace: crate::Workspace,
    member: Option<Uuid>,
    from: DateTimeUtc,
    to: DateTimeUtc,
) -> Result<i64, DbErr> {
    use sea_orm::PaginatorTrait;
    let served = Entity::find()
        .filter(in_period(workspace, member, from, to))
        .filter(Column::TtftMs.is_not_null())
        .count(db)
        .await?;
    Ok(i64::try_from(served).unwrap_or(i64::MAX))
}

/// The estimated cost, nano-USD, of the requests of `workspace` (or of one `member` in it) in
/// `[from, to)`: what counts toward cost budgets.
pub async fn cost_between(
    db: &impl ConnectionTrait,
    workspace: crate::Workspace,
    member: Option<Uuid>,
    from: DateTimeUtc,
    to: DateTimeUtc,
) -> Result<i64, DbErr> {
    use sea_orm::sea_query::{Expr, Func};
    let total: Option<Option<i64>> = Entity::find()
        .select_only()
        .expr_as(
            Func::cast_as(Func::sum(Expr::col(Column::CostNanos)), "BIGINT"),
            "total",
        )
        .filter(in_period(workspace, member, from, to))
        .into_tuple()
        .one(db)
        .await?;
    Ok(total.flatten().unwrap_or(0))
}

/// Deletes events older than `before`; rollups keep the history. Returns the number deleted.
pub async fn prune_before(db: &impl ConnectionTrait, before: DateTimeUtc) -> Result<u64, DbErr> {
    let res = Entity::delete_many()
        .filter(Column::CreatedAt.lt(before))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_come_in_power_of_two_shapes() {
        let rows: Vec<u32> = (0..500).collect();
        let lens: Vec<usize> = insert_chunks(&rows).map(<[u32]>::len).collect();
        assert_eq!(lens, [128, 128, 128, 64, 32, 16, 4]);
        let rejoined: Vec<u32> = insert_chunks(&rows).flatten().copied().collect();
        assert_eq!(rejoined, rows);
        assert_eq!(insert_chunks(&rows[..1]).count(), 1);
        assert_eq!(insert_chunks::<u32>(&[]).count(), 0);
    }
}
