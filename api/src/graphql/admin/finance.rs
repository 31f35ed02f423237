//! The Finance section: MRR per day, revenue by plan, an LTV estimate, payments with their
//! Midtrans notifications (failed and expired ones to follow up), refunds through Midtrans,
//! and invoices to find and download.

use async_graphql::{Context, InputObject, Object, SimpleObject};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use entities::admin_audit::{self, Entry};
use entities::admin_finance::{self, PaymentFilter};
use entities::admin_kpis;
use entities::billing::{attempts, invoices, notifications};

use super::access::AdminSection;
use crate::graphql::billing::Invoice;
use crate::graphql::context::admin::{admin_reader, admin_writer};
use crate::graphql::context::deps;
use crate::graphql::error::{ApiError, ApiResult};

const MAX_PAGE: u64 = 200;

#[derive(SimpleObject)]
pub struct MrrPoint {
    pub day: NaiveDate,
    pub mrr_idr: i64,
}

#[derive(SimpleObject)]
pub struct PlanRevenue {
    pub plan_id: String,
    pub invoices: u64,
    /// Paid, Rupiah before PPN.
    pub net_idr: i64,
}

#[derive(SimpleObject)]
pub struct AdminFinance {
    /// MRR at the end of each day, oldest first (today: now).
    pub mrr_series: Vec<MrrPoint>,
    /// Invoices paid over the window, by plan.
    pub revenue_by_plan: Vec<PlanRevenue>,
    /// Credit notes issued over the window, Rupiah before PPN.
    pub refunded_idr: i64,
    /// Monthly revenue per paying subscription now.
    pub arpu_idr: i64,
    /// ARPU over the monthly churn of the last 30 days; null while nobody churned.
    pub ltv_estimate_idr: Option<i64>,
}

/// One notification Midtrans sent about a payment, and what Satu made of it.
#[derive(SimpleObject)]
pub struct PaymentNotification {
    pub transaction_status: String,
    pub received_at: DateTime<Utc>,
    pub processed_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub last_error: Option<String>,
}

impl From<&notifications::Model> for PaymentNotification {
    fn from(n: &notifications::Model) -> Self {
        Self {
            transaction_status: n.transaction_status.clone(),
            received_at: n.received_at,
            processed_at: n.processed_at,
            attempts: n.attempts,
            last_error: n.last_error.clone(),
        }
    }
}

/// A payment attempt (one Midtrans order).
#[derive(SimpleObject)]
pub struct AdminPayment {
    pub order_id: String,
    pub invoice_number: Option<String>,
    pub user_id: uuid::Uuid,
    pub email: Option<String>,
    /// `pending`, `paid`, `denied`, `cancelled`, `expired`, `failed`, `refunded`, …
    pub state: String,
    /// Rupiah, PPN included.
    pub gross_amount: i64,
    pub payment_type: Option<String>,
    pub transaction_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub notifications: Vec<PaymentNotification>,
}

impl AdminPayment {
    fn new(
        a: attempts::Model,
        invoice: Option<&invoices::Model>,
        notifications: &[notifications::Model],
    ) -> Self {
        Self {
            invoice_number: invoice.map(|i| i.number.clone()),
            email: invoice.map(|i| i.buyer_email.clone()),
            order_id: a.order_id,
            user_id: a.user_id,
            state: a.state,
            gross_amount: a.gross_amount,
            payment_type: a.payment_type,
            transaction_id: a.transaction_id,
            created_at: a.created_at,
            updated_at: a.updated_at,
            notifications: notifications
                .iter()
                .map(PaymentNotification::from)
                .collect(),
        }
    }
}

#[derive(SimpleObject)]
pub struct AdminPaymentPage {
    pub total: u64,
    pub items: Vec<AdminPayment>,
}

#[derive(InputObject, Default)]
pub struct AdminPaymentFilter {
    /// Part of the order id, the invoice number or the buyer's email.
    pub search: Option<String>,
    /// Payment states to show (all when empty): `expired` and `failed` are the ones to follow
    /// up.
    #[graphql(default)]
    pub states: Vec<String>,
}

#[derive(SimpleObject)]
pub struct AdminInvoicePage {
    pub total: u64,
    /// Each downloads as PDF from `/api/invoices/{id}/pdf` with the operator's session.
    pub items: Vec<AdminInvoice>,
}

#[derive(SimpleObject)]
pub struct AdminInvoice {
    pub invoice: Invoice,
    pub user_id: uuid::Uuid,
    pub buyer_email: String,
}

#[derive(Default)]
pub struct AdminFinanceQuery;

#[Object]
impl AdminFinanceQuery {
    /// The business over the last `days` days (1 to 366).
    async fn admin_finance(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 30)] days: i64,
    ) -> async_graphql::Result<AdminFinance> {
        let admin = admin_reader(ctx, AdminSection::Finance).await?;
        Ok(finance(admin.db(), days.clamp(1, 366)).await?)
    }

    async fn admin_payments(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: AdminPaymentFilter,
        #[graphql(default = 50)] first: u64,
        #[graphql(default = 0)] offset: u64,
    ) -> async_graphql::Result<AdminPaymentPage> {
        let admin = admin_reader(ctx, AdminSection::Finance).await?;
        let filter = PaymentFilter {
            search: filter.search,
            states: filter.states,
        };
        let db = admin.db();
        let (total, rows) =
            admin_finance::payments(db, &filter, offset, first.clamp(1, MAX_PAGE)).await?;
        let orders: Vec<String> = rows.iter().map(|(a, _)| a.order_id.clone()).collect();
        let history = admin_finance::notifications_of(db, &orders).await?;
        let items = rows
            .into_iter()
            .map(|(a, invoice)| {
                let sent = history.get(&a.order_id).map_or(&[][..], Vec::as_slice);
                AdminPayment::new(a, invoice.as_ref(), sent)
            })
            .collect();
        Ok(AdminPaymentPage { total, items })
    }

    async fn admin_invoices(
        &self,
        ctx: &Context<'_>,
        search: Option<String>,
        #[graphql(default = 50)] first: u64,
        #[graphql(default = 0)] offset: u64,
    ) -> async_graphql::Result<AdminInvoicePage> {
        let admin = admin_reader(ctx, AdminSection::Finance).await?;
        let (total, rows) = admin_finance::invoices(
            admin.db(),
            search.as_deref(),
            offset,
            first.clamp(1, MAX_PAGE),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(AdminInvoicePage {
            total,
            items: rows
                .iter()
                .map(|i| AdminInvoice {
                    invoice: Invoice::from(i),
                    user_id: i.user_id,
                    buyer_email: i.buyer_email.clone(),
                })
                .collect(),
        })
    }
}

async fn finance(db: &sea_orm::DatabaseConnection, days: i64) -> ApiResult<AdminFinance> {
    let now = Utc::now();
    let series = admin_finance::mrr_series(db, now, days).await?;
    let revenue = admin_finance::revenue(db, now - Duration::days(days)).await?;
    let (mrr, subscriptions) = admin_kpis::mrr(db, now).await?;
    let arpu = if subscriptions == 0 {
        0
    } else {
        mrr / subscriptions as i64
    };
    let churn = admin_kpis::churn(db, now, 30).await?;
    let (lost, at_start) = churn
        .iter()
        .fold((0, 0), |(l, s), c| (l + c.lost, s + c.at_start));
    // Expected months a subscriber stays is 1 / churn; without churn there is no estimate.
    let ltv = (lost > 0).then(|| arpu * at_start as i64 / lost as i64);
    Ok(AdminFinance {
        mrr_series: series
            .into_iter()
            .map(|(day, mrr_idr)| MrrPoint { day, mrr_idr })
            .collect(),
        revenue_by_plan: revenue
            .by_plan
            .into_iter()
            .map(|(plan_id, invoices, net_idr)| PlanRevenue {
                plan_id,
                invoices,
                net_idr,
            })
            .collect(),
        refunded_idr: revenue.refunded,
        arpu_idr: arpu,
        ltv_estimate_idr: ltv,
    })
}

#[derive(Default)]
pub struct AdminFinanceMutation;

#[Object]
impl AdminFinanceMutation {
    /// Refunds a paid order through Midtrans (`amount` Rupiah; the whole payment when absent):
    /// the plan it bought is taken back and a credit note issued. Bank transfers cannot be
    /// refunded through Midtrans's API (refund those by hand).
    async fn admin_refund_payment(
        &self,
        ctx: &Context<'_>,
        order_id: String,
        amount: Option<i64>,
        reason: String,
    ) -> async_graphql::Result<AdminPayment> {
        let admin = admin_writer(ctx, AdminSection::Finance).await?;
        let reason = services::admin::checked_reason(&reason).map_err(ApiError::from)?;
        let d = deps(ctx);
        let billing = d.billing.as_ref().ok_or_else(|| {
            ApiError::rejected("billing_off", "Billing is not configured on this server.")
        })?;
        let refunded =
            billing::refund::refund(admin.db(), billing, &d.bus, &order_id, amount, &reason)
                .await
                .map_err(refund_error)?;
        let entry = Entry {
            action: admin_audit::action::PAYMENT_REFUNDED,
            target_kind: "payment",
            target_id: Some(refunded.order_id.clone()),
            target_label: Some(refunded.order_id.clone()),
            before: Some(serde_json::json!({ "state": refunded.state_before })),
            after: Some(serde_json::json!({
                "state": refunded.state_after,
                "amount": refunded.amount,
                "refundKey": refunded.refund_key,
            })),
            reason: Some(&reason),
        };
        admin_audit::record(admin.db(), &admin.actor, entry).await?;
        let (attempt, invoice) = admin_finance::payment(admin.db(), &order_id)
            .await?
            .ok_or(ApiError::NotFound("Payment"))?;
        let history = admin_finance::notifications_of(admin.db(), &[order_id]).await?;
        let sent = history
            .get(&attempt.order_id)
            .map_or(&[][..], Vec::as_slice);
        Ok(AdminPayment::new(attempt, invoice.as_ref(), sent))
    }
}

/// A refund's failure for the operator: what Midtrans said, or what is wrong with the input.
fn refund_error(e: billing::refund::RefundError) -> ApiError {
    use billing::midtrans::MidtransError;
    use billing::refund::RefundError as R;
    match e {
        R::UnknownOrder => ApiError::NotFound("Payment"),
        R::NotPaid(_) => ApiError::rejected("not_refundable", &format!("Cannot refund: {e}.")),
        R::BadAmount(_) => ApiError::rejected("amount_invalid", &format!("Invalid amount: {e}.")),
        R::Midtrans(MidtransError::Refused { status, message }) => ApiError::rejected(
            "midtrans_refused",
            &format!(
                "Midtrans refused the refund ({status}: {message}). Bank transfers and shop payments are refunded by hand."
            ),
        ),
        R::Midtrans(other) => ApiError::Provider(format!("Midtrans: {other}; try again.")),
        R::Apply(cause) => ApiError::internal("applying a refund", &cause),
        R::Db(cause) => ApiError::internal("refund", &cause),
    }
}
