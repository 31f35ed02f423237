//! Renewals, run by the worker's sweep: 7 days before a paid period ends its user gets the
//! invoice for the next month (paid through the same checkout); reminders follow at 3 and 1
//! days before the end; once the period has ended and `billing.grace_days` have passed unpaid,
//! the user drops to Free on every replica. Each step happens once across replicas (a
//! conditional update claims it) and each email once (its dedupe key).

use chrono::{DateTime, Utc};
use entities::billing::{invoices, periods, plan_change};
use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::{RepoError, plans, users};
use proxy::bus::{Bus, Message};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use crate::clock::ClockSettings;

/// How long before a period's end its renewal invoice is issued.
const LEAD_DAYS: i64 = 7;

/// One pass over the periods that need something.
pub async fn sweep(
    db: &DatabaseConnection,
    settings: &ClockSettings,
    bus: &Bus,
) -> Result<(), RepoError> {
    let now = Utc::now();
    let open = periods::Entity::find()
        .filter(periods::Column::RevokedAt.is_null())
        .filter(periods::Column::LapsedAt.is_null())
        .filter(periods::Column::EndsAt.lt(now + chrono::Duration::days(LEAD_DAYS)))
        .all(db)
        .await?;
    for period in open {
        // A cancelled period renews into nothing: it ends on its own day (`period_end`).
        if period.next_plan_id.as_deref() == Some(plan_change::FREE)
            || !periods::paid_ahead(db, &period).await?.is_empty()
        {
            continue;
        }
        if period.ends_at + chrono::Duration::days(settings.grace_days) < now {
            if entities::retry_on_contention(|| drop_to_free(db, &period, false)).await? {
                bus.publish(Message::PlanChanged {
                    user_id: period.user_id,
                })
                .await;
            }
            continue;
        }
        let invoice = match period.renewal_invoice_id {
            Some(id) => invoices::Entity::find_by_id(id).one(db).await?,
            None if settings.invoices => {
                entities::retry_on_contention(|| issue(db, settings, &period)).await?
            }
            None => None,
        };
        if let Some(invoice) = invoice.filter(|i| i.status == "open") {
            remind(db, &period, &invoice, now).await?;
        }
    }
    Ok(())
}

/// The renewal invoice, issued once: the invoice and the claim on the period commit together.
async fn issue(
    db: &DatabaseConnection,
    settings: &ClockSettings,
    period: &periods::Model,
) -> Result<Option<invoices::Model>, RepoError> {
    // The plan the period renews into (a scheduled downgrade's); custom-priced plans
    // (enterprise) renew by hand.
    let renews = period.next_plan_id.as_deref().unwrap_or(&period.plan_id);
    let Some(plan) = plans::find(db, renews).await? else {
        return Ok(None);
    };
    let Some(price) = plan.price_idr.filter(|p| *p > 0) else {
        return Ok(None);
    };
    let Some(user) = users::Entity::find_by_id(period.user_id).one(db).await? else {
        return Ok(None);
    };
    let txn = db.begin().await?;
    let invoice = invoices::issue(
        &txn,
        invoices::NewInvoice {
            user_id: user.id,
            plan_id: plan.id.clone(),
            description: format!("Satu {} {}", plan.name, period.ends_at.format("%m/%Y")),
            amounts: settings.tax.amounts(price),
            buyer_email: user.email.clone(),
            buyer_name: user.display_name.clone(),
            // Payable through the grace days.
            due_at: period.ends_at + chrono::Duration::days(settings.grace_days),
            credit: None,
        },
    )
    .await?;
    let claimed = periods::Entity::update_many()
        .col_expr(periods::Column::RenewalInvoiceId, Expr::value(invoice.id))
        .filter(periods::Column::Id.eq(period.id))
        .filter(periods::Column::RenewalInvoiceId.is_null())
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        // Another replica issued it first; this number goes back to the series.
        txn.rollback().await?;
        return Ok(None);
    }
    mail(
        &txn,
        &user,
        // Per invoice: a plan change voids the first and another is issued.
        format!("renewal_invoice:{}:{}", period.id, invoice.id),
        Mail::RenewalInvoice {
            invoice: invoice.number.clone(),
            plan: plan.name.clone(),
            total: invoice.total,
            ends_at: period.ends_at,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(invoice = %invoice.number, user_id = %user.id, "renewal invoice issued");
    Ok(Some(invoice))
}

/// Reminders 3 days and 1 day before the end while the renewal is unpaid.
async fn remind(
    db: &impl ConnectionTrait,
    period: &periods::Model,
    invoice: &invoices::Model,
    now: DateTime<Utc>,
) -> Result<(), RepoError> {
    let left = period.ends_at - now;
    for days in [3, 1] {
        if left > chrono::Duration::days(days) || left < chrono::Duration::zero() {
            continue;
        }
        let Some(user) = users::Entity::find_by_id(period.user_id).one(db).await? else {
            return Ok(());
        };
        let renews = invoice.plan_id.as_deref().unwrap_or(&period.plan_id);
        let plan = plans::find(db, renews)
            .await?
            .map_or_else(|| renews.to_owned(), |p| p.name);
        mail(
            db,
            &user,
            format!("renewal_reminder:{}:{days}", period.id),
            Mail::RenewalReminder {
                invoice: invoice.number.clone(),
                plan,
                total: invoice.total,
                days_left: days,
                ends_at: period.ends_at,
            },
        )
        .await?;
    }
    Ok(())
}

/// The period ended unpaid (`cancelled` false, past the grace days) or as the user asked: it
/// is over, and its user goes to Free (unless another period of the plan still covers now or
/// they are on another plan by now) with an email saying why. Returns whether the plan changed.
pub(crate) async fn drop_to_free(
    db: &DatabaseConnection,
    period: &periods::Model,
    cancelled: bool,
) -> Result<bool, RepoError> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let marked = periods::Entity::update_many()
        .col_expr(periods::Column::LapsedAt, Expr::value(now))
        .filter(periods::Column::Id.eq(period.id))
        .filter(periods::Column::LapsedAt.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(false);
    }
    let Some(user) = users::Entity::find_by_id(period.user_id).one(&txn).await? else {
        txn.commit().await?;
        return Ok(false);
    };
    let still_covered = periods::covered(&txn, user.id, &period.plan_id, period.id, now).await?;
    if user.plan_id != period.plan_id || still_covered {
        txn.commit().await?;
        return Ok(false);
    }
    let fit = users::set_plan(&txn, user.id, plan_change::FREE, now).await?;
    let plan = plans::find(&txn, &period.plan_id)
        .await?
        .map_or_else(|| period.plan_id.clone(), |p| p.name);
    mail(
        &txn,
        &user,
        format!("downgraded:{}", period.id),
        Mail::Downgraded {
            plan,
            cancelled,
            paused: fit.paused,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user_id = %user.id, cancelled, "a paid plan ended: the user is on Free");
    Ok(true)
}

async fn mail(
    db: &impl ConnectionTrait,
    user: &users::Model,
    dedupe_key: String,
    mail: Mail,
) -> Result<(), RepoError> {
    email_outbox::enqueue(
        db,
        NewEmail {
            user_id: Some(user.id),
            to_address: user.email.clone(),
            locale: user.locale.clone(),
            mail,
            dedupe_key,
        },
    )
    .await?;
    Ok(())
}
