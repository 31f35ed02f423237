//! An operator's refund: Midtrans returns the money (its refund API), then the order is
//! confirmed and applied like any notification, so the plan is taken back and the credit note
//! issued by the one state machine that handles refunds Midtrans reports by itself.

use entities::billing::attempts;
use entities::billing::payment_state::PaymentState;
use proxy::bus::Bus;
use sea_orm::DatabaseConnection;

use crate::Billing;
use crate::midtrans::{MidtransError, RefundRequest};

#[derive(Debug, thiserror::Error)]
pub enum RefundError {
    #[error("no payment with this order id")]
    UnknownOrder,
    #[error("only a paid order can be refunded (this one is {0})")]
    NotPaid(String),
    #[error("the amount must be between 1 and {0} Rupiah")]
    BadAmount(i64),
    #[error("{0}")]
    Midtrans(#[from] MidtransError),
    #[error("the refund was made but applying it failed: {0}")]
    Apply(String),
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
}

/// What the refund did: the amount returned and the order's state after it.
#[derive(Debug, Clone)]
pub struct Refunded {
    pub order_id: String,
    pub amount: i64,
    pub refund_key: String,
    pub state_before: String,
    pub state_after: String,
    pub user_id: uuid::Uuid,
}

/// Refunds `amount` (the whole payment when `None`) of `order_id`.
pub async fn refund(
    db: &DatabaseConnection,
    billing: &Billing,
    bus: &Bus,
    order_id: &str,
    amount: Option<i64>,
    reason: &str,
) -> Result<Refunded, RefundError> {
    let attempt = attempts::find(db, order_id)
        .await?
        .ok_or(RefundError::UnknownOrder)?;
    let state = attempt.state();
    if !matches!(state, PaymentState::Paid | PaymentState::PartiallyRefunded) {
        return Err(RefundError::NotPaid(state.as_str().to_owned()));
    }
    let amount = amount.unwrap_or(attempt.gross_amount);
    if amount < 1 || amount > attempt.gross_amount {
        return Err(RefundError::BadAmount(attempt.gross_amount));
    }
    // One key per order and amount: a repeated click refunds once.
    let refund_key = format!("{order_id}-r{amount}");
    let request = RefundRequest {
        refund_key: &refund_key,
        amount,
        reason,
    };
    billing.midtrans.refund(order_id, &request).await?;
    crate::process::confirm_and_apply(db, billing, bus, order_id)
        .await
        .map_err(RefundError::Apply)?;
    let after = attempts::find(db, order_id)
        .await?
        .map_or_else(|| state.as_str().to_owned(), |a| a.state);
    Ok(Refunded {
        order_id: order_id.to_owned(),
        amount,
        refund_key,
        state_before: state.as_str().to_owned(),
        state_after: after,
        user_id: attempt.user_id,
    })
}
