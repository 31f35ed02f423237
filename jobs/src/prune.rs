//! Retention: raw usage events past retention go (hourly rollups keep the history), and so do
//! sign-ups whose link expired a day ago.

use chrono::Utc;
use sea_orm::DatabaseConnection;

/// Deletes usage events past retention. Returns how many rows went.
pub async fn prune_usage(
    db: &DatabaseConnection,
    retention_days: u32,
) -> Result<u64, sea_orm::DbErr> {
    let cutoff = Utc::now() - chrono::Duration::days(i64::from(retention_days));
    entities::usage_events::prune_before(db, cutoff).await
}

/// Deletes sign-ups whose link expired more than a day ago. Returns how many rows went.
pub async fn prune_signups(db: &DatabaseConnection) -> Result<u64, sea_orm::DbErr> {
    entities::pending_signups::prune_before(db, Utc::now() - chrono::Duration::days(1)).await
}
