//! The teams the viewer belongs to, and changes to the team of the current workspace: its
//! owner and admins manage members; only the owner hands the team over.

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use entities::seal::Sealer;
use entities::team_members::{self, MemberLimits, Role};
use entities::usage_queries::{self as q, Filter, GroupBy, GroupKey, Range};
use entities::{Workspace, api_keys, team_audit, team_invites, team_notices, teams, users};
use proxy::limits::period;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::{ApiError, ApiResult};

/// One member's use of the team this period.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MemberActivity {
    pub requests: i64,
    pub cost_nanos: i64,
    pub last_active_at: Option<DateTime<Utc>>,
}

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
        let team_id = self.team_id()?;
        Ok(services::teams::rename(self.db, team_id, Some(self.user_id), name).await?)
    }

    /// Open invites of the current team (owner and admins).
    pub(crate) async fn team_invites(&self) -> ApiResult<Vec<team_invites::Model>> {
        self.require_manager()?;
        Ok(team_invites::list_open(self.db, self.team_id()?).await?)
    }

    pub(crate) async fn invite_member(
        &self,
        sealer: &Sealer,
        email: &str,
        role: &str,
    ) -> ApiResult<team_invites::Model> {
        self.require_manager()?;
        let team_id = self.team_id()?;
        let invite = services::teams::invite(self.db, sealer, team_id, self.user_id, email, role);
        Ok(invite.await?)
    }

    pub(crate) async fn resend_invite(
        &self,
        sealer: &Sealer,
        id: Uuid,
    ) -> ApiResult<team_invites::Model> {
        self.require_manager()?;
        let team_id = self.team_id()?;
        let actor = Some(self.user_id);
        Ok(services::teams::resend_invite(self.db, sealer, team_id, actor, id).await?)
    }

    pub(crate) async fn revoke_invite(&self, id: Uuid) -> ApiResult<team_invites::Model> {
        self.require_manager()?;
        let team_id = self.team_id()?;
        Ok(services::teams::revoke_invite(self.db, team_id, Some(self.user_id), id).await?)
    }

    /// The viewer accepts an invite sent to their address; answers the team joined.
    pub(crate) async fn accept_invite(&self, token: &str) -> ApiResult<teams::Model> {
        let hd = self.google_hd.as_deref();
        let invite = services::teams::accept(self.db, token, self.user_id, hd).await?;
        Ok(teams::find(self.db, invite.team_id).await?)
    }

    /// Admins change members' roles; an admin's role is changed by the owner.
    pub(crate) async fn set_member_role(
        &self,
        user_id: Uuid,
        role: &str,
    ) -> ApiResult<team_members::Model> {
        let team_id = self.team_id()?;
        self.require_over(team_id, user_id).await?;
        let actor = Some(self.user_id);
        Ok(services::teams::set_role(self.db, team_id, actor, user_id, role).await?)
    }

    /// Removes a member and revokes their keys; answers the keys' digests to announce.
    pub(crate) async fn remove_member(&self, user_id: Uuid) -> ApiResult<Vec<String>> {
        let team_id = self.team_id()?;
        self.require_over(team_id, user_id).await?;
        let actor = Some(self.user_id);
        Ok(services::teams::remove_member(self.db, team_id, actor, user_id).await?)
    }

    /// The viewer leaves the team (an owner transfers it first).
    pub(crate) async fn leave_team(&self) -> ApiResult<Vec<String>> {
        let team_id = self.team_id()?;
        let me = self.user_id;
        Ok(services::teams::remove_member(self.db, team_id, Some(me), me).await?)
    }

    pub(crate) async fn transfer_team(&self, to: Uuid) -> ApiResult<()> {
        let team_id = self.team_id()?;
        if self.scope.role != Some(Role::Owner) {
            return Err(ApiError::Forbidden(
                "Only the team's owner can hand it over.".to_owned(),
            ));
        }
        Ok(services::teams::transfer_ownership(self.db, team_id, self.user_id, to).await?)
    }

    /// Sets one member's limits (an admin's or the owner's: by the owner).
    pub(crate) async fn set_member_limits(
        &self,
        user_id: Uuid,
        limits: MemberLimits,
    ) -> ApiResult<team_members::Model> {
        let team_id = self.team_id()?;
        self.require_over(team_id, user_id).await?;
        let actor = Some(self.user_id);
        let set = services::teams::set_member_limits(self.db, team_id, actor, user_id, limits);
        Ok(set.await?)
    }

    pub(crate) async fn set_team_budget(
        &self,
        budget_nanos: Option<i64>,
    ) -> ApiResult<teams::Model> {
        self.require_manager()?;
        let team_id = self.team_id()?;
        let actor = Some(self.user_id);
        Ok(services::teams::set_budget(self.db, team_id, actor, budget_nanos).await?)
    }

    /// Each member's requests and cost this period, and when they last used a team key. A
    /// plain member gets their own only.
    pub(crate) async fn member_activity(
        &self,
        team: &teams::Model,
    ) -> ApiResult<HashMap<Uuid, MemberActivity>> {
        let period = period::containing(team.billing_anchor_at, Utc::now());
        let range = Range::new(
            period.start,
            Utc::now().max(period.start + TimeDelta::hours(1)),
        )?;
        let workspace = Workspace::Team(team.id);
        let keys = api_keys::list(self.db, self.key_scope()).await?;
        let filter = Filter {
            keys: Some(keys.iter().map(|k| k.id).collect()),
            ..Filter::default()
        };
        let rows = q::summary(
            self.db,
            workspace.id(),
            range,
            &filter,
            Some(GroupBy::ApiKey),
        )
        .await?;
        let mut activity: HashMap<Uuid, MemberActivity> = HashMap::new();
        for key in &keys {
            let entry = activity.entry(key.user_id).or_default();
            entry.last_active_at = entry.last_active_at.max(key.last_used_at);
        }
        for (group, totals) in rows {
            let GroupKey::Id(key_id) = group else {
                continue;
            };
            let Some(key) = keys.iter().find(|k| k.id == key_id) else {
                continue;
            };
            let entry = activity.entry(key.user_id).or_default();
            entry.requests += totals.requests;
            entry.cost_nanos += totals.cost_nanos;
        }
        Ok(activity)
    }

    /// The whole team's requests and cost this period (every member sees these).
    pub(crate) async fn team_period_totals(&self, team: &teams::Model) -> ApiResult<(i64, i64)> {
        let period = period::containing(team.billing_anchor_at, Utc::now());
        let range = Range::new(
            period.start,
            Utc::now().max(period.start + TimeDelta::hours(1)),
        )?;
        let rows = q::summary(self.db, team.id, range, &Filter::default(), None).await?;
        Ok(rows
            .iter()
            .fold((0, 0), |(r, c), (_, t)| (r + t.requests, c + t.cost_nanos)))
    }

    pub(crate) async fn set_slack_webhook(
        &self,
        sealer: &Sealer,
        url: Option<&str>,
        allow_private: bool,
    ) -> ApiResult<teams::Model> {
        self.require_manager()?;
        let (team_id, actor) = (self.team_id()?, Some(self.user_id));
        let set =
            services::teams::set_slack_webhook(self.db, sealer, team_id, actor, url, allow_private);
        Ok(set.await?)
    }

    /// Only the owner sets the Google domain members must sign in from.
    pub(crate) async fn set_google_domain(&self, domain: Option<&str>) -> ApiResult<teams::Model> {
        let team_id = self.team_id()?;
        if self.scope.role != Some(Role::Owner) {
            return Err(ApiError::Forbidden(
                "Only the team's owner can require Google sign-in.".to_owned(),
            ));
        }
        let hd = self.google_hd.as_deref();
        let set = services::teams::set_google_domain(self.db, team_id, self.user_id, domain, hd);
        Ok(set.await?)
    }

    pub(crate) async fn send_slack_test(&self) -> ApiResult<bool> {
        self.require_manager()?;
        Ok(services::teams::send_slack_test(self.db, self.team_id()?).await?)
    }

    /// The team's newest Slack notice (owner and admins).
    pub(crate) async fn latest_notice(
        &self,
        team_id: Uuid,
    ) -> ApiResult<Option<team_notices::Model>> {
        self.require_manager()?;
        Ok(team_notices::latest(self.db, team_id).await?)
    }

    /// Records a change to the workspace's team in its audit log (nothing in a personal
    /// workspace).
    pub(crate) async fn audit(
        &self,
        action: &str,
        target: Option<String>,
        before: Option<Value>,
        after: Option<Value>,
    ) {
        if let Some(team_id) = self.workspace().team_id() {
            let actor = Some(self.user_id);
            services::teams::audit(self.db, team_id, actor, action, target, before, after).await;
        }
    }

    /// The current team's audit log, newest first (owner and admins).
    pub(crate) async fn audit_log(
        &self,
        before_id: Option<i64>,
        limit: u64,
    ) -> ApiResult<Vec<(team_audit::Model, Option<String>)>> {
        self.audit_reader()?.page(before_id, limit).await
    }

    /// The current team's audit log to read page by page, owned (for a download's stream).
    pub(crate) fn audit_reader(&self) -> ApiResult<AuditReader> {
        self.require_manager()?;
        Ok(AuditReader {
            db: self.db.clone(),
            team_id: self.team_id()?,
        })
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

/// One team's audit log, read newest first with each actor's email.
#[derive(Clone)]
pub(crate) struct AuditReader {
    db: DatabaseConnection,
    team_id: Uuid,
}

impl AuditReader {
    /// `limit` entries older than `before_id`, newest first.
    pub(crate) async fn page(
        &self,
        before_id: Option<i64>,
        limit: u64,
    ) -> ApiResult<Vec<(team_audit::Model, Option<String>)>> {
        let entries = team_audit::page(&self.db, self.team_id, before_id, limit).await?;
        let actors: Vec<Uuid> = entries.iter().filter_map(|e| e.actor_id).collect();
        let people = users::Entity::find()
            .filter(users::Column::Id.is_in(actors))
            .all(&self.db)
            .await?;
        Ok(entries
            .into_iter()
            .map(|entry| {
                let actor = entry
                    .actor_id
                    .and_then(|id| people.iter().find(|u| u.id == id))
                    .map(|u| u.email.clone());
                (entry, actor)
            })
            .collect())
    }
}
