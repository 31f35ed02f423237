//! The Overview section: users by plan, MRR and subscriptions, churn, request volume, recent
//! sign-ups and plan changes.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{Duration, Utc};
use entities::{admin_kpis, admin_users, users};
use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::access::AdminSection;
use super::types::AdminUser;
use crate::graphql::context::admin::admin_reader;
use crate::graphql::error::ApiResult;

#[derive(SimpleObject)]
pub struct PlanUsers {
    pub plan_id: String,
    pub users: i64,
}

/// Of a plan's paying users 30 days ago, how many pay nothing now.
#[derive(SimpleObject)]
pub struct PlanChurn {
    pub plan_id: String,
    pub subscribers_at_start: u64,
    pub lost: u64,
    /// `lost / subscribersAtStart` (0 without subscribers).
    pub rate: f64,
}

#[derive(SimpleObject)]
pub struct RequestCounts {
    #[graphql(name = "last24h")]
    pub last_24h: i64,
    #[graphql(name = "last7d")]
    pub last_7d: i64,
    #[graphql(name = "last30d")]
    pub last_30d: i64,
}

#[derive(SimpleObject)]
pub struct PlanChangeEvent {
    pub user_id: Uuid,
    pub email: Option<String>,
    pub from_plan: String,
    pub to_plan: String,
    pub at: chrono::DateTime<Utc>,
}

#[derive(SimpleObject)]
pub struct AdminOverview {
    pub users_by_plan: Vec<PlanUsers>,
    /// Monthly recurring revenue, Rupiah before PPN: the plan lines of the paid invoices
    /// behind every running period.
    pub mrr_idr: i64,
    pub active_subscriptions: u64,
    /// Monthly churn by plan (the last 30 days).
    pub churn: Vec<PlanChurn>,
    pub requests: RequestCounts,
    pub recent_sign_ups: Vec<AdminUser>,
    pub recent_plan_changes: Vec<PlanChangeEvent>,
}

#[derive(Default)]
pub struct AdminOverviewQuery;

#[Object]
impl AdminOverviewQuery {
    async fn admin_overview(&self, ctx: &Context<'_>) -> async_graphql::Result<AdminOverview> {
        let admin = admin_reader(ctx, AdminSection::Overview).await?;
        Ok(overview(admin.db()).await?)
    }
}

async fn overview(db: &sea_orm::DatabaseConnection) -> ApiResult<AdminOverview> {
    let now = Utc::now();
    let (mrr_idr, active) = admin_kpis::mrr(db, now).await?;
    let requests_since = |days: i64| async move {
        let totals = admin_users::usage_totals(db, None, now - Duration::days(days)).await?;
        ApiResult::Ok(totals.requests.unwrap_or(0))
    };
    let recent = users::Entity::find()
        .order_by_desc(users::Column::CreatedAt)
        .limit(10)
        .all(db)
        .await?;
    let changes = admin_kpis::recent_plan_changes(db, 10).await?;
    let ids: Vec<Uuid> = changes.iter().map(|p| p.user_id).collect();
    let emails = admin_users::emails(db, &ids).await?;
    Ok(AdminOverview {
        users_by_plan: admin_users::count_by_plan(db)
            .await?
            .into_iter()
            .map(|(plan_id, users)| PlanUsers { plan_id, users })
            .collect(),
        mrr_idr,
        active_subscriptions: active,
        churn: admin_kpis::churn(db, now, 30)
            .await?
            .into_iter()
            .map(|c| PlanChurn {
                rate: if c.at_start == 0 {
                    0.0
                } else {
                    c.lost as f64 / c.at_start as f64
                },
                plan_id: c.plan_id,
                subscribers_at_start: c.at_start,
                lost: c.lost,
            })
            .collect(),
        requests: RequestCounts {
            last_24h: requests_since(1).await?,
            last_7d: requests_since(7).await?,
            last_30d: requests_since(30).await?,
        },
        recent_sign_ups: recent.iter().map(|u| AdminUser::new(u, None, 0)).collect(),
        recent_plan_changes: changes
            .into_iter()
            .map(|p| PlanChangeEvent {
                email: emails.get(&p.user_id).cloned(),
                user_id: p.user_id,
                from_plan: p.previous_plan_id,
                to_plan: p.plan_id,
                at: p.starts_at,
            })
            .collect(),
    })
}
