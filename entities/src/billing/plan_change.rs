//! Changes that take effect when the running period ends: a downgrade (the renewal is invoiced
//! for the cheaper plan) and a cancel (no renewal; the user moves to Free at the end), and
//! taking either back. Upgrades are not here: they start at once, through checkout.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::{invoices, periods};
use crate::{RepoError, plans, users};

/// The plan id a cancel schedules.
pub const FREE: &str = "free";

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    #[error("no paid period is running, so nothing changes at its end")]
    NoPeriod,
    #[error("{0} does not cost less than your plan: an upgrade starts now, through checkout")]
    NotCheaper(String),
    #[error("the plan `{0}` cannot be bought online")]
    NotForSale(String),
    #[error("your next period is paid already; it starts as paid")]
    RenewalPaid,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<sea_orm::DbErr> for ChangeError {
    fn from(e: sea_orm::DbErr) -> Self {
        ChangeError::Repo(RepoError::Db(e))
    }
}

impl crate::AsContention for ChangeError {
    fn contended(&self) -> bool {
        matches!(self, ChangeError::Repo(e) if e.is_contention())
    }
}

/// Sets what follows the user's running period: `Some(FREE)` cancels, a cheaper plan
/// downgrades, `None` (or the plan they are on) renews as before. An open renewal invoice for
/// another plan is voided (the sweep issues the right one). Returns the period.
pub async fn schedule(
    db: &DatabaseConnection,
    user_id: uuid::Uuid,
    next: Option<&str>,
) -> Result<periods::Model, ChangeError> {
    crate::retry_on_contention(|| schedule_once(db, user_id, next)).await
}

async fn schedule_once(
    db: &DatabaseConnection,
    user_id: uuid::Uuid,
    next: Option<&str>,
) -> Result<periods::Model, ChangeError> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let user = users::Entity::find_by_id(user_id)
        .one(&txn)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let period = periods::current(&txn, user_id, &user.plan_id, now)
        .await?
        .ok_or(ChangeError::NoPeriod)?;
    let next = checked_next(&txn, &user.plan_id, next).await?;
    if !periods::paid_ahead(&txn, &period).await?.is_empty() {
        return Err(ChangeError::RenewalPaid);
    }
    let mut renewal = period.renewal_invoice_id;
    if let Some(id) = renewal {
        let invoice = invoices::Entity::find_by_id(id).one(&txn).await?;
        let renews = next.as_deref().unwrap_or(&period.plan_id);
        if invoice.is_some_and(|i| i.plan_id.as_deref() != Some(renews)) {
            invoices::void_if_open(&txn, id).await?;
            renewal = None;
        }
    }
    periods::Entity::update_many()
        .col_expr(periods::Column::NextPlanId, Expr::value(next.clone()))
        .col_expr(periods::Column::RenewalInvoiceId, Expr::value(renewal))
        .filter(periods::Column::Id.eq(period.id))
        .exec(&txn)
        .await?;
    let saved = periods::Entity::find_by_id(period.id)
        .one(&txn)
        .await?
        .ok_or(RepoError::NotFound("plan period"))?;
    txn.commit().await?;
    tracing::info!(user_id = %user_id, next = ?saved.next_plan_id, "plan change at period end saved");
    Ok(saved)
}

/// `None` for a renewal of the current plan; `FREE`; or a plan for sale cheaper than it.
async fn checked_next(
    db: &impl sea_orm::ConnectionTrait,
    current_plan: &str,
    next: Option<&str>,
) -> Result<Option<String>, ChangeError> {
    let Some(next) = next.map(str::trim).filter(|n| *n != current_plan) else {
        return Ok(None);
    };
    if next == FREE {
        return Ok(Some(FREE.to_owned()));
    }
    let plan = plans::find(db, next)
        .await?
        .ok_or_else(|| ChangeError::NotForSale(next.to_owned()))?;
    let Some(price) = plan.price_idr.filter(|p| *p > 0) else {
        return Err(ChangeError::NotForSale(plan.id));
    };
    // A custom-priced plan (an operator's deal) costs more than any listed one.
    let current = plans::find(db, current_plan)
        .await?
        .and_then(|p| p.price_idr);
    if current.is_some_and(|c| price >= c) {
        return Err(ChangeError::NotCheaper(plan.name));
    }
    Ok(Some(plan.id))
}
