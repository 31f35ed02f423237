//! `POST /api/payments/midtrans`: Midtrans's notifications. Verified (the signature, in
//! constant time), stored as received (a duplicate is stored once), and answered at once; the
//! worker confirms and applies them. A notification without a valid signature is refused (403)
//! and kept as a security event; one for an order Satu never made is kept and answered 404.

use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};

use entities::billing::{attempts, notifications, security_events, signature};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use crate::Billing;

/// What the endpoint answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Stored (or stored before): Midtrans stops retrying.
    Accepted,
    /// Not JSON, or without the fields a notification has.
    Malformed,
    /// The signature is missing or wrong.
    Forged,
    /// Signed, but for an order Satu did not make.
    UnknownOrder,
    /// It could not be stored: Midtrans should try again.
    Unavailable,
}

#[derive(Debug, Deserialize)]
struct Notification {
    order_id: Option<String>,
    status_code: Option<String>,
    gross_amount: Option<String>,
    signature_key: Option<String>,
    transaction_status: Option<String>,
    transaction_id: Option<String>,
    fraud_status: Option<String>,
}

pub async fn receive(
    db: &DatabaseConnection,
    billing: &Billing,
    body: &[u8],
    ip: Option<&str>,
) -> Verdict {
    let shown = String::from_utf8_lossy(body);
    let Ok(n) = serde_json::from_slice::<Notification>(body) else {
        record(db, "payment_notification_malformed", &shown, ip).await;
        return Verdict::Malformed;
    };
    let (Some(order_id), Some(status_code), Some(gross_amount), Some(status)) = (
        n.order_id.as_deref(),
        n.status_code.as_deref(),
        n.gross_amount.as_deref(),
        n.transaction_status.as_deref(),
    ) else {
        record(db, "payment_notification_malformed", &shown, ip).await;
        return Verdict::Malformed;
    };
    let signed = n.signature_key.as_deref().is_some_and(|given| {
        signature::verify(
            order_id,
            status_code,
            gross_amount,
            &billing.settings.signature_key,
            given,
        )
    });
    if !signed {
        record(db, "payment_notification_forged", &shown, ip).await;
        return Verdict::Forged;
    }
    let known_order = match attempts::find(db, order_id).await {
        Ok(found) => found.is_some(),
        Err(e) => {
            tracing::error!(error = %e, "looking up a payment's order failed");
            return Verdict::Unavailable;
        }
    };
    let stored = notifications::store(
        db,
        notifications::Received {
            order_id,
            transaction_id: n.transaction_id.as_deref().unwrap_or(""),
            transaction_status: status,
            fraud_status: n.fraud_status.as_deref().unwrap_or(""),
            known_order,
            raw: &shown,
        },
    )
    .await;
    match stored {
        Err(e) => {
            tracing::error!(error = %e, "storing a payment notification failed");
            Verdict::Unavailable
        }
        Ok(_) if !known_order => {
            tracing::warn!(order_id, "a signed notification for an unknown order");
            Verdict::UnknownOrder
        }
        Ok(_) => Verdict::Accepted,
    }
}

/// Refused notifications written as security events per process and minute; past that they
/// are only counted (a flood of forged posts must not fill the table).
const EVENTS_PER_MINUTE: u32 = 100;

static BUDGET: EventBudget = EventBudget {
    minute: AtomicI64::new(0),
    used: AtomicU32::new(0),
};

struct EventBudget {
    minute: AtomicI64,
    used: AtomicU32,
}

impl EventBudget {
    fn take(&self) -> bool {
        let minute = chrono::Utc::now().timestamp() / 60;
        if self.minute.swap(minute, Ordering::Relaxed) != minute {
            self.used.store(0, Ordering::Relaxed);
        }
        self.used.fetch_add(1, Ordering::Relaxed) < EVENTS_PER_MINUTE
    }
}

async fn record(db: &DatabaseConnection, kind: &str, detail: &str, ip: Option<&str>) {
    metrics::counter!("satu_payment_notifications_refused_total", "kind" => kind.to_owned())
        .increment(1);
    if !BUDGET.take() {
        return;
    }
    tracing::warn!(kind, ip, "payment notification refused");
    if let Err(e) = security_events::record(db, kind, detail, ip).await {
        tracing::error!(error = %e, "recording a security event failed");
    }
}
