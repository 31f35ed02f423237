//! Billing in the API: whether it is on, checkout (an invoice and a Midtrans Snap page), the
//! signed-in user's invoices and payments (the Billing page polls one after returning from
//! Snap). Plans are granted only by the worker, from Midtrans's own status.

use async_graphql::{Context, Object, SimpleObject};
use billing::CheckoutError;
use chrono::{DateTime, Utc};
use entities::billing::{attempts, invoices};

use super::context::{deps, reader, writer};
use super::error::ApiError;

#[derive(SimpleObject)]
pub struct Checkout {
    /// Midtrans's order id for this attempt (the Billing page polls `payment(orderId)`).
    pub order_id: String,
    pub invoice_number: String,
    /// Rupiah, PPN included.
    pub total: i64,
    /// Send the customer here (Midtrans's Snap page).
    pub redirect_url: String,
    /// For Snap's JavaScript popup, as an alternative to the redirect.
    pub token: String,
}

#[derive(SimpleObject)]
pub struct Invoice {
    pub id: uuid::Uuid,
    /// `INV/2026/000123`, or `CN/2026/000007` for a credit note.
    pub number: String,
    /// `subscription` or `credit_note`.
    pub kind: String,
    pub plan_id: Option<String>,
    pub description: String,
    /// Rupiah: the price before PPN, the tax base (DPP), PPN, and the total.
    pub net: i64,
    pub tax_base: i64,
    pub ppn: i64,
    pub total: i64,
    /// `open`, `paid`, `void`, `refunded`; credit notes: `issued`.
    pub status: String,
    pub issued_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub paid_method: Option<String>,
    /// An upgrade's credit for the unused days of the plan it replaced, before PPN like `net`
    /// (the plan's line is `net + credit`).
    pub credit: i64,
    pub credit_days: i32,
}

impl From<&invoices::Model> for Invoice {
    fn from(i: &invoices::Model) -> Self {
        Self {
            id: i.id,
            number: i.number.clone(),
            kind: i.kind.clone(),
            plan_id: i.plan_id.clone(),
            description: i.description.clone(),
            net: i.net,
            tax_base: i.tax_base,
            ppn: i.ppn,
            total: i.total,
            status: i.status.clone(),
            issued_at: i.issued_at,
            due_at: i.due_at,
            paid_at: i.paid_at,
            paid_method: i.paid_method.clone(),
            credit: i.credit,
            credit_days: i.credit_days,
        }
    }
}

#[derive(SimpleObject)]
pub struct Payment {
    pub order_id: String,
    /// `pending`, `paid`, `denied`, `cancelled`, `expired`, `failed`, `refunded`, …
    pub state: String,
    /// Rupiah.
    pub amount: i64,
    pub payment_type: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&attempts::Model> for Payment {
    fn from(a: &attempts::Model) -> Self {
        Self {
            order_id: a.order_id.clone(),
            state: a.state.clone(),
            amount: a.gross_amount,
            payment_type: a.payment_type.clone(),
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

#[derive(Default)]
pub struct BillingQuery;

#[Object]
impl BillingQuery {
    /// Whether this server takes payments (a Midtrans key is configured).
    async fn billing_enabled(&self, ctx: &Context<'_>) -> bool {
        deps(ctx).billing.is_some()
    }

    /// Your invoices and credit notes, newest first.
    async fn invoices(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Invoice>> {
        let user = reader(ctx)?;
        let rows = user.invoices().await?;
        Ok(rows.iter().map(Invoice::from).collect())
    }

    /// Your payment attempts, newest first.
    async fn payments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Payment>> {
        let user = reader(ctx)?;
        let rows = user.payments().await?;
        Ok(rows.iter().map(Payment::from).collect())
    }

    /// One of your payments by its order id (what Snap's return address carries); null when
    /// there is none of yours by that id.
    async fn payment(
        &self,
        ctx: &Context<'_>,
        order_id: String,
    ) -> async_graphql::Result<Option<Payment>> {
        let user = reader(ctx)?;
        Ok(user.payment(&order_id).await?.as_ref().map(Payment::from))
    }
}

#[derive(Default)]
pub struct BillingMutation;

#[Object]
impl BillingMutation {
    /// Starts paying for `plan`: an invoice (the open one for that plan, or a new one) and a
    /// Midtrans Snap page to send the customer to. The plan applies once Midtrans confirms
    /// the payment.
    async fn start_checkout(
        &self,
        ctx: &Context<'_>,
        plan: String,
    ) -> async_graphql::Result<Checkout> {
        let user = writer(ctx)?;
        let Some(billing) = deps(ctx).billing.as_deref() else {
            return Err(ApiError::rejected(
                "billing_off",
                "This server does not take payments (no Midtrans key is configured).",
            )
            .into());
        };
        let me = user.user().await?;
        let checkout = user
            .start_checkout(billing, &me, &plan)
            .await
            .map_err(|e| match e {
                CheckoutError::NotForSale(_) => {
                    ApiError::rejected("plan_not_for_sale", &format!("{}.", capital(&e)))
                }
                CheckoutError::AlreadyOnPlan(_) => {
                    ApiError::rejected("already_on_plan", &format!("{}.", capital(&e)))
                }
                CheckoutError::DowngradeAtPeriodEnd(_) => {
                    ApiError::rejected("downgrade_at_period_end", &format!("{}.", capital(&e)))
                }
                CheckoutError::Provider(_) => {
                    tracing::warn!(error = %e, "checkout failed at Midtrans");
                    ApiError::Provider(
                        "The payment provider did not answer; try again in a moment.".to_owned(),
                    )
                }
                CheckoutError::Repo(e) => ApiError::from(e),
            })?;
        Ok(Checkout {
            order_id: checkout.order_id,
            invoice_number: checkout.invoice_number,
            total: checkout.total,
            redirect_url: checkout.redirect_url,
            token: checkout.token,
        })
    }
}

fn capital(e: &CheckoutError) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}
