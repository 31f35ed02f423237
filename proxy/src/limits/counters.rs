//! The counters one request must fit under, named and sized from the caller's allowance, and
//! what an admission or a refusal of them means for the caller.

use chrono::{DateTime, Utc};
use entities::usage_events::NewUsage;

use super::headers::{Gauge, RateHeaders, retry_after_secs};
use super::limiter::Counter;
use super::period::{self, Period};
use crate::auth::Principal;

const MINUTE_MS: i64 = 60_000;
/// Counters outlive their window a little, so settlements that arrive late still land.
const MINUTE_GRACE_MS: i64 = 60_000;
const PERIOD_GRACE_MS: i64 = 86_400_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Quota,
    UserRpm,
    KeyRpm,
    UserTpm,
    KeyTpm,
}

impl Slot {
    fn counts_tokens(self) -> bool {
        matches!(self, Slot::UserTpm | Slot::KeyTpm)
    }
}

/// The counters of one request, in the order they are reported when several are full.
pub struct Plan {
    pub counters: Vec<Counter>,
    slots: Vec<Slot>,
    reset_ms: Vec<i64>,
    pub period: Option<Period>,
    pub plan_name: String,
}

impl Plan {
    pub fn new(prefix: &str, principal: &Principal, tokens: i64, now: DateTime<Utc>) -> Self {
        let a = &principal.allowance;
        let now_ms = now.timestamp_millis();
        // Keys are built by appending: five `format!`s per request showed in profiles.
        let mut user_buf = uuid::Uuid::encode_buffer();
        let mut key_buf = uuid::Uuid::encode_buffer();
        // The workspace's counters: a team's members share them.
        let user_id = principal
            .workspace()
            .id()
            .hyphenated()
            .encode_lower(&mut user_buf);
        let key = &*principal.api_key_id.hyphenated().encode_lower(&mut key_buf);
        let user = [prefix, ":{", user_id, "}"].concat();
        let minute = now_ms.div_euclid(MINUTE_MS);
        let minute_text = minute.to_string();
        let minute_text = minute_text.as_str();
        let minute_reset = (minute + 1) * MINUTE_MS - now_ms;
        let mut plan = Self {
            counters: Vec::with_capacity(5),
            slots: Vec::with_capacity(5),
            reset_ms: Vec::with_capacity(5),
            period: None,
            plan_name: a.plan_name.clone(),
        };
        if let Some(limit) = a.monthly_requests {
            let period = period::containing(a.billing_anchor, now);
            let reset = (period.end - now).num_milliseconds();
            plan.push(
                Slot::Quota,
                [&user, ":q:", &period.start.timestamp().to_string()].concat(),
                limit,
                1,
                reset,
                reset + PERIOD_GRACE_MS,
                true,
            );
            plan.period = Some(period);
        }
        let per_minute = [
            (Slot::UserRpm, a.user_rpm, ":rpm:", None, 1),
            (Slot::KeyRpm, a.key_rpm, ":rpm:", Some(key), 1),
            (Slot::UserTpm, a.user_tpm, ":tpm:", None, tokens),
            (Slot::KeyTpm, a.key_tpm, ":tpm:", Some(key), tokens),
        ];
        for (slot, limit, kind, key, amount) in per_minute {
            if let Some(limit) = limit {
                let name = match key {
                    Some(key) => [&user, kind, key, ":", minute_text].concat(),
                    None => [&user, kind, minute_text].concat(),
                };
                plan.push(
                    slot,
                    name,
                    limit,
                    amount,
                    minute_reset,
                    minute_reset + MINUTE_GRACE_MS,
                    false,
                );
            }
        }
        plan
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        slot: Slot,
        key: String,
        limit: i64,
        amount: i64,
        reset_ms: i64,
        ttl_ms: i64,
        seeded: bool,
    ) {
        self.counters.push(Counter {
            key,
            limit,
            amount,
            ttl_ms: u64::try_from(ttl_ms).unwrap_or(1),
            seeded,
        });
        self.slots.push(slot);
        self.reset_ms.push(reset_ms);
    }

    /// 80 or 100 when this admission made the monthly count reach that share of the quota.
    /// Exactly one admission sees each value, on any number of replicas.
    pub fn quota_threshold_crossed(&self, after: &[i64]) -> Option<u8> {
        let i = self.slots.iter().position(|s| *s == Slot::Quota)?;
        let (limit, value) = (self.counters[i].limit, after[i]);
        let eighty = (limit * 4 + 4) / 5;
        if limit > 0 && value == limit {
            Some(100)
        } else if limit > 0 && value == eighty {
            Some(80)
        } else {
            None
        }
    }

    pub fn quota_limit(&self) -> Option<i64> {
        let i = self.slots.iter().position(|s| *s == Slot::Quota)?;
        Some(self.counters[i].limit)
    }

    /// The tightest request limit and token limit, as headers. `values` are after the
    /// admission, or current ones when `rejected` names the counter that was full.
    pub fn headers(&self, values: &[i64], rejected: Option<usize>) -> RateHeaders {
        let gauge = |i: usize| Gauge {
            limit: self.counters[i].limit,
            remaining: (self.counters[i].limit - values[i]).max(0),
            reset_ms: self.reset_ms[i],
        };
        let pick = |tokens: bool| {
            if let Some(r) = rejected.filter(|r| self.slots[*r].counts_tokens() == tokens) {
                return Some(gauge(r));
            }
            (0..self.slots.len())
                .filter(|i| self.slots[*i].counts_tokens() == tokens)
                .map(gauge)
                .min_by_key(|g| g.remaining)
        };
        RateHeaders {
            requests: pick(false),
            tokens: pick(true),
        }
    }

    pub fn refusal(&self, index: usize, values: &[i64]) -> Refusal {
        let counter = &self.counters[index];
        let (limit, amount) = (counter.limit, counter.amount);
        let wait = self.reset_ms[index];
        let retry = retry_after_secs(wait);
        let (whose, whose_lower) = match self.slots[index] {
            Slot::KeyRpm | Slot::KeyTpm => ("This API key's", "this API key's"),
            _ => ("Your account's", "your account's"),
        };
        let (kind, message) = match self.slots[index] {
            Slot::Quota => (
                "quota_exceeded",
                format!(
                    "The {} plan's {limit} requests for this billing period are used up; the quota renews at {}.",
                    self.plan_name,
                    self.period.map_or_else(String::new, |p| p
                        .end
                        .format("%Y-%m-%d %H:%M UTC")
                        .to_string())
                ),
            ),
            Slot::UserRpm | Slot::KeyRpm => (
                "rate_limit_exceeded",
                format!(
                    "{whose} limit of {limit} requests per minute is reached; retry in {retry} s."
                ),
            ),
            Slot::UserTpm | Slot::KeyTpm if amount > limit => (
                "tokens_limit_exceeded",
                format!(
                    "This request reserves about {amount} tokens, more than {whose_lower} limit of {limit} tokens per minute; send a shorter prompt or a lower max_tokens."
                ),
            ),
            Slot::UserTpm | Slot::KeyTpm => (
                "tokens_limit_exceeded",
                format!(
                    "{whose} limit of {limit} tokens per minute is reached (this request reserves about {amount}); retry in {retry} s."
                ),
            ),
        };
        Refusal {
            kind,
            message,
            retry_after_secs: retry,
            headers: self.headers(values, Some(index)),
        }
    }

    pub fn reservation(&self) -> Reservation {
        let held = self
            .slots
            .iter()
            .zip(&self.counters)
            .filter(|(slot, _)| **slot == Slot::Quota || slot.counts_tokens())
            .map(|(slot, c)| (c.key.clone(), *slot, c.amount))
            .collect();
        Reservation { held }
    }
}

/// Why a request was not admitted, in words for the caller plus the headers to send.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub kind: &'static str,
    pub message: String,
    pub retry_after_secs: u64,
    pub headers: RateHeaders,
}

/// What an admitted request holds until it is settled: the monthly request and the tokens
/// reserved on each token counter.
#[derive(Debug)]
pub struct Reservation {
    held: Vec<(String, Slot, i64)>,
}

impl Reservation {
    /// Corrections that make the counters match `usage`: tokens charged or refunded, and the
    /// request given back when no upstream served it.
    pub fn deltas(&self, usage: &NewUsage) -> Vec<(String, i64)> {
        let used = usage.prompt_tokens.saturating_add(usage.completion_tokens);
        self.held
            .iter()
            .filter_map(|(key, slot, reserved)| {
                let delta = match slot {
                    Slot::Quota if usage.ttft_ms.is_none() => -1,
                    Slot::Quota => 0,
                    _ => used - reserved,
                };
                (delta != 0).then(|| (key.clone(), delta))
            })
            .collect()
    }
}
