//! Totals and time series, summed from `usage_hourly` in the database (one grouped statement
//! per query), with latency percentiles from the summed histogram buckets.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, Func, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, IdenStatic, QueryResult};
use uuid::Uuid;

use super::{Filter, GroupBy, Range, Totals};
use crate::usage_hourly::{Column, Entity};
use crate::usage_latency::{BUCKETS, COLUMNS, Histogram};

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

/// Width of a series' points. Days start at midnight `utc_offset_minutes` from UTC; the API
/// allows whole hours only, since the rollups cannot be split inside an hour.
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

const SUMMED: [Column; 8] = [
    Column::Requests,
    Column::Errors,
    Column::PromptTokens,
    Column::CompletionTokens,
    Column::CachedTokens,
    Column::ReasoningTokens,
    Column::CostNanos,
    Column::LatencyMsSum,
];

/// One row per group (none when nothing happened), busiest first.
pub async fn summary(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    range: Range,
    filter: &Filter,
    group: Option<GroupBy>,
) -> Result<Vec<(GroupKey, Totals)>, DbErr> {
    let mut select = sums(user_id, range, filter);
    add_group(&mut select, group);
    let mut groups = Vec::new();
    for row in db.query_all(&select).await? {
        let totals = totals(&row)?;
        if totals.requests > 0 {
            groups.push((group_key(&row, group)?, totals));
        }
    }
    groups.sort_by(|a, b| b.1.requests.cmp(&a.1.requests).then(a.0.cmp(&b.0)));
    Ok(groups)
}

/// One series per group, busiest first, each with a point for every bucket of the range.
pub async fn series(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    range: Range,
    filter: &Filter,
    group: Option<GroupBy>,
    bucket: Bucket,
) -> Result<Vec<Series>, DbErr> {
    let mut select = sums(user_id, range, filter);
    add_group(&mut select, group);
    let at = bucket_expr(db.get_database_backend(), bucket);
    select.expr_as(at.clone(), "bucket").add_group_by([at]);
    let mut by_group: HashMap<GroupKey, BTreeMap<DateTime<Utc>, Totals>> = HashMap::new();
    for row in db.query_all(&select).await? {
        let point = bucket_start(&row, bucket)?;
        let points = by_group.entry(group_key(&row, group)?).or_default();
        points.entry(point).or_default().merge(&totals(&row)?);
    }
    let starts = bucket_starts(range, bucket);
    let mut series: Vec<(i64, Series)> = by_group
        .into_iter()
        .map(|(group, mut sparse)| {
            let requests = sparse.values().map(|t| t.requests).sum();
            let points = starts
                .iter()
                .map(|at| (*at, sparse.remove(at).unwrap_or_default()))
                .collect();
            (requests, Series { group, points })
        })
        .collect();
    series.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.group.cmp(&b.1.group)));
    Ok(series.into_iter().map(|(_, s)| s).collect())
}

/// `SELECT CAST(SUM(…) AS BIGINT) … FROM usage_hourly WHERE user, range, filter`.
fn sums(user_id: Uuid, range: Range, filter: &Filter) -> SelectStatement {
    let mut select = Query::select();
    select.from(Entity);
    let names = SUMMED.iter().map(|c| c.as_str()).chain(COLUMNS);
    for name in names {
        select.expr_as(Func::cast_as(Func::sum(Expr::col(name)), "BIGINT"), name);
    }
    select
        .and_where(Expr::col(Column::UserId).eq(user_id))
        .and_where(Expr::col(Column::Hour).gte(range.from))
        .and_where(Expr::col(Column::Hour).lt(range.to));
    let eq = |col: Column, value: Option<Expr>| value.map(|v| Expr::col(col).eq(v));
    select
        .and_where_option(eq(Column::Model, filter.model.clone().map(Expr::val)))
        .and_where_option(eq(Column::Provider, filter.provider.clone().map(Expr::val)))
        .and_where_option(eq(Column::ApiKeyId, filter.api_key_id.map(Expr::val)))
        .and_where_option(eq(Column::AccountId, filter.account_id.map(Expr::val)));
    select
}

fn group_column(group: GroupBy) -> Column {
    match group {
        GroupBy::Provider => Column::Provider,
        GroupBy::Model => Column::Model,
        GroupBy::ApiKey => Column::ApiKeyId,
        GroupBy::Account => Column::AccountId,
    }
}

fn add_group(select: &mut SelectStatement, group: Option<GroupBy>) {
    if let Some(group) = group {
        let col = group_column(group);
        select.expr_as(Expr::col(col), "grp").group_by_col(col);
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
    debug_assert_eq!(latency.0.len(), BUCKETS);
    Ok(Totals {
        requests: get(Column::Requests.as_str())?,
        errors: get(Column::Errors.as_str())?,
        prompt_tokens: get(Column::PromptTokens.as_str())?,
        completion_tokens: get(Column::CompletionTokens.as_str())?,
        cached_tokens: get(Column::CachedTokens.as_str())?,
        reasoning_tokens: get(Column::ReasoningTokens.as_str())?,
        cost_nanos: get(Column::CostNanos.as_str())?,
        latency_ms_sum: get(Column::LatencyMsSum.as_str())?,
        latency,
    })
}

/// The bucket a rollup hour belongs to. Days are computed in the database as the local
/// midnight (a timestamp without zone), so a 400-day range returns one row per day, not 9,600.
fn bucket_expr(backend: DbBackend, bucket: Bucket) -> Expr {
    let Bucket::Day { utc_offset_minutes } = bucket else {
        return Expr::col(Column::Hour);
    };
    match backend {
        DbBackend::Sqlite => Expr::cust(format!(
            "strftime('%Y-%m-%d 00:00:00', \"hour\", '{utc_offset_minutes:+} minutes')"
        )),
        _ => Expr::cust(format!(
            "date_trunc('day', (\"hour\" AT TIME ZONE 'UTC') + interval '{utc_offset_minutes} minutes')"
        )),
    }
}

fn bucket_start(row: &QueryResult, bucket: Bucket) -> Result<DateTime<Utc>, DbErr> {
    match bucket {
        Bucket::Hour => row.try_get("", "bucket"),
        Bucket::Day { utc_offset_minutes } => {
            let local: NaiveDateTime = row.try_get("", "bucket")?;
            Ok(local.and_utc() - TimeDelta::minutes(i64::from(utc_offset_minutes)))
        }
    }
}

/// Every bucket start from the one holding `range.from` up to `range.to` (exclusive).
fn bucket_starts(range: Range, bucket: Bucket) -> Vec<DateTime<Utc>> {
    let (mut at, step) = match bucket {
        Bucket::Hour => (range.from, TimeDelta::hours(1)),
        Bucket::Day { utc_offset_minutes } => {
            let offset = TimeDelta::minutes(i64::from(utc_offset_minutes));
            let local_day = (range.from + offset).date_naive();
            let midnight = local_day.and_hms_opt(0, 0, 0).unwrap_or_default();
            (midnight.and_utc() - offset, TimeDelta::days(1))
        }
    };
    let mut starts = Vec::new();
    while at < range.to {
        starts.push(at);
        at += step;
    }
    starts
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
