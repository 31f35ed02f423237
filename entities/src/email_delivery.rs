//! The delivery state of queued emails. A sender claims a due row with a lease (one conditional
//! update, so two replicas never both send it), then records the outcome: sent (the secret is
//! wiped), retry later, or failed for good. A sender that dies mid-send leaves the lease to
//! expire and the row to be sent again (at least once; the Message-ID stays the same).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{QueryFilter, QueryOrder, QuerySelect, entity::prelude::*};

use crate::email_outbox::{Column, Entity, FAILED, Model, QUEUED, SENT};

/// The oldest queued rows that are due and not leased, at most `limit`.
pub async fn due(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::Status.eq(QUEUED))
        .filter(
            Condition::any()
                .add(Column::NextAttemptAt.is_null())
                .add(Column::NextAttemptAt.lte(now)),
        )
        .filter(free_at(now))
        .order_by_asc(Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await
}

fn free_at(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(Column::LeaseUntil.is_null())
        .add(Column::LeaseUntil.lt(now))
}

/// Takes the row for sending until `until`; false when another sender has it or it is done.
pub async fn claim(
    db: &impl ConnectionTrait,
    id: Uuid,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let claimed = Entity::update_many()
        .col_expr(Column::LeaseUntil, Expr::value(until))
        .filter(Column::Id.eq(id))
        .filter(Column::Status.eq(QUEUED))
        .filter(free_at(now))
        .exec(db)
        .await?;
    Ok(claimed.rows_affected == 1)
}

/// Delivered: no secret is kept past this point.
pub async fn mark_sent(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    let now = Utc::now();
    Entity::update_many()
        .col_expr(Column::Status, Expr::value(SENT))
        .col_expr(Column::SentAt, Expr::value(now))
        .col_expr(Column::SealedSecret, Expr::value(Option::<String>::None))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// A failed attempt: tried again at `next`, or (`next` = `None`) given up for good.
pub async fn mark_attempt_failed(
    db: &impl ConnectionTrait,
    id: Uuid,
    error: &str,
    next: Option<DateTime<Utc>>,
) -> Result<(), DbErr> {
    let status = if next.is_some() { QUEUED } else { FAILED };
    // The SMTP reply, bounded: a server may answer at length.
    let error: String = error.chars().take(500).collect();
    let mut update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .col_expr(Column::LastError, Expr::value(error))
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(
            Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        );
    if next.is_none() {
        // Never sent: the link it carried dies with it.
        update = update.col_expr(Column::SealedSecret, Expr::value(Option::<String>::None));
    }
    update.filter(Column::Id.eq(id)).exec(db).await?;
    Ok(())
}
