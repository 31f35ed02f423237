//! The in-process limiter (the embedded default): counters in one map under a mutex, expired
//! lazily and swept as the map grows.

use std::sync::Mutex;

use crate::FastMap;

use super::limiter::{Admit, Counter, Limiter, LimiterError};

#[derive(Default)]
pub struct MemoryLimiter {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    counters: FastMap<String, Slot>,
    /// Map size that triggers the next sweep of expired counters (amortised O(1) per insert).
    sweep_at: usize,
}

struct Slot {
    value: i64,
    expires_ms: i64,
}

const MIN_SWEEP: usize = 1024;

impl State {
    fn live(&self, key: &str, now_ms: i64) -> Option<i64> {
        self.counters
            .get(key)
            .filter(|s| s.expires_ms > now_ms)
            .map(|s| s.value)
    }

    fn add(&mut self, counter: &Counter, now_ms: i64) -> i64 {
        let expires_ms = now_ms.saturating_add(ms(counter.ttl_ms));
        // Looked up before inserting: most counters exist, and `entry` would copy the key.
        let slot = match self.counters.get_mut(&counter.key) {
            Some(slot) => slot,
            None => self.counters.entry(counter.key.clone()).or_insert(Slot {
                value: 0,
                expires_ms,
            }),
        };
        if slot.expires_ms <= now_ms {
            *slot = Slot {
                value: 0,
                expires_ms,
            };
        }
        slot.value += counter.amount;
        slot.value
    }

    fn sweep(&mut self, now_ms: i64) {
        if self.counters.len() < self.sweep_at.max(MIN_SWEEP) {
            return;
        }
        self.counters.retain(|_, s| s.expires_ms > now_ms);
        self.sweep_at = self.counters.len() * 2;
    }
}

fn ms(ttl: u64) -> i64 {
    i64::try_from(ttl).unwrap_or(i64::MAX)
}

impl MemoryLimiter {
    fn with_state<T>(&self, f: impl FnOnce(&mut State) -> T) -> T {
        // A panic while holding the lock cannot leave counters half-updated (each update is
        // one assignment), so a poisoned lock is still safe to use.
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut state)
    }
}

impl Limiter for MemoryLimiter {
    async fn admit(&self, counters: &[Counter], now_ms: i64) -> Result<Admit, LimiterError> {
        Ok(self.with_state(|state| {
            let mut values = Vec::with_capacity(counters.len());
            let mut rejected = None;
            for (index, counter) in counters.iter().enumerate() {
                let current = match state.live(&counter.key, now_ms) {
                    Some(v) => v,
                    None if counter.seeded => return Admit::Unseeded(index),
                    None => 0,
                };
                if rejected.is_none() && current + counter.amount > counter.limit {
                    rejected = Some(index);
                }
                values.push(current);
            }
            if let Some(index) = rejected {
                return Admit::Rejected { index, values };
            }
            state.sweep(now_ms);
            Admit::Admitted(counters.iter().map(|c| state.add(c, now_ms)).collect())
        }))
    }

    async fn adjust(&self, deltas: &[(String, i64)], now_ms: i64) -> Result<(), LimiterError> {
        self.with_state(|state| {
            for (key, delta) in deltas {
                if let Some(slot) = state.counters.get_mut(key)
                    && slot.expires_ms > now_ms
                {
                    slot.value += delta;
                }
            }
        });
        Ok(())
    }

    async fn seed(
        &self,
        key: &str,
        value: i64,
        ttl_ms: u64,
        now_ms: i64,
    ) -> Result<(), LimiterError> {
        self.with_state(|state| {
            if state.live(key, now_ms).is_none() {
                state.counters.insert(
                    key.to_owned(),
                    Slot {
                        value,
                        expires_ms: now_ms.saturating_add(ms(ttl_ms)),
                    },
                );
            }
        });
        Ok(())
    }
}
