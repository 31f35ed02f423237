//! Sign-in and sign-up attempts, counted per client address and per email with the same limiter
//! as the proxy (in memory, or Redis across replicas). Argon2 makes each guess slow; this caps
//! how many there are. A successful sign-in gives its email attempt back, so only failures
//! count against an account (a script signing in often is not locked out). IPv6 clients are
//! counted per /64, the block one subscriber usually holds.

use std::net::IpAddr;
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

    /// Counts one attempt by `ip` (when known) for `email`; refuses past either limit. The
    /// ticket gives the email's attempt back when the attempt succeeds (`succeeded`).
    pub async fn check(
        &self,
        action: &str,
        ip: Option<&str>,
        email: &str,
        per_ip: i64,
        per_email: i64,
    ) -> ApiResult<Ticket> {
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
                format!("{}:{action}:ip:{}:{window}", self.prefix, client_block(ip)),
                per_ip,
            ));
        }
        let admitted = |counted: bool| Ticket {
            email_key: counted.then(|| counters[0].key.clone()),
        };
        match self.backend.admit(&counters, now_ms).await {
            Ok(Admit::Admitted(_)) => Ok(admitted(true)),
            Ok(Admit::Rejected { .. }) => Err(ApiError::RateLimited(
                u64::try_from((reset_ms + 999) / 1000).unwrap_or(1),
            )),
            Ok(Admit::Unseeded(_)) => Ok(admitted(false)),
            // Argon2 still slows guessing; refusing every sign-in during an outage would not help.
            Err(e) => {
                tracing::warn!(error = %e, "sign-in attempts could not be counted; allowing");
                Ok(admitted(false))
            }
        }
    }

    /// The attempt succeeded: it no longer counts against the email.
    pub async fn succeeded(&self, ticket: Ticket) {
        let Some(key) = ticket.email_key else { return };
        let now_ms = chrono::Utc::now().timestamp_millis();
        if let Err(e) = self.backend.adjust(&[(key, -1)], now_ms).await {
            tracing::warn!(error = %e, "a successful sign-in could not be uncounted");
        }
    }
}

/// One counted attempt.
#[must_use = "give a successful attempt back with `Attempts::succeeded`, or drop it"]
pub struct Ticket {
    email_key: Option<String>,
}

/// What a client's address is counted as: itself for IPv4, its /64 for IPv6 (one subscriber
/// holds a whole /64 and could otherwise rotate through it).
fn client_block(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Ok(IpAddr::V6(v6)) => v6
            .to_ipv4_mapped()
            .map_or_else(|| ip.to_owned(), |v4| v4.to_string()),
        _ => ip.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        assert_eq!(client_block("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(client_block("2001:db8:1:2:ffff:1:2:3"), "2001:db8:1:2::/64");
        assert_ne!(
            client_block("2001:db8:1:3::1"),
            client_block("2001:db8:1:2::1")
        );
        assert_eq!(client_block("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(client_block("203.0.113.7"), "203.0.113.7");
        assert_eq!(client_block("not-an-ip"), "not-an-ip");
    }
}
