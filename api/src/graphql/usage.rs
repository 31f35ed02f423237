//! The usage dashboard: totals and series from the hourly rollups, and request logs. Every
//! resolver reads through the signed-in user's [`UsageReader`](super::context::usage::UsageReader).

use async_graphql::{Context, Object};
use chrono::{TimeDelta, Utc};
use entities::usage_queries::{Bucket, Cursor, Totals};
use uuid::Uuid;

use super::context::reader;
use super::error::{ApiError, ApiResult};
use super::usage_types::{
    RequestLog, RequestLogFilter, RequestLogPage, UsageBucket, UsageFilter, UsageGroup,
    UsageGroupTotals, UsagePoint, UsageRange, UsageSeries, UsageSeriesGroup, UsageSummary,
    UsageTotals, group_fields,
};

/// Hourly series read hourly rollups only (dozens of rows an hour for a busy user); beyond a
/// week and a day, ask for days, which read the daily rollups.
const MAX_HOURLY_DAYS: i64 = 8;
const MAX_PAGE: i32 = 200;

#[derive(Default)]
pub struct UsageQuery;

#[Object]
impl UsageQuery {
    /// Totals over a range, and per group (busiest first) when `groupBy` is given.
    async fn usage_summary(
        &self,
        ctx: &Context<'_>,
        range: UsageRange,
        group_by: Option<UsageGroup>,
        filter: Option<UsageFilter>,
    ) -> async_graphql::Result<UsageSummary> {
        let usage = reader(ctx)?.usage();
        let range = range.resolve(Utc::now())?;
        let filter = usage.check(filter.unwrap_or_default().into()).await?;
        let group = group_by.map(Into::into);
        let rows = usage.summary(range, &filter, group).await?;
        let labels = usage.labels(group).await?;
        let mut totals = Totals::default();
        for (_, t) in &rows {
            totals.merge(t);
        }
        let groups = match group {
            None => Vec::new(),
            Some(_) => rows
                .iter()
                .map(|(key, t)| {
                    let (group, label) = group_fields(key, &labels);
                    UsageGroupTotals {
                        group,
                        label,
                        totals: UsageTotals::from(t),
                    }
                })
                .collect(),
        };
        Ok(UsageSummary {
            from: range.from,
            to: range.to,
            totals: UsageTotals::from(&totals),
            groups,
        })
    }

    /// Points per hour (ranges up to 8 days) or per day, one series per group. Days start at
    /// local midnight `utcOffsetMinutes` from UTC (whole hours, e.g. 420 for WIB).
    async fn usage_series(
        &self,
        ctx: &Context<'_>,
        range: UsageRange,
        bucket: UsageBucket,
        group_by: Option<UsageGroup>,
        filter: Option<UsageFilter>,
        // Optional rather than `Int!`: a nullable variable may stand for it (and be null).
        #[graphql(default = 0)] utc_offset_minutes: Option<i32>,
    ) -> async_graphql::Result<UsageSeries> {
        let usage = reader(ctx)?.usage();
        let range = range.resolve(Utc::now())?;
        let width = bucket_of(bucket, utc_offset_minutes.unwrap_or(0), range.span())?;
        let filter = usage.check(filter.unwrap_or_default().into()).await?;
        let group = group_by.map(Into::into);
        let series = usage.series(range, &filter, group, width).await?;
        let labels = usage.labels(group).await?;
        let series = series
            .iter()
            .map(|s| {
                let (group, label) = group_fields(&s.group, &labels);
                let points = s
                    .points
                    .iter()
                    .map(|(at, t)| UsagePoint {
                        at: *at,
                        totals: UsageTotals::from(t),
                    })
                    .collect();
                UsageSeriesGroup {
                    group,
                    label,
                    points,
                }
            })
            .collect();
        Ok(UsageSeries {
            from: range.from,
            to: range.to,
            bucket,
            series,
        })
    }

    /// Requests, newest first: `first` (1–200) after the `after` cursor of the previous page.
    async fn request_logs(
        &self,
        ctx: &Context<'_>,
        filter: Option<RequestLogFilter>,
        #[graphql(default = 50)] first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<RequestLogPage> {
        let usage = reader(ctx)?.usage();
        let first = first.unwrap_or(50);
        if !(1..=MAX_PAGE).contains(&first) {
            return Err(ApiError::BadInput(format!("`first` must be 1 to {MAX_PAGE}.")).into());
        }
        let after = after
            .as_deref()
            .map(Cursor::decode)
            .transpose()
            .map_err(ApiError::from)?;
        let filter = filter.unwrap_or_default().into_query()?;
        let filter = usage.check_logs(filter).await?;
        let limit = u64::try_from(first).unwrap_or(1);
        let page = usage.logs(&filter, after, limit).await?;
        Ok(RequestLogPage {
            items: page.rows.iter().map(RequestLog::from).collect(),
            next_cursor: page.next.map(|c| c.encode()),
        })
    }

    /// One request by its id (the `x-request-id` header of its answer).
    async fn request_log(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<RequestLog> {
        let usage = reader(ctx)?.usage();
        Ok(RequestLog::from(&usage.log(id).await?))
    }
}

fn bucket_of(bucket: UsageBucket, utc_offset_minutes: i32, span: TimeDelta) -> ApiResult<Bucket> {
    if utc_offset_minutes % 60 != 0 || !(-12 * 60..=14 * 60).contains(&utc_offset_minutes) {
        return Err(ApiError::BadInput(
            "`utcOffsetMinutes` must be whole hours between -720 and 840.".to_owned(),
        ));
    }
    match bucket {
        UsageBucket::Hour if span > TimeDelta::days(MAX_HOURLY_DAYS) => Err(ApiError::BadInput(
            format!("Hourly series cover at most {MAX_HOURLY_DAYS} days; use DAY."),
        )),
        UsageBucket::Hour => Ok(Bucket::Hour),
        UsageBucket::Day => Ok(Bucket::Day { utc_offset_minutes }),
    }
}
