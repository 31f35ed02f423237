//! What a team's owner and admins set in GraphQL: members' limits, the team's budget, its
//! Slack webhook (and a test message), and the Google Workspace domain members sign in from.

use async_graphql::{Context, Object};
use entities::team_members::{MemberLimits, Role};
use proxy::bus::Message;
use uuid::Uuid;

use super::context::{deps, writer};
use super::error::ApiError;
use super::teams::Team;

#[derive(Default)]
pub struct TeamSettingsMutation;

#[Object]
impl TeamSettingsMutation {
    /// Sets what one member may use (null: no limit beyond the team's): monthly requests,
    /// requests per minute, and a monthly cost budget in US dollars.
    async fn set_team_member_limits(
        &self,
        ctx: &Context<'_>,
        user_id: Uuid,
        monthly_requests: Option<i64>,
        requests_per_minute: Option<i64>,
        budget_usd: Option<f64>,
    ) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        let limits = MemberLimits {
            monthly_requests,
            rpm: requests_per_minute,
            budget_nanos: budget_usd.map(nanos).transpose()?,
        };
        user.set_member_limits(user_id, limits).await?;
        announce_team_changed(ctx, user.workspace().id()).await;
        Ok(true)
    }

    /// Sets or clears (null) the team's monthly cost budget in US dollars; owners and admins
    /// are emailed at 50, 80 and 100 %.
    async fn set_team_budget(
        &self,
        ctx: &Context<'_>,
        budget_usd: Option<f64>,
    ) -> async_graphql::Result<Team> {
        let user = writer(ctx)?;
        let team = user
            .set_team_budget(budget_usd.map(nanos).transpose()?)
            .await?;
        announce_team_changed(ctx, team.id).await;
        Ok(Team::new(&team, user.scope.role.unwrap_or(Role::Member)))
    }

    /// Sets the team's Slack incoming-webhook URL (null or empty: turns Slack off). Quota and
    /// budget thresholds and expired connections are posted there.
    async fn set_team_slack_webhook(
        &self,
        ctx: &Context<'_>,
        url: Option<String>,
    ) -> async_graphql::Result<Team> {
        let user = writer(ctx)?;
        let d = deps(ctx);
        let allow_private = d.connections.checks.allow_private_upstreams;
        let sealer = &d.connections.sealer;
        let team = user
            .set_slack_webhook(sealer, url.as_deref(), allow_private)
            .await?;
        Ok(Team::new(&team, user.scope.role.unwrap_or(Role::Member)))
    }

    /// Requires members to sign in with Google from `domain` (Enterprise; owner only, from a
    /// session signed in so); null clears it.
    async fn set_team_google_domain(
        &self,
        ctx: &Context<'_>,
        domain: Option<String>,
    ) -> async_graphql::Result<Team> {
        let user = writer(ctx)?;
        let team = user.set_google_domain(domain.as_deref()).await?;
        Ok(Team::new(&team, Role::Owner))
    }

    /// Queues a test message to the team's Slack webhook (delivered by the worker, with
    /// retries); false when no webhook is set.
    async fn send_team_slack_test(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        Ok(user.send_slack_test().await?)
    }
}

/// Every replica reads the team's keys again: new limits apply to the next request.
async fn announce_team_changed(ctx: &Context<'_>, team_id: Uuid) {
    deps(ctx)
        .bus
        .publish(Message::PlanChanged { user_id: team_id })
        .await;
}

/// Dollars as nano-USD: finite, not negative, at most a million.
fn nanos(usd: f64) -> Result<i64, ApiError> {
    if !usd.is_finite() || !(0.0..=1_000_000.0).contains(&usd) {
        return Err(ApiError::rejected(
            "budget_invalid",
            "A budget is between 0 and 1,000,000 US dollars.",
        ));
    }
    Ok((usd * 1e9).round() as i64)
}
