//! Token refresh as queued jobs: a schedule finds OAuth connections whose tokens expire within
//! their provider's lead time and enqueues `RefreshToken { account_id }`; workers run them
//! through the proxy's single-flight `Refresher`, so a job racing a proxied request (or a
//! duplicate job from another replica) finds the token already renewed and does nothing.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use apalis::prelude::{BoxDynError, Data};
use chrono::Utc;
use entities::Provider;
use proxy::oauth::refresh::{Need, RefreshError, Refresher};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The queue's name is pinned: renaming the type must not strand queued jobs.
pub const QUEUE: &str = "refresh-token";
const SCAN_LIMIT: u64 = 500;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RefreshToken {
    pub account_id: Uuid,
}

/// Runs one job. Failures are recorded on the connection (status, last error, next attempt),
/// and the schedule enqueues the next try: the job itself never retries.
pub async fn run(job: RefreshToken, refresher: Data<Arc<Refresher>>) -> Result<(), BoxDynError> {
    match refresher.refresh(job.account_id, Need::Ahead).await {
        Ok(fresh) if fresh.refreshed => {
            tracing::debug!(account_id = %job.account_id, "scheduled refresh done");
            Ok(())
        }
        Ok(_) | Err(RefreshError::NotFound | RefreshError::Expired(_)) => Ok(()),
        Err(RefreshError::Unavailable(reason)) => {
            tracing::info!(account_id = %job.account_id, %reason, "scheduled refresh postponed");
            Ok(())
        }
        Err(RefreshError::Internal) => Err("internal error while refreshing".into()),
    }
}

/// Remembers what this replica enqueued recently, so a slow queue does not get the same
/// account again at every scan.
#[derive(Default)]
pub struct Schedule {
    recent: HashMap<Uuid, Instant>,
}

impl Schedule {
    /// Accounts due for a refresh now that were not enqueued within `quiet`.
    pub async fn due(
        &mut self,
        db: &DatabaseConnection,
        refresher: &Refresher,
        quiet: Duration,
    ) -> Result<Vec<Uuid>, sea_orm::DbErr> {
        self.recent.retain(|_, at| at.elapsed() < quiet);
        let mut out = Vec::new();
        for provider in [
            Provider::Anthropic,
            Provider::OpenAi,
            Provider::Gemini,
            Provider::Qwen,
        ] {
            let Some(client) = refresher.config().client(provider) else {
                continue;
            };
            let lead = chrono::Duration::from_std(client.refresh_lead())
                .unwrap_or(chrono::Duration::hours(1));
            let ids =
                entities::account_refresh::due(db, provider, Utc::now() + lead, SCAN_LIMIT).await?;
            out.extend(ids.into_iter().filter(|id| !self.recent.contains_key(id)));
        }
        for id in &out {
            self.recent.insert(*id, Instant::now());
        }
        Ok(out)
    }
}
