//! The replica's heartbeat (see `entities::replica_heartbeats`): every few seconds, its role
//! and usage queue depth; gone when it stops cleanly; replicas silent for a day are forgotten.

use std::time::Duration;

use chrono::Utc;
use entities::replica_heartbeats::{self, Beat};
use proxy::usage::UsageRecorder;
use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

use crate::cli::Role;

const EVERY: Duration = Duration::from_secs(5);

/// This process among the replicas: its host (the pod's name on Kubernetes) and process id.
pub fn replica_id() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "local".to_owned());
    format!("{host}:{}", std::process::id())
}

pub async fn run(
    db: DatabaseConnection,
    role: Role,
    usage: Option<UsageRecorder>,
    shutdown: CancellationToken,
) {
    let replica_id = replica_id();
    let started_at = Utc::now();
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => {}
        }
        let (queue_depth, queue_capacity) = usage.as_ref().map_or((0, 0), UsageRecorder::depth);
        let beat = Beat {
            replica_id: &replica_id,
            role: role.as_str(),
            queue_depth,
            queue_capacity,
            started_at,
        };
        if let Err(e) = replica_heartbeats::beat(&db, &beat).await {
            tracing::warn!(error = %e, "the replica heartbeat was not stored");
        }
        let day_ago = Utc::now() - chrono::Duration::days(1);
        if let Err(e) = replica_heartbeats::forget_older_than(&db, day_ago).await {
            tracing::debug!(error = %e, "forgetting silent replicas failed");
        }
    }
    if let Err(e) = replica_heartbeats::leave(&db, &replica_id).await {
        tracing::debug!(error = %e, "the replica heartbeat was not removed");
    }
}
