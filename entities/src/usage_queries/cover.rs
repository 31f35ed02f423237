//! Which rollup rows answer a range, and which bucket each row counts toward. Whole days inside
//! the range come from one set of daily rollups (UTC, WIB or UTC−8 days), the hours at either
//! end from the hourly ones.
//!
//! Days in another time zone than the set's do not line up with its days, so a daily row counts
//! toward the local day holding most of its hours, and its other hours ("tails", at most 12) are
//! read from the hourly rollups and moved: subtracted from that local day, added to their own.
//! All figures (histogram counts included) are sums, so the result is exact.

use chrono::{DateTime, TimeDelta, Utc};

use super::Range;
use crate::usage_daily::{DAY_OFFSETS, day_start};

/// The rows to read for a range.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cover {
    /// Days starting `day_offset` minutes east of UTC.
    pub day_offset: i32,
    /// Whole days, from the daily rollups.
    pub days: Option<Range>,
    /// The rest, from the hourly rollups (up to 23 hours at each end).
    pub hours: Vec<Range>,
}

impl Cover {
    fn hour_count(&self) -> i64 {
        self.hours.iter().map(|r| r.span().num_hours()).sum()
    }
}

/// Whole days of the set (of [`DAY_OFFSETS`]) that leaves the fewest hours to read.
pub fn cover(range: Range) -> Cover {
    DAY_OFFSETS
        .iter()
        .map(|&offset| cover_with(range, offset))
        .min_by_key(Cover::hour_count)
        .unwrap_or_else(|| cover_with(range, 0))
}

/// The set whose days need the fewest tails for local days `offset_minutes` east of UTC.
pub fn cover_for_days(range: Range, offset_minutes: i32) -> Cover {
    let tail_count = |set: i32| {
        let day = day_start(range.from, set);
        tails(
            Range {
                from: day,
                to: day + TimeDelta::days(1),
            },
            offset_minutes,
        )
        .len()
    };
    let set = DAY_OFFSETS
        .iter()
        .copied()
        .min_by_key(|set| tail_count(*set))
        .unwrap_or(0);
    cover_with(range, set)
}

pub fn cover_with(range: Range, day_offset: i32) -> Cover {
    let first_day = ceil_day(range.from, day_offset);
    let last_day = day_start(range.to, day_offset);
    if first_day >= last_day {
        return Cover {
            day_offset,
            days: None,
            hours: vec![range],
        };
    }
    let hours = [
        Range {
            from: range.from,
            to: first_day,
        },
        Range {
            from: last_day,
            to: range.to,
        },
    ];
    Cover {
        day_offset,
        days: Some(Range {
            from: first_day,
            to: last_day,
        }),
        hours: hours.into_iter().filter(|r| r.from < r.to).collect(),
    }
}

/// Start of the local day holding `t`, `offset_minutes` east of UTC.
pub fn local_day(t: DateTime<Utc>, offset_minutes: i32) -> DateTime<Utc> {
    day_start(t, offset_minutes)
}

/// The local day a daily row (UTC day starting at `day`) counts toward: the one holding its
/// middle, hence most of its hours.
pub fn home_bucket(day: DateTime<Utc>, offset_minutes: i32) -> DateTime<Utc> {
    local_day(day + TimeDelta::hours(12), offset_minutes)
}

/// Hours of the days in `days` (24 hours each from `days.from`) that belong to another local day than their day's home.
pub fn tails(days: Range, offset_minutes: i32) -> Vec<DateTime<Utc>> {
    let mut hours = Vec::new();
    let mut day = days.from;
    while day < days.to {
        let home = home_bucket(day, offset_minutes);
        hours.extend(
            (0..24)
                .map(|h| day + TimeDelta::hours(h))
                .filter(|h| local_day(*h, offset_minutes) != home),
        );
        day += TimeDelta::days(1);
    }
    hours
}

fn ceil_day(t: DateTime<Utc>, day_offset: i32) -> DateTime<Utc> {
    let floor = day_start(t, day_offset);
    if floor == t {
        t
    } else {
        floor + TimeDelta::days(1)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn h(n: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap() + TimeDelta::hours(n)
    }

    fn r(from: i64, to: i64) -> Range {
        Range {
            from: h(from),
            to: h(to),
        }
    }

    #[test]
    fn whole_days_come_from_daily_rows_and_the_ends_from_hourly_ones() {
        assert_eq!(
            cover_with(r(5, 70), 0),
            Cover {
                day_offset: 0,
                days: Some(r(24, 48)),
                hours: vec![r(5, 24), r(48, 70)]
            }
        );
        assert_eq!(
            cover(r(0, 48)),
            Cover {
                day_offset: 0,
                days: Some(r(0, 48)),
                hours: vec![]
            }
        );
        // WIB days leave fewer hours here: 17:00 to 17:00 UTC is a whole WIB day.
        let wib = cover(r(17, 43));
        assert_eq!(
            (wib.day_offset, wib.days, wib.hours),
            (420, Some(r(17, 41)), vec![r(41, 43)])
        );
        // A range inside one day, or across midnight without a whole day, is all hours.
        assert_eq!(cover_with(r(20, 30), 0).days, None);
        assert_eq!(cover_with(r(20, 30), 0).hours, vec![r(20, 30)]);
    }

    #[test]
    fn tails_are_the_hours_of_another_local_day() {
        // UTC+7: the UTC day starting at 00:00 is mostly the local day starting at 17:00 UTC
        // the evening before; its hours from 17:00 belong to the next local day.
        assert_eq!(home_bucket(h(0), 420), h(-7));
        assert_eq!(tails(r(0, 24), 420), (17..24).map(h).collect::<Vec<_>>());
        // UTC−5: local days start at 05:00 UTC; the first five hours belong to the day before.
        assert_eq!(home_bucket(h(0), -300), h(5));
        assert_eq!(tails(r(0, 24), -300), (0..5).map(h).collect::<Vec<_>>());
        // UTC+14 is mostly the next local day; its first 10 hours are the tails.
        assert_eq!(home_bucket(h(0), 840), h(10));
        assert_eq!(tails(r(0, 24), 840).len(), 10);
        assert!(tails(r(0, 48), 0).is_empty());
        // Local days pick the set with the fewest tails: WIB days for WITA (one hour off).
        assert_eq!(cover_for_days(r(0, 96), 480).day_offset, 420);
        assert_eq!(cover_for_days(r(0, 96), -300).day_offset, -480);
        assert_eq!(cover_for_days(r(0, 96), 60).day_offset, 0);
        // No time zone is more than 4 hours from a set.
        for offset in (-12..=14).map(|h| h * 60) {
            let days = cover_for_days(r(0, 48), offset).days.unwrap();
            assert!(tails(days, offset).len() <= 2 * 4, "{offset}");
        }
    }
}
