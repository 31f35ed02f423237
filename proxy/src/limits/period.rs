//! Monthly periods counted from a billing anchor: a subscription that started on 31 January
//! renews on 28 (or 29) February, 31 March, 30 April… Each period is the anchor plus k months,
//! so short months never shift the periods after them.

use chrono::{DateTime, Months, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The period holding `now`.
pub fn containing(anchor: DateTime<Utc>, now: DateTime<Utc>) -> Period {
    use chrono::Datelike;
    let months = (now.year() - anchor.year()) * 12 + now.month() as i32 - anchor.month() as i32;
    let mut k = months;
    // The month count is right or one too many (the anchor's day/time not reached yet).
    while shifted(anchor, k) > now {
        k -= 1;
    }
    while shifted(anchor, k + 1) <= now {
        k += 1;
    }
    Period {
        start: shifted(anchor, k),
        end: shifted(anchor, k + 1),
    }
}

/// `anchor` moved by `k` months (negative: back), the day clamped to the month's length.
fn shifted(anchor: DateTime<Utc>, k: i32) -> DateTime<Utc> {
    let months = Months::new(k.unsigned_abs());
    let moved = if k >= 0 {
        anchor.checked_add_months(months)
    } else {
        anchor.checked_sub_months(months)
    };
    moved.unwrap_or(anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn periods_follow_the_anchor_day_and_time() {
        let anchor = at("2026-01-15T10:00:00Z");
        let p = containing(anchor, at("2026-03-20T00:00:00Z"));
        assert_eq!(p.start, at("2026-03-15T10:00:00Z"));
        assert_eq!(p.end, at("2026-04-15T10:00:00Z"));
        // One second before the renewal is still the old period; the renewal starts the next.
        let before = containing(anchor, at("2026-04-15T09:59:59Z"));
        assert_eq!(before.start, at("2026-03-15T10:00:00Z"));
        let renewal = containing(anchor, at("2026-04-15T10:00:00Z"));
        assert_eq!(renewal.start, at("2026-04-15T10:00:00Z"));
    }

    #[test]
    fn month_ends_clamp_without_drifting() {
        let anchor = at("2026-01-31T00:00:00Z");
        let feb = containing(anchor, at("2026-03-01T00:00:00Z"));
        assert_eq!(feb.start, at("2026-02-28T00:00:00Z"));
        assert_eq!(feb.end, at("2026-03-31T00:00:00Z"));
        let leap = containing(anchor, at("2028-02-29T12:00:00Z"));
        assert_eq!(leap.start, at("2028-02-29T00:00:00Z"));
    }

    #[test]
    fn an_anchor_in_the_future_counts_back() {
        let anchor = at("2027-06-10T00:00:00Z");
        let p = containing(anchor, at("2026-12-01T00:00:00Z"));
        assert_eq!(p.start, at("2026-11-10T00:00:00Z"));
        assert_eq!(p.end, at("2026-12-10T00:00:00Z"));
    }
}
