//! `startCheckout`: an open invoice for the plan (the one already waiting, or a new one with
//! the next number), a new attempt (a fresh order id: Midtrans takes each once), and the Snap
//! page whose item lines add up to the invoice's total.

use chrono::Utc;
use entities::billing::{attempts, invoices};
use entities::{RepoError, plans, users};
use sea_orm::{DatabaseConnection, TransactionTrait};

use crate::Billing;
use crate::midtrans::{Callbacks, Customer, Expiry, Item, SnapRequest, TransactionDetails};

#[derive(Debug, thiserror::Error)]
pub enum CheckoutError {
    #[error("the plan `{0}` cannot be bought online")]
    NotForSale(String),
    #[error("you are on the {0} plan already")]
    AlreadyOnPlan(String),
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
    let plan = plans::find(db, plan_id)
        .await?
        .ok_or_else(|| CheckoutError::NotForSale(plan_id.to_owned()))?;
    let Some(price) = plan.price_idr.filter(|p| *p > 0) else {
        return Err(CheckoutError::NotForSale(plan.id));
    };
    let s = &billing.settings;
    let expires_at = Utc::now() + chrono::Duration::hours(s.checkout_expiry_hours.max(1));
    // SQLite may refuse the write when another connection wrote since this transaction read
    // (the worker, the job queue): the whole transaction runs again.
    let (invoice, attempt) =
        entities::retry_on_contention(|| open_attempt(db, billing, user, &plan, price, expires_at))
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

/// The invoice to pay (the open one for the plan, or a new one) and a new attempt at it, in
/// one transaction.
async fn open_attempt(
    db: &DatabaseConnection,
    billing: &Billing,
    user: &users::Model,
    plan: &plans::Model,
    price: i64,
    expires_at: chrono::DateTime<Utc>,
) -> Result<(invoices::Model, attempts::Model), CheckoutError> {
    let month = Utc::now().format("%m/%Y");
    let txn = db.begin().await?;
    let invoice = match invoices::open_for(&txn, user.id, &plan.id).await? {
        // The plan's renewal (or an earlier checkout) waits to be paid.
        Some(open) => open,
        None if user.plan_id == plan.id => {
            return Err(CheckoutError::AlreadyOnPlan(plan.name.clone()));
        }
        None => {
            let new = invoices::NewInvoice {
                user_id: user.id,
                plan_id: plan.id.clone(),
                description: format!("Satu {} {month}", plan.name),
                amounts: billing.settings.tax.amounts(price),
                buyer_email: user.email.clone(),
                buyer_name: user.display_name.clone(),
                due_at: expires_at,
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
    let mut items = vec![Item {
        id: invoice.plan_id.clone().unwrap_or_default(),
        price: invoice.net,
        quantity: 1,
        name: invoice.description.chars().take(50).collect(),
    }];
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
