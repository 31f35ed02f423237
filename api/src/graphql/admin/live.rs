//! The overview's live counters: read now, then every few seconds, sent when they changed
//! (and at least every minute, so a quiet panel still shows the time it was read). Operators
//! are few: a cheap poll per watching operator costs less than counting every event of the
//! platform in every replica. The operator's role and session are checked on each round.

use std::time::Duration;

use async_graphql::{Context, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entities::{admin_kpis, admin_users};
use futures::Stream;
use sea_orm::DatabaseConnection;

use super::access::AdminSection;
use crate::graphql::context::admin::{admin_for, admin_reader};
use crate::graphql::context::{Viewer, deps, meta};
use crate::graphql::error::ApiResult;
use crate::graphql::live_session;

const EVERY: Duration = Duration::from_secs(2);
/// Rounds without a change before the same counters are sent again.
const QUIET_ROUNDS: u32 = 30;

#[derive(SimpleObject, Clone, PartialEq)]
pub struct AdminLiveCounters {
    pub users: i64,
    #[graphql(name = "signUps24h")]
    pub sign_ups_24h: u64,
    pub active_subscriptions: u64,
    pub mrr_idr: i64,
    #[graphql(name = "requests24h")]
    pub requests_24h: i64,
    #[graphql(name = "errors24h")]
    pub errors_24h: i64,
    /// When these were read.
    pub at: DateTime<Utc>,
}

#[derive(Default)]
pub struct AdminLiveSubscription;

#[Subscription]
impl AdminLiveSubscription {
    /// The overview's counters, live.
    async fn admin_live_counters(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<AdminLiveCounters>> + use<>>
    {
        admin_reader(ctx, AdminSection::Overview).await?;
        let db = deps(ctx).db.clone();
        let viewer = meta(ctx).viewer.clone();
        let ip = meta(ctx).ip.clone();
        let Some(viewer) = viewer else {
            return Err(crate::graphql::error::ApiError::Unauthenticated.into());
        };
        let session_id = viewer.session_id;
        let rounds = Rounds {
            db: db.clone(),
            viewer,
            ip,
            last: None,
            quiet: 0,
            first: true,
        };
        let items = futures::stream::unfold(Some(rounds), |state| async move {
            let mut rounds = state?;
            match rounds.next().await {
                Ok(counters) => Some((Ok(counters), Some(rounds))),
                // Told once (a role taken away, the database gone), then the stream ends.
                Err(e) => Some((Err(e.into()), None)),
            }
        });
        Ok(live_session::while_signed_in(db, session_id, items))
    }
}

struct Rounds {
    db: DatabaseConnection,
    viewer: Viewer,
    ip: Option<String>,
    last: Option<AdminLiveCounters>,
    quiet: u32,
    first: bool,
}

impl Rounds {
    /// Waits for the next round whose counters are worth sending.
    async fn next(&mut self) -> ApiResult<AdminLiveCounters> {
        loop {
            if !std::mem::take(&mut self.first) {
                tokio::time::sleep(EVERY).await;
            }
            admin_for(
                &self.db,
                &self.viewer,
                self.ip.clone(),
                AdminSection::Overview,
            )
            .await?;
            let counters = read(&self.db).await?;
            let same = self.last.as_ref().is_some_and(|last| {
                let at = last.at;
                *last
                    == AdminLiveCounters {
                        at,
                        ..counters.clone()
                    }
            });
            self.quiet = if same { self.quiet + 1 } else { 0 };
            if !same || self.quiet >= QUIET_ROUNDS {
                self.quiet = 0;
                self.last = Some(counters.clone());
                return Ok(counters);
            }
        }
    }
}

async fn read(db: &DatabaseConnection) -> ApiResult<AdminLiveCounters> {
    let now = Utc::now();
    let day_ago = now - chrono::Duration::days(1);
    let users = admin_users::count_by_plan(db)
        .await?
        .iter()
        .map(|(_, n)| n)
        .sum();
    let (mrr_idr, active_subscriptions) = admin_kpis::mrr(db, now).await?;
    let totals = admin_users::usage_totals(db, None, day_ago).await?;
    Ok(AdminLiveCounters {
        users,
        sign_ups_24h: admin_users::signed_up_since(db, day_ago).await?,
        active_subscriptions,
        mrr_idr,
        requests_24h: totals.requests.unwrap_or(0),
        errors_24h: totals.errors.unwrap_or(0),
        at: now,
    })
}
