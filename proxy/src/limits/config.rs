//! `[limits]`: how admission behaves. Which backend counts is decided by `redis.url`.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OnBackendError {
    /// Refuse with 503 while limits cannot be checked (no overspending; the default).
    #[default]
    Closed,
    /// Admit without counting (availability over exactness) and log it.
    Open,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    pub on_redis_error: OnBackendError,
    /// Longest wait for one Redis call before it counts as an error.
    pub redis_timeout_ms: u64,
    /// Tokens reserved for the answer: the request's `max_tokens` up to this many, or this
    /// many when it names none. Settlement charges or refunds the difference.
    pub output_estimate_tokens: u64,
    /// Prefix of every Redis key Satu's limiter writes.
    pub key_prefix: String,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            on_redis_error: OnBackendError::Closed,
            redis_timeout_ms: 1000,
            output_estimate_tokens: 4096,
            key_prefix: "satu:lim".to_owned(),
        }
    }
}
