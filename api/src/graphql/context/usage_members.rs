//! Usage by team member. Rollups are kept per key, and a team key belongs to one member, so a
//! member's usage is the sum of their keys' rows: summaries and series grouped by key are
//! folded here into one group per member (keys of no known member stay apart as "missing").

use std::collections::HashMap;

use entities::usage_queries::{GroupKey, Series, Totals};
use uuid::Uuid;

/// Which member owns each key.
pub type KeyOwners = HashMap<Uuid, Uuid>;

fn member_of(key: &GroupKey, owners: &KeyOwners) -> GroupKey {
    match key {
        GroupKey::Id(id) => owners
            .get(id)
            .map_or(GroupKey::Missing, |m| GroupKey::Id(*m)),
        _ => GroupKey::Missing,
    }
}

/// Per-key totals folded into per-member totals, busiest first.
pub fn fold_summary(rows: Vec<(GroupKey, Totals)>, owners: &KeyOwners) -> Vec<(GroupKey, Totals)> {
    let mut members: Vec<(GroupKey, Totals)> = Vec::new();
    for (key, totals) in rows {
        let member = member_of(&key, owners);
        match members.iter_mut().find(|(m, _)| *m == member) {
            Some((_, sum)) => sum.merge(&totals),
            None => members.push((member, totals)),
        }
    }
    members.sort_by_key(|m| std::cmp::Reverse(m.1.requests));
    members
}

/// Per-key series (each with a point for every bucket) folded into per-member series.
pub fn fold_series(series: Vec<Series>, owners: &KeyOwners) -> Vec<Series> {
    let mut members: Vec<Series> = Vec::new();
    for s in series {
        let member = member_of(&s.group, owners);
        match members.iter_mut().find(|m| m.group == member) {
            Some(sum) => {
                for ((_, total), (_, add)) in sum.points.iter_mut().zip(&s.points) {
                    total.merge(add);
                }
            }
            None => members.push(Series {
                group: member,
                points: s.points,
            }),
        }
    }
    let requests = |s: &Series| s.points.iter().map(|(_, t)| t.requests).sum::<i64>();
    members.sort_by_key(|s| std::cmp::Reverse(requests(s)));
    members
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;

    fn totals(requests: i64) -> Totals {
        Totals {
            requests,
            ..Totals::default()
        }
    }

    #[test]
    fn keys_fold_into_their_members_busiest_first() {
        let (ana, budi) = (Uuid::new_v4(), Uuid::new_v4());
        let (k1, k2, k3) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let owners = KeyOwners::from([(k1, ana), (k2, ana), (k3, budi)]);
        let rows = vec![
            (GroupKey::Id(k3), totals(4)),
            (GroupKey::Id(k1), totals(2)),
            (GroupKey::Id(k2), totals(3)),
            (GroupKey::Missing, totals(1)),
        ];
        let folded = fold_summary(rows, &owners);
        let shape: Vec<(GroupKey, i64)> = folded
            .iter()
            .map(|(k, t)| (k.clone(), t.requests))
            .collect();
        assert_eq!(
            shape,
            [
                (GroupKey::Id(ana), 5),
                (GroupKey::Id(budi), 4),
                (GroupKey::Missing, 1)
            ]
        );
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 6, h, 0, 0).unwrap();
        let series = vec![
            Series {
                group: GroupKey::Id(k1),
                points: vec![(at(1), totals(1)), (at(2), totals(0))],
            },
            Series {
                group: GroupKey::Id(k2),
                points: vec![(at(1), totals(2)), (at(2), totals(5))],
            },
        ];
        let folded = fold_series(series, &owners);
        assert_eq!(folded.len(), 1);
        assert_eq!(folded[0].group, GroupKey::Id(ana));
        let points: Vec<i64> = folded[0].points.iter().map(|(_, t)| t.requests).collect();
        assert_eq!(points, [3, 5]);
    }
}
