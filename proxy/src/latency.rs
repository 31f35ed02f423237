//! Recent time to first token per (account, model), as an exponentially weighted moving
//! average: what the `fastest` strategy orders by.

use std::sync::Mutex;

use uuid::Uuid;

use crate::FastMap;

/// Weight of the newest sample.
const ALPHA: f64 = 0.3;
const MAX_ENTRIES: usize = 100_000;

#[derive(Default)]
pub struct Latencies {
    ewma_ms: Mutex<FastMap<(Uuid, String), f64>>,
}

impl Latencies {
    pub fn record(&self, account: Uuid, model: &str, ms: f64) {
        if let Ok(mut map) = self.ewma_ms.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.entry((account, model.to_owned()))
                .and_modify(|v| *v = ALPHA * ms + (1.0 - ALPHA) * *v)
                .or_insert(ms);
        }
    }

    /// The average, or `None` before the first sample (such pairs are tried first, to learn).
    pub fn get(&self, account: Uuid, model: &str) -> Option<f64> {
        self.ewma_ms
            .lock()
            .ok()?
            .get(&(account, model.to_owned()))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn averages_lean_towards_recent_samples() {
        let l = super::Latencies::default();
        let a = uuid::Uuid::new_v4();
        assert_eq!(l.get(a, "m"), None);
        l.record(a, "m", 100.0);
        l.record(a, "m", 200.0);
        assert_eq!(l.get(a, "m"), Some(130.0));
    }
}
