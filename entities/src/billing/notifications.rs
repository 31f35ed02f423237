//! Every Midtrans notification, stored as received before it is answered (deduplicated on
//! order, transaction, status and fraud status) and then processed by the worker: leased per
//! row like the email outbox, retried with backoff while the status API cannot be reached.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, QuerySelect, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub dedupe_key: String,
    pub order_id: String,
    pub transaction_status: String,
    /// Whether the order was Satu's when it arrived (unknown ones are kept, not processed).
    pub known_order: bool,
    #[sea_orm(column_type = "Text")]
    pub raw: String,
    pub received_at: DateTimeUtc,
    pub processed_at: Option<DateTimeUtc>,
    pub lease_until: Option<DateTimeUtc>,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub struct Received<'a> {
    pub order_id: &'a str,
    pub transaction_id: &'a str,
    pub transaction_status: &'a str,
    pub fraud_status: &'a str,
    pub known_order: bool,
    pub raw: &'a str,
}

/// Stores a notification unless the same one is stored already. Returns whether it is new.
pub async fn store(db: &impl ConnectionTrait, n: Received<'_>) -> Result<bool, DbErr> {
    let dedupe_key = format!(
        "{}|{}|{}|{}",
        n.order_id, n.transaction_id, n.transaction_status, n.fraud_status
    );
    let now = Utc::now();
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        dedupe_key: Set(dedupe_key),
        order_id: Set(n.order_id.to_owned()),
        transaction_status: Set(n.transaction_status.to_owned()),
        known_order: Set(n.known_order),
        raw: Set(n.raw.to_owned()),
        received_at: Set(now),
        // An unknown order has nothing to process.
        processed_at: Set((!n.known_order).then_some(now)),
        lease_until: Set(None),
        attempts: Set(0),
        next_attempt_at: Set(None),
        last_error: Set(None),
    };
    let inserted = Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

fn free_at(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(Column::LeaseUntil.is_null())
        .add(Column::LeaseUntil.lt(now))
}

/// Unprocessed notifications that are due and not leased, oldest first.
pub async fn due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::ProcessedAt.is_null())
        .filter(
            Condition::any()
                .add(Column::NextAttemptAt.is_null())
                .add(Column::NextAttemptAt.lte(now)),
        )
        .filter(free_at(now))
        .order_by_asc(Column::ReceivedAt)
        .limit(limit)
        .all(db)
        .await
}

/// Takes a notification for processing until `until`; false when another worker has it.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let claimed = Entity::update_many()
        .col_expr(Column::LeaseUntil, Expr::value(until))
        .filter(Column::Id.eq(id))
        .filter(Column::ProcessedAt.is_null())
        .filter(free_at(now))
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}

pub async fn mark_processed(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::ProcessedAt, Expr::value(Utc::now()))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Processing failed (the status API did not answer): try again at `next`.
pub async fn mark_retry(
    db: &impl ConnectionTrait,
    id: Uuid,
    error: &str,
    next: DateTime<Utc>,
) -> Result<(), DbErr> {
    let error: String = error.chars().take(500).collect();
    Entity::update_many()
        .col_expr(Column::LastError, Expr::value(error))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
