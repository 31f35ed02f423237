//! The Analytics section's reads: the sign-up → connection → request → paid funnel, weekly
//! cohort retention, and which providers and models are used.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use crate::billing::invoices;
use crate::{provider_accounts, usage_hourly, users};

/// How many of the users who signed up since `since` went on to each step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Funnel {
    pub signed_up: u64,
    pub connected: u64,
    pub requested: u64,
    pub paid: u64,
}

pub async fn funnel(db: &impl ConnectionTrait, since: DateTime<Utc>) -> Result<Funnel, DbErr> {
    let cohort: Vec<Uuid> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .filter(users::Column::CreatedAt.gte(since))
        .into_tuple()
        .all(db)
        .await?;
    let connected: HashSet<Uuid> = provider_accounts::Entity::find()
        .select_only()
        .column(provider_accounts::Column::UserId)
        .filter(provider_accounts::Column::UserId.is_in(cohort.iter().copied()))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let requested = active_users(db, &cohort, since).await?;
    let paid: HashSet<Uuid> = invoices::Entity::find()
        .select_only()
        .column(invoices::Column::UserId)
        .filter(invoices::Column::UserId.is_in(cohort.iter().copied()))
        .filter(invoices::Column::PaidAt.is_not_null())
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    // Each step counts only those who also made the steps before it.
    let connected_ids: Vec<&Uuid> = cohort.iter().filter(|u| connected.contains(u)).collect();
    let requested_ids: Vec<&&Uuid> = connected_ids
        .iter()
        .filter(|u| requested.contains(**u))
        .collect();
    let paid_count = requested_ids.iter().filter(|u| paid.contains(***u)).count();
    Ok(Funnel {
        signed_up: cohort.len() as u64,
        connected: connected_ids.len() as u64,
        requested: requested_ids.len() as u64,
        paid: paid_count as u64,
    })
}

/// Which of `ids` sent a request (in their own workspace) since `since`.
async fn active_users(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    since: DateTime<Utc>,
) -> Result<HashSet<Uuid>, DbErr> {
    let rows: Vec<Uuid> = usage_hourly::Entity::find()
        .select_only()
        .column(usage_hourly::Column::UserId)
        .distinct()
        .filter(usage_hourly::Column::UserId.is_in(ids.iter().copied()))
        .filter(usage_hourly::Column::Hour.gte(since))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

/// Users who signed up in one week, and how many of them sent requests in each week since
/// (week 0 is the sign-up week).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cohort {
    pub week_start: DateTime<Utc>,
    pub users: u64,
    pub active: Vec<u64>,
}

/// The last `weeks` weekly cohorts (weeks start on Monday, 00:00 UTC), oldest first.
pub async fn cohorts(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    weeks: i64,
) -> Result<Vec<Cohort>, DbErr> {
    let this_week = week_start(now);
    let first = this_week - Duration::weeks(weeks - 1);
    let signed_up: Vec<(Uuid, DateTime<Utc>)> = users::Entity::find()
        .select_only()
        .column(users::Column::Id)
        .column(users::Column::CreatedAt)
        .filter(users::Column::CreatedAt.gte(first))
        .into_tuple()
        .all(db)
        .await?;
    let ids: Vec<Uuid> = signed_up.iter().map(|(id, _)| *id).collect();
    // The weeks each of them was active in.
    let hours: Vec<(Uuid, DateTime<Utc>)> = usage_hourly::Entity::find()
        .select_only()
        .column(usage_hourly::Column::UserId)
        .column(usage_hourly::Column::Hour)
        .distinct()
        .filter(usage_hourly::Column::UserId.is_in(ids))
        .filter(usage_hourly::Column::Hour.gte(first))
        .into_tuple()
        .all(db)
        .await?;
    let mut active_weeks: HashMap<Uuid, HashSet<DateTime<Utc>>> = HashMap::new();
    for (user, hour) in hours {
        active_weeks
            .entry(user)
            .or_default()
            .insert(week_start(hour));
    }
    let cohorts = (0..weeks)
        .map(|n| {
            let start = first + Duration::weeks(n);
            let members: Vec<Uuid> = signed_up
                .iter()
                .filter(|(_, at)| week_start(*at) == start)
                .map(|(id, _)| *id)
                .collect();
            let active = (0..weeks - n)
                .map(|k| {
                    let week = start + Duration::weeks(k);
                    members
                        .iter()
                        .filter(|u| active_weeks.get(u).is_some_and(|w| w.contains(&week)))
                        .count() as u64
                })
                .collect();
            Cohort {
                week_start: start,
                users: members.len() as u64,
                active,
            }
        })
        .collect();
    Ok(cohorts)
}

/// Monday 00:00 UTC of `at`'s week.
pub fn week_start(at: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::{Datelike, NaiveTime};
    let day = at.date_naive() - Duration::days(i64::from(at.weekday().num_days_from_monday()));
    day.and_time(NaiveTime::MIN).and_utc()
}

/// Requests per provider or per model since `since`, most used first (at most `limit`).
pub async fn popularity(
    db: &impl ConnectionTrait,
    by_model: bool,
    since: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<(String, i64)>, DbErr> {
    #[derive(FromQueryResult)]
    struct Row {
        name: String,
        requests: Option<i64>,
    }
    let column = if by_model {
        usage_hourly::Column::Model
    } else {
        usage_hourly::Column::Provider
    };
    let total = Func::cast_as(
        Func::sum(Expr::col(usage_hourly::Column::Requests)),
        "BIGINT",
    );
    let rows = usage_hourly::Entity::find()
        .select_only()
        .column_as(column, "name")
        .expr_as(total.clone(), "requests")
        .filter(usage_hourly::Column::Hour.gte(since))
        .filter(column.ne(""))
        .group_by(column)
        .order_by_desc(total)
        .limit(limit)
        .into_model::<Row>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.name, r.requests.unwrap_or(0)))
        .collect())
}
