//! How many refused requests (bad bodies, unknown models, quota refusals) a key may have
//! recorded each minute. A refusal is always answered; past the budget it is only counted in
//! a metric, so a client looping on a bad request cannot fill the usage table or the queue.

use std::sync::Mutex;
use std::time::Instant;

use uuid::Uuid;

use crate::FastMap;

pub const UNRECORDED_METRIC: &str = "satu_refusals_unrecorded_total";

pub struct RefusalBudget {
    per_minute: u32,
    started: Instant,
    window: Mutex<Window>,
}

#[derive(Default)]
struct Window {
    minute: u64,
    counts: FastMap<Uuid, u32>,
}

impl RefusalBudget {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            started: Instant::now(),
            window: Mutex::new(Window::default()),
        }
    }

    /// Whether this key's refusal is recorded; each call spends one from the minute's budget.
    pub fn spend(&self, api_key_id: Uuid) -> bool {
        let minute = self.started.elapsed().as_secs() / 60;
        let Ok(mut window) = self.window.lock() else {
            return true;
        };
        if window.minute != minute {
            // A new minute: every key starts again (and the map holds only this minute's keys).
            window.minute = minute;
            window.counts.clear();
        }
        let count = window.counts.entry(api_key_id).or_default();
        *count = count.saturating_add(1);
        *count <= self.per_minute
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_has_its_own_budget() {
        let budget = RefusalBudget::new(3);
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        let spent: Vec<bool> = (0..5).map(|_| budget.spend(a)).collect();
        assert_eq!(spent, [true, true, true, false, false]);
        assert!(budget.spend(b));
    }
}
