//! What happens on a period's last day, run by the worker's sweep before renewals: a cancelled
//! period ends and its user moves to Free; a paid downgrade waiting for the current period to
//! end starts, and its user moves to its plan. Each step is claimed by a conditional update,
//! so it happens once across replicas, in the transaction that changes the plan.

use chrono::Utc;
use entities::billing::{periods, plan_change};
use entities::{RepoError, users};
use proxy::bus::{Bus, Message};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

/// One pass; publishes `PlanChanged` for each user whose plan moved.
pub async fn sweep(db: &DatabaseConnection, bus: &Bus) -> Result<(), RepoError> {
    let now = Utc::now();
    let cancelled = periods::Entity::find()
        .filter(periods::Column::NextPlanId.eq(plan_change::FREE))
        .filter(periods::Column::RevokedAt.is_null())
        .filter(periods::Column::LapsedAt.is_null())
        .filter(periods::Column::EndsAt.lte(now))
        .all(db)
        .await?;
    for period in cancelled {
        if entities::retry_on_contention(|| crate::renew::drop_to_free(db, &period, true)).await? {
            bus.publish(Message::PlanChanged {
                user_id: period.user_id,
            })
            .await;
        }
    }
    let starting = periods::Entity::find()
        .filter(periods::Column::Scheduled.eq(true))
        .filter(periods::Column::RevokedAt.is_null())
        .filter(periods::Column::LapsedAt.is_null())
        .filter(periods::Column::StartsAt.lte(now))
        .all(db)
        .await?;
    for period in starting {
        if entities::retry_on_contention(|| start(db, &period)).await? {
            bus.publish(Message::PlanChanged {
                user_id: period.user_id,
            })
            .await;
        }
    }
    Ok(())
}

/// A paid period that waited for the one before it starts: its plan from its first moment
/// (the quota cycle anchored there). Returns whether the plan changed.
async fn start(db: &DatabaseConnection, period: &periods::Model) -> Result<bool, RepoError> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let claimed = periods::Entity::update_many()
        .col_expr(periods::Column::Scheduled, Expr::value(false))
        .filter(periods::Column::Id.eq(period.id))
        .filter(periods::Column::Scheduled.eq(true))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    users::set_plan(&txn, period.user_id, &period.plan_id, period.starts_at).await?;
    periods::supersede_others(&txn, period.user_id, period.id, now).await?;
    txn.commit().await?;
    tracing::info!(user_id = %period.user_id, plan = %period.plan_id, "a scheduled plan started");
    Ok(true)
}
