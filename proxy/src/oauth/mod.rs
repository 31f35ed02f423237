//! Provider connections: the sign-in flows (authorization code + PKCE with paste-back, device
//! flows, credential-file import), storing what they yield, and keeping tokens alive
//! (single-flight refresh across replicas).

pub mod config;
pub mod device;
mod flows;
pub mod identity;
pub mod import;
pub mod pkce;
pub mod refresh;
mod store;
pub mod token;

use std::sync::Arc;
use std::time::Duration;

use entities::RepoError;
use entities::seal::Sealer;
use sea_orm::DatabaseConnection;

pub use config::{OAuthClient, OAuthConfig};
pub use flows::{DevicePoll, Started};
pub use refresh::{Fresh, RefreshError, Refresher};

use crate::config::ProvidersConfig;
use crate::upstream_guard::GuardedResolver;

/// What a sign-in, import or connection check can fail with; each message is meant for the
/// user and never carries a token.
#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    #[error("{0} is not configured on this Satu server")]
    NotConfigured(String),
    #[error("{0}")]
    Unsupported(String),
    #[error(
        "the pasted address does not belong to this sign-in (its state does not match); start the sign-in again"
    )]
    StateMismatch,
    #[error("{0}")]
    BadPaste(String),
    #[error("this sign-in has expired or was already completed; start again")]
    FlowNotFound,
    #[error("the sign-in was denied at the provider")]
    Denied,
    #[error("the code expired before the sign-in was approved; start again")]
    DeviceExpired,
    #[error("{0}")]
    Provider(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    Import(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
    #[error("internal error: {0}")]
    Internal(&'static str),
}

impl From<sea_orm::DbErr> for OAuthError {
    fn from(e: sea_orm::DbErr) -> Self {
        OAuthError::Repo(RepoError::Db(e))
    }
}

/// Everything the sign-in flows need, built once per process.
#[derive(Clone)]
pub struct Connections(Arc<Inner>);

/// Who a sign-in or import is for: the user doing it, for their own workspace or a team's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner {
    pub user_id: uuid::Uuid,
    pub team_id: Option<uuid::Uuid>,
}

impl Owner {
    pub fn personal(user_id: uuid::Uuid) -> Self {
        Self {
            user_id,
            team_id: None,
        }
    }
}

pub struct Inner {
    pub db: DatabaseConnection,
    pub sealer: Arc<Sealer>,
    pub config: OAuthConfig,
    /// The providers' endpoints: what a subscription's sign-in may need besides its OAuth
    /// client (the Code Assist API, Qwen's allowed hosts).
    pub providers: ProvidersConfig,
    pub http: reqwest::Client,
}

impl std::ops::Deref for Connections {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl Connections {
    pub fn new(
        db: DatabaseConnection,
        sealer: Arc<Sealer>,
        config: OAuthConfig,
        providers: &ProvidersConfig,
        allow_private: bool,
    ) -> Result<Self, reqwest::Error> {
        let http = oauth_client(&config, allow_private)?;
        Ok(Self(Arc::new(Inner {
            db,
            sealer,
            providers: providers.clone(),
            config,
            http,
        })))
    }
}

/// The client for token endpoints: no redirects (a redirect could leak a code or token), a
/// timeout, and the resolver that keeps private addresses out unless allowed. No proxy from
/// `HTTP(S)_PROXY` either: a proxy resolves names itself, past the resolver's guard.
pub fn oauth_client(
    config: &OAuthConfig,
    allow_private: bool,
) -> Result<reqwest::Client, reqwest::Error> {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(Duration::from_secs(config.http_timeout_secs.max(1)))
        .user_agent(concat!("satu/", env!("CARGO_PKG_VERSION")));
    if !allow_private {
        builder = builder.dns_resolver(GuardedResolver::shared());
    }
    builder.build()
}
