//! Sign-in and sign-up attempts, counted per client address and per email with the same limiter
//! as the proxy (in memory, or Redis across replicas). Argon2 makes each guess slow; this caps
//! how many there are.

use std::sync::Arc;

use entities::secret_token::sha256_hex;
use proxy::limits::Backend;
use proxy::limits::limiter::{Admit, Counter};

use super::error::{ApiError, ApiResult};

const WINDOW_MS: i64 = 10 * 60_000;

pub struct Attempts {
    backend: Arc<Backend>,
    prefix: String,
}

impl Attempts {
    pub fn new(backend: Arc<Backend>, prefix: &str) -> Self {
        Self {
            backend,
            prefix: format!("{prefix}:attempts"),
        }
    }

    /// Counts one attempt by `ip` (when known) for `email`; refuses past either limit.
    pub async fn check(
        &self,
        action: &str,
        ip: Option<&str>,
        email: &str,
        per_ip: i64,
        per_email: i64,
    ) -> ApiResult<()> {
        let now_ms = chrono::Utc::now().timestamp_millis();
        let window = now_ms.div_euclid(WINDOW_MS);
        let reset_ms = (window + 1) * WINDOW_MS - now_ms;
        let counter = |key: String, limit: i64| Counter {
            key,
            limit,
            amount: 1,
            ttl_ms: u64::try_from(reset_ms).unwrap_or(1),
            seeded: false,
        };
        let mut counters = vec![counter(
            format!(
                "{}:{action}:email:{}:{window}",
                self.prefix,
                sha256_hex(email)
            ),
            per_email,
        )];
        if let Some(ip) = ip {
            counters.push(counter(
                format!("{}:{action}:ip:{ip}:{window}", self.prefix),
                per_ip,
            ));
        }
        match self.backend.admit(&counters, now_ms).await {
            Ok(Admit::Admitted(_)) => Ok(()),
            Ok(Admit::Rejected { .. }) => Err(ApiError::RateLimited(
                u64::try_from((reset_ms + 999) / 1000).unwrap_or(1),
            )),
            Ok(Admit::Unseeded(_)) => Ok(()),
            // Argon2 still slows guessing; refusing every sign-in during an outage would not help.
            Err(e) => {
                tracing::warn!(error = %e, "sign-in attempts could not be counted; allowing");
                Ok(())
            }
        }
    }
}
