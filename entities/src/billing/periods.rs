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
    /// The period is over before its end: it lapsed unpaid, was superseded by another plan, or
    /// ended as cancelled.
    pub lapsed_at: Option<DateTimeUtc>,
    /// What follows at the end: null renews this plan, `free` ends it (a cancel), another
    /// plan is a downgrade.
    pub next_plan_id: Option<String>,
    /// Paid for but not started: the user moves to its plan when it starts (a downgrade paid
    /// before the current period ends).
    pub scheduled: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A month of `plan_id` bought by `invoice_id`, from `starts_at` or, for a renewal, from the
/// end of the period it follows (a renewal paid early adds a month after the current one; a
/// downgrade paid early starts when the current plan ends, `scheduled` until then). One period
/// per invoice: the unique index turns a second grant into an error, not a second month.
pub async fn open(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    previous_plan_id: &str,
    invoice_id: Uuid,
    starts_at: DateTime<Utc>,
) -> Result<Model, DbErr> {
    let follows = following(db, user_id, plan_id, invoice_id, starts_at).await?;
    // A renewal keeps what the user had before the plan as the plan to fall back to.
    let previous_plan_id = follows
        .as_ref()
        .map_or(previous_plan_id, |p| p.previous_plan_id.as_str())
        .to_owned();
    let scheduled = follows.as_ref().is_some_and(|p| p.plan_id != plan_id);
    let starts_at = follows.map_or(starts_at, |p| p.ends_at);
    ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        plan_id: Set(plan_id.to_owned()),
        previous_plan_id: Set(previous_plan_id),
        invoice_id: Set(invoice_id),
        starts_at: Set(starts_at),
        ends_at: Set(month_after(starts_at)),
        revoked_at: Set(None),
        renewal_invoice_id: Set(None),
        lapsed_at: Set(None),
        next_plan_id: Set(None),
        scheduled: Set(scheduled),
    }
    .insert(db)
    .await
}

fn month_after(at: DateTime<Utc>) -> DateTime<Utc> {
    at.checked_add_months(Months::new(1))
        .unwrap_or(at + chrono::Duration::days(30))
}

/// The running period a new one follows: the one whose renewal `invoice_id` is, else a running
/// period of the same plan.
async fn following(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    invoice_id: Uuid,
    at: DateTime<Utc>,
) -> Result<Option<Model>, DbErr> {
    let running = || {
        Entity::find()
            .filter(Column::UserId.eq(user_id))
            .filter(Column::RevokedAt.is_null())
            .filter(Column::LapsedAt.is_null())
            .filter(Column::EndsAt.gt(at))
    };
    if let Some(renewed) = running()
        .filter(Column::RenewalInvoiceId.eq(invoice_id))
        .one(db)
        .await?
    {
        return Ok(Some(renewed));
    }
    running()
        .filter(Column::PlanId.eq(plan_id))
        .order_by_desc(Column::EndsAt)
        .one(db)
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
/// renewal is issued for them, their open renewal invoices are void, and they never lapse the
/// user). Returns how many.
pub async fn supersede_others(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Uuid,
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let renewals = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Id.ne(keep))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::LapsedAt.is_null())
        .filter(Column::EndsAt.gt(now))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|p| p.renewal_invoice_id);
    for invoice in renewals {
        super::invoices::void_if_open(db, invoice).await?;
    }
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
    crate::retry_on_contention(|| grant_manual_once(db, user_id, plan_id, ends_at)).await
}

async fn grant_manual_once(
    db: &sea_orm::DatabaseConnection,
    user_id: Uuid,
    plan_id: &str,
    ends_at: DateTime<Utc>,
) -> Result<Model, crate::RepoError> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await?;
    let period = grant_manual_in(&txn, user_id, plan_id, ends_at).await?;
    txn.commit().await?;
    Ok(period)
}

/// [`grant_manual`] inside the caller's transaction (with the caller's audit entry).
pub async fn grant_manual_in(
    txn: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    ends_at: DateTime<Utc>,
) -> Result<Model, crate::RepoError> {
    let now = Utc::now();
    if ends_at <= now {
        return Err(crate::RepoError::Invalid {
            field: "until",
            reason: "must be in the future".to_owned(),
        });
    }
    let user = crate::users::Entity::find_by_id(user_id)
        .one(txn)
        .await?
        .ok_or(crate::RepoError::NotFound("user"))?;
    crate::users::set_plan(txn, user_id, plan_id, now).await?;
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
        next_plan_id: Set(None),
        scheduled: Set(false),
    }
    .insert(txn)
    .await?;
    supersede_others(txn, user_id, period.id, now).await?;
    Ok(period)
}

/// The period in force for the user at `at`: running, not superseded, of the plan they are on.
pub async fn current(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    plan_id: &str,
    at: DateTime<Utc>,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::PlanId.eq(plan_id))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::LapsedAt.is_null())
        .filter(Column::Scheduled.eq(false))
        .filter(Column::StartsAt.lte(at))
        .filter(Column::EndsAt.gt(at))
        .order_by_desc(Column::EndsAt)
        .one(db)
        .await
}

/// The user's periods paid to follow `period` (a renewal or a downgrade paid early).
pub async fn paid_ahead(db: &impl ConnectionTrait, period: &Model) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(period.user_id))
        .filter(Column::Id.ne(period.id))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::LapsedAt.is_null())
        .filter(Column::StartsAt.gte(period.ends_at))
        .all(db)
        .await
}

/// Undoes a supersede: the period an upgrade replaced, and the months paid after it, run on
/// when the upgrade is taken back (`since`: when the upgrade was paid, which superseded them).
/// A renewal invoice the supersede voided is issued again by the sweep.
pub async fn restore(
    db: &impl ConnectionTrait,
    id: Uuid,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let Some(period) = Entity::find_by_id(id).one(db).await? else {
        return Ok(());
    };
    let later = Entity::find()
        .filter(Column::UserId.eq(period.user_id))
        .filter(Column::StartsAt.gte(period.ends_at))
        .filter(Column::LapsedAt.gte(since))
        .all(db)
        .await?;
    for p in std::iter::once(period).chain(later) {
        if p.revoked_at.is_some() || p.ends_at <= now {
            continue;
        }
        let mut renewal = p.renewal_invoice_id;
        if let Some(invoice) = renewal {
            let live = super::invoices::Entity::find_by_id(invoice)
                .one(db)
                .await?
                .is_some_and(|i| i.status == "open" || i.status == "paid");
            if !live {
                renewal = None;
            }
        }
        Entity::update_many()
            .col_expr(Column::LapsedAt, Expr::value(Option::<DateTime<Utc>>::None))
            .col_expr(Column::RenewalInvoiceId, Expr::value(renewal))
            .filter(Column::Id.eq(p.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The user's last period (running or paid ahead), which an operator's extension moves.
pub async fn last_running(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    at: DateTime<Utc>,
) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::LapsedAt.is_null())
        .filter(Column::EndsAt.gt(at))
        .order_by_desc(Column::EndsAt)
        .one(db)
        .await
}

/// Moves a period's end to `ends_at` (later than now and than its end): an open renewal
/// invoice for the old end is voided, so the sweep issues the next one against the new end.
pub async fn extend(
    db: &impl ConnectionTrait,
    period: &Model,
    ends_at: DateTime<Utc>,
) -> Result<Model, crate::RepoError> {
    if ends_at <= period.ends_at || ends_at <= Utc::now() {
        return Err(crate::RepoError::Invalid {
            field: "until",
            reason: "must be after the period's current end".to_owned(),
        });
    }
    if let Some(invoice) = period.renewal_invoice_id {
        super::invoices::void_if_open(db, invoice).await?;
    }
    let mut row: ActiveModel = period.clone().into();
    row.ends_at = Set(ends_at);
    row.renewal_invoice_id = Set(None);
    Ok(row.update(db).await?)
}
