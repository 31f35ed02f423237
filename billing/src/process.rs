//! The worker's side of payments: each stored notification is confirmed with Midtrans's status
//! API (a notification says something happened; the status API says what holds now, so
//! duplicates and reordering converge) and applied. Attempts nobody paid are closed on Satu's
//! own clock: an unused Snap page expires without a notification.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use entities::billing::apply::{self, Applied, Report};
use entities::billing::payment_state::PaymentState;
use entities::billing::{attempts, notifications, security_events};
use proxy::bus::{Bus, Message};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use tokio_util::sync::CancellationToken;

use crate::Billing;
use crate::midtrans::{MidtransError, Status, parse_amount};

const LEASE: Duration = Duration::from_secs(120);
const BATCH: u64 = 20;
/// How often attempts past their expiry are looked at (each costs a status call).
const SWEEP: Duration = Duration::from_secs(300);

/// Runs until `shutdown`.
pub async fn run_processor(
    db: DatabaseConnection,
    billing: Arc<Billing>,
    bus: Arc<Bus>,
    shutdown: CancellationToken,
) {
    let mut tick = tokio::time::interval(billing.settings.poll_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut sweep = tokio::time::interval(SWEEP);
    sweep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => process_due(&db, &billing, &bus).await,
            _ = sweep.tick() => expire_unused(&db, &billing, &bus).await,
        }
    }
}

async fn process_due(db: &DatabaseConnection, billing: &Billing, bus: &Bus) {
    let now = Utc::now();
    let due = match notifications::due(db, now, BATCH).await {
        Ok(due) => due,
        Err(e) => {
            tracing::warn!(error = %e, "reading payment notifications failed; will retry");
            return;
        }
    };
    for n in due {
        let until = now + chrono::Duration::from_std(LEASE).unwrap_or(chrono::Duration::minutes(2));
        match notifications::claim(db, n.id, now, until).await {
            Ok(true) => {}
            Ok(false) => continue,
            Err(e) => {
                tracing::warn!(error = %e, "claiming a payment notification failed");
                continue;
            }
        }
        let outcome = confirm_and_apply(db, billing, bus, &n.order_id).await;
        let recorded = match outcome {
            Ok(()) => notifications::mark_processed(db, n.id).await,
            Err(error) => {
                let wait = billing
                    .settings
                    .retry_backoff
                    .get(usize::try_from(n.attempts).unwrap_or(usize::MAX))
                    .or(billing.settings.retry_backoff.last())
                    .copied()
                    .unwrap_or(Duration::from_secs(60));
                let next = Utc::now() + chrono::Duration::from_std(wait).unwrap_or_default();
                tracing::warn!(order_id = %n.order_id, %error, "payment not confirmed yet; will retry");
                notifications::mark_retry(db, n.id, &error, next).await
            }
        };
        if let Err(e) = recorded {
            tracing::warn!(error = %e, "recording a payment notification's processing failed");
        }
    }
}

/// Asks Midtrans what holds for the order and applies it. `Err` means "try again later".
pub(crate) async fn confirm_and_apply(
    db: &DatabaseConnection,
    billing: &Billing,
    bus: &Bus,
    order_id: &str,
) -> Result<(), String> {
    let attempt = attempts::find(db, order_id)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the order is gone")?;
    let status = match billing.midtrans.status(order_id).await {
        Ok(status) => status,
        Err(MidtransError::NotFound) => return Err("Midtrans does not know the order yet".into()),
        Err(e) => return Err(e.to_string()),
    };
    let Some(state) = PaymentState::from_midtrans(
        status.transaction_status.as_deref().unwrap_or(""),
        status.fraud_status.as_deref(),
    ) else {
        tracing::warn!(order_id, status = ?status.transaction_status, "an unknown payment status; kept as is");
        return Ok(());
    };
    if state.grants() && !amount_matches(&status, attempt.gross_amount) {
        let detail = format!(
            "order {order_id}: Midtrans reports {:?} {:?}, the invoice says {} IDR",
            status.gross_amount, status.currency, attempt.gross_amount
        );
        tracing::error!(%detail, "a payment's amount does not match its invoice; not applied");
        let _ = security_events::record(db, "payment_amount_mismatch", &detail, None).await;
        return Ok(());
    }
    let report = Report {
        order_id: order_id.to_owned(),
        state,
        transaction_id: status.transaction_id.clone(),
        payment_type: status.payment_type.clone(),
        refunded: status.refund_amount.as_deref().and_then(parse_amount),
    };
    publish(
        bus,
        apply::apply(db, &report).await.map_err(|e| e.to_string())?,
    )
    .await;
    Ok(())
}

fn amount_matches(status: &Status, expected: i64) -> bool {
    let currency_ok = status.currency.as_deref().is_none_or(|c| c == "IDR");
    let amount = status.gross_amount.as_deref().and_then(parse_amount);
    currency_ok && amount == Some(expected)
}

async fn publish(bus: &Bus, applied: Applied) {
    if let Applied::Moved {
        user_id,
        from,
        to,
        plan_changed,
    } = applied
    {
        tracing::info!(%user_id, from = from.as_str(), to = to.as_str(), plan_changed, "payment moved");
        metrics::counter!("satu_payments_total", "state" => to.as_str()).increment(1);
        if plan_changed {
            // Every replica reads the user's keys again: the new limits apply at once.
            bus.publish(Message::PlanChanged { user_id }).await;
        }
    }
}

/// Pending attempts past their expiry: what Midtrans reports, or expired when it never saw a
/// payment method picked (an unused Snap page sends nothing); then invoices nobody can pay any
/// more are voided. Periods have their own clock (`clock`).
async fn expire_unused(db: &DatabaseConnection, billing: &Billing, bus: &Bus) {
    expire_attempts(db, billing, bus).await;
    match entities::billing::invoices::void_overdue(db, Utc::now()).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(voided = n, "unpaid invoices past due voided"),
        Err(e) => tracing::warn!(error = %e, "voiding overdue invoices failed"),
    }
}

async fn expire_attempts(db: &DatabaseConnection, billing: &Billing, bus: &Bus) {
    let overdue: Vec<String> = match attempts::Entity::find()
        .select_only()
        .column(attempts::Column::OrderId)
        .filter(attempts::Column::State.eq(PaymentState::Pending.as_str()))
        .filter(attempts::Column::ExpiresAt.lt(Utc::now()))
        .limit(BATCH)
        .into_tuple()
        .all(db)
        .await
    {
        Ok(rows) => rows,
        Err(e) => {
            tracing::warn!(error = %e, "reading overdue payments failed");
            return;
        }
    };
    for order_id in overdue {
        let result = match billing.midtrans.status(&order_id).await {
            Err(MidtransError::NotFound) => {
                let report = Report {
                    order_id: order_id.clone(),
                    state: PaymentState::Expired,
                    transaction_id: None,
                    payment_type: None,
                    refunded: None,
                };
                apply::apply(db, &report).await.map_err(|e| e.to_string())
            }
            Ok(_) => confirm_and_apply(db, billing, bus, &order_id)
                .await
                .map(|()| Applied::Unchanged),
            Err(e) => Err(e.to_string()),
        };
        match result {
            Ok(applied) => publish(bus, applied).await,
            Err(error) => tracing::warn!(%order_id, %error, "closing an overdue payment failed"),
        }
    }
}
