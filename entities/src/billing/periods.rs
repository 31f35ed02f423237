//! Plan periods: what a paid invoice bought (a plan from payment for a month). The user's plan
//! follows the period in force; a revoked period (refund, chargeback, reversal) hands the user
//! back the plan they had before it.

use chrono::{DateTime, Months, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_periods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub plan_id: String,
    pub previous_plan_id: String,
    #[sea_orm(unique)]
    pub invoice_id: Uuid,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    /// The invoice issued for the next month (7 days before the end).
    pub renewal_invoice_id: Option<Uuid>,
    /// The period ended unpaid and its user dropped to Free.
    pub lapsed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A month of `plan_id` from `starts_at` (or from the end of the user's period of the same plan
/// still running: a renewal paid early adds a month after it), bought by `invoice_id` (one
/// period per invoice: the unique index turns a second grant into an error, not a second month).
pub async fn open(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    previous_plan_id: &str,
    invoice_id: Uuid,
    starts_at: DateTime<Utc>,
) -> Result<Model, DbErr> {
    let running = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::PlanId.eq(plan_id))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::EndsAt.gt(starts_at))
        .order_by_desc(Column::EndsAt)
        .one(db)
        .await?;
    // A renewal keeps what the user had before the plan as the plan to fall back to.
    let previous_plan_id = running
        .as_ref()
        .map_or(previous_plan_id, |p| p.previous_plan_id.as_str())
        .to_owned();
    let starts_at = running.map_or(starts_at, |p| p.ends_at);
    let ends_at = starts_at
        .checked_add_months(Months::new(1))
        .unwrap_or(starts_at + chrono::Duration::days(30));
    ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        plan_id: Set(plan_id.to_owned()),
        previous_plan_id: Set(previous_plan_id),
        invoice_id: Set(invoice_id),
        starts_at: Set(starts_at),
        ends_at: Set(ends_at),
        revoked_at: Set(None),
        renewal_invoice_id: Set(None),
        lapsed_at: Set(None),
    }
    .insert(db)
    .await
}

/// Revokes the period `invoice_id` bought; returns it (revoked) if it was in force.
pub async fn revoke_for_invoice(
    db: &impl ConnectionTrait,
    invoice_id: Uuid,
) -> Result<Option<Model>, DbErr> {
    let now = Utc::now();
    let revoked = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(now))
        .filter(Column::InvoiceId.eq(invoice_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    if revoked.rows_affected == 0 {
        return Ok(None);
    }
    Entity::find()
        .filter(Column::InvoiceId.eq(invoice_id))
        .one(db)
        .await
}

/// The user's periods, newest first.
pub async fn for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::StartsAt)
        .all(db)
        .await
}

/// Whether another unrevoked period of `plan_id` covers `at` for the user (then revoking one
/// period leaves the plan in place).
pub async fn covered(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    except: Uuid,
    at: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let found = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::PlanId.eq(plan_id))
        .filter(Column::Id.ne(except))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::StartsAt.lte(at))
        .filter(Column::EndsAt.gt(at))
        .one(db)
        .await?;
    Ok(found.is_some())
}

/// Ends the user's other running periods now (a switch to another plan supersedes them: no
/// renewal is issued for them and they never lapse the user). Returns how many.
pub async fn supersede_others(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let ended = Entity::update_many()
        .col_expr(Column::LapsedAt, Expr::value(now))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Id.ne(keep))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::LapsedAt.is_null())
        .filter(Column::EndsAt.gt(now))
        .exec(db)
        .await?;
    Ok(ended.rows_affected)
}

/// The plan of a period of the user still running at `at` (not revoked, not superseded), other
/// than `except`.
pub async fn running_plan(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    except: Uuid,
    at: DateTime<Utc>,
) -> Result<Option<String>, DbErr> {
    let found = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Id.ne(except))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::LapsedAt.is_null())
        .filter(Column::StartsAt.lte(at))
        .filter(Column::EndsAt.gt(at))
        .one(db)
        .await?;
    Ok(found.map(|p| p.plan_id))
}

/// An operator's plan for a user until `ends_at` (a manual or enterprise deal): the plan now,
/// and a period without an invoice (its `invoice_id` is a fresh id naming no invoice) that
/// renews and lapses like a paid one; it supersedes the user's running periods.
pub async fn grant_manual(
    db: &sea_orm::DatabaseConnection,
    user_id: Uuid,
    plan_id: &str,
    ends_at: DateTime<Utc>,
) -> Result<Model, crate::RepoError> {
    use sea_orm::TransactionTrait;
    let now = Utc::now();
    if ends_at <= now {
        return Err(crate::RepoError::Invalid {
            field: "until",
            reason: "must be in the future".to_owned(),
        });
    }
    let txn = db.begin().await?;
    let user = crate::users::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or(crate::RepoError::NotFound("user"))?;
    crate::users::set_plan(&txn, user_id, plan_id, now).await?;
    let period = ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        plan_id: Set(plan_id.to_owned()),
        previous_plan_id: Set(user.plan_id),
        invoice_id: Set(Uuid::new_v4()),
        starts_at: Set(now),
        ends_at: Set(ends_at),
        revoked_at: Set(None),
        renewal_invoice_id: Set(None),
        lapsed_at: Set(None),
    }
    .insert(&txn)
    .await?;
    supersede_others(&txn, user_id, period.id, now).await?;
    txn.commit().await?;
    Ok(period)
}
