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
use entities::{Workspace, api_keys, provider_accounts, usage_events};
use futures::Stream;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::{ApiError, ApiResult};
use crate::graphql::live_session;
use crate::graphql::usage_types::Labels;

/// Owns its connection handle (a cheap clone of the pool) so a streamed export can keep it.
#[derive(Clone)]
pub struct UsageReader {
    db: DatabaseConnection,
    keys: KeyScope,
}

/// A filter whose key and account belong to the reader's user.
#[derive(Clone, Debug)]
pub struct Checked<T>(T);

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
        Ok(usage_events::served_between(self.db, self.workspace(), from, to).await?)
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

    /// Refuses ids from elsewhere, and narrows a plain team member to their own keys.
    async fn check_ids(&self, filter: &mut Filter) -> ApiResult<()> {
        if let Some(key) = filter.api_key_id {
            api_keys::find_in(&self.db, self.keys, key).await?;
        }
        if let Some(account) = filter.account_id {
            provider_accounts::find_in(&self.db, self.workspace(), account).await?;
        }
        filter.keys = match self.keys.member {
            Some(_) => Some(self.key_ids().await?),
            None => None,
        };
        Ok(())
    }

    async fn key_ids(&self) -> ApiResult<Vec<Uuid>> {
        let keys = api_keys::list(&self.db, self.keys).await?;
        Ok(keys.into_iter().map(|k| k.id).collect())
    }

    pub async fn summary(
        &self,
        range: Range,
        filter: &Checked<Filter>,
        group: Option<GroupBy>,
    ) -> ApiResult<Vec<(GroupKey, Totals)>> {
        Ok(q::summary(&self.db, self.workspace().id(), range, &filter.0, group).await?)
    }

    pub async fn series(
        &self,
        range: Range,
        filter: &Checked<Filter>,
        group: Option<GroupBy>,
        bucket: Bucket,
    ) -> ApiResult<Vec<Series>> {
        Ok(q::series(
            &self.db,
            self.workspace().id(),
            range,
            &filter.0,
            group,
            bucket,
        )
        .await?)
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

    /// Names of the workspace's keys or connections, for labelling groups by id.
    pub async fn labels(&self, group: Option<GroupBy>) -> ApiResult<Labels> {
        let labels = match group {
            Some(GroupBy::ApiKey) => api_keys::list(&self.db, self.keys)
                .await?
                .into_iter()
                .map(|k| (k.id, k.name))
                .collect(),
            Some(GroupBy::Account) => provider_accounts::list_in(&self.db, self.workspace())
                .await?
                .into_iter()
                .map(|a| (a.id, a.label))
                .collect(),
            Some(GroupBy::Provider | GroupBy::Model) | None => Labels::new(),
        };
        Ok(labels)
    }
}
