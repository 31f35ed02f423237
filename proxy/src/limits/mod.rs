//! Admission: plan quotas and rate limits, checked and reserved atomically before a request
//! goes upstream, settled with its real usage afterwards. See docs/limits.md.

mod allowance;
pub mod config;
mod counters;
pub mod headers;
pub mod limiter;
pub mod memory;
mod notify;
pub mod period;
pub mod redis;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use entities::model_catalog::{Model as CatalogModel, TokenCounts};
use entities::usage_events::{self, NewUsage};
use sea_orm::DatabaseConnection;
use tokio_util::task::TaskTracker;

pub use allowance::Allowance;
pub use config::{LimitsConfig, OnBackendError};
pub use counters::{Refusal, Reservation};
pub use headers::RateHeaders;

use crate::auth::Principal;
use crate::error::ProxyError;
use counters::{Demand, Plan, Slot};
use limiter::{Admit, Limiter, LimiterError};
use memory::MemoryLimiter;
use redis::RedisLimiter;

/// The counting backend: in-process for one Satu, Redis when replicas share limits.
pub enum Backend {
    Memory(MemoryLimiter),
    Redis(RedisLimiter),
}

impl Backend {
    pub async fn connect(
        redis_url: Option<&str>,
        config: &LimitsConfig,
    ) -> Result<Self, LimiterError> {
        match redis_url {
            None => Ok(Backend::Memory(MemoryLimiter::default())),
            Some(url) => {
                let timeout = Duration::from_millis(config.redis_timeout_ms.max(1));
                Ok(Backend::Redis(RedisLimiter::connect(url, timeout).await?))
            }
        }
    }

    pub async fn admit(
        &self,
        counters: &[limiter::Counter],
        now_ms: i64,
    ) -> Result<Admit, LimiterError> {
        match self {
            Backend::Memory(l) => l.admit(counters, now_ms).await,
            Backend::Redis(l) => l.admit(counters, now_ms).await,
        }
    }

    pub async fn adjust(&self, deltas: &[(String, i64)], now_ms: i64) -> Result<(), LimiterError> {
        match self {
            Backend::Memory(l) => l.adjust(deltas, now_ms).await,
            Backend::Redis(l) => l.adjust(deltas, now_ms).await,
        }
    }

    async fn seed(
        &self,
        key: &str,
        value: i64,
        ttl_ms: u64,
        now_ms: i64,
    ) -> Result<(), LimiterError> {
        match self {
            Backend::Memory(l) => l.seed(key, value, ttl_ms, now_ms).await,
            Backend::Redis(l) => l.seed(key, value, ttl_ms, now_ms).await,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Backend::Memory(_) => "memory",
            Backend::Redis(_) => "redis",
        }
    }
}

/// What an admitted request carries: the reservation to settle and the headers to send.
#[derive(Debug, Default)]
pub struct Admission {
    pub reservation: Option<Reservation>,
    pub headers: RateHeaders,
}

pub struct Limits {
    backend: Arc<Backend>,
    config: LimitsConfig,
    db: DatabaseConnection,
    tasks: TaskTracker,
}

/// Seeding races are settled by the backend; a second pass always finds the counter.
const SEED_ATTEMPTS: usize = 3;

impl Limits {
    pub fn new(
        backend: Arc<Backend>,
        config: LimitsConfig,
        db: DatabaseConnection,
        tasks: TaskTracker,
    ) -> Arc<Self> {
        Arc::new(Self {
            backend,
            config,
            db,
            tasks,
        })
    }

    /// Checks and reserves everything the caller's allowance limits. `prompt_tokens` is only
    /// evaluated when tokens or cost are limited (it walks the prompt); `price` is the catalog
    /// entry of the model the request goes to, for the cost a budget reserves.
    pub async fn admit(
        &self,
        principal: &Principal,
        prompt_tokens: impl FnOnce() -> i64,
        max_output: Option<u64>,
        price: Option<&CatalogModel>,
    ) -> Result<Admission, ProxyError> {
        let allowance = &principal.allowance;
        if allowance.is_unlimited() {
            return Ok(Admission::default());
        }
        let demand = self.demand(allowance, prompt_tokens, max_output, price);
        let now = Utc::now();
        let plan = Plan::new(&self.config.key_prefix, principal, demand, now);
        match self.admit_plan(principal, &plan, now).await {
            Ok(admission) => Ok(admission),
            Err(AdmitError::Refused(refusal)) => Err(ProxyError::Limited(refusal)),
            Err(AdmitError::Backend(e)) => self.on_backend_error(&e),
        }
    }

    /// The tokens and cost a request reserves: its prompt estimate plus the answer it may get
    /// (its `max_tokens` up to `output_estimate_tokens`).
    fn demand(
        &self,
        allowance: &Allowance,
        prompt_tokens: impl FnOnce() -> i64,
        max_output: Option<u64>,
        price: Option<&CatalogModel>,
    ) -> Demand {
        let (tokens, cost) = (allowance.limits_tokens(), allowance.limits_cost());
        if !tokens && !cost {
            return Demand::default();
        }
        let cap = self.config.output_estimate_tokens;
        let output = i64::try_from(max_output.map_or(cap, |m| m.min(cap))).unwrap_or(i64::MAX);
        let prompt = prompt_tokens();
        let estimate = TokenCounts {
            prompt,
            cached: 0,
            completion: output,
        };
        Demand {
            tokens: if tokens {
                prompt.saturating_add(output)
            } else {
                0
            },
            cost_nanos: if cost {
                price.map_or(0, |m| m.cost_nanos(estimate)).max(1)
            } else {
                0
            },
        }
    }

    async fn admit_plan(
        &self,
        principal: &Principal,
        plan: &Plan,
        now: DateTime<Utc>,
    ) -> Result<Admission, AdmitError> {
        let now_ms = now.timestamp_millis();
        for _ in 0..SEED_ATTEMPTS {
            match self.backend.admit(&plan.counters, now_ms).await? {
                Admit::Admitted(after) => {
                    if let Some(crossed) = plan.quota_threshold_crossed(&after) {
                        notify::quota_email(&self.db, &self.tasks, principal, plan, crossed);
                    }
                    if let Some(crossed) = plan.budget_threshold_crossed(&after) {
                        notify::budget_email(&self.db, &self.tasks, principal, plan, crossed);
                    }
                    return Ok(Admission {
                        headers: plan.headers(&after, None),
                        reservation: Some(plan.reservation()),
                    });
                }
                Admit::Rejected { index, values } => {
                    return Err(AdmitError::Refused(Box::new(plan.refusal(index, &values))));
                }
                Admit::Unseeded(index) => {
                    let value = self.used_this_period(principal, plan, index).await?;
                    let counter = &plan.counters[index];
                    self.backend
                        .seed(&counter.key, value, counter.ttl_ms, now_ms)
                        .await?;
                }
            }
        }
        Err(AdmitError::Backend(LimiterError::Protocol))
    }

    /// What counter `index` held this period, from the usage rows (counters that outlive
    /// Satu or Redis start from the truth): requests served, or cost, of the workspace or of
    /// the member.
    async fn used_this_period(
        &self,
        principal: &Principal,
        plan: &Plan,
        index: usize,
    ) -> Result<i64, AdmitError> {
        let Some(period) = plan.period else {
            return Ok(0);
        };
        let workspace = principal.workspace();
        let member = principal.allowance.member.as_ref().map(|m| m.user_id);
        let (from, to) = (period.start, period.end);
        let db = &self.db;
        let counted = match plan.slot(index) {
            Slot::MemberQuota => {
                usage_events::served_between(db, workspace, member, from, to).await
            }
            Slot::TeamBudget => usage_events::cost_between(db, workspace, None, from, to).await,
            Slot::MemberBudget => usage_events::cost_between(db, workspace, member, from, to).await,
            _ => usage_events::served_between(db, workspace, None, from, to).await,
        };
        counted.map_err(|e| {
            tracing::error!(error = %e, "counting this period's usage failed");
            AdmitError::Backend(LimiterError::Protocol)
        })
    }

    fn on_backend_error(&self, e: &LimiterError) -> Result<Admission, ProxyError> {
        metrics::counter!("satu_limiter_errors_total", "backend" => self.backend.name())
            .increment(1);
        match self.config.on_redis_error {
            OnBackendError::Closed => {
                tracing::error!(error = %e, "limits could not be checked; refusing (limits.on_redis_error = closed)");
                Err(ProxyError::LimiterUnavailable)
            }
            OnBackendError::Open => {
                tracing::warn!(error = %e, "limits could not be checked; admitting uncounted (limits.on_redis_error = open)");
                Ok(Admission::default())
            }
        }
    }

    /// Brings the reservation to what the request really used: tokens charged or refunded,
    /// and the request given back to the monthly quota when no upstream served it.
    pub async fn settle(&self, reservation: Reservation, usage: &NewUsage) {
        let deltas = reservation.deltas(usage);
        if deltas.is_empty() {
            return;
        }
        if let Err(e) = self
            .backend
            .adjust(&deltas, Utc::now().timestamp_millis())
            .await
        {
            metrics::counter!("satu_limiter_errors_total", "backend" => self.backend.name())
                .increment(1);
            tracing::warn!(error = %e, request_id = %usage.request_id, "settling a reservation failed; its estimate stands");
        }
    }
}

enum AdmitError {
    Refused(Box<Refusal>),
    Backend(LimiterError),
}

impl From<LimiterError> for AdmitError {
    fn from(e: LimiterError) -> Self {
        AdmitError::Backend(e)
    }
}
