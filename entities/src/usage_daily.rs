//! Daily rollups: `usage_hourly`'s sums per day, so long ranges read one row per day instead of
//! 24 (a busy user has dozens of hourly rows an hour, scattered over the table, and a month of
//! them costs Postgres tens of thousands of page reads). Days are kept for three boundaries: UTC,
//! WIB (UTC+7, where most of Satu's users live, whose dashboards show their own days) and
//! UTC−8. Together they cut the day into near thirds (7, 9 and 8 hours apart), so days in any
//! time zone are served from the nearest set plus at most 4 hourly rows a day (`usage_queries`).

use std::collections::HashMap;

use chrono::TimeDelta;
use sea_orm::prelude::DateTimeUtc;

use crate::usage_hourly::{Rollup, RollupKey, empty_row};
use crate::usage_latency::Histogram;

/// Day boundaries daily rollups are kept for, in minutes east of UTC.
pub const DAY_OFFSETS: [i32; 3] = [0, 7 * 60, -8 * 60];

/// Start (as an instant) of the day holding `t`, for days starting `offset_minutes` east of UTC.
pub fn day_start(t: DateTimeUtc, offset_minutes: i32) -> DateTimeUtc {
    use chrono::DurationRound;
    let offset = TimeDelta::minutes(i64::from(offset_minutes));
    let local = t + offset;
    local.duration_trunc(TimeDelta::days(1)).unwrap_or(local) - offset
}

/// The hourly rollups summed per day (`row.hour` holds the day's start).
pub fn by_day(hourly: &[Rollup], offset_minutes: i32) -> Vec<Rollup> {
    let mut days: HashMap<RollupKey, Rollup> = HashMap::new();
    for r in hourly {
        let key = (
            r.row.user_id,
            day_start(r.row.hour, offset_minutes),
            r.row.api_key_id,
            r.row.account_id,
            r.row.provider.clone(),
            r.row.model.clone(),
        );
        let sum = days.entry(key.clone()).or_insert_with(|| Rollup {
            row: empty_row(key),
            latency: Histogram::default(),
        });
        let (s, h) = (&mut sum.row, &r.row);
        s.requests += h.requests;
        s.errors += h.errors;
        s.prompt_tokens += h.prompt_tokens;
        s.completion_tokens += h.completion_tokens;
        s.cached_tokens += h.cached_tokens;
        s.reasoning_tokens += h.reasoning_tokens;
        s.cost_nanos += h.cost_nanos;
        s.latency_ms_sum += h.latency_ms_sum;
        sum.latency.merge(&r.latency);
    }
    days.into_values().collect()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    #[test]
    fn days_start_at_local_midnight() {
        let t = Utc.with_ymd_and_hms(2026, 6, 1, 16, 59, 0).unwrap();
        assert_eq!(
            day_start(t, 0),
            Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap()
        );
        // 23:59 WIB on 1 June; at 17:00 UTC, 2 June begins in Jakarta.
        assert_eq!(
            day_start(t, 420),
            Utc.with_ymd_and_hms(2026, 5, 31, 17, 0, 0).unwrap()
        );
        assert_eq!(
            day_start(t + TimeDelta::minutes(1), 420),
            Utc.with_ymd_and_hms(2026, 6, 1, 17, 0, 0).unwrap()
        );
    }
}
