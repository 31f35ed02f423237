//! The teams the viewer belongs to, and changes to the team of the current workspace: its
//! owner and admins manage members; only the owner hands the team over.

use entities::team_members::{self, Role};
use entities::{Workspace, teams, users};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::{ApiError, ApiResult};

/// A member with the person behind them.
pub(crate) struct MemberRow {
    pub member: team_members::Model,
    pub user: users::Model,
}

impl UserCtx<'_> {
    /// The viewer's teams with their role in each, oldest first.
    pub(crate) async fn teams(&self) -> ApiResult<Vec<(teams::Model, Role)>> {
        Ok(teams::of_user(self.db, self.user_id)
            .await?
            .into_iter()
            .map(|(team, member)| (team, member.role()))
            .collect())
    }

    /// The team of the current workspace; `None` in the viewer's own.
    pub(crate) async fn current_team(&self) -> ApiResult<Option<(teams::Model, Role)>> {
        let Workspace::Team(team_id) = self.workspace() else {
            return Ok(None);
        };
        let role = self.scope.role.unwrap_or(Role::Member);
        Ok(Some((teams::find(self.db, team_id).await?, role)))
    }

    /// The team of the current workspace, or an error outside one.
    fn team_id(&self) -> ApiResult<Uuid> {
        self.workspace().team_id().ok_or_else(|| {
            ApiError::BadInput(
                "Switch to the team first (the x-satu-workspace header names it).".to_owned(),
            )
        })
    }

    pub(crate) async fn team_members(&self, team_id: Uuid) -> ApiResult<Vec<MemberRow>> {
        let members = team_members::list(self.db, team_id).await?;
        let ids: Vec<Uuid> = members.iter().map(|m| m.user_id).collect();
        let people = users::Entity::find()
            .filter(users::Column::Id.is_in(ids))
            .all(self.db)
            .await?;
        Ok(members
            .into_iter()
            .filter_map(|member| {
                let user = people.iter().find(|u| u.id == member.user_id)?.clone();
                Some(MemberRow { member, user })
            })
            .collect())
    }

    pub(crate) async fn seats(&self, team_id: Uuid) -> ApiResult<(u64, Option<i32>)> {
        Ok(team_members::seats(self.db, team_id).await?)
    }

    pub(crate) async fn create_team(&self, name: &str) -> ApiResult<teams::Model> {
        Ok(services::teams::create(self.db, self.user_id, name, None).await?)
    }

    pub(crate) async fn rename_team(&self, name: &str) -> ApiResult<teams::Model> {
        self.require_manager()?;
        Ok(teams::rename(self.db, self.team_id()?, name).await?)
    }

    /// Admins change members' roles; an admin's role is changed by the owner.
    pub(crate) async fn set_member_role(
        &self,
        user_id: Uuid,
        role: &str,
    ) -> ApiResult<team_members::Model> {
        let team_id = self.team_id()?;
        self.require_over(team_id, user_id).await?;
        Ok(services::teams::set_role(self.db, team_id, user_id, role).await?)
    }

    /// Removes a member and revokes their keys; answers the keys' digests to announce.
    pub(crate) async fn remove_member(&self, user_id: Uuid) -> ApiResult<Vec<String>> {
        let team_id = self.team_id()?;
        self.require_over(team_id, user_id).await?;
        Ok(services::teams::remove_member(self.db, team_id, user_id).await?)
    }

    /// The viewer leaves the team (an owner transfers it first).
    pub(crate) async fn leave_team(&self) -> ApiResult<Vec<String>> {
        let team_id = self.team_id()?;
        Ok(services::teams::remove_member(self.db, team_id, self.user_id).await?)
    }

    pub(crate) async fn transfer_team(&self, to: Uuid) -> ApiResult<()> {
        let team_id = self.team_id()?;
        if self.scope.role != Some(Role::Owner) {
            return Err(ApiError::Forbidden(
                "Only the team's owner can hand it over.".to_owned(),
            ));
        }
        Ok(team_members::transfer_ownership(self.db, team_id, self.user_id, to).await?)
    }

    /// A manager acts on members; on admins (and the owner) only the owner does.
    async fn require_over(&self, team_id: Uuid, user_id: Uuid) -> ApiResult<()> {
        self.require_manager()?;
        let target = team_members::find(self.db, team_id, user_id)
            .await?
            .ok_or(ApiError::NotFound("Member"))?;
        if target.role() >= Role::Admin && self.scope.role != Some(Role::Owner) {
            return Err(ApiError::Forbidden(
                "Only the team's owner can change or remove an admin.".to_owned(),
            ));
        }
        Ok(())
    }
}
