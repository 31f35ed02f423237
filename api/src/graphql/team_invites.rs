//! Team invites in GraphQL: the current team's open invites and the owner's and admins'
//! changes to them; for the invitee, what a link offers (no sign-in needed) and accepting it,
//! signed in with the invited address or signing up on the way.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{team_invites, teams, users};
use uuid::Uuid;

use super::account::start_session;
use super::context::{deps, meta, reader, require_post, writer};
use super::error::ApiError;
use super::teams::{Team, TeamRole};
use super::types::AuthPayload;
use entities::team_members::Role;

#[derive(SimpleObject)]
pub struct TeamInvite {
    pub id: Uuid,
    pub email: String,
    pub role: TeamRole,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl From<&team_invites::Model> for TeamInvite {
    fn from(i: &team_invites::Model) -> Self {
        Self {
            id: i.id,
            email: i.email.clone(),
            role: i.role().into(),
            created_at: i.created_at,
            expires_at: i.expires_at,
        }
    }
}

/// What an invite link offers, for the page that accepts it.
#[derive(SimpleObject)]
pub struct InvitePreview {
    pub team_name: String,
    /// Only this address can accept.
    pub email: String,
    pub role: TeamRole,
    pub expires_at: DateTime<Utc>,
    /// The address has an account: sign in to accept; otherwise sign up on the way.
    pub account_exists: bool,
}

#[derive(Default)]
pub struct TeamInvitesQuery;

#[Object]
impl TeamInvitesQuery {
    /// The current team's open invites, newest first (owner and admins).
    async fn team_invites(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<TeamInvite>> {
        let user = reader(ctx)?;
        Ok(user
            .team_invites()
            .await?
            .iter()
            .map(TeamInvite::from)
            .collect())
    }

    /// What the invite behind a link's token offers; null when it is unknown, used, revoked
    /// or expired. Needs no sign-in.
    async fn team_invite(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> async_graphql::Result<Option<InvitePreview>> {
        let db = &deps(ctx).db;
        let Some(invite) = team_invites::peek(db, &token)
            .await
            .map_err(ApiError::from)?
        else {
            return Ok(None);
        };
        let team = teams::find(db, invite.team_id)
            .await
            .map_err(ApiError::from)?;
        let account_exists = users::find_by_email(db, &invite.email).await.is_ok();
        Ok(Some(InvitePreview {
            team_name: team.name,
            email: invite.email.clone(),
            role: invite.role().into(),
            expires_at: invite.expires_at,
            account_exists,
        }))
    }
}

#[derive(Default)]
pub struct TeamInvitesMutation;

#[Object]
impl TeamInvitesMutation {
    /// Invites `email` to the current team as `role` (ADMIN or MEMBER) and mails the link.
    /// A seat must be free for every open invite.
    async fn invite_team_member(
        &self,
        ctx: &Context<'_>,
        email: String,
        #[graphql(default_with = "TeamRole::Member")] role: TeamRole,
    ) -> async_graphql::Result<TeamInvite> {
        let user = writer(ctx)?;
        let sealer = &deps(ctx).connections.sealer;
        let invite = user.invite_member(sealer, &email, role.as_str()).await?;
        Ok(TeamInvite::from(&invite))
    }

    /// Mails a new link, valid 7 more days; the old link stops working.
    async fn resend_team_invite(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<TeamInvite> {
        let user = writer(ctx)?;
        let sealer = &deps(ctx).connections.sealer;
        Ok(TeamInvite::from(&user.resend_invite(sealer, id).await?))
    }

    async fn revoke_team_invite(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<TeamInvite> {
        let user = writer(ctx)?;
        Ok(TeamInvite::from(&user.revoke_invite(id).await?))
    }

    /// Accepts an invite sent to your address; answers the team you joined.
    async fn accept_team_invite(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> async_graphql::Result<Team> {
        let user = writer(ctx)?;
        let team = user.accept_invite(&token).await?;
        let role = user
            .teams()
            .await?
            .into_iter()
            .find(|(t, _)| t.id == team.id)
            .map_or(Role::Member, |(_, role)| role);
        Ok(Team::new(&team, role))
    }

    /// Signs up with the invited address and accepts, signing you in. An address that has
    /// an account signs in and uses `acceptTeamInvite` instead.
    async fn accept_team_invite_with_sign_up(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
        display_name: Option<String>,
        locale: Option<String>,
        #[graphql(default = false)] issue_token: bool,
    ) -> async_graphql::Result<AuthPayload> {
        require_post(ctx)?;
        let d = deps(ctx);
        let c = &d.config;
        let _counted = d
            .attempts
            .check(
                "invite_signup",
                meta(ctx).ip.as_deref(),
                &token,
                c.attempts_per_ip,
                c.attempts_per_email,
            )
            .await?;
        let profile = users::Profile {
            display_name,
            locale,
        };
        let accepted = services::teams::accept_as_new_user(&d.db, &token, password, profile);
        let (user, _) = accepted.await.map_err(ApiError::from)?;
        Ok(start_session(ctx, d, &user, issue_token).await?)
    }
}
