//! Each connection's model list as its provider reports it. The worker asks once a day per
//! connection (sooner after a failure, at once for a new connection); a conditional claim
//! makes one replica ask, however many run the schedule.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::AccountStatus;
use crate::provider_accounts::{Column, Entity};

/// How stale a list may get: lists older than `fresh_until`, and failed checks older than
/// `retry_after`, are due.
#[derive(Debug, Clone, Copy)]
pub struct Staleness {
    pub refresh_every: chrono::Duration,
    pub retry_after: chrono::Duration,
}

impl Staleness {
    fn due(self, now: DateTime<Utc>) -> Condition {
        Condition::any()
            .add(Column::ModelsCheckedAt.is_null())
            .add(Column::ModelsCheckedAt.lt(now - self.refresh_every))
            .add(
                Condition::all()
                    .add(Column::ModelsError.is_not_null())
                    .add(Column::ModelsCheckedAt.lt(now - self.retry_after)),
            )
    }
}

fn listable() -> [&'static str; 2] {
    [
        AccountStatus::Active.as_str(),
        AccountStatus::Refreshing.as_str(),
    ]
}

/// Connections whose list is due, oldest check first.
pub async fn due(
    db: &impl ConnectionTrait,
    staleness: Staleness,
    limit: u64,
) -> Result<Vec<Uuid>, DbErr> {
    Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::Status.is_in(listable()))
        .filter(staleness.due(Utc::now()))
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}

/// Takes the check of one connection; `false` when another replica took it first.
pub async fn claim(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    staleness: Staleness,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let taken = Entity::update_many()
        .col_expr(Column::ModelsCheckedAt, Expr::value(now))
        .filter(Column::Id.eq(account_id))
        .filter(staleness.due(now))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}

/// Stores what the provider listed.
pub async fn record_list(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    models: Vec<String>,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(
            Column::ReachableModels,
            Expr::value(serde_json::Value::from(models)),
        )
        .col_expr(Column::ModelsRefreshedAt, Expr::value(Utc::now()))
        .col_expr(Column::ModelsError, Expr::value(Option::<String>::None))
        .filter(Column::Id.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records why the list could not be read; the last good list stays in use.
pub async fn record_failure(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    error: &str,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::ModelsError, Expr::value(error))
        .filter(Column::Id.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}

/// Forgets when the list was checked, so the schedule asks again at its next scan (new
/// credentials may reach other models).
pub async fn recheck(db: &impl ConnectionTrait, account_id: Uuid) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(
            Column::ModelsCheckedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(Column::Id.eq(account_id))
        .exec(db)
        .await?;
    Ok(())
}
