//! The signed-in user's provider connections: list, sign-in flows, imports, API keys, changes,
//! refresh and removal. Every change tells the routers (on every replica) to re-read.

use std::sync::Arc;

use async_graphql::{Context, InputObject, Object};
use entities::connection_update::ConnectionUpdate;
use entities::seal::Sealer;
use entities::team_audit::action;
use entities::{AccountKind, Provider};
use proxy::bus::Message;
use proxy::oauth::refresh::Need;
use proxy::oauth::{Connections, DevicePoll, OAuthError, Refresher, Started};
use services::connections::{KeyChecks, NewKeyConnection};
use uuid::Uuid;

use super::connection_types::{
    Connection, ConnectionLimits, DevicePollResult, OAuthStart, ProviderName,
};
use super::context::{deps, reader, writer};
use super::error::ApiError;

/// What connection changes need besides the database.
pub struct ConnectionServices {
    pub flows: Connections,
    pub refresher: Arc<Refresher>,
    pub sealer: Arc<Sealer>,
    /// Base URLs and API keys are checked by the service layer's rules.
    pub checks: KeyChecks,
}

impl ConnectionServices {
    pub fn new(
        db: &sea_orm::DatabaseConnection,
        sealer: Arc<Sealer>,
        refresher: Arc<Refresher>,
        oauth: proxy::oauth::OAuthConfig,
        providers: proxy::ProvidersConfig,
        allow_private_upstreams: bool,
    ) -> Result<Self, reqwest::Error> {
        let private = allow_private_upstreams;
        Ok(Self {
            flows: Connections::new(
                db.clone(),
                sealer.clone(),
                oauth.clone(),
                &providers,
                private,
            )?,
            refresher,
            sealer,
            checks: KeyChecks {
                http: proxy::oauth::oauth_client(&oauth, private)?,
                providers,
                allow_private_upstreams,
            },
        })
    }
}

#[derive(Default)]
pub struct ConnectionsQuery;

#[Object]
impl ConnectionsQuery {
    /// Connections, oldest first, with status, identity and current cooldowns. Removed ones
    /// are not listed.
    async fn connections(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Connection>> {
        let user = reader(ctx)?;
        Ok(user.connections().await?)
    }

    async fn connection(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<Connection> {
        let user = reader(ctx)?;
        Ok(user.connection(id).await?)
    }

    /// What the plan allows and what is used.
    async fn connection_limits(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<ConnectionLimits> {
        let user = reader(ctx)?;
        Ok(user.connection_limits().await?)
    }
}

#[derive(InputObject)]
pub struct ConnectionChanges {
    pub label: Option<String>,
    pub weight: Option<i32>,
    pub priority: Option<i32>,
    pub enabled: Option<bool>,
    /// Models it serves; an empty list: the provider's catalog.
    pub models: Option<Vec<String>>,
}

#[derive(Default)]
pub struct ConnectionsMutation;

#[Object]
impl ConnectionsMutation {
    /// Starts signing in to a subscription: browser (paste back) or `device: true`.
    async fn start_o_auth_connection(
        &self,
        ctx: &Context<'_>,
        provider: ProviderName,
        #[graphql(default = false)] device: bool,
        label: Option<String>,
    ) -> async_graphql::Result<OAuthStart> {
        let user = writer(ctx)?;
        let flows = &services(ctx).flows;
        let started = flows
            .start(user.oauth_owner()?, Provider::from(provider), device, label)
            .await
            .map_err(oauth_error)?;
        Ok(match started {
            Started::Browser {
                flow_id,
                authorize_url,
            } => OAuthStart {
                flow_id,
                authorize_url: Some(authorize_url),
                ..OAuthStart::default()
            },
            Started::Device {
                flow_id,
                user_code,
                verification_uri,
                verification_uri_complete,
                interval_secs,
                expires_in_secs,
            } => OAuthStart {
                flow_id,
                user_code: Some(user_code),
                verification_uri: Some(verification_uri),
                verification_uri_complete,
                interval_secs: Some(secs(interval_secs)),
                expires_in_secs: Some(secs(expires_in_secs)),
                ..OAuthStart::default()
            },
        })
    }

    /// Finishes a browser sign-in with the pasted final address (or code).
    async fn complete_o_auth_connection(
        &self,
        ctx: &Context<'_>,
        flow_id: Uuid,
        pasted: String,
    ) -> async_graphql::Result<Connection> {
        let user = writer(ctx)?;
        let flows = &services(ctx).flows;
        let account = flows
            .complete(user.oauth_owner()?, flow_id, &pasted)
            .await
            .map_err(oauth_error)?;
        user.audit_connection(action::CONNECTION_ADDED, &account, None)
            .await;
        Ok(user.changed(account.id, ctx).await?)
    }

    /// One step of a device sign-in.
    async fn poll_o_auth_connection(
        &self,
        ctx: &Context<'_>,
        flow_id: Uuid,
    ) -> async_graphql::Result<DevicePollResult> {
        let user = writer(ctx)?;
        let polled = services(ctx)
            .flows
            .poll(user.oauth_owner()?, flow_id)
            .await
            .map_err(oauth_error)?;
        Ok(match polled {
            DevicePoll::Pending { interval_secs } => DevicePollResult {
                connected: false,
                interval_secs: secs(interval_secs),
                connection: None,
            },
            DevicePoll::Connected(account) => {
                user.audit_connection(action::CONNECTION_ADDED, &account, None)
                    .await;
                DevicePollResult {
                    connected: true,
                    interval_secs: 0,
                    connection: Some(user.changed(account.id, ctx).await?),
                }
            }
        })
    }

    /// Connects a subscription from the file its official CLI wrote (its contents).
    async fn import_credentials(
        &self,
        ctx: &Context<'_>,
        provider: ProviderName,
        contents: String,
        label: Option<String>,
    ) -> async_graphql::Result<Connection> {
        let user = writer(ctx)?;
        let account = services(ctx)
            .flows
            .import(
                user.oauth_owner()?,
                Provider::from(provider),
                contents.as_bytes(),
                label,
            )
            .await
            .map_err(oauth_error)?;
        user.audit_connection(action::CONNECTION_ADDED, &account, None)
            .await;
        Ok(user.changed(account.id, ctx).await?)
    }

    /// Connects a provider with an API key, checked with the provider first unless `skipCheck`.
    #[allow(clippy::too_many_arguments)]
    async fn add_api_key_connection(
        &self,
        ctx: &Context<'_>,
        provider: ProviderName,
        api_key: String,
        base_url: Option<String>,
        label: Option<String>,
        #[graphql(default)] models: Vec<String>,
        #[graphql(default = false)] skip_check: bool,
    ) -> async_graphql::Result<Connection> {
        let user = writer(ctx)?;
        let s = services(ctx);
        let new = NewKeyConnection {
            provider: Provider::from(provider),
            api_key: &api_key,
            base_url: base_url.as_deref(),
            label: label.as_deref(),
            models,
            skip_check,
        };
        let checked = s.checks.check(new).await.map_err(ApiError::from)?;
        let account = user.add_key_connection(&s.sealer, checked).await?;
        Ok(user.changed(account.id, ctx).await?)
    }

    async fn update_connection(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        changes: ConnectionChanges,
    ) -> async_graphql::Result<Connection> {
        let user = writer(ctx)?;
        let update = ConnectionUpdate {
            label: changes.label,
            weight: changes.weight,
            priority: changes.priority,
            enabled: changes.enabled,
            models: changes.models,
        };
        user.update_connection(id, update).await?;
        Ok(user.changed(id, ctx).await?)
    }

    /// Renews a subscription's token now (or checks an API key again).
    async fn refresh_connection(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<Connection> {
        let user = writer(ctx)?;
        let s = services(ctx);
        let account = user.live_connection(id).await?;
        if account.kind == AccountKind::OAuth.as_str() {
            let current = account
                .open_credentials(&s.sealer)
                .map_err(ApiError::from)?
                .and_then(|c| c.access_token)
                .unwrap_or_default();
            s.refresher
                .refresh(id, Need::Replace(current))
                .await
                .map_err(|e| ApiError::Provider(e.to_string()))?;
        } else {
            let key = account
                .open_credentials(&s.sealer)
                .map_err(ApiError::from)?
                .and_then(|c| c.api_key)
                .unwrap_or_default();
            let provider = account.provider().unwrap_or(Provider::OpenAiCompatible);
            s.checks
                .check_key(provider, account.base_url.as_deref(), &key)
                .await
                .map_err(ApiError::from)?;
        }
        Ok(user.changed(id, ctx).await?)
    }

    /// After a move to a smaller plan: the connections to keep using (they must fit the plan
    /// together); every other one is paused, kept for later. Answers every connection.
    async fn keep_connections(
        &self,
        ctx: &Context<'_>,
        ids: Vec<Uuid>,
    ) -> async_graphql::Result<Vec<Connection>> {
        let user = writer(ctx)?;
        if ids.len() > 100 {
            return Err(ApiError::BadInput("Pick at most 100 connections.".to_owned()).into());
        }
        user.keep_connections(&ids).await?;
        announce(ctx, user.workspace().id()).await;
        Ok(user.connections().await?)
    }

    /// Removes a connection: its sealed credentials are deleted for good.
    async fn remove_connection(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        user.remove_connection(id).await?;
        announce(ctx, user.workspace().id()).await;
        Ok(true)
    }
}

fn services<'a>(ctx: &Context<'a>) -> &'a ConnectionServices {
    &deps(ctx).connections
}

/// Routers on every replica re-read this workspace's connections now.
pub async fn announce(ctx: &Context<'_>, workspace_id: Uuid) {
    deps(ctx)
        .bus
        .publish(Message::AccountsChanged { workspace_id })
        .await;
}

fn secs(value: u64) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Sign-in failures are the user's to fix (bad paste, denied, expired) or the provider's.
fn oauth_error(e: OAuthError) -> ApiError {
    match e {
        OAuthError::Repo(repo) => ApiError::from(repo),
        OAuthError::FlowNotFound => ApiError::Gone(capital(&e.to_string())),
        OAuthError::Provider(m) | OAuthError::Unavailable(m) => ApiError::Provider(capital(&m)),
        OAuthError::Internal(what) => ApiError::internal("sign-in failed", &what),
        other => ApiError::BadInput(capital(&other.to_string())),
    }
}
