//! The usage queries a signed-in user may run, handed out by [`UserCtx::usage`]: every query
//! reads that workspace's rows only (in a team, a plain member's own requests only), and
//! filters must pass [`UsageReader::check`] first (another workspace's key or connection is
//! "not found"), so an unchecked filter cannot even be written. Also the workspace's hourly
//! totals, served requests, and live streams that end at sign-out.

use chrono::{DateTime, Utc};
use entities::api_keys::KeyScope;
use entities::usage_hourly;
use entities::usage_queries::{
    self as q, Bucket, Cursor, Filter, GroupBy, GroupKey, LogFilter, LogPage, Range, Series, Totals,
};
use entities::{Workspace, api_keys, provider_accounts, team_members, usage_events, users};
use futures::Stream;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::UserCtx;
use super::usage_members::{KeyOwners, fold_series, fold_summary};
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::live_session;
use crate::graphql::usage_types::Labels;

/// Owns its connection handle (a cheap clone of the pool) so a streamed export can keep it.
#[derive(Clone)]
pub struct UsageReader {
    db: DatabaseConnection,
    keys: KeyScope,
}

/// A filter whose key, account and member belong to the reader's workspace.
#[derive(Clone, Debug)]
pub struct Checked<T>(T);

/// How usage is grouped: by a rollup column, or by team member (their keys together).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    By(GroupBy),
    Member,
}

impl Grouping {
    /// What the rollups are read by: a member's usage is read per key, then folded.
    fn column(self) -> GroupBy {
        match self {
            Grouping::By(group) => group,
            Grouping::Member => GroupBy::ApiKey,
        }
    }
}

impl UserCtx<'_> {
    pub(crate) fn usage(&self) -> UsageReader {
        UsageReader {
            db: self.db.clone(),
            keys: self.key_scope(),
        }
    }

    /// Totals over the hours from `since`, from the hourly rollups.
    pub(crate) async fn hourly_totals_since(
        &self,
        since: DateTime<Utc>,
    ) -> ApiResult<usage_hourly::Totals> {
        Ok(usage_hourly::totals_since(self.db, self.workspace().id(), since).await?)
    }

    /// Requests an upstream served in `[from, to)`: what counts toward the monthly quota.
    pub(crate) async fn served_requests_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> ApiResult<i64> {
        Ok(usage_events::served_between(self.db, self.workspace(), None, from, to).await?)
    }

    /// `items` until this session is signed out (the stream keeps its own pool handle).
    pub(crate) fn while_signed_in<T, S>(
        &self,
        items: S,
    ) -> impl Stream<Item = async_graphql::Result<T>> + use<T, S>
    where
        S: Stream<Item = async_graphql::Result<T>>,
    {
        live_session::while_signed_in(self.db.clone(), self.session_id, items)
    }
}

impl UsageReader {
    pub async fn check(&self, mut filter: Filter) -> ApiResult<Checked<Filter>> {
        self.check_ids(&mut filter).await?;
        Ok(Checked(filter))
    }

    pub async fn check_logs(&self, mut filter: LogFilter) -> ApiResult<Checked<LogFilter>> {
        self.check_ids(&mut filter.usage).await?;
        Ok(Checked(filter))
    }

    fn workspace(&self) -> Workspace {
        self.keys.workspace
    }

    /// Refuses ids from elsewhere, and narrows to one member's keys: the member asked for,
    /// or a plain team member's own.
    async fn check_ids(&self, filter: &mut Filter) -> ApiResult<()> {
        if let Some(key) = filter.api_key_id {
            api_keys::find_in(&self.db, self.keys, key).await?;
        }
        if let Some(account) = filter.account_id {
            provider_accounts::find_in(&self.db, self.workspace(), account).await?;
        }
        let member = match (filter.member, self.keys.member) {
            (Some(asked), Some(me)) if asked != me => return Err(ApiError::NotFound("Member")),
            (Some(asked), _) => Some(self.member_in_team(asked).await?),
            (None, me) => me,
        };
        filter.keys = match member {
            Some(member) => Some(self.key_ids_of(member).await?),
            None => None,
        };
        Ok(())
    }

    /// `user_id` if they are a member of the workspace's team.
    async fn member_in_team(&self, user_id: Uuid) -> ApiResult<Uuid> {
        let Some(team_id) = self.workspace().team_id() else {
            return Err(ApiError::NotFound("Member"));
        };
        team_members::find(&self.db, team_id, user_id)
            .await?
            .ok_or(ApiError::NotFound("Member"))?;
        Ok(user_id)
    }

    async fn key_ids_of(&self, member: Uuid) -> ApiResult<Vec<Uuid>> {
        let scope = KeyScope {
            workspace: self.workspace(),
            member: Some(member),
        };
        let keys = api_keys::list(&self.db, scope).await?;
        Ok(keys.into_iter().map(|k| k.id).collect())
    }

    /// Which member each of the workspace's keys belongs to.
    async fn key_owners(&self) -> ApiResult<KeyOwners> {
        let keys = api_keys::list(&self.db, self.keys).await?;
        Ok(keys.into_iter().map(|k| (k.id, k.user_id)).collect())
    }

    pub async fn summary(
        &self,
        range: Range,
        filter: &Checked<Filter>,
        group: Option<Grouping>,
    ) -> ApiResult<Vec<(GroupKey, Totals)>> {
        let column = group.map(Grouping::column);
        let rows = q::summary(&self.db, self.workspace().id(), range, &filter.0, column).await?;
        Ok(match group {
            Some(Grouping::Member) => fold_summary(rows, &self.key_owners().await?),
            _ => rows,
        })
    }

    pub async fn series(
        &self,
        range: Range,
        filter: &Checked<Filter>,
        group: Option<Grouping>,
        bucket: Bucket,
    ) -> ApiResult<Vec<Series>> {
        let (db, id, column) = (&self.db, self.workspace().id(), group.map(Grouping::column));
        let series = q::series(db, id, range, &filter.0, column, bucket).await?;
        Ok(match group {
            Some(Grouping::Member) => fold_series(series, &self.key_owners().await?),
            _ => series,
        })
    }

    pub async fn logs(
        &self,
        filter: &Checked<LogFilter>,
        after: Option<Cursor>,
        limit: u64,
    ) -> ApiResult<LogPage> {
        Ok(q::logs_page(&self.db, self.workspace(), &filter.0, after, limit).await?)
    }

    pub async fn log(&self, request_id: Uuid) -> ApiResult<usage_events::Model> {
        let row = q::find_log(&self.db, self.workspace(), request_id).await?;
        if self.keys.member.is_some_and(|m| row.user_id != Some(m)) {
            return Err(ApiError::NotFound("Request log"));
        }
        Ok(row)
    }

    /// Names of the workspace's keys, connections or members, for labelling groups by id.
    pub async fn labels(&self, group: Option<Grouping>) -> ApiResult<Labels> {
        let labels = match group.map(|g| (g, g.column())) {
            Some((Grouping::Member, _)) => self.member_emails().await?,
            Some((_, GroupBy::ApiKey)) => api_keys::list(&self.db, self.keys)
                .await?
                .into_iter()
                .map(|k| (k.id, k.name))
                .collect(),
            Some((_, GroupBy::Account)) => provider_accounts::list_in(&self.db, self.workspace())
                .await?
                .into_iter()
                .map(|a| (a.id, a.label))
                .collect(),
            Some((_, GroupBy::Provider | GroupBy::Model)) | None => Labels::new(),
        };
        Ok(labels)
    }

    /// The team's members by email (a plain member sees their own only).
    async fn member_emails(&self) -> ApiResult<Labels> {
        let Some(team_id) = self.workspace().team_id() else {
            return Ok(Labels::new());
        };
        let members = team_members::list(&self.db, team_id).await?;
        let ids: Vec<Uuid> = members
            .iter()
            .map(|m| m.user_id)
            .filter(|id| self.keys.member.is_none_or(|me| me == *id))
            .collect();
        let people = users::Entity::find()
            .filter(users::Column::Id.is_in(ids))
            .all(&self.db)
            .await?;
        Ok(people.into_iter().map(|u| (u.id, u.email)).collect())
    }
}
