//! The Finance section's reads: payments with their Midtrans notifications, invoices, the
//! daily MRR series, revenue by plan. Computed from billing rows, never stored.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::billing::{attempts, invoices, notifications, periods};

/// Which payments to list.
#[derive(Clone, Debug, Default)]
pub struct PaymentFilter {
    /// Part of the order id, the invoice number or the buyer's email.
    pub search: Option<String>,
    /// `paid`, `pending`, `expired`, `failed`, `refunded`, … (a `PaymentState`).
    pub states: Vec<String>,
}

/// One page of payments (newest first) with their invoices, and how many match.
pub async fn payments(
    db: &impl ConnectionTrait,
    filter: &PaymentFilter,
    offset: u64,
    limit: u64,
) -> Result<(u64, Vec<(attempts::Model, Option<invoices::Model>)>), DbErr> {
    let mut query = attempts::Entity::find().order_by_desc(attempts::Column::CreatedAt);
    if !filter.states.is_empty() {
        query = query.filter(attempts::Column::State.is_in(filter.states.clone()));
    }
    if let Some(text) = search_text(filter.search.as_deref()) {
        let invoice_ids: Vec<Uuid> = matching_invoices(db, &text).await?;
        query = query.filter(
            Condition::any()
                .add(attempts::Column::OrderId.contains(text.to_uppercase().replace('/', "-")))
                .add(attempts::Column::InvoiceId.is_in(invoice_ids)),
        );
    }
    let total = query.clone().count(db).await?;
    let rows = query.offset(offset).limit(limit).all(db).await?;
    let ids: Vec<Uuid> = rows.iter().map(|a| a.invoice_id).collect();
    let invoices: HashMap<Uuid, invoices::Model> = invoices::Entity::find()
        .filter(invoices::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i))
        .collect();
    let rows = rows
        .into_iter()
        .map(|a| {
            let invoice = invoices.get(&a.invoice_id).cloned();
            (a, invoice)
        })
        .collect();
    Ok((total, rows))
}

/// The notifications Midtrans sent about each of `order_ids`, oldest first.
pub async fn notifications_of(
    db: &impl ConnectionTrait,
    order_ids: &[String],
) -> Result<HashMap<String, Vec<notifications::Model>>, DbErr> {
    let rows = notifications::Entity::find()
        .filter(notifications::Column::OrderId.is_in(order_ids.iter().cloned()))
        .order_by_asc(notifications::Column::ReceivedAt)
        .all(db)
        .await?;
    let mut by_order: HashMap<String, Vec<notifications::Model>> = HashMap::new();
    for row in rows {
        by_order.entry(row.order_id.clone()).or_default().push(row);
    }
    Ok(by_order)
}

/// One page of invoices and credit notes (newest first) matching a number or an email.
pub async fn invoices(
    db: &impl ConnectionTrait,
    search: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<(u64, Vec<invoices::Model>), DbErr> {
    let mut query = invoices::Entity::find().order_by_desc(invoices::Column::IssuedAt);
    if let Some(text) = search_text(search) {
        query = query.filter(invoice_match(&text));
    }
    let total = query.clone().count(db).await?;
    Ok((total, query.offset(offset).limit(limit).all(db).await?))
}

fn search_text(search: Option<&str>) -> Option<String> {
    search
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Numbers are stored upper-case, emails lower-case (LIKE is case-sensitive on Postgres).
fn invoice_match(text: &str) -> Condition {
    Condition::any()
        .add(invoices::Column::Number.contains(text.to_uppercase()))
        .add(invoices::Column::BuyerEmail.contains(text.to_lowercase()))
}

/// The payment `order_id` with its invoice.
pub async fn payment(
    db: &impl ConnectionTrait,
    order_id: &str,
) -> Result<Option<(attempts::Model, Option<invoices::Model>)>, DbErr> {
    let Some(attempt) = attempts::find(db, order_id).await? else {
        return Ok(None);
    };
    let invoice = invoices::Entity::find_by_id(attempt.invoice_id)
        .one(db)
        .await?;
    Ok(Some((attempt, invoice)))
}

async fn matching_invoices(db: &impl ConnectionTrait, text: &str) -> Result<Vec<Uuid>, DbErr> {
    invoices::Entity::find()
        .select_only()
        .column(invoices::Column::Id)
        .filter(invoice_match(text))
        .into_tuple()
        .all(db)
        .await
}

/// MRR at the end of each of the last `days` days (UTC), oldest first: what `admin_kpis::mrr`
/// would have answered then, from the periods and the paid invoices behind them.
pub async fn mrr_series(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    days: i64,
) -> Result<Vec<(NaiveDate, i64)>, DbErr> {
    let first = now.date_naive() - Duration::days(days - 1);
    let window_start = first.and_hms_opt(0, 0, 0).map_or(now, |t| t.and_utc());
    let overlapping = periods::Entity::find()
        .filter(periods::Column::EndsAt.gt(window_start))
        .filter(periods::Column::StartsAt.lte(now))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = overlapping.iter().map(|p| p.invoice_id).collect();
    let paid: HashMap<Uuid, i64> = invoices::Entity::find()
        .filter(invoices::Column::Id.is_in(ids))
        .filter(invoices::Column::Status.eq("paid"))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.net + i.credit))
        .collect();
    let series = (0..days)
        .map(|n| {
            let day = first + Duration::days(n);
            // The day's end, or now for today.
            let at = (day + Duration::days(1))
                .and_hms_opt(0, 0, 0)
                .map_or(now, |t| t.and_utc())
                .min(now);
            let mrr = overlapping
                .iter()
                .filter(|p| runs_at(p, at))
                .filter_map(|p| paid.get(&p.invoice_id))
                .sum();
            (day, mrr)
        })
        .collect();
    Ok(series)
}

fn runs_at(p: &periods::Model, at: DateTime<Utc>) -> bool {
    p.starts_at <= at
        && p.ends_at > at
        && p.revoked_at.is_none_or(|r| r > at)
        && p.lapsed_at.is_none_or(|l| l > at)
}

/// Paid invoices since `since` per plan: how many and their sum before PPN; and the sum of
/// the credit notes (refunds) issued since.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Revenue {
    pub by_plan: Vec<(String, u64, i64)>,
    pub refunded: i64,
}

pub async fn revenue(db: &impl ConnectionTrait, since: DateTime<Utc>) -> Result<Revenue, DbErr> {
    let paid = invoices::Entity::find()
        .filter(invoices::Column::Kind.eq("subscription"))
        .filter(invoices::Column::PaidAt.gte(since))
        .all(db)
        .await?;
    let mut by_plan: HashMap<String, (u64, i64)> = HashMap::new();
    for invoice in paid {
        let plan = invoice.plan_id.unwrap_or_default();
        let (count, sum) = by_plan.entry(plan).or_default();
        *count += 1;
        *sum += invoice.net;
    }
    let refunded = invoices::Entity::find()
        .filter(invoices::Column::Kind.eq("credit_note"))
        .filter(invoices::Column::IssuedAt.gte(since))
        .all(db)
        .await?
        .iter()
        .map(|c| c.net.abs())
        .sum();
    let mut by_plan: Vec<(String, u64, i64)> = by_plan
        .into_iter()
        .map(|(plan, (count, sum))| (plan, count, sum))
        .collect();
    by_plan.sort();
    Ok(Revenue { by_plan, refunded })
}
