//! What the usage dashboard reads: totals and time series from the hourly rollups, and request
//! logs from the events. Every function takes the workspace it reads for (a user's, or a
//! team's); callers get it through the API's permission layer, never from input.

mod cover;
mod logs;
mod rollups;

use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use uuid::Uuid;

use crate::RepoError;
use crate::usage_latency::Histogram;

pub use logs::{Cursor, LogFilter, LogPage, StatusClass, find_log, logs_page};
pub use rollups::{Bucket, GroupKey, Series, series, summary};

/// The longest range a dashboard query may span.
pub const MAX_RANGE_DAYS: i64 = 400;

/// A half-open range `[from, to)` of whole hours (the rollups' resolution).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

impl Range {
    /// `from` rounds down and `to` up to whole hours; `from < to`, at most [`MAX_RANGE_DAYS`].
    pub fn new(from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Self, RepoError> {
        let invalid = |reason: String| RepoError::Invalid {
            field: "range",
            reason,
        };
        if from >= to {
            return Err(invalid("`from` must be before `to`".to_owned()));
        }
        if to - from > TimeDelta::days(MAX_RANGE_DAYS) {
            return Err(invalid(format!("it spans more than {MAX_RANGE_DAYS} days")));
        }
        let from = floor_hour(from);
        let floored = floor_hour(to);
        let to = if floored == to {
            to
        } else {
            floored + TimeDelta::hours(1)
        };
        Ok(Self { from, to })
    }

    /// The last `hours` whole hours, the current one included.
    pub fn last_hours(hours: i64, now: DateTime<Utc>) -> Self {
        let to = floor_hour(now) + TimeDelta::hours(1);
        Self {
            from: to - TimeDelta::hours(hours),
            to,
        }
    }

    pub fn span(&self) -> TimeDelta {
        self.to - self.from
    }
}

fn floor_hour(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::hours(1)).unwrap_or(t)
}

/// What the rollups are split by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    Provider,
    Model,
    ApiKey,
    Account,
}

/// Narrows usage to one model, provider, key or account. Key and account ids must already be
/// known to belong to the user (the permission layer checks them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub model: Option<String>,
    pub provider: Option<String>,
    pub api_key_id: Option<Uuid>,
    pub account_id: Option<Uuid>,
    /// One team member's requests: the permission layer checks the member and sets `keys`.
    pub member: Option<Uuid>,
    /// Only requests sent with one of these keys: one member's keys in a team.
    pub keys: Option<Vec<Uuid>>,
}

/// Sums over a set of requests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub requests: i64,
    pub errors: i64,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    pub cost_nanos: i64,
    pub latency_ms_sum: i64,
    pub latency: Histogram,
}

impl Totals {
    pub fn merge(&mut self, other: &Totals) {
        self.add_signed(other, 1);
    }

    /// Adds (`sign` 1) or takes away (−1) `other`: every figure is a sum, so moving a part of
    /// a day to another bucket stays exact.
    pub fn add_signed(&mut self, other: &Totals, sign: i64) {
        self.requests += sign * other.requests;
        self.errors += sign * other.errors;
        self.prompt_tokens += sign * other.prompt_tokens;
        self.completion_tokens += sign * other.completion_tokens;
        self.cached_tokens += sign * other.cached_tokens;
        self.reasoning_tokens += sign * other.reasoning_tokens;
        self.cost_nanos += sign * other.cost_nanos;
        self.latency_ms_sum += sign * other.latency_ms_sum;
        self.latency.add_signed(&other.latency, sign);
    }

    pub fn latency_avg_ms(&self) -> Option<f64> {
        (self.requests > 0).then(|| self.latency_ms_sum as f64 / self.requests as f64)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, h, m, 0).unwrap()
    }

    #[test]
    fn ranges_round_out_to_whole_hours() {
        let r = Range::new(at(10, 15), at(12, 1)).unwrap();
        assert_eq!((r.from, r.to), (at(10, 0), at(13, 0)));
        let r = Range::new(at(10, 0), at(12, 0)).unwrap();
        assert_eq!((r.from, r.to), (at(10, 0), at(12, 0)));
        let last = Range::last_hours(24, at(10, 30));
        assert_eq!(last.to, at(11, 0));
        assert_eq!(last.span(), TimeDelta::hours(24));
    }

    #[test]
    fn bad_ranges_are_refused() {
        assert!(Range::new(at(10, 0), at(10, 0)).is_err());
        assert!(Range::new(at(11, 0), at(10, 0)).is_err());
        let from = at(0, 0);
        assert!(Range::new(from, from + TimeDelta::days(401)).is_err());
        assert!(Range::new(from, from + TimeDelta::days(400)).is_ok());
    }
}
