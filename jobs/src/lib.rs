//! Background work run by the worker role: the token-refresh queue (apalis on the application
//! database), connections' model lists, teams' Slack notices, and usage retention.

pub mod gauges;
pub mod models;
mod prune;
pub mod queue;
pub mod refresh;
pub mod slack;

use std::sync::Arc;
use std::time::Duration;

use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

pub use prune::{prune_signups, prune_usage};

pub struct WorkerSettings {
    /// Raw usage events older than this are deleted; hourly rollups keep the history.
    pub usage_retention_days: u32,
    pub prune_interval: Duration,
    /// How often connections nearing token expiry are looked for.
    pub refresh_scan_interval: Duration,
    pub refresher: Arc<proxy::oauth::Refresher>,
    /// Keeps connections' model lists current; `None` when turned off.
    pub models: Option<models::ModelRefresh>,
    /// Delivers teams' Slack notices.
    pub slack: Option<slack::SlackDelivery>,
}

/// Runs the periodic jobs and the queue until `shutdown` fires.
pub async fn run_worker(
    db: DatabaseConnection,
    mut settings: WorkerSettings,
    shutdown: CancellationToken,
) {
    let model_refresh = settings.models.take();
    let model_lists = async {
        if let Some(refresh) = model_refresh {
            models::run(refresh, shutdown.clone()).await;
        }
    };
    let slack_delivery = settings.slack.take();
    let slack = async {
        if let Some(delivery) = slack_delivery {
            slack::run(delivery, shutdown.clone()).await;
        }
    };
    let queue = queue::run(
        db.clone(),
        queue::QueueSettings {
            scan_interval: settings.refresh_scan_interval,
            refresher: settings.refresher.clone(),
        },
        shutdown.clone(),
    );
    let pruning = prune_loop(&db, &settings, &shutdown);
    tokio::join!(queue, pruning, model_lists, slack);
    tracing::debug!("worker stopped");
}

async fn prune_loop(
    db: &DatabaseConnection,
    settings: &WorkerSettings,
    shutdown: &CancellationToken,
) {
    let mut tick = tokio::time::interval(settings.prune_interval);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => prune_once(db, settings.usage_retention_days).await,
        }
    }
}

async fn prune_once(db: &DatabaseConnection, retention_days: u32) {
    match prune_usage(db, retention_days).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(deleted = n, "pruned usage events past retention"),
        Err(e) => tracing::warn!(error = %e, "usage pruning failed; will retry"),
    }
    match prune_signups(db).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(deleted = n, "pruned expired sign-ups"),
        Err(e) => tracing::warn!(error = %e, "sign-up pruning failed; will retry"),
    }
}
