//! Plans, and the signed-in user's plan with what this period has used of it.

use async_graphql::{Context, Object};
use chrono::Utc;
use entities::plans;
use proxy::limits::period;

use super::context::{deps, reader};
use super::error::ApiError;
use super::types::{MyPlan, Plan};

#[derive(Default)]
pub struct PlansQuery;

#[Object]
impl PlansQuery {
    /// Every plan, cheapest first (public: the pricing page reads it).
    async fn plans(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Plan>> {
        let plans = plans::list(&deps(ctx).db).await.map_err(ApiError::from)?;
        Ok(plans.iter().map(Plan::from).collect())
    }

    async fn my_plan(&self, ctx: &Context<'_>) -> async_graphql::Result<MyPlan> {
        let user = reader(ctx)?;
        let me = user.user().await?;
        let plan = user.plan(&me.plan_id).await?;
        let anchor = me.billing_anchor_at.unwrap_or(me.created_at);
        let now = Utc::now();
        let current = period::containing(anchor, now);
        let used = user
            .served_requests_between(current.start, current.end)
            .await?;
        let counted = user.connection_counts().await?;
        Ok(MyPlan {
            period_start: current.start,
            period_end: current.end,
            requests_used: used,
            requests_limit: me.monthly_requests_limit.or(plan.monthly_requests),
            requests_per_minute: me.rpm_limit.or(plan.requests_per_minute),
            tokens_per_minute: me.tpm_limit.or(plan.tokens_per_minute),
            providers_used: counted.providers,
            oauth_accounts_used: counted.oauth_accounts,
            plan: Plan::from(&plan),
        })
    }
}
