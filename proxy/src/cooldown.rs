//! Cooldowns per (account, model): after an upstream failure that account is skipped for that
//! model for a while — as long as the provider said, else a bounded exponential backoff — and
//! comes back by itself. Never a permanent disable.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use uuid::Uuid;

use crate::FastMap;
use crate::error::ProxyError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// 429 / quota: the provider's own reset time when it gave one.
    RateLimited(Option<Duration>),
    /// 401 / 403: a bad or expired credential.
    Auth,
    /// 5xx, timeouts, broken connections.
    Transient,
}

impl Cause {
    pub fn of(error: &ProxyError) -> Self {
        match error {
            ProxyError::UpstreamRateLimited { retry_after_secs } => {
                Cause::RateLimited(retry_after_secs.map(Duration::from_secs))
            }
            ProxyError::UpstreamAuth => Cause::Auth,
            _ => Cause::Transient,
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Cause::RateLimited(_) => "rate_limited",
            Cause::Auth => "auth",
            Cause::Transient => "upstream_error",
        }
    }

    /// Bounded exponential backoff: base × 2^(failures − 1), capped.
    fn backoff(self, failures: u32) -> Duration {
        let (base, cap) = match self {
            Cause::RateLimited(Some(reset)) => return reset.min(Duration::from_secs(24 * 3600)),
            Cause::RateLimited(None) => (Duration::from_secs(5), Duration::from_secs(15 * 60)),
            Cause::Auth => (Duration::from_secs(30), Duration::from_secs(10 * 60)),
            Cause::Transient => (Duration::from_secs(2), Duration::from_secs(60)),
        };
        let factor = 1u32 << failures.saturating_sub(1).min(16);
        base.saturating_mul(factor).min(cap)
    }
}

struct Entry {
    until: Instant,
    failures: u32,
}

const MAX_ENTRIES: usize = 100_000;

#[derive(Default)]
pub struct Cooldowns {
    entries: Mutex<FastMap<(Uuid, String), Entry>>,
}

impl Cooldowns {
    /// When the pair becomes usable again, if it is cooling now.
    pub fn cooling_until(&self, account: Uuid, model: &str, now: Instant) -> Option<Instant> {
        let entries = self.entries.lock().ok()?;
        entries
            .get(&(account, model.to_owned()))
            .map(|e| e.until)
            .filter(|until| *until > now)
    }

    /// Starts (or extends) a cooldown; returns its end and the consecutive failure count.
    pub fn fail(&self, account: Uuid, model: &str, cause: Cause) -> (Instant, u32) {
        let now = Instant::now();
        let Ok(mut entries) = self.entries.lock() else {
            return (now, 0);
        };
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.until > now);
        }
        let entry = entries.entry((account, model.to_owned())).or_insert(Entry {
            until: now,
            failures: 0,
        });
        entry.failures += 1;
        entry.until = now + cause.backoff(entry.failures);
        (entry.until, entry.failures)
    }

    /// Clears the pair after a success; true when it had a cooldown record.
    pub fn succeed(&self, account: Uuid, model: &str) -> bool {
        self.entries
            .lock()
            .map(|mut e| e.remove(&(account, model.to_owned())).is_some())
            .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_bounded() {
        assert_eq!(Cause::Transient.backoff(1), Duration::from_secs(2));
        assert_eq!(Cause::Transient.backoff(3), Duration::from_secs(8));
        assert_eq!(Cause::Transient.backoff(30), Duration::from_secs(60));
        assert_eq!(Cause::Auth.backoff(40), Duration::from_secs(600));
        assert_eq!(
            Cause::RateLimited(Some(Duration::from_secs(42))).backoff(9),
            Duration::from_secs(42)
        );
    }

    #[test]
    fn cooldowns_expire_and_clear() {
        let c = Cooldowns::default();
        let a = Uuid::new_v4();
        let now = Instant::now();
        assert!(c.cooling_until(a, "m", now).is_none());
        let (until, failures) = c.fail(a, "m", Cause::Transient);
        assert_eq!(failures, 1);
        assert_eq!(c.cooling_until(a, "m", now), Some(until));
        assert!(c.cooling_until(a, "other", now).is_none(), "per model");
        assert!(
            c.cooling_until(a, "m", until).is_none(),
            "recovers by itself"
        );
        assert_eq!(c.fail(a, "m", Cause::Transient).1, 2);
        assert!(c.succeed(a, "m"));
        assert!(c.cooling_until(a, "m", now).is_none());
    }
}
