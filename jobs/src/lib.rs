//! Background work run by the worker role. Today: usage retention. The apalis-backed queue
//! (token refresh, emails, invoices) arrives with the connections and billing work; see
//! docs/decisions.md.

use std::time::Duration;

use chrono::Utc;
use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

pub struct WorkerSettings {
    /// Raw usage events older than this are deleted; hourly rollups keep the history.
    pub usage_retention_days: u32,
    pub prune_interval: Duration,
}

/// Deletes usage events past retention. Returns how many rows went.
pub async fn prune_usage(
    db: &DatabaseConnection,
    retention_days: u32,
) -> Result<u64, sea_orm::DbErr> {
    let cutoff = Utc::now() - chrono::Duration::days(i64::from(retention_days));
    entities::usage_events::prune_before(db, cutoff).await
}

/// Runs the periodic jobs until `shutdown` fires.
pub async fn run_worker(
    db: DatabaseConnection,
    settings: WorkerSettings,
    shutdown: CancellationToken,
) {
    let mut tick = tokio::time::interval(settings.prune_interval);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => match prune_usage(&db, settings.usage_retention_days).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(deleted = n, "pruned usage events past retention"),
                Err(e) => tracing::warn!(error = %e, "usage pruning failed; will retry"),
            },
        }
    }
    tracing::debug!("worker stopped");
}
