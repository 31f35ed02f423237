//! The workspace's provider connections: listing, one by id, what counts against the plan,
//! and changes (add a key connection, update, keep after a downgrade, remove), which in a team
//! only its owner and admins make.

use std::collections::BTreeSet;

use async_graphql::Context;
use entities::connection_update::{self, ConnectionUpdate};
use entities::seal::Sealer;
use entities::team_audit::action;
use entities::{AccountKind, AccountStatus, account_cooldowns, plan_caps, provider_accounts};
use proxy::oauth::Owner;
use serde_json::json;
use services::connections::{self, CheckedKeyConnection};
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::connection_types::{Connection, ConnectionLimits};
use crate::graphql::connections::announce;
use crate::graphql::error::{ApiError, ApiResult};

/// Connections that count against the plan's caps (not turned off, paused or removed).
pub(crate) struct ConnectionCounts {
    pub providers: i32,
    pub oauth_accounts: i32,
}

impl UserCtx<'_> {
    /// Who a subscription sign-in is for; in a team, only its owner and admins sign in.
    pub(crate) fn oauth_owner(&self) -> ApiResult<Owner> {
        self.require_manager()?;
        Ok(Owner {
            user_id: self.user_id,
            team_id: self.workspace().team_id(),
        })
    }

    /// Every connection as stored, oldest first, removed ones included.
    pub(crate) async fn accounts(&self) -> ApiResult<Vec<provider_accounts::Model>> {
        Ok(provider_accounts::list_in(self.db, self.workspace()).await?)
    }

    /// Connections not removed, oldest first, with their current cooldowns.
    pub(crate) async fn connections(&self) -> ApiResult<Vec<Connection>> {
        let accounts: Vec<_> = self
            .accounts()
            .await?
            .into_iter()
            .filter(|a| a.status() != Some(AccountStatus::Revoked))
            .collect();
        let ids: Vec<Uuid> = accounts.iter().map(|a| a.id).collect();
        let cooldowns = account_cooldowns::active_for_accounts(self.db, &ids).await?;
        Ok(accounts
            .iter()
            .map(|a| Connection::new(a, &cooldowns))
            .collect())
    }

    /// An owned connection that was not removed; anything else is "not found".
    pub(crate) async fn live_connection(&self, id: Uuid) -> ApiResult<provider_accounts::Model> {
        let account = provider_accounts::find_in(self.db, self.workspace(), id).await?;
        if account.status() == Some(AccountStatus::Revoked) {
            return Err(ApiError::NotFound("Connection"));
        }
        Ok(account)
    }

    pub(crate) async fn connection(&self, id: Uuid) -> ApiResult<Connection> {
        let account = self.live_connection(id).await?;
        let cooldowns = account_cooldowns::active_for_accounts(self.db, &[id]).await?;
        Ok(Connection::new(&account, &cooldowns))
    }

    /// After a change: tell the routers, answer with the connection as it is now.
    pub(crate) async fn changed(&self, id: Uuid, ctx: &Context<'_>) -> ApiResult<Connection> {
        announce(ctx, self.workspace().id()).await;
        self.connection(id).await
    }

    /// Providers and subscription accounts in use, as the plan's caps count them.
    pub(crate) async fn connection_counts(&self) -> ApiResult<ConnectionCounts> {
        let accounts = self.accounts().await?;
        let live: Vec<_> = accounts
            .iter()
            .filter(|a| a.status().is_some_and(AccountStatus::counts_against_plan))
            .collect();
        let providers: BTreeSet<&str> = live.iter().map(|a| a.provider.as_str()).collect();
        let oauth = live
            .iter()
            .filter(|a| a.kind == AccountKind::OAuth.as_str())
            .count();
        Ok(ConnectionCounts {
            providers: i32::try_from(providers.len()).unwrap_or(i32::MAX),
            oauth_accounts: i32::try_from(oauth).unwrap_or(i32::MAX),
        })
    }

    /// What the plan allows and what is used.
    pub(crate) async fn connection_limits(&self) -> ApiResult<ConnectionLimits> {
        let plan = self.workspace_plan().await?;
        let used = self.connection_counts().await?;
        Ok(ConnectionLimits {
            providers_used: used.providers,
            providers_max: plan.max_providers,
            oauth_accounts_used: used.oauth_accounts,
            oauth_accounts_max: plan.max_oauth_accounts,
        })
    }

    /// Connections kept but not used because they are over the plan's caps.
    pub(crate) async fn paused_connections(&self) -> ApiResult<usize> {
        let accounts = self.accounts().await?;
        Ok(accounts
            .iter()
            .filter(|a| a.status() == Some(AccountStatus::Paused))
            .count())
    }

    /// Stores a checked API-key connection as this user's.
    pub(crate) async fn add_key_connection(
        &self,
        sealer: &Sealer,
        checked: CheckedKeyConnection,
    ) -> ApiResult<provider_accounts::Model> {
        self.require_manager()?;
        let workspace = self.workspace();
        let added = connections::add_api_key(self.db, sealer, workspace, self.user_id, checked);
        let added = added.await?;
        self.audit_connection(action::CONNECTION_ADDED, &added, None)
            .await;
        Ok(added)
    }

    pub(crate) async fn update_connection(
        &self,
        id: Uuid,
        update: ConnectionUpdate,
    ) -> ApiResult<provider_accounts::Model> {
        self.require_manager()?;
        let before = self.live_connection(id).await?;
        let after = connection_update::update_in(self.db, self.workspace(), id, update).await?;
        self.audit_connection(action::CONNECTION_CHANGED, &after, Some(&before))
            .await;
        Ok(after)
    }

    /// After a move to a smaller plan: uses `ids`, pauses every other connection.
    pub(crate) async fn keep_connections(&self, ids: &[Uuid]) -> ApiResult<()> {
        self.require_manager()?;
        plan_caps::keep(self.db, self.workspace(), ids).await?;
        Ok(())
    }

    /// Removes a live connection; its sealed credentials are deleted for good.
    pub(crate) async fn remove_connection(&self, id: Uuid) -> ApiResult<()> {
        self.require_manager()?;
        let account = self.live_connection(id).await?;
        provider_accounts::revoke(self.db, self.workspace(), id).await?;
        self.audit_connection(action::CONNECTION_REMOVED, &account, None)
            .await;
        Ok(())
    }

    /// A connection added, changed or removed, in the team's audit log.
    pub(crate) async fn audit_connection(
        &self,
        what: &str,
        account: &provider_accounts::Model,
        before: Option<&provider_accounts::Model>,
    ) {
        let shown = |a: &provider_accounts::Model| {
            json!({
                "label": a.label,
                "status": a.status,
                "weight": a.weight,
                "priority": a.priority,
                "models": a.models.0,
            })
        };
        let target = Some(format!("{} ({})", account.label, account.provider));
        self.audit(what, target, before.map(shown), Some(shown(account)))
            .await;
    }
}
