//! The Health section: success rate, error rate and latency percentiles platform-wide and per
//! provider over 5 minutes, an hour and a day; each provider judged healthy, degraded or down
//! by `[api.health]`; connections in trouble; queues.

use std::collections::{BTreeMap, BTreeSet};

use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Duration, Utc};
use entities::admin_health::{self, Outcomes};
use entities::replica_heartbeats;

use super::access::AdminSection;
use crate::graphql::config::HealthThresholds;
use crate::graphql::context::admin::admin_reader;
use crate::graphql::context::deps;
use crate::graphql::error::ApiResult;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderHealth {
    Healthy,
    Degraded,
    Down,
    /// Too few requests lately to judge.
    Idle,
}

/// Requests over one window.
#[derive(SimpleObject)]
pub struct WindowStats {
    pub requests: i64,
    pub errors: i64,
    /// Share of requests answered without error (null without requests).
    pub success_rate: Option<f64>,
    pub error_rate: Option<f64>,
    pub p50_ms: Option<i64>,
    pub p95_ms: Option<i64>,
    pub p99_ms: Option<i64>,
}

impl From<&Outcomes> for WindowStats {
    fn from(o: &Outcomes) -> Self {
        let share = |n: i64| (o.requests > 0).then(|| n as f64 / o.requests as f64);
        Self {
            requests: o.requests,
            errors: o.errors,
            success_rate: share(o.requests - o.errors),
            error_rate: share(o.errors),
            p50_ms: o.latency.quantile(0.5),
            p95_ms: o.latency.quantile(0.95),
            p99_ms: o.latency.quantile(0.99),
        }
    }
}

/// The three windows of one provider, or of the whole platform.
#[derive(SimpleObject)]
pub struct HealthWindows {
    #[graphql(name = "last5m")]
    pub last_5m: WindowStats,
    #[graphql(name = "last1h")]
    pub last_1h: WindowStats,
    #[graphql(name = "last24h")]
    pub last_24h: WindowStats,
}

#[derive(SimpleObject)]
pub struct ProviderHealthRow {
    /// Empty for requests refused before reaching any provider.
    pub provider: String,
    pub status: ProviderHealth,
    pub windows: HealthWindows,
    pub connections: u64,
    pub expired_connections: u64,
    pub failing_connections: u64,
    /// OAuth connections whose last refresh failed in the last 24 hours.
    pub refresh_failures_24h: u64,
}

#[derive(SimpleObject)]
pub struct QueueDepths {
    pub emails_queued: u64,
    pub emails_failed: u64,
    pub payment_notifications: u64,
    pub slack_notices: u64,
    /// The worker's job queue; null when the worker never set it up.
    pub jobs_pending: Option<i64>,
    pub jobs_failed: Option<i64>,
}

/// A running replica, from its heartbeat.
#[derive(SimpleObject)]
pub struct AdminReplica {
    /// Its host (the pod's name on Kubernetes) and process id.
    pub replica_id: String,
    /// `proxy`, `api`, `worker`, or `all` (one process doing everything).
    pub role: String,
    /// Usage records waiting in its memory to be written (0 where no proxy runs).
    pub usage_queue_depth: i64,
    pub usage_queue_capacity: i64,
    pub started_at: DateTime<Utc>,
    pub seen_at: DateTime<Utc>,
    /// Not heard from for over 30 seconds: stopped without leaving, or stuck.
    pub stale: bool,
}

#[derive(SimpleObject)]
pub struct AdminHealth {
    pub platform: HealthWindows,
    pub providers: Vec<ProviderHealthRow>,
    pub queues: QueueDepths,
    pub replicas: Vec<AdminReplica>,
}

#[derive(Default)]
pub struct AdminHealthQuery;

#[Object]
impl AdminHealthQuery {
    async fn admin_health(&self, ctx: &Context<'_>) -> async_graphql::Result<AdminHealth> {
        let admin = admin_reader(ctx, AdminSection::Health).await?;
        Ok(health(admin.db(), &deps(ctx).config.health).await?)
    }
}

async fn health(
    db: &sea_orm::DatabaseConnection,
    thresholds: &HealthThresholds,
) -> ApiResult<AdminHealth> {
    let now = Utc::now();
    let five = admin_health::recent(db, now - Duration::minutes(5)).await?;
    let hour = admin_health::recent(db, now - Duration::hours(1)).await?;
    let day = admin_health::hourly(db, now - Duration::hours(24)).await?;
    let connections = admin_health::connections(db, now).await?;
    let queues = admin_health::queues(db).await?;
    let replicas = replica_heartbeats::all(db)
        .await?
        .into_iter()
        .map(|r| AdminReplica {
            stale: now - r.seen_at > Duration::seconds(30),
            replica_id: r.replica_id,
            role: r.role,
            usage_queue_depth: r.usage_queue_depth,
            usage_queue_capacity: r.usage_queue_capacity,
            started_at: r.started_at,
            seen_at: r.seen_at,
        })
        .collect();
    let names: BTreeSet<&String> = five
        .keys()
        .chain(hour.keys())
        .chain(day.keys())
        .chain(connections.keys())
        .collect();
    let providers = names
        .into_iter()
        .map(|name| {
            let windows = windows_of(&five, &hour, &day, Some(name));
            let c = connections.get(name).cloned().unwrap_or_default();
            ProviderHealthRow {
                provider: name.clone(),
                status: judge(five.get(name), thresholds),
                windows,
                connections: c.total,
                expired_connections: c.expired,
                failing_connections: c.error,
                refresh_failures_24h: c.refresh_failures_24h,
            }
        })
        .collect();
    Ok(AdminHealth {
        platform: windows_of(&five, &hour, &day, None),
        providers,
        queues: QueueDepths {
            emails_queued: queues.emails,
            emails_failed: queues.emails_failed,
            payment_notifications: queues.payment_notifications,
            slack_notices: queues.slack_notices,
            jobs_pending: queues.jobs_pending,
            jobs_failed: queues.jobs_failed,
        },
        replicas,
    })
}

/// One provider's windows, or (`None`) everyone's merged.
fn windows_of(
    five: &BTreeMap<String, Outcomes>,
    hour: &BTreeMap<String, Outcomes>,
    day: &BTreeMap<String, Outcomes>,
    provider: Option<&String>,
) -> HealthWindows {
    let pick = |map: &BTreeMap<String, Outcomes>| match provider {
        Some(name) => map.get(name).cloned().unwrap_or_default(),
        None => map.values().fold(Outcomes::default(), |mut all, o| {
            all.merge(o);
            all
        }),
    };
    HealthWindows {
        last_5m: WindowStats::from(&pick(five)),
        last_1h: WindowStats::from(&pick(hour)),
        last_24h: WindowStats::from(&pick(day)),
    }
}

/// A provider's state from its last 5 minutes.
pub fn judge(recent: Option<&Outcomes>, t: &HealthThresholds) -> ProviderHealth {
    let Some(o) = recent.filter(|o| o.requests >= t.min_requests.max(1)) else {
        return ProviderHealth::Idle;
    };
    let error_rate = o.errors as f64 / o.requests as f64;
    let slow = o
        .latency
        .quantile(0.95)
        .is_some_and(|p95| p95 >= t.degraded_p95_ms);
    if error_rate >= t.down_error_rate {
        ProviderHealth::Down
    } else if error_rate >= t.degraded_error_rate || slow {
        ProviderHealth::Degraded
    } else {
        ProviderHealth::Healthy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcomes(requests: i64, errors: i64, latency_ms: i64) -> Outcomes {
        let mut o = Outcomes {
            requests,
            errors,
            ..Outcomes::default()
        };
        for _ in 0..requests {
            o.latency.record(latency_ms);
        }
        o
    }

    #[test]
    fn providers_are_judged_by_the_thresholds() {
        let t = HealthThresholds::default();
        assert_eq!(judge(None, &t), ProviderHealth::Idle);
        assert_eq!(judge(Some(&outcomes(5, 5, 100)), &t), ProviderHealth::Idle);
        assert_eq!(
            judge(Some(&outcomes(100, 0, 100)), &t),
            ProviderHealth::Healthy
        );
        assert_eq!(
            judge(Some(&outcomes(100, 5, 100)), &t),
            ProviderHealth::Degraded
        );
        assert_eq!(
            judge(Some(&outcomes(100, 0, 40_000)), &t),
            ProviderHealth::Degraded
        );
        assert_eq!(
            judge(Some(&outcomes(100, 50, 100)), &t),
            ProviderHealth::Down
        );
    }
}
