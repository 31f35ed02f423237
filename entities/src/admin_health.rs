//! The Health section's reads: request outcomes and latency per provider over a window (raw
//! rows for minutes and an hour, hourly rollups for a day), connections in trouble per
//! provider, and how much work waits in each queue.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter,
    QuerySelect, Statement,
};

use crate::usage_latency::{COLUMNS, Histogram};
use crate::{email_outbox, provider_accounts, team_notices, usage_events};

/// Requests of one provider (empty: refused before any provider) over a window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub requests: i64,
    pub errors: i64,
    pub latency: Histogram,
}

impl Outcomes {
    pub fn merge(&mut self, other: &Outcomes) {
        self.requests += other.requests;
        self.errors += other.errors;
        self.latency.merge(&other.latency);
    }
}

/// Per provider since `since`, from the raw rows (for windows up to a few hours: the rows are
/// found through their time index).
pub async fn recent(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
) -> Result<BTreeMap<String, Outcomes>, DbErr> {
    #[derive(FromQueryResult)]
    struct Row {
        provider: Option<String>,
        status_code: i32,
        error_kind: Option<String>,
        latency_ms: i64,
    }
    let rows = usage_events::Entity::find()
        .select_only()
        .column(usage_events::Column::Provider)
        .column(usage_events::Column::StatusCode)
        .column(usage_events::Column::ErrorKind)
        .column(usage_events::Column::LatencyMs)
        .filter(usage_events::Column::CreatedAt.gte(since))
        .into_model::<Row>()
        .all(db)
        .await?;
    let mut by_provider: BTreeMap<String, Outcomes> = BTreeMap::new();
    for row in rows {
        let outcome = by_provider
            .entry(row.provider.unwrap_or_default())
            .or_default();
        outcome.requests += 1;
        outcome.errors += i64::from(row.status_code >= 400 || row.error_kind.is_some());
        outcome.latency.record(row.latency_ms);
    }
    Ok(by_provider)
}

/// Per provider since `since` (rounded down to its hour), from the hourly rollups.
pub async fn hourly(
    db: &impl ConnectionTrait,
    since: DateTime<Utc>,
) -> Result<BTreeMap<String, Outcomes>, DbErr> {
    let mut select = Query::select();
    select.from("usage_hourly").column("provider");
    for name in ["requests", "errors"].iter().chain(&COLUMNS) {
        select.expr_as(Func::cast_as(Func::sum(Expr::col(*name)), "BIGINT"), *name);
    }
    let hour = since - Duration::seconds(since.timestamp().rem_euclid(3600));
    select
        .and_where(Expr::col("hour").gte(hour))
        .group_by_col("provider");
    let backend = db.get_database_backend();
    let rows = db.query_all_raw(backend.build(&select)).await?;
    let mut by_provider = BTreeMap::new();
    for row in rows {
        let get = |name: &str| -> Result<i64, DbErr> {
            Ok(row.try_get::<Option<i64>>("", name)?.unwrap_or(0))
        };
        let mut latency = Histogram::default();
        for (count, name) in latency.0.iter_mut().zip(COLUMNS) {
            *count = get(name)?;
        }
        let provider: String = row.try_get("", "provider")?;
        let outcome = Outcomes {
            requests: get("requests")?,
            errors: get("errors")?,
            latency,
        };
        by_provider.insert(provider, outcome);
    }
    Ok(by_provider)
}

/// Connections of one provider: how many, how many need the user (expired, error), and how
/// many failed a refresh over the last day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Connections {
    pub total: u64,
    pub expired: u64,
    pub error: u64,
    pub refresh_failures_24h: u64,
}

pub async fn connections(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> Result<BTreeMap<String, Connections>, DbErr> {
    let rows = provider_accounts::Entity::find().all(db).await?;
    let day_ago = now - Duration::hours(24);
    let mut by_provider: BTreeMap<String, Connections> = BTreeMap::new();
    for account in rows {
        let c = by_provider.entry(account.provider.clone()).or_default();
        c.total += 1;
        c.expired += u64::from(account.status == "expired");
        c.error += u64::from(account.status == "error");
        let failed_lately = account.last_error_at.is_some_and(|at| at >= day_ago)
            && account.kind == crate::AccountKind::OAuth.as_str();
        c.refresh_failures_24h += u64::from(failed_lately);
    }
    Ok(by_provider)
}

/// Work waiting: emails to send, payment notifications to confirm, Slack notices, and the
/// worker's job queue (pending and failed; `None` when the queue was never set up).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queues {
    pub emails: u64,
    pub emails_failed: u64,
    pub payment_notifications: u64,
    pub slack_notices: u64,
    pub jobs_pending: Option<i64>,
    pub jobs_failed: Option<i64>,
}

pub async fn queues(db: &impl ConnectionTrait) -> Result<Queues, DbErr> {
    use crate::billing::notifications;
    let emails = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.eq(email_outbox::QUEUED))
        .count(db)
        .await?;
    let emails_failed = email_outbox::Entity::find()
        .filter(email_outbox::Column::Status.eq(email_outbox::FAILED))
        .count(db)
        .await?;
    let payment_notifications = notifications::Entity::find()
        .filter(notifications::Column::ProcessedAt.is_null())
        .count(db)
        .await?;
    let slack_notices = team_notices::Entity::find()
        .filter(team_notices::Column::Status.eq(team_notices::QUEUED))
        .count(db)
        .await?;
    Ok(Queues {
        emails,
        emails_failed,
        payment_notifications,
        slack_notices,
        jobs_pending: jobs(db, "('Pending', 'Running')").await,
        jobs_failed: jobs(db, "('Failed', 'Killed')").await,
    })
}

/// Jobs in the worker's queue (apalis's table) with one of `statuses`.
async fn jobs(db: &impl ConnectionTrait, statuses: &str) -> Option<i64> {
    let backend = db.get_database_backend();
    let table = match backend {
        sea_orm::DatabaseBackend::Postgres => "apalis.jobs",
        _ => "Jobs",
    };
    let sql = format!("SELECT COUNT(*) AS n FROM {table} WHERE status IN {statuses}");
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await
        .ok()??;
    row.try_get::<i64>("", "n").ok()
}
