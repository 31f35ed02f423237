//! Applying a payment's reported state: one transaction moves the attempt (only forward, only
//! if nobody moved it meanwhile), and with it the invoice, the plan period, the user's plan, a
//! credit note and the email. Replayed or reordered reports change nothing twice.

use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
use uuid::Uuid;

use super::payment_state::PaymentState;
use super::{attempts, invoices, periods};
use crate::email_outbox::{self, NewEmail};
use crate::mail::Mail;
use crate::{RepoError, users};

/// What Midtrans's status API says about an order.
#[derive(Clone, Debug)]
pub struct Report {
    pub order_id: String,
    pub state: PaymentState,
    pub transaction_id: Option<String>,
    pub payment_type: Option<String>,
    /// For a partial refund: how much went back (Rupiah).
    pub refunded: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    /// The attempt already was there (a duplicate, a step backwards, a final state).
    Unchanged,
    Moved {
        user_id: Uuid,
        from: PaymentState,
        to: PaymentState,
        /// The user's plan changed (granted or revoked).
        plan_changed: bool,
    },
}

pub async fn apply(db: &DatabaseConnection, report: &Report) -> Result<Applied, RepoError> {
    crate::retry_on_contention(|| apply_once(db, report)).await
}

async fn apply_once(db: &DatabaseConnection, report: &Report) -> Result<Applied, RepoError> {
    // A conflicting writer (another worker on the same order) makes the move fail; read again.
    for _ in 0..3 {
        let txn = db.begin().await?;
        let attempt = attempts::find(&txn, &report.order_id)
            .await?
            .ok_or(RepoError::NotFound("payment"))?;
        let from = attempt.state();
        let Some(to) = from.next(report.state) else {
            return Ok(Applied::Unchanged);
        };
        let moved = attempts::transition(
            &txn,
            &report.order_id,
            from,
            to,
            report.transaction_id.as_deref(),
            report.payment_type.as_deref(),
        )
        .await?;
        if !moved {
            continue;
        }
        let invoice = invoices::Entity::find_by_id(attempt.invoice_id)
            .one(&txn)
            .await?
            .ok_or(RepoError::NotFound("invoice"))?;
        let plan_changed = effects(&txn, &attempt, &invoice, from, to, report).await?;
        txn.commit().await?;
        return Ok(Applied::Moved {
            user_id: attempt.user_id,
            from,
            to,
            plan_changed,
        });
    }
    Ok(Applied::Unchanged)
}

/// The consequences of `from → to`; returns whether the user's plan changed.
async fn effects(
    db: &impl sea_orm::ConnectionTrait,
    attempt: &attempts::Model,
    invoice: &invoices::Model,
    from: PaymentState,
    to: PaymentState,
    report: &Report,
) -> Result<bool, RepoError> {
    let plan = invoice.plan_id.clone().unwrap_or_default();
    if !from.grants() && to.grants() {
        return grant(db, attempt, invoice, &plan, report).await;
    }
    let mut plan_changed = false;
    if from.grants() && !to.grants() {
        plan_changed = revoke(db, invoice).await?;
        let status = match to {
            PaymentState::Refunded | PaymentState::Chargeback => "refunded",
            _ => "void",
        };
        set_invoice_status(db, invoice.id, status).await?;
        if status == "refunded" {
            invoices::credit_note(db, invoice, invoice.total, "Refund").await?;
        }
    } else if to == PaymentState::PartiallyRefunded || to == PaymentState::PartialChargeback {
        let amount = report.refunded.unwrap_or(0).clamp(0, invoice.total);
        if amount > 0 {
            invoices::credit_note(db, invoice, amount, "Partial refund").await?;
        }
    }
    // An attempt that expired before a payment method was picked (an abandoned Snap page)
    // is not news: the invoice still waits on the Billing page.
    let abandoned = to == PaymentState::Expired
        && attempt.transaction_id.is_none()
        && report.transaction_id.is_none();
    let failed_kind = !to.grants() && to != PaymentState::Pending && !abandoned;
    // A declined try on an open invoice is news; so is money taken back.
    if failed_kind || to == PaymentState::PartiallyRefunded {
        mail(
            db,
            invoice,
            format!("payment_{}:{}", to.as_str(), attempt.order_id),
            Mail::PaymentFailed {
                invoice: invoice.number.clone(),
                plan: plan.clone(),
                state: to.as_str().to_owned(),
                plan_revoked: plan_changed,
            },
        )
        .await?;
    }
    Ok(plan_changed)
}

async fn grant(
    db: &impl sea_orm::ConnectionTrait,
    attempt: &attempts::Model,
    invoice: &invoices::Model,
    plan: &str,
    report: &Report,
) -> Result<bool, RepoError> {
    if invoice.status != "open" {
        // Paid twice (two attempts both went through): the money is refunded by hand; the
        // plan is not granted a second time.
        tracing::warn!(invoice = %invoice.number, order = %attempt.order_id, "an invoice was paid twice");
        return Ok(false);
    }
    let now = Utc::now();
    let mut row: invoices::ActiveModel = invoice.clone().into();
    row.status = sea_orm::ActiveValue::Set("paid".to_owned());
    row.paid_at = sea_orm::ActiveValue::Set(Some(now));
    row.paid_method = sea_orm::ActiveValue::Set(report.payment_type.clone());
    row.paid_reference = sea_orm::ActiveValue::Set(Some(match &report.transaction_id {
        Some(tx) => format!("{} / {tx}", attempt.order_id),
        None => attempt.order_id.clone(),
    }));
    sea_orm::ActiveModelTrait::update(row, db).await?;
    let user = users::Entity::find_by_id(invoice.user_id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let period = periods::open(db, user.id, plan, &user.plan_id, invoice.id, now).await?;
    // A new plan starts its quota periods at payment and supersedes the period of the plan it
    // replaces; a renewal keeps the running cycle; a downgrade waits for its start (the sweep).
    let plan_changed = user.plan_id != plan && !period.scheduled;
    if plan_changed {
        users::set_plan(db, user.id, plan, now).await?;
        periods::supersede_others(db, user.id, period.id, now).await?;
    }
    mail(
        db,
        invoice,
        format!("payment_received:{}", attempt.order_id),
        Mail::PaymentReceived {
            invoice: invoice.number.clone(),
            plan: plan.to_owned(),
            total: invoice.total,
            method: report.payment_type.clone(),
            period_ends_at: period.ends_at,
        },
    )
    .await?;
    Ok(plan_changed)
}

/// Ends the period the invoice bought and gives the user their previous plan back (when this
/// period's plan is still theirs).
async fn revoke(
    db: &impl sea_orm::ConnectionTrait,
    invoice: &invoices::Model,
) -> Result<bool, RepoError> {
    let Some(period) = periods::revoke_for_invoice(db, invoice.id).await? else {
        return Ok(false);
    };
    let user = users::Entity::find_by_id(period.user_id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("user"))?;
    let now = Utc::now();
    // An upgrade taken back gives back the period it replaced.
    if let (Some(replaced), Some(paid_at)) = (invoice.credit_period_id, invoice.paid_at) {
        periods::restore(db, replaced, paid_at, now).await?;
    }
    if user.plan_id != period.plan_id
        || periods::covered(db, user.id, &period.plan_id, period.id, now).await?
    {
        return Ok(false);
    }
    // Back to a plan still paid for, else to the plan from before when nobody pays for it
    // (Free, or a plan an operator set), else to Free.
    let back = match periods::running_plan(db, user.id, period.id, now).await? {
        Some(plan) => plan,
        None => {
            let previous = crate::plans::find(db, &period.previous_plan_id).await?;
            match previous {
                Some(p) if p.price_idr.is_none_or(|price| price == 0) => p.id,
                _ => "free".to_owned(),
            }
        }
    };
    users::set_plan(db, user.id, &back, now).await?;
    Ok(true)
}

async fn set_invoice_status(
    db: &impl sea_orm::ConnectionTrait,
    id: Uuid,
    status: &str,
) -> Result<(), RepoError> {
    use sea_orm::{ColumnTrait, QueryFilter, sea_query::Expr};
    invoices::Entity::update_many()
        .col_expr(invoices::Column::Status, Expr::value(status))
        .filter(invoices::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

async fn mail(
    db: &impl sea_orm::ConnectionTrait,
    invoice: &invoices::Model,
    dedupe_key: String,
    mail: Mail,
) -> Result<(), RepoError> {
    let user = users::Entity::find_by_id(invoice.user_id).one(db).await?;
    email_outbox::enqueue(
        db,
        NewEmail {
            user_id: Some(invoice.user_id),
            to_address: invoice.buyer_email.clone(),
            locale: user.and_then(|u| u.locale),
            mail,
            dedupe_key,
        },
    )
    .await?;
    Ok(())
}
