//! Teams in GraphQL: the viewer's teams, the current workspace's team with its members and
//! seats, and the changes its owner and admins make. The workspace a request works in is
//! named by the `x-satu-workspace` header (see `workspace.rs`).

use async_graphql::{ComplexObject, Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::team_members::Role;
use entities::teams;
use proxy::bus::Message;
use uuid::Uuid;

use super::context::{deps, reader, writer};
use super::types::Plan;

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TeamRole {
    Owner,
    Admin,
    Member,
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
    #[graphql(skip)]
    plan_id: String,
}

impl Team {
    fn new(team: &teams::Model, role: Role) -> Self {
        Self {
            id: team.id,
            name: team.name.clone(),
            role: role.into(),
            created_at: team.created_at,
            plan_id: team.plan_id.clone(),
        }
    }
}

#[ComplexObject]
impl Team {
    async fn plan(&self, ctx: &Context<'_>) -> async_graphql::Result<Plan> {
        let user = reader(ctx)?;
        Ok(Plan::from(&user.plan(&self.plan_id).await?))
    }

    /// Members, the earliest to join first.
    async fn members(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<TeamMember>> {
        let user = reader(ctx)?;
        self.check_visible(&user)?;
        Ok(user
            .team_members(self.id)
            .await?
            .into_iter()
            .map(|row| TeamMember {
                user_id: row.user.id,
                email: row.user.email,
                display_name: row.user.display_name,
                role: row.member.role().into(),
                joined_at: row.member.joined_at,
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
            Err(super::error::ApiError::BadInput(
                "Switch to the team to see its members.".to_owned(),
            )
            .into())
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
        let role = match role {
            TeamRole::Owner => "owner",
            TeamRole::Admin => "admin",
            TeamRole::Member => "member",
        };
        user.set_member_role(user_id, role).await?;
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
