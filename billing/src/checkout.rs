//! `startCheckout`: an open invoice for the plan (the one already waiting, or a new one with
//! the next number), a new attempt (a fresh order id: Midtrans takes each once), and the Snap
//! page whose item lines add up to the invoice's total.

use chrono::Utc;
use entities::billing::{attempts, invoices};
use entities::{RepoError, users};
use sea_orm::{DatabaseConnection, TransactionTrait};

use crate::Billing;
use crate::midtrans::{Callbacks, Customer, Expiry, Item, SnapRequest, TransactionDetails};
use crate::quote::{self, Change};

#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error("the plan `{0}` cannot be bought online")]
    NotForSale(String),
    #[error("you are on the {0} plan already")]
    AlreadyOnPlan(String),
    #[error("{0} costs less than your plan: a downgrade takes effect when your paid period ends")]
    DowngradeAtPeriodEnd(String),
    #[error("the payment provider did not take the order: {0}")]
    Provider(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl entities::AsContention for CheckoutError {
    fn contended(&self) -> bool {
        matches!(self, CheckoutError::Repo(e) if e.is_contention())
    }
}

impl From<sea_orm::DbErr> for CheckoutError {
    fn from(e: sea_orm::DbErr) -> Self {
        CheckoutError::Repo(RepoError::Db(e))
    }
}

#[derive(Clone, Debug)]
pub struct Checkout {
    pub order_id: String,
    pub invoice_number: String,
    pub total: i64,
    pub redirect_url: String,
    pub token: String,
}

pub async fn start_checkout(
    db: &DatabaseConnection,
    billing: &Billing,
    user: &users::Model,
    plan_id: &str,
) -> Result<Checkout, CheckoutError> {
    let s = &billing.settings;
    let expires_at = Utc::now() + chrono::Duration::hours(s.checkout_expiry_hours.max(1));
    // SQLite may refuse the write when another connection wrote since this transaction read
    // (the worker, the job queue): the whole transaction runs again.
    let (invoice, attempt) =
        entities::retry_on_contention(|| open_attempt(db, billing, user, plan_id, expires_at))
            .await?;
    let request = snap_request(billing, user, &invoice, &attempt.order_id);
    let created = match billing.midtrans.create_snap(&request).await {
        Ok(created) => created,
        Err(e) => {
            // Never reached Midtrans's books: the attempt closes here.
            let failed = entities::billing::payment_state::PaymentState::Failed;
            let pending = entities::billing::payment_state::PaymentState::Pending;
            attempts::transition(db, &attempt.order_id, pending, failed, None, None).await?;
            return Err(CheckoutError::Provider(e.to_string()));
        }
    };
    attempts::set_snap(db, &attempt.order_id, &created.token, &created.redirect_url).await?;
    Ok(Checkout {
        order_id: attempt.order_id,
        invoice_number: invoice.number,
        total: invoice.total,
        redirect_url: created.redirect_url,
        token: created.token,
    })
}

/// The invoice to pay (the open one for the plan, or a new one priced by the quote) and a new
/// attempt at it, in one transaction.
async fn open_attempt(
    db: &DatabaseConnection,
    billing: &Billing,
    user: &users::Model,
    plan_id: &str,
    expires_at: chrono::DateTime<Utc>,
) -> Result<(invoices::Model, attempts::Model), CheckoutError> {
    let now = Utc::now();
    let month = now.format("%m/%Y");
    let txn = db.begin().await?;
    let Some(quote) = quote::quote(&txn, &billing.settings.tax, user, plan_id, now).await? else {
        return Err(CheckoutError::NotForSale(plan_id.to_owned()));
    };
    let plan = &quote.plan;
    let invoice = match (quote.open_invoice, quote.change) {
        // The plan's renewal (or an earlier checkout) waits to be paid.
        (Some(open), _) => open,
        (None, Change::Current) => return Err(CheckoutError::AlreadyOnPlan(plan.name.clone())),
        (None, Change::Downgrade) => {
            return Err(CheckoutError::DowngradeAtPeriodEnd(plan.name.clone()));
        }
        (None, Change::Start | Change::Upgrade) => {
            let full = billing.settings.tax.amounts(quote.price);
            let new = invoices::NewInvoice {
                user_id: user.id,
                plan_id: plan.id.clone(),
                description: format!("Satu {} {month}", plan.name),
                amounts: quote.amounts,
                buyer_email: user.email.clone(),
                buyer_name: user.display_name.clone(),
                due_at: expires_at,
                credit: quote.credit.map(|c| invoices::InvoiceCredit {
                    period_id: c.period_id,
                    days: c.days,
                    net: full.net - quote.amounts.net,
                }),
            };
            invoices::issue(&txn, new).await?
        }
    };
    let attempt = attempts::start(
        &txn,
        invoice.id,
        &invoice.number,
        user.id,
        invoice.total,
        expires_at,
    )
    .await?;
    txn.commit().await?;
    Ok((invoice, attempt))
}

fn snap_request(
    billing: &Billing,
    user: &users::Model,
    invoice: &invoices::Model,
    order_id: &str,
) -> SnapRequest {
    // The plan at its price, an upgrade's credit as a negative line, PPN on its own line.
    let mut items = vec![Item {
        id: invoice.plan_id.clone().unwrap_or_default(),
        price: invoice.net + invoice.credit,
        quantity: 1,
        name: invoice.description.chars().take(50).collect(),
    }];
    if invoice.credit != 0 {
        items.push(Item {
            id: "credit".to_owned(),
            price: -invoice.credit,
            quantity: 1,
            name: format!("Credit: {} unused days", invoice.credit_days),
        });
    }
    if invoice.ppn != 0 {
        items.push(Item {
            id: "ppn".to_owned(),
            price: invoice.ppn,
            quantity: 1,
            name: "PPN".to_owned(),
        });
    }
    let locale = match user.locale.as_deref() {
        Some("en") => "en",
        _ => "id",
    };
    let s = &billing.settings;
    SnapRequest {
        transaction_details: TransactionDetails {
            order_id: order_id.to_owned(),
            gross_amount: invoice.total,
        },
        item_details: items,
        customer_details: Customer {
            email: user.email.clone(),
            first_name: user.display_name.clone(),
        },
        callbacks: Callbacks {
            finish: format!(
                "{}/{locale}/app/billing/",
                s.public_url.trim_end_matches('/')
            ),
        },
        expiry: Expiry {
            unit: "hour",
            duration: s.checkout_expiry_hours.clamp(1, 24 * 7),
        },
        custom_field1: format!("invoice:{}", invoice.number),
    }
}
