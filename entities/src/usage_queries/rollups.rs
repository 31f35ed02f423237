//! Totals and time series, summed in the database from the daily and hourly rollups (see
//! `cover`), and put into buckets here, with latency percentiles from the summed histograms.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::sea_query::{Cond, Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr, QueryResult};
use uuid::Uuid;

use super::cover::{cover, cover_for_days, home_bucket, local_day, tails};
use super::{Filter, GroupBy, Range, Totals};
use crate::usage_daily::day_start;
use crate::usage_hourly::{RollupTable, SUMMED};
use crate::usage_latency::{COLUMNS, Histogram};

/// The value a group's rows share.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupKey {
    /// Not grouped: every row.
    All,
    /// A provider or model name.
    Name(String),
    /// An API key or account id.
    Id(Uuid),
    /// Requests that never reached a provider or account (refused before routing).
    Missing,
}

/// Width of a series' points. Days start at midnight `utc_offset_minutes` east of UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    Hour,
    Day { utc_offset_minutes: i32 },
}

/// One group's points, one per bucket of the range (zero where nothing happened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub group: GroupKey,
    pub points: Vec<(DateTime<Utc>, Totals)>,
}

/// What the database returns: sums per (period start, group).
#[derive(Clone)]
struct Row {
    at: DateTime<Utc>,
    group: GroupKey,
    totals: Totals,
}

/// The rows of `table` whose period starts in one of `ranges` or at one of `points`.
struct Piece {
    table: RollupTable,
    ranges: Vec<Range>,
    points: Vec<DateTime<Utc>>,
}

/// One row per group (none when nothing happened), busiest first.
pub async fn summary(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    range: Range,
    filter: &Filter,
    group: Option<GroupBy>,
) -> Result<Vec<(GroupKey, Totals)>, DbErr> {
    let c = cover(range);
    let daily = Piece {
        table: RollupTable::Daily {
            utc_offset_minutes: c.day_offset,
        },
        ranges: c.days.into_iter().collect(),
        points: Vec::new(),
    };
    let hourly = Piece {
        table: RollupTable::Hourly,
        ranges: c.hours,
        points: Vec::new(),
    };
    // Two statements on two connections at once: the answer waits for the slower one only.
    let (daily, hourly) = futures::try_join!(
        read(db, workspace_id, filter, group, &daily, false),
        read(db, workspace_id, filter, group, &hourly, false),
    )?;
    let mut groups: HashMap<GroupKey, Totals> = HashMap::new();
    for row in daily.into_iter().chain(hourly) {
        groups.entry(row.group).or_default().merge(&row.totals);
    }
    let mut groups: Vec<(GroupKey, Totals)> = groups
        .into_iter()
        .filter(|(_, t)| t.requests != 0)
        .collect();
    groups.sort_by(|a, b| b.1.requests.cmp(&a.1.requests).then(a.0.cmp(&b.0)));
    Ok(groups)
}

/// One series per group, busiest first, each with a point for every bucket of the range.
pub async fn series(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    range: Range,
    filter: &Filter,
    group: Option<GroupBy>,
    bucket: Bucket,
) -> Result<Vec<Series>, DbErr> {
    let parts = match bucket {
        Bucket::Hour => {
            let piece = Piece {
                table: RollupTable::Hourly,
                ranges: vec![range],
                points: Vec::new(),
            };
            let rows = read(db, workspace_id, filter, group, &piece, true).await?;
            rows.into_iter().map(|row| (row.at, 1, row)).collect()
        }
        Bucket::Day { utc_offset_minutes } => {
            day_parts(db, workspace_id, range, filter, group, utc_offset_minutes).await?
        }
    };
    let mut sparse: HashMap<GroupKey, BTreeMap<DateTime<Utc>, Totals>> = HashMap::new();
    for (at, sign, row) in parts {
        let points = sparse.entry(row.group).or_default();
        points.entry(at).or_default().add_signed(&row.totals, sign);
    }
    Ok(fill(sparse, &bucket_starts(range, bucket)))
}

/// Rows for local days `offset` minutes east of UTC, each with the day it counts toward and
/// its sign: daily rows toward their home day, hourly rows toward their own day, and tails
/// also taken away from their daily row's home day (see `cover`).
async fn day_parts(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    range: Range,
    filter: &Filter,
    group: Option<GroupBy>,
    offset: i32,
) -> Result<Vec<(DateTime<Utc>, i64, Row)>, DbErr> {
    let c = cover_for_days(range, offset);
    let daily = Piece {
        table: RollupTable::Daily {
            utc_offset_minutes: c.day_offset,
        },
        ranges: c.days.into_iter().collect(),
        points: Vec::new(),
    };
    let hourly = Piece {
        table: RollupTable::Hourly,
        ranges: c.hours.clone(),
        points: c.days.map(|d| tails(d, offset)).unwrap_or_default(),
    };
    // Two statements on two connections at once: the answer waits for the slower one only.
    let (daily, hourly) = futures::try_join!(
        read(db, workspace_id, filter, group, &daily, true),
        read(db, workspace_id, filter, group, &hourly, true),
    )?;
    let mut parts: Vec<_> = daily
        .into_iter()
        .map(|row| (home_bucket(row.at, offset), 1, row))
        .collect();
    for row in hourly {
        if c.days.is_some_and(|d| d.from <= row.at && row.at < d.to) {
            let home = home_bucket(day_start(row.at, c.day_offset), offset);
            parts.push((home, -1, row.clone()));
        }
        parts.push((local_day(row.at, offset), 1, row));
    }
    Ok(parts)
}

/// Dense series (zeros where a group had nothing), busiest group first.
fn fill(
    sparse: HashMap<GroupKey, BTreeMap<DateTime<Utc>, Totals>>,
    starts: &[DateTime<Utc>],
) -> Vec<Series> {
    let mut series: Vec<(i64, Series)> = sparse
        .into_iter()
        .filter_map(|(group, mut points)| {
            let requests: i64 = points.values().map(|t| t.requests).sum();
            let points = starts
                .iter()
                .map(|at| (*at, points.remove(at).unwrap_or_default()))
                .collect();
            (requests != 0).then_some((requests, Series { group, points }))
        })
        .collect();
    series.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.group.cmp(&b.1.group)));
    series.into_iter().map(|(_, s)| s).collect()
}

/// Every bucket start from the one holding `range.from` up to `range.to` (exclusive).
fn bucket_starts(range: Range, bucket: Bucket) -> Vec<DateTime<Utc>> {
    let (mut at, step) = match bucket {
        Bucket::Hour => (range.from, TimeDelta::hours(1)),
        Bucket::Day { utc_offset_minutes } => (
            local_day(range.from, utc_offset_minutes),
            TimeDelta::days(1),
        ),
    };
    let mut starts = Vec::new();
    while at < range.to {
        starts.push(at);
        at += step;
    }
    starts
}

/// Sums of `piece`'s rows per group (and per period start when `by_time`).
async fn read(
    db: &impl ConnectionTrait,
    workspace_id: Uuid,
    filter: &Filter,
    group: Option<GroupBy>,
    piece: &Piece,
    by_time: bool,
) -> Result<Vec<Row>, DbErr> {
    if piece.ranges.is_empty() && piece.points.is_empty() {
        return Ok(Vec::new());
    }
    let time = piece.table.time();
    let mut select = sums(piece.table, workspace_id, filter);
    let mut when = Cond::any();
    for r in &piece.ranges {
        when = when.add(Expr::col(time).gte(r.from).and(Expr::col(time).lt(r.to)));
    }
    if !piece.points.is_empty() {
        when = when.add(Expr::col(time).is_in(piece.points.iter().copied()));
    }
    select.cond_where(when);
    if let Some(g) = group {
        let col = group_column(g);
        select.expr_as(Expr::col(col), "grp").group_by_col(col);
    }
    if by_time {
        select.expr_as(Expr::col(time), "at").group_by_col(time);
    }
    let mut rows = Vec::new();
    for row in db.query_all(&select).await? {
        let at = if by_time {
            row.try_get("", "at")?
        } else {
            DateTime::<Utc>::MIN_UTC
        };
        rows.push(Row {
            at,
            group: group_key(&row, group)?,
            totals: totals(&row)?,
        });
    }
    Ok(rows)
}

/// `SELECT CAST(SUM(…) AS BIGINT) … FROM table WHERE workspace AND filter` (a rollup's
/// `user_id` is its workspace: the user, or the team).
fn sums(table: RollupTable, workspace_id: Uuid, filter: &Filter) -> SelectStatement {
    let mut select = Query::select();
    select.from(table.table());
    for name in SUMMED.iter().chain(&COLUMNS) {
        select.expr_as(Func::cast_as(Func::sum(Expr::col(*name)), "BIGINT"), *name);
    }
    select.and_where(Expr::col("user_id").eq(workspace_id));
    if let RollupTable::Daily { utc_offset_minutes } = table {
        select.and_where(Expr::col("utc_offset_minutes").eq(utc_offset_minutes));
    }
    let eq = |col: &'static str, value: Option<Expr>| value.map(|v| Expr::col(col).eq(v));
    select
        .and_where_option(eq("model", filter.model.clone().map(Expr::val)))
        .and_where_option(eq("provider", filter.provider.clone().map(Expr::val)))
        .and_where_option(eq("api_key_id", filter.api_key_id.map(Expr::val)))
        .and_where_option(eq("account_id", filter.account_id.map(Expr::val)))
        .and_where_option(
            filter
                .keys
                .clone()
                .map(|keys| Expr::col("api_key_id").is_in(keys)),
        );
    select
}

fn group_column(group: GroupBy) -> &'static str {
    match group {
        GroupBy::Provider => "provider",
        GroupBy::Model => "model",
        GroupBy::ApiKey => "api_key_id",
        GroupBy::Account => "account_id",
    }
}

fn group_key(row: &QueryResult, group: Option<GroupBy>) -> Result<GroupKey, DbErr> {
    let key = match group {
        None => GroupKey::All,
        Some(GroupBy::Provider | GroupBy::Model) => {
            let name: String = row.try_get("", "grp")?;
            if name.is_empty() {
                GroupKey::Missing
            } else {
                GroupKey::Name(name)
            }
        }
        Some(GroupBy::ApiKey | GroupBy::Account) => {
            let id: Uuid = row.try_get("", "grp")?;
            if id.is_nil() {
                GroupKey::Missing
            } else {
                GroupKey::Id(id)
            }
        }
    };
    Ok(key)
}

fn totals(row: &QueryResult) -> Result<Totals, DbErr> {
    let get = |name: &str| -> Result<i64, DbErr> {
        Ok(row.try_get::<Option<i64>>("", name)?.unwrap_or(0))
    };
    let mut latency = Histogram::default();
    for (count, name) in latency.0.iter_mut().zip(COLUMNS) {
        *count = get(name)?;
    }
    let [
        requests,
        errors,
        prompt,
        completion,
        cached,
        reasoning,
        cost,
        latency_sum,
    ] = SUMMED;
    Ok(Totals {
        requests: get(requests)?,
        errors: get(errors)?,
        prompt_tokens: get(prompt)?,
        completion_tokens: get(completion)?,
        cached_tokens: get(cached)?,
        reasoning_tokens: get(reasoning)?,
        cost_nanos: get(cost)?,
        latency_ms_sum: get(latency_sum)?,
        latency,
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn day_buckets_start_at_local_midnight() {
        let from = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).unwrap();
        let range = Range::new(from, from + TimeDelta::hours(30)).unwrap();
        // UTC+7: 20:00 UTC is 03:00 on the 26th, whose midnight is 17:00 UTC on the 25th.
        let starts = bucket_starts(
            range,
            Bucket::Day {
                utc_offset_minutes: 7 * 60,
            },
        );
        let first = Utc.with_ymd_and_hms(2026, 11, 25, 17, 0, 0).unwrap();
        assert_eq!(starts, vec![first, first + TimeDelta::days(1)]);
        assert_eq!(bucket_starts(range, Bucket::Hour).len(), 30);
    }
}
