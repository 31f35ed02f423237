//! The signed-in user's subscription: the period in force, what follows it (a renewal, a
//! downgrade, or the end of a cancelled plan) and the next bill; what buying another plan costs
//! now (an upgrade's credit included); and changes that take effect at the period's end.

use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::billing::periods;
use entities::billing::plan_change::{self, ChangeError};
use entities::{plans, users};

use super::billing::Invoice;
use super::context::{UserCtx, deps, reader, writer};
use super::error::ApiError;
use super::types::Plan;

/// What happens when the paid period ends.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum PeriodEnd {
    /// The plan renews for another month (its invoice comes 7 days before).
    Renew,
    /// A cheaper plan follows (its invoice comes 7 days before).
    Downgrade,
    /// The plan ends and the account moves to Free.
    Cancel,
}

#[derive(SimpleObject)]
pub struct PaidPeriod {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub at_end: PeriodEnd,
    /// The plan that follows (Free for a cancel).
    pub next_plan: Plan,
}

/// The bill expected when the period ends.
#[derive(SimpleObject)]
pub struct NextBill {
    pub plan_id: String,
    /// Rupiah, PPN included.
    pub total: i64,
    /// When it is due: the period's end (payable through the grace days).
    pub due_at: DateTime<Utc>,
    /// The renewal invoice once issued (7 days before the end).
    pub invoice: Option<Invoice>,
}

#[derive(SimpleObject)]
pub struct SubscriptionStatus {
    pub plan: Plan,
    /// The paid (or operator-set) period in force; null on Free or a plan without an end.
    pub period: Option<PaidPeriod>,
    pub next_bill: Option<NextBill>,
    /// Connections kept but not used because they are over the plan's caps.
    pub paused_connections: i32,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "billing::quote::Change")]
pub enum PlanChange {
    /// No paid period runs: the plan starts at payment.
    Start,
    /// Costs more: starts at payment, the current period's unused days credited.
    Upgrade,
    /// Costs less: takes effect when the period ends (`changePlanAtPeriodEnd`).
    Downgrade,
    /// The plan you are on (payable only through its open renewal invoice).
    Current,
}

/// What buying a plan costs now.
#[derive(SimpleObject)]
pub struct CheckoutQuote {
    pub plan_id: String,
    pub change: PlanChange,
    /// The listed price (Rupiah).
    pub price: i64,
    /// An upgrade's credit for the unused days of the current period, on the price's basis.
    pub credit: i64,
    pub credit_days: i32,
    /// What the invoice says: before PPN, the tax base, PPN, and what is paid.
    pub net: i64,
    pub tax_base: i64,
    pub ppn: i64,
    pub total: i64,
    /// The open invoice checkout would pay (a renewal), if one waits.
    pub invoice_number: Option<String>,
}

#[derive(Default)]
pub struct PlanChangeQuery;

#[Object]
impl PlanChangeQuery {
    /// Your plan, its paid period and what follows it, and the next bill.
    async fn subscription_status(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<SubscriptionStatus> {
        let user = reader(ctx)?;
        let me = user.user().await?;
        Ok(status(&user, ctx, &me).await?)
    }

    /// What `startCheckout(plan)` would charge now; null when the plan cannot be bought
    /// online (Free, custom-priced, or billing is off).
    async fn checkout_quote(
        &self,
        ctx: &Context<'_>,
        plan: String,
    ) -> async_graphql::Result<Option<CheckoutQuote>> {
        let user = reader(ctx)?;
        let Some(billing) = deps(ctx).billing.as_deref() else {
            return Ok(None);
        };
        let me = user.user().await?;
        let found = user.quote(&billing.settings.tax, &me, &plan).await?;
        Ok(found.map(|q| CheckoutQuote {
            plan_id: q.plan.id,
            change: PlanChange::from(q.change),
            price: q.price,
            credit: q.credit.as_ref().map_or(0, |c| c.amount),
            credit_days: q.credit.as_ref().map_or(0, |c| c.days),
            net: q.amounts.net,
            tax_base: q.amounts.tax_base,
            ppn: q.amounts.ppn,
            total: q.amounts.total,
            invoice_number: q.open_invoice.map(|i| i.number),
        }))
    }
}

#[derive(Default)]
pub struct PlanChangeMutation;

#[Object]
impl PlanChangeMutation {
    /// Moves to a cheaper `plan` when the paid period ends (`free` cancels); the plan you are
    /// on takes a scheduled change back. Upgrades start at once, through `startCheckout`.
    async fn change_plan_at_period_end(
        &self,
        ctx: &Context<'_>,
        plan: String,
    ) -> async_graphql::Result<SubscriptionStatus> {
        schedule(ctx, Some(plan.as_str())).await
    }

    /// Ends the paid plan when its period ends: no renewal; the account moves to Free then.
    async fn cancel_plan(&self, ctx: &Context<'_>) -> async_graphql::Result<SubscriptionStatus> {
        schedule(ctx, Some(plan_change::FREE)).await
    }

    /// Takes back a cancel or a downgrade: the plan renews as before.
    async fn resume_plan(&self, ctx: &Context<'_>) -> async_graphql::Result<SubscriptionStatus> {
        schedule(ctx, None).await
    }
}

async fn schedule(
    ctx: &Context<'_>,
    next: Option<&str>,
) -> async_graphql::Result<SubscriptionStatus> {
    let user = writer(ctx)?;
    user.schedule_plan_change(next).await.map_err(|e| match e {
        ChangeError::NoPeriod => ApiError::rejected("no_paid_period", &sentence(&e)),
        ChangeError::NotCheaper(_) => ApiError::rejected("not_a_downgrade", &sentence(&e)),
        ChangeError::NotForSale(_) => ApiError::rejected("plan_not_for_sale", &sentence(&e)),
        ChangeError::RenewalPaid => ApiError::rejected("renewal_already_paid", &sentence(&e)),
        ChangeError::Repo(e) => ApiError::from(e),
    })?;
    let me = user.user().await?;
    Ok(status(&user, ctx, &me).await?)
}

/// The error's text as a sentence: a capital first letter and a full stop.
fn sentence(e: &impl std::fmt::Display) -> String {
    let text = e.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => format!("{}.", first.to_uppercase().chain(chars).collect::<String>()),
        None => text,
    }
}

async fn status(
    user: &UserCtx<'_>,
    ctx: &Context<'_>,
    me: &users::Model,
) -> Result<SubscriptionStatus, ApiError> {
    let plan = user.plan(&me.plan_id).await?;
    let paused = user.paused_connections().await?;
    let current = user.current_period(&me.plan_id).await?;
    let (period, next_bill) = match current {
        Some(p) => {
            let next = p.next_plan_id.clone().unwrap_or_else(|| p.plan_id.clone());
            let next_plan = user.plan(&next).await?;
            let at_end = match p.next_plan_id.as_deref() {
                None => PeriodEnd::Renew,
                Some(plan_change::FREE) => PeriodEnd::Cancel,
                Some(_) => PeriodEnd::Downgrade,
            };
            let bill = next_bill(user, ctx, &p, &next_plan, at_end).await?;
            let period = PaidPeriod {
                starts_at: p.starts_at,
                ends_at: p.ends_at,
                at_end,
                next_plan: Plan::from(&next_plan),
            };
            (Some(period), bill)
        }
        None => (None, None),
    };
    Ok(SubscriptionStatus {
        plan: Plan::from(&plan),
        period,
        next_bill,
        paused_connections: i32::try_from(paused).unwrap_or(i32::MAX),
    })
}

/// The renewal's invoice once issued, else its estimate from the next plan's price; none for
/// a cancel, a custom price, or when this server takes no payments.
async fn next_bill(
    user: &UserCtx<'_>,
    ctx: &Context<'_>,
    period: &periods::Model,
    next_plan: &plans::Model,
    at_end: PeriodEnd,
) -> Result<Option<NextBill>, ApiError> {
    if at_end == PeriodEnd::Cancel {
        return Ok(None);
    }
    if let Some(id) = period.renewal_invoice_id
        && let Some(invoice) = user.invoice(id).await?
    {
        return Ok(Some(NextBill {
            plan_id: next_plan.id.clone(),
            total: invoice.total,
            due_at: period.ends_at,
            invoice: Some(Invoice::from(&invoice)),
        }));
    }
    let (Some(billing), Some(price)) = (
        deps(ctx).billing.as_deref(),
        next_plan.price_idr.filter(|p| *p > 0),
    ) else {
        return Ok(None);
    };
    Ok(Some(NextBill {
        plan_id: next_plan.id.clone(),
        total: billing.settings.tax.amounts(price).total,
        due_at: period.ends_at,
        invoice: None,
    }))
}
