//! Everything a proxy request needs, built once.

use std::sync::Arc;
use std::time::Duration;

use entities::seal::Sealer;
use sea_orm::DatabaseConnection;
use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::auth::KeyCache;
use crate::bus::{Bus, Invalidation};
use crate::catalog::Catalog;
use crate::config::{ProvidersConfig, ProxyConfig};
use crate::cooldown::Cooldowns;
use crate::directory::Directory;
use crate::lanes::Lanes;
use crate::latency::Latencies;
use crate::limits::Limits;
use crate::oauth::Refresher;
use crate::providers::SpokeSettings;
use crate::refusals::RefusalBudget;
use crate::traces::{TelemetryConfig, Traces};
use crate::upstream_client::{ClientFactory, UpstreamClient};
use crate::usage::{self, UsageRecorder, UsageWriter, WriterSettings};

#[derive(Clone)]
pub struct ProxyState(Arc<Inner>);

pub struct Inner {
    pub config: ProxyConfig,
    pub keys: KeyCache,
    pub directory: Directory,
    pub catalog: Catalog,
    pub cooldowns: Cooldowns,
    pub latencies: Latencies,
    /// Upstream HTTP clients, enough of them that no request waits for an HTTP/2 stream.
    pub upstreams: Lanes<UpstreamClient>,
    /// What spokes take from configuration (who Satu says it is to the Codex backend).
    pub spokes: SpokeSettings,
    pub usage: UsageRecorder,
    /// Refusals recorded per key and minute.
    pub refusals: RefusalBudget,
    /// Quotas and rate limits (in-process or Redis).
    pub limits: Arc<Limits>,
    /// Renews OAuth tokens (single-flight across replicas).
    pub refresher: Arc<Refresher>,
    /// Request tasks; shutdown waits for them.
    pub tasks: TaskTracker,
    /// Fired when the shutdown deadline passes: open streams stop and record their usage.
    pub hard_stop: CancellationToken,
    /// OTLP traces, when `telemetry.otlp_endpoint` is set.
    pub traces: Option<Traces>,
}

impl std::ops::Deref for ProxyState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

pub struct ProxyDeps {
    pub db: DatabaseConnection,
    pub sealer: Arc<Sealer>,
    pub config: ProxyConfig,
    pub providers: ProvidersConfig,
    pub refresher: Arc<Refresher>,
    pub limits: Arc<Limits>,
    pub bus: Arc<Bus>,
    pub tasks: TaskTracker,
    /// Fired when shutdown starts: background listeners stop.
    pub shutdown: CancellationToken,
    pub hard_stop: CancellationToken,
    pub telemetry: TelemetryConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("building the upstream HTTP client failed: {0}")]
    Http(#[from] std::io::Error),
    #[error("loading the model catalog failed: {0}")]
    Catalog(#[from] sea_orm::DbErr),
}

impl ProxyState {
    /// Builds the proxy and starts its usage writer. The writer must be shut down after the
    /// request tasks finish.
    pub async fn start(deps: ProxyDeps) -> Result<(Self, UsageWriter), StartError> {
        let clients = ClientFactory::new(&deps.config)?;
        let upstreams = Lanes::new(deps.config.upstream_streams_per_connection, move || {
            clients.client()
        });
        let catalog = Catalog::default();
        catalog.reload(&deps.db).await?;
        let (usage, writer) = usage::start(
            deps.db.clone(),
            WriterSettings {
                capacity: deps.config.usage_queue_capacity,
                batch_size: deps.config.usage_batch_size.max(1),
                flush_interval: Duration::from_millis(deps.config.usage_flush_interval_ms),
            },
            deps.tasks.clone(),
            deps.bus.clone(),
        );
        let ttl = deps.config.cache_ttl();
        let spokes = SpokeSettings::new(&deps.providers);
        let inner = Inner {
            keys: KeyCache::new(deps.db.clone(), ttl),
            directory: Directory::new(
                deps.db.clone(),
                deps.sealer,
                deps.providers,
                deps.config.allow_private_upstreams,
                ttl,
            ),
            catalog,
            cooldowns: Cooldowns::default(),
            latencies: Latencies::default(),
            upstreams,
            spokes,
            usage,
            refusals: RefusalBudget::new(deps.config.refusals_recorded_per_key_per_minute),
            limits: deps.limits,
            refresher: deps.refresher,
            tasks: deps.tasks,
            hard_stop: deps.hard_stop,
            traces: Traces::start(&deps.telemetry),
            config: deps.config,
        };
        let state = Self(Arc::new(inner));
        forget_invalidated(&state, deps.bus.invalidations(), deps.shutdown.clone());
        Ok((state, writer))
    }
}

/// A key revoked or a connection changed on any replica leaves this one's caches at once.
/// Tracked with the request tasks; ends when shutdown starts (or the bus closes).
fn forget_invalidated(
    state: &ProxyState,
    mut invalidations: broadcast::Receiver<Invalidation>,
    shutdown: CancellationToken,
) {
    let state = Arc::downgrade(&state.0);
    let tasks = state.upgrade().map(|s| s.tasks.clone());
    let Some(tasks) = tasks else { return };
    tasks.spawn(async move {
        loop {
            let received = tokio::select! {
                () = shutdown.cancelled() => return,
                received = invalidations.recv() => received,
            };
            let Some(state) = state.upgrade() else { return };
            match received {
                Ok(Invalidation::Key(hash)) => state.keys.forget(&hash),
                Ok(Invalidation::Accounts(user_id)) => state.directory.invalidate(user_id),
                Ok(Invalidation::User(user_id)) => {
                    // A plan change moves limits and may pause or resume connections.
                    state.keys.forget_user(user_id);
                    state.directory.invalidate(user_id);
                }
                // Missed messages: drop everything rather than keep a revoked key.
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    state.keys.clear();
                    state.directory.clear();
                }
                Err(broadcast::error::RecvError::Closed) => return,
            }
        }
    });
}
