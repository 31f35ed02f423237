//! The counters one request must fit under, named and sized from the caller's allowance, and
//! what an admission or a refusal of them means for the caller.

use chrono::{DateTime, Utc};
use entities::billing::money::usd_from_nanos as usd;
use entities::usage_events::NewUsage;

use super::headers::{Gauge, RateHeaders, retry_after_secs};
use super::limiter::Counter;
use super::period::{self, Period};
use crate::auth::Principal;

const MINUTE_MS: i64 = 60_000;
/// Counters outlive their window a little, so settlements that arrive late still land.
const MINUTE_GRACE_MS: i64 = 60_000;
const PERIOD_GRACE_MS: i64 = 86_400_000;

/// Which limit a counter is. The `User*` ones are the workspace's: a user's own, or a team's
/// shared by its members; the `Member*` ones are one member's inside a team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Quota,
    MemberQuota,
    TeamBudget,
    MemberBudget,
    UserRpm,
    MemberRpm,
    KeyRpm,
    UserTpm,
    KeyTpm,
}

impl Slot {
    fn counts_tokens(self) -> bool {
        matches!(self, Slot::UserTpm | Slot::KeyTpm)
    }

    /// Nano-USD of estimated cost, settled with the real cost.
    pub fn counts_cost(self) -> bool {
        matches!(self, Slot::TeamBudget | Slot::MemberBudget)
    }

    /// Monthly requests: given back when no upstream served the request.
    fn counts_served(self) -> bool {
        matches!(self, Slot::Quota | Slot::MemberQuota)
    }

    /// What the rate-limit headers report (requests; tokens separately; never cost).
    fn counts_requests(self) -> bool {
        !self.counts_tokens() && !self.counts_cost()
    }
}

/// What one request reserves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Demand {
    pub tokens: i64,
    /// Estimated cost in nano-USD (at least 1 when a budget applies, so a spent budget refuses
    /// even a request of unknown price).
    pub cost_nanos: i64,
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
    pub fn new(prefix: &str, principal: &Principal, demand: Demand, now: DateTime<Utc>) -> Self {
        let tokens = demand.tokens;
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
        let mut member_buf = uuid::Uuid::encode_buffer();
        let member = a
            .member
            .as_ref()
            .map(|m| &*m.user_id.hyphenated().encode_lower(&mut member_buf));
        let monthly = [
            (Slot::Quota, a.monthly_requests, ":q:", None, 1),
            (
                Slot::MemberQuota,
                a.member.as_ref().and_then(|m| m.monthly_requests),
                ":mq:",
                member,
                1,
            ),
            (
                Slot::TeamBudget,
                a.team_budget_nanos,
                ":b:",
                None,
                demand.cost_nanos,
            ),
            (
                Slot::MemberBudget,
                a.member.as_ref().and_then(|m| m.budget_nanos),
                ":mb:",
                member,
                demand.cost_nanos,
            ),
        ];
        if monthly.iter().any(|(_, limit, ..)| limit.is_some()) {
            let period = period::containing(a.billing_anchor, now);
            let reset = (period.end - now).num_milliseconds();
            let start = period.start.timestamp().to_string();
            for (slot, limit, kind, who, amount) in monthly {
                let Some(limit) = limit else { continue };
                let name = match who {
                    Some(who) => [&user, kind, who, ":", &start].concat(),
                    None => [&user, kind, &start].concat(),
                };
                plan.push(
                    slot,
                    name,
                    limit,
                    amount,
                    reset,
                    reset + PERIOD_GRACE_MS,
                    true,
                );
            }
            plan.period = Some(period);
        }
        let member_rpm = a.member.as_ref().and_then(|m| m.rpm);
        let per_minute = [
            (Slot::UserRpm, a.user_rpm, ":rpm:", None, 1),
            (Slot::MemberRpm, member_rpm, ":mrpm:", member, 1),
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

    /// Which limit counter `index` is (to seed it from the right rows).
    pub fn slot(&self, index: usize) -> Slot {
        self.slots[index]
    }

    /// The team budget's share (50, 80 or 100 %) this admission's reservation crossed, with
    /// the budget and the value after.
    pub fn budget_threshold_crossed(&self, after: &[i64]) -> Option<(u8, i64, i64)> {
        let i = self.slots.iter().position(|s| *s == Slot::TeamBudget)?;
        let (limit, value, amount) = (self.counters[i].limit, after[i], self.counters[i].amount);
        let before = value - amount;
        [100u8, 80, 50]
            .into_iter()
            .find(|p| {
                let mark = limit.saturating_mul(i64::from(*p)) / 100;
                limit > 0 && before < mark && value >= mark
            })
            .map(|p| (p, limit, value))
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
        let pick = |kind: fn(Slot) -> bool| {
            if let Some(r) = rejected.filter(|r| kind(self.slots[*r])) {
                return Some(gauge(r));
            }
            (0..self.slots.len())
                .filter(|i| kind(self.slots[*i]))
                .map(gauge)
                .min_by_key(|g| g.remaining)
        };
        RateHeaders {
            requests: pick(Slot::counts_requests),
            tokens: pick(Slot::counts_tokens),
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
        let renews = self.period.map_or_else(String::new, |p| {
            p.end.format("%Y-%m-%d %H:%M UTC").to_string()
        });
        let (kind, message) = match self.slots[index] {
            Slot::Quota => (
                "quota_exceeded",
                format!(
                    "The {} plan's {limit} requests for this billing period are used up; the quota renews at {renews}.",
                    self.plan_name,
                ),
            ),
            Slot::MemberQuota => (
                "member_quota_exceeded",
                format!(
                    "Your team's admins allow you {limit} requests this billing period, and they are used up; the count starts again at {renews}."
                ),
            ),
            Slot::TeamBudget => (
                "team_budget_exceeded",
                format!(
                    "The team's monthly budget of {} is spent; it starts again at {renews}.",
                    usd(limit)
                ),
            ),
            Slot::MemberBudget => (
                "member_budget_exceeded",
                format!(
                    "Your monthly budget in this team, {}, is spent; it starts again at {renews}.",
                    usd(limit)
                ),
            ),
            Slot::MemberRpm => (
                "rate_limit_exceeded",
                format!(
                    "Your team's admins allow you {limit} requests per minute, and they are used; retry in {retry} s."
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
            .filter(|(slot, _)| slot.counts_served() || slot.counts_tokens() || slot.counts_cost())
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

/// What an admitted request holds until it is settled: the monthly requests, and the tokens
/// and cost reserved on each token and budget counter.
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
                    s if s.counts_served() && usage.ttft_ms.is_none() => -1,
                    s if s.counts_served() => 0,
                    s if s.counts_cost() => usage.cost_nanos - reserved,
                    _ => used - reserved,
                };
                (delta != 0).then(|| (key.clone(), delta))
            })
            .collect()
    }
}
