//! What buying a plan costs the user now: the open invoice for it when one waits (a renewal),
//! else its price, less, for an upgrade, the unused days of the paid period it replaces. One
//! rule for checkout and for the Billing page's figures.

use chrono::{DateTime, Utc};
use entities::billing::invoices;
use entities::billing::periods;
use entities::billing::tax::{Amounts, TaxRule};
use entities::{plans, users};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};
use uuid::Uuid;

/// How buying the plan relates to the user's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// No paid period runs: the plan starts at payment.
    Start,
    /// It costs more than the running paid plan: starts at payment, with a credit.
    Upgrade,
    /// It costs less: scheduled for the end of the period, not bought now.
    Downgrade,
    /// The plan the user is on (payable only through its open renewal invoice).
    Current,
}

/// The unused days of the paid period an upgrade replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Credit {
    pub period_id: Uuid,
    pub plan_id: String,
    pub days: i32,
    /// Rupiah, on the basis of prices (PPN included when prices include it).
    pub amount: i64,
}

#[derive(Clone, Debug)]
pub struct Quote {
    pub plan: plans::Model,
    pub change: Change,
    /// The listed price.
    pub price: i64,
    pub credit: Option<Credit>,
    /// What the invoice says: the open one's figures when one waits.
    pub amounts: Amounts,
    pub open_invoice: Option<invoices::Model>,
}

/// `None` when the plan is not for sale (Free, custom-priced, unknown).
pub async fn quote(
    db: &impl ConnectionTrait,
    tax: &TaxRule,
    user: &users::Model,
    plan_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<Quote>, DbErr> {
    let Some(plan) = plans::find(db, plan_id).await? else {
        return Ok(None);
    };
    let Some(price) = plan.price_idr.filter(|p| *p > 0) else {
        return Ok(None);
    };
    let running = periods::current(db, user.id, &user.plan_id, now).await?;
    let current_price = match &running {
        // A custom-priced deal costs more than any listed plan.
        Some(_) => plans::find(db, &user.plan_id)
            .await?
            .map_or(Some(i64::MAX), |p| Some(p.price_idr.unwrap_or(i64::MAX))),
        None => None,
    };
    let change = match current_price {
        _ if plan.id == user.plan_id => Change::Current,
        None => Change::Start,
        Some(current) if price < current => Change::Downgrade,
        Some(_) => Change::Upgrade,
    };
    let credit = match (&running, change) {
        (Some(period), Change::Upgrade) => unused(db, tax, period, price, now).await?,
        _ => None,
    };
    let open_invoice = invoices::open_for(db, user.id, &plan.id).await?;
    let amounts = match &open_invoice {
        Some(open) => Amounts {
            net: open.net,
            tax_base: open.tax_base,
            ppn: open.ppn,
            total: open.total,
        },
        None => tax.amounts(price - credit.as_ref().map_or(0, |c| c.amount)),
    };
    Ok(Some(Quote {
        plan,
        change,
        price,
        credit,
        amounts,
        open_invoice,
    }))
}

/// What is left of `period` (the whole days to its end, in proportion to what its invoice
/// took) and of any month already paid after it (in full), never as much as the new `price`;
/// nothing for periods nobody paid for.
async fn unused(
    db: &impl ConnectionTrait,
    tax: &TaxRule,
    period: &periods::Model,
    price: i64,
    now: DateTime<Utc>,
) -> Result<Option<Credit>, DbErr> {
    let (mut days, mut amount) = match paid(db, tax, period).await? {
        Some(paid) => unused_share(paid, period.starts_at, period.ends_at, now),
        None => (0, 0),
    };
    for later in periods::paid_ahead(db, period).await? {
        if let Some(paid) = paid(db, tax, &later).await? {
            let (length, all) = unused_share(paid, later.starts_at, later.ends_at, later.starts_at);
            days += length;
            amount += all;
        }
    }
    let amount = amount.min(price - 1);
    Ok((amount > 0).then(|| Credit {
        period_id: period.id,
        plan_id: period.plan_id.clone(),
        days,
        amount,
    }))
}

/// What the period's invoice took, on the basis of prices; none when nobody paid for it.
async fn paid(
    db: &impl ConnectionTrait,
    tax: &TaxRule,
    period: &periods::Model,
) -> Result<Option<i64>, DbErr> {
    let invoice = invoices::Entity::find_by_id(period.invoice_id)
        .one(db)
        .await?
        .filter(|i| i.status == "paid");
    Ok(invoice.map(|i| {
        if tax.prices_include_tax || !tax.charge_ppn {
            i.total
        } else {
            i.net
        }
    }))
}

/// The whole days left of a period from `starts` to `ends` at `now`, and that share of
/// `paid` (rounded down: the credit never exceeds what is left).
pub fn unused_share(
    paid: i64,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    now: DateTime<Utc>,
) -> (i32, i64) {
    let length = (ends - starts).num_days().max(1);
    let left = (ends - now).num_days().clamp(0, length);
    let amount = paid.max(0) * left / length;
    (i32::try_from(left).unwrap_or(0), amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn credits_the_whole_days_left_rounded_down() {
        let starts = at("2026-12-01T10:00:00Z");
        let ends = at("2027-01-01T10:00:00Z");
        // 31 days; on the 12th, 20 whole days (and an hour) are left.
        let (days, amount) = unused_share(49_000, starts, ends, at("2026-12-12T09:00:00Z"));
        assert_eq!((days, amount), (20, 31_612));
        // Bought and upgraded the same hour: almost everything back.
        assert_eq!(
            unused_share(49_000, starts, ends, at("2026-12-01T11:00:00Z")),
            (30, 47_419)
        );
        // The last day, and past the end: nothing.
        assert_eq!(
            unused_share(49_000, starts, ends, at("2026-12-31T12:00:00Z")),
            (0, 0)
        );
        assert_eq!(
            unused_share(49_000, starts, ends, at("2027-02-01T00:00:00Z")),
            (0, 0)
        );
    }
}
