//! The Analytics section: the sign-up funnel, weekly cohort retention, and the providers and
//! models people use.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Duration, Utc};
use entities::admin_analytics;

use super::access::AdminSection;
use crate::graphql::context::admin::admin_reader;
use crate::graphql::error::ApiResult;

/// Of the users who signed up over the window, how many reached each step (each step counts
/// only those who made the ones before it).
#[derive(SimpleObject)]
pub struct SignUpFunnel {
    pub signed_up: u64,
    pub connected: u64,
    pub requested: u64,
    pub paid: u64,
}

#[derive(SimpleObject)]
pub struct WeeklyCohort {
    /// Monday 00:00 UTC.
    pub week_start: DateTime<Utc>,
    pub users: u64,
    /// Users of the cohort who sent requests in each week from their sign-up week on.
    pub active_by_week: Vec<u64>,
}

#[derive(SimpleObject)]
pub struct UsageShare {
    pub name: String,
    pub requests: i64,
}

#[derive(SimpleObject)]
pub struct AdminAnalytics {
    pub funnel: SignUpFunnel,
    pub cohorts: Vec<WeeklyCohort>,
    pub providers: Vec<UsageShare>,
    /// The 20 most used models.
    pub models: Vec<UsageShare>,
}

#[derive(Default)]
pub struct AdminAnalyticsQuery;

#[Object]
impl AdminAnalyticsQuery {
    /// Over the last `days` days (1–366; the funnel's sign-ups and the popularity), and the
    /// last `weeks` weekly cohorts (1–26).
    async fn admin_analytics(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 30)] days: i64,
        #[graphql(default = 8)] weeks: i64,
    ) -> async_graphql::Result<AdminAnalytics> {
        let admin = admin_reader(ctx, AdminSection::Analytics).await?;
        Ok(analytics(admin.db(), days.clamp(1, 366), weeks.clamp(1, 26)).await?)
    }
}

async fn analytics(
    db: &sea_orm::DatabaseConnection,
    days: i64,
    weeks: i64,
) -> ApiResult<AdminAnalytics> {
    let now = Utc::now();
    let since = now - Duration::days(days);
    let funnel = admin_analytics::funnel(db, since).await?;
    let shares = |rows: Vec<(String, i64)>| {
        rows.into_iter()
            .map(|(name, requests)| UsageShare { name, requests })
            .collect()
    };
    Ok(AdminAnalytics {
        funnel: SignUpFunnel {
            signed_up: funnel.signed_up,
            connected: funnel.connected,
            requested: funnel.requested,
            paid: funnel.paid,
        },
        cohorts: admin_analytics::cohorts(db, now, weeks)
            .await?
            .into_iter()
            .map(|c| WeeklyCohort {
                week_start: c.week_start,
                users: c.users,
                active_by_week: c.active,
            })
            .collect(),
        providers: shares(admin_analytics::popularity(db, false, since, 20).await?),
        models: shares(admin_analytics::popularity(db, true, since, 20).await?),
    })
}
