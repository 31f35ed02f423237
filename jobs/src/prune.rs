//! Usage retention: raw events past retention go; hourly rollups keep the history.

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
