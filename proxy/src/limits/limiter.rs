//! The `Limiter` interface: atomic check-and-reserve over a set of counters, settlement of what
//! was reserved, and seeding of counters that outlive a restart. Two implementations share it:
//! [`super::memory::MemoryLimiter`] (one process) and [`super::redis::RedisLimiter`] (replicas).

use std::future::Future;

/// One counter a request must fit under, e.g. "this key's requests in minute 29,412,345".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counter {
    pub key: String,
    pub limit: i64,
    /// What this request takes from it (1 request, or an estimate of tokens).
    pub amount: i64,
    /// How long the counter lives from now: past its window's end, so late settlements land.
    pub ttl_ms: u64,
    /// The counter must exist before use: it is seeded from the database (monthly quotas must
    /// survive a restart of Satu or of Redis).
    pub seeded: bool,
}

/// The answer to one admission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admit {
    /// Every counter had room; all were increased. Values are after the increase.
    Admitted(Vec<i64>),
    /// `index` had no room; nothing was changed. Values are the current ones.
    Rejected { index: usize, values: Vec<i64> },
    /// Counter `index` must be seeded first (see [`Limiter::seed`]); nothing was changed.
    Unseeded(usize),
}

#[derive(Debug, thiserror::Error)]
pub enum LimiterError {
    #[error("redis: {0}")]
    Redis(#[from] redis::RedisError),
    #[error("redis did not answer within {0} ms")]
    Timeout(u64),
    #[error("redis answered with an unexpected shape")]
    Protocol,
}

pub trait Limiter: Send + Sync {
    /// Checks every counter and, only when all have room, adds each amount: all or nothing,
    /// atomically with respect to every other caller (on every replica sharing the backend).
    fn admit(
        &self,
        counters: &[Counter],
        now_ms: i64,
    ) -> impl Future<Output = Result<Admit, LimiterError>> + Send;

    /// Adds `delta` (negative: a refund) to counters that still exist; expired ones are left
    /// alone, so a late settlement cannot revive a window.
    fn adjust(
        &self,
        deltas: &[(String, i64)],
        now_ms: i64,
    ) -> impl Future<Output = Result<(), LimiterError>> + Send;

    /// Creates `key` with `value` unless it exists (a concurrent seeder may have won).
    fn seed(
        &self,
        key: &str,
        value: i64,
        ttl_ms: u64,
        now_ms: i64,
    ) -> impl Future<Output = Result<(), LimiterError>> + Send;
}
