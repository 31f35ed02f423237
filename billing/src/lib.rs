//! Paying for plans with Midtrans: checkout (an invoice and a Snap page), notifications
//! (verified, stored raw, answered at once), and the worker that confirms each with the status
//! API and applies it through one state machine (`entities::billing`).

pub mod checkout;
pub mod clock;
pub mod invoice_pdf;
pub mod midtrans;
pub mod period_end;
pub mod process;
pub mod quote;
pub mod refund;
pub mod renew;
pub mod webhook;

use std::time::Duration;

use entities::billing::tax::TaxRule;

pub use checkout::{Checkout, CheckoutError, start_checkout};
pub use midtrans::Midtrans;

/// Billing's settings (`billing.*`), with secrets opened.
#[derive(Clone, Debug)]
pub struct BillingSettings {
    pub server_key: String,
    /// What notifications are signed with (the server key unless set apart).
    pub signature_key: String,
    pub snap_url: String,
    pub api_url: String,
    pub tax: TaxRule,
    /// Links back to the dashboard start here (`api.public_url`).
    pub public_url: String,
    /// How long a Snap page and the chosen payment method stay payable.
    pub checkout_expiry_hours: i64,
    /// Waits before each retry of a notification whose status could not be confirmed.
    pub retry_backoff: Vec<Duration>,
    pub poll_interval: Duration,
}

/// Billing when configured: the settings and the Midtrans client.
pub struct Billing {
    pub settings: BillingSettings,
    pub midtrans: Midtrans,
}

impl std::fmt::Debug for Billing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Billing")
            .field("midtrans", &self.midtrans)
            .finish_non_exhaustive()
    }
}

impl Billing {
    pub fn new(settings: BillingSettings) -> Result<Self, midtrans::MidtransError> {
        let midtrans = Midtrans::new(&settings.snap_url, &settings.api_url, &settings.server_key)?;
        Ok(Self { settings, midtrans })
    }
}
