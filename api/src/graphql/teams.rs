//! Teams in GraphQL: the viewer's teams, the current workspace's team with its members and
//! seats, and the changes its owner and admins make. The workspace a request works in is
//! named by the `x-satu-workspace` header (see `workspace.rs`).

use async_graphql::{ComplexObject, Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::team_members::Role;
use entities::teams;
use proxy::bus::Message;
use proxy::limits::period;
use uuid::Uuid;

use super::context::{deps, reader, writer};
use super::error::ApiError;
use super::types::Plan;
use super::usage_types::usd;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TeamRole {
    Owner,
    Admin,
    Member,
}

impl TeamRole {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            TeamRole::Owner => "owner",
            TeamRole::Admin => "admin",
            TeamRole::Member => "member",
        }
    }
}

impl From<Role> for TeamRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Owner => TeamRole::Owner,
            Role::Admin => TeamRole::Admin,
            Role::Member => TeamRole::Member,
        }
    }
}

/// A shared workspace: its connections, routing, keys and quota belong to the team.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Team {
    pub id: Uuid,
    pub name: String,
    /// The viewer's role in it.
    pub role: TeamRole,
    pub created_at: DateTime<Utc>,
    /// The team's monthly cost budget in US dollars (estimated from catalog prices); null:
    /// none.
    pub budget_usd: Option<f64>,
    /// Enterprise: members sign in with Google from this Workspace domain; null: any sign-in.
    pub google_domain: Option<String>,
    #[graphql(skip)]
    model: teams::Model,
}

impl Team {
    pub(crate) fn new(team: &teams::Model, role: Role) -> Self {
        Self {
            id: team.id,
            name: team.name.clone(),
            role: role.into(),
            created_at: team.created_at,
            budget_usd: team.budget_nanos.map(usd),
            google_domain: team.google_domain.clone(),
            model: team.clone(),
        }
    }
}

#[ComplexObject]
impl Team {
    async fn plan(&self, ctx: &Context<'_>) -> async_graphql::Result<Plan> {
        let user = reader(ctx)?;
        Ok(Plan::from(&user.plan(&self.model.plan_id).await?))
    }

    /// The current monthly period (the team's quota and budget count within it).
    async fn period(&self) -> TeamPeriod {
        let p = period::containing(self.model.billing_anchor_at, Utc::now());
        TeamPeriod {
            start: p.start,
            end: p.end,
        }
    }

    /// Slack notifications: whether a webhook is set, and how the newest message went; null
    /// for a plain member (owners and admins manage them).
    async fn slack(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<TeamSlack>> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        if !user.scope.manages() {
            return Ok(None);
        }
        let latest = user.latest_notice(self.id).await?;
        Ok(Some(TeamSlack {
            configured: self.model.slack_webhook_sealed.is_some(),
            latest: latest.map(|n| SlackNotice {
                kind: n.kind,
                status: n.status,
                attempts: n.attempts,
                last_error: n.last_error,
                created_at: n.created_at,
                sent_at: n.sent_at,
            }),
        }))
    }

    /// The whole team's requests this period.
    async fn requests_this_period(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        Ok(user.team_period_totals(&self.model).await?.0)
    }

    /// The whole team's estimated cost this period, US dollars.
    async fn cost_usd_this_period(&self, ctx: &Context<'_>) -> async_graphql::Result<f64> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        Ok(usd(user.team_period_totals(&self.model).await?.1))
    }

    /// Members, the earliest to join first.
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<TeamMember>> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        let activity = user.member_activity(&self.model).await?;
        Ok(user
            .team_members(self.id)
            .await?
            .into_iter()
            .map(|row| {
                let limits = row.member.limits();
                // A plain member sees the others' activity as null.
                let visible = user.scope.manages() || row.user.id == user.user_id;
                let seen = visible.then(|| activity.get(&row.user.id).copied().unwrap_or_default());
                let seen = seen.as_ref();
                TeamMember {
                    user_id: row.user.id,
                    email: row.user.email,
                    display_name: row.user.display_name,
                    role: row.member.role().into(),
                    joined_at: row.member.joined_at,
                    monthly_requests_limit: limits.monthly_requests,
                    requests_per_minute_limit: limits.rpm,
                    budget_usd: limits.budget_nanos.map(usd),
                    requests_this_period: seen.map(|a| a.requests),
                    cost_usd_this_period: seen.map(|a| usd(a.cost_nanos)),
                    last_active_at: seen.and_then(|a| a.last_active_at),
                }
            })
            .collect())
    }

    /// Seats taken (members).
    async fn seats_used(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        let (taken, _) = user.seats(self.id).await?;
        Ok(i32::try_from(taken).unwrap_or(i32::MAX))
    }

    /// Seats the plan has; null: unlimited.
    async fn seats_max(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<i32>> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        Ok(user.seats(self.id).await?.1)
    }
}

impl Team {
    /// A team's details are read in its own workspace, like its other rows.
    fn check_visible(&self, user: &super::context::UserCtx<'_>) -> async_graphql::Result<()> {
        if user.workspace().team_id() == Some(self.id) {
            Ok(())
        } else {
            Err(ApiError::BadInput("Switch to the team to see its members.".to_owned()).into())
        }
    }
}

#[derive(SimpleObject)]
pub struct TeamMember {
    pub user_id: Uuid,
    pub email: String,
    pub display_name: Option<String>,
    pub role: TeamRole,
    pub joined_at: DateTime<Utc>,
    /// Limits an admin set for this member; null: none beyond the team's.
    pub monthly_requests_limit: Option<i64>,
    pub requests_per_minute_limit: Option<i64>,
    pub budget_usd: Option<f64>,
    /// This period's requests and estimated cost with the member's team keys, and their last
    /// use (null for others when you are a plain member).
    pub requests_this_period: Option<i64>,
    pub cost_usd_this_period: Option<f64>,
    pub last_active_at: Option<DateTime<Utc>>,
}

#[derive(SimpleObject)]
pub struct TeamSlack {
    pub configured: bool,
    pub latest: Option<SlackNotice>,
}

/// One message to the team's Slack webhook.
#[derive(SimpleObject)]
pub struct SlackNotice {
    /// `quota`, `budget`, `connection_expired` or `test`.
    pub kind: String,
    /// `queued` (retries pending), `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(SimpleObject)]
pub struct TeamPeriod {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

#[derive(Default)]
pub struct TeamsQuery;

#[Object]
impl TeamsQuery {
    /// The teams you belong to, oldest first.
    async fn teams(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Team>> {
        let user = reader(ctx)?;
        Ok(user
            .teams()
            .await?
            .iter()
            .map(|(team, role)| Team::new(team, *role))
            .collect())
    }

    /// The team of the workspace this request works in; null in your own.
    async fn current_team(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Team>> {
        let user = reader(ctx)?;
        Ok(user
            .current_team()
            .await?
            .map(|(team, role)| Team::new(&team, role)))
    }
}

#[derive(Default)]
pub struct TeamsMutation;

#[Object]
impl TeamsMutation {
    /// A new team owned by you, on your plan (Team or Enterprise).
    async fn create_team(&self, ctx: &Context<'_>, name: String) -> async_graphql::Result<Team> {
        let user = writer(ctx)?;
        let team = user.create_team(&name).await?;
        Ok(Team::new(&team, Role::Owner))
    }

    /// Renames the current workspace's team (owner and admins).
    async fn rename_team(&self, ctx: &Context<'_>, name: String) -> async_graphql::Result<Team> {
        let user = writer(ctx)?;
        let team = user.rename_team(&name).await?;
        let role = user.scope.role.unwrap_or(Role::Member);
        Ok(Team::new(&team, role))
    }

    /// Makes a member an admin or a member again.
    async fn set_team_member_role(
        &self,
        ctx: &Context<'_>,
        user_id: Uuid,
        role: TeamRole,
    ) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        user.set_member_role(user_id, role.as_str()).await?;
        Ok(true)
    }

    /// Removes a member: their keys of the team stop working on every replica at once.
    async fn remove_team_member(
        &self,
        ctx: &Context<'_>,
        user_id: Uuid,
    ) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        let revoked = user.remove_member(user_id).await?;
        announce_revoked(ctx, revoked).await;
        Ok(true)
    }

    /// Leaves the current workspace's team (its owner hands it over first).
    async fn leave_team(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        let revoked = user.leave_team().await?;
        announce_revoked(ctx, revoked).await;
        Ok(true)
    }

    /// Makes another member the owner; you become an admin.
    async fn transfer_team_ownership(
        &self,
        ctx: &Context<'_>,
        user_id: Uuid,
    ) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        user.transfer_team(user_id).await?;
        Ok(true)
    }
}

async fn announce_revoked(ctx: &Context<'_>, hashes: Vec<String>) {
    let bus = &deps(ctx).bus;
    for key_hash in hashes {
        bus.publish(Message::KeyRevoked { key_hash }).await;
    }
}
