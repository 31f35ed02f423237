//! Plans, and the signed-in user's plan with what this period has used of it.

use std::collections::BTreeSet;

use async_graphql::{Context, Object};
use chrono::Utc;
use entities::{AccountKind, AccountStatus, plans, provider_accounts, usage_events};
use proxy::limits::period;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

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
        let plan = plans::find(user.db, &me.plan_id)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::NotFound("Plan"))?;
        let anchor = me.billing_anchor_at.unwrap_or(me.created_at);
        let now = Utc::now();
        let current = period::containing(anchor, now);
        let used = usage_events::served_between(user.db, me.id, current.start, current.end)
            .await
            .map_err(ApiError::from)?;
        // What counts against the caps: not turned off, paused or removed.
        let connections: Vec<_> = provider_accounts::Entity::find()
            .filter(provider_accounts::Column::UserId.eq(me.id))
            .all(user.db)
            .await
            .map_err(ApiError::from)?
            .into_iter()
            .filter(|c| c.status().is_some_and(AccountStatus::counts_against_plan))
            .collect();
        let providers: BTreeSet<&str> = connections.iter().map(|c| c.provider.as_str()).collect();
        let oauth = connections
            .iter()
            .filter(|c| c.kind == AccountKind::OAuth.as_str())
            .count();
        Ok(MyPlan {
            period_start: current.start,
            period_end: current.end,
            requests_used: used,
            requests_limit: me.monthly_requests_limit.or(plan.monthly_requests),
            requests_per_minute: me.rpm_limit.or(plan.requests_per_minute),
            tokens_per_minute: me.tpm_limit.or(plan.tokens_per_minute),
            providers_used: i32::try_from(providers.len()).unwrap_or(i32::MAX),
            oauth_accounts_used: i32::try_from(oauth).unwrap_or(i32::MAX),
            plan: Plan::from(&plan),
        })
    }
}
