//! Each workspace's (a user's or a team's) routable provider accounts with their credentials opened, cached in memory so the
//! hot path never reads the database or decrypts. Re-read at most once per cache TTL.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use entities::provider_accounts;
use entities::routing_rules::{self, RoutingConfig};
use entities::seal::Sealer;
use entities::{AccountKind, Provider, Workspace};
use reqwest::Url;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::FastMap;
use crate::config::ProvidersConfig;
use crate::error::ProxyError;
use crate::providers::{self, Spoke};
use crate::upstream_guard::check_base_url;

/// A provider account ready to receive traffic.
#[derive(Clone)]
pub struct Account {
    pub id: Uuid,
    /// The user or team it serves (what the directory's caches are keyed by).
    pub workspace_id: Uuid,
    pub provider: Provider,
    pub kind: AccountKind,
    pub label: String,
    pub base_url: Url,
    /// The API key, or the OAuth access token.
    pub secret: String,
    /// ChatGPT account id (Codex backend).
    pub chatgpt_account_id: Option<String>,
    /// Code Assist project (Gemini CLI subscriptions).
    pub project_id: Option<String>,
    /// The names the user chose for this account to serve (empty: whatever it reaches).
    pub models: Vec<String>,
    /// What the provider last listed for it; `None` until the worker first asked.
    pub reachable: Option<Vec<String>>,
    pub weight: i32,
    pub priority: i32,
    /// OAuth access token expiry, unix seconds.
    pub expires_at: Option<i64>,
    /// What its provider requires of a call (endpoint, auth, body, envelope).
    pub spoke: &'static dyn Spoke,
}

/// A token this close to expiry is refreshed before it is sent.
const EXPIRY_SKEW_SECS: i64 = 30;

impl Account {
    /// An OAuth token that has expired (or is about to).
    pub fn token_expiring(&self) -> bool {
        self.kind == AccountKind::OAuth
            && self
                .expires_at
                .is_some_and(|at| at <= chrono::Utc::now().timestamp() + EXPIRY_SKEW_SECS)
    }

    /// This account with a renewed token.
    pub fn with_token(&self, token: String, expires_at: Option<i64>) -> Account {
        Account {
            secret: token,
            expires_at,
            ..self.clone()
        }
    }
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .field("provider", &self.provider)
            .field("base_url", &self.base_url.as_str())
            .finish_non_exhaustive()
    }
}

pub struct UserAccounts {
    pub accounts: Vec<Arc<Account>>,
    pub routing: RoutingConfig,
    round_robin: AtomicUsize,
}

impl UserAccounts {
    /// Next round-robin starting offset for this user's requests.
    pub fn next_offset(&self) -> usize {
        self.round_robin.fetch_add(1, Ordering::Relaxed)
    }
}

struct Entry {
    accounts: Arc<UserAccounts>,
    loaded: Instant,
}

pub struct Directory {
    db: DatabaseConnection,
    opener: Opener,
    ttl: Duration,
    entries: RwLock<FastMap<Uuid, Entry>>,
}

const MAX_USERS: usize = 100_000;

impl Directory {
    pub fn new(
        db: DatabaseConnection,
        sealer: Arc<Sealer>,
        providers: ProvidersConfig,
        allow_private: bool,
        ttl: Duration,
    ) -> Self {
        Self {
            db,
            opener: Opener {
                sealer,
                providers,
                allow_private,
            },
            ttl,
            entries: RwLock::new(FastMap::default()),
        }
    }

    pub async fn accounts_of(&self, workspace: Workspace) -> Result<Arc<UserAccounts>, ProxyError> {
        let id = workspace.id();
        if let Some(hit) = self.cached(id) {
            return Ok(hit);
        }
        let loaded = match self.load(workspace).await {
            Ok(loaded) => Arc::new(loaded),
            // The database is unreachable: the last list read serves until it answers again.
            Err(e) => return self.stale(id).ok_or(e),
        };
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_USERS {
                entries.clear();
            }
            entries.insert(
                id,
                Entry {
                    accounts: loaded.clone(),
                    loaded: Instant::now(),
                },
            );
        }
        Ok(loaded)
    }

    /// Forgets a workspace's accounts so the next request reads them again (after a refresh
    /// or a connection expiring).
    pub fn invalidate(&self, workspace_id: Uuid) {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(&workspace_id);
        }
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }

    fn stale(&self, user_id: Uuid) -> Option<Arc<UserAccounts>> {
        let entries = self.entries.read().ok()?;
        entries.get(&user_id).map(|entry| entry.accounts.clone())
    }

    fn cached(&self, user_id: Uuid) -> Option<Arc<UserAccounts>> {
        let entries = self.entries.read().ok()?;
        let entry = entries.get(&user_id)?;
        (entry.loaded.elapsed() < self.ttl).then(|| entry.accounts.clone())
    }

    async fn load(&self, workspace: Workspace) -> Result<UserAccounts, ProxyError> {
        let failed = |e: sea_orm::DbErr| {
            tracing::error!(error = %e, "loading provider accounts failed");
            ProxyError::Internal
        };
        let rows = provider_accounts::list_in(&self.db, workspace)
            .await
            .map_err(failed)?;
        let routing = routing_rules::get_in(&self.db, workspace)
            .await
            .map_err(failed)?
            .unwrap_or_default();
        let accounts = rows
            .iter()
            .filter_map(|row| match self.opener.open(row) {
                Ok(account) => account.map(Arc::new),
                Err(reason) => {
                    tracing::warn!(account_id = %row.id, %reason, "skipping unusable provider account");
                    None
                }
            })
            .collect();
        Ok(UserAccounts {
            accounts,
            routing,
            round_robin: AtomicUsize::new(0),
        })
    }
}

/// Turns a stored connection into an account ready for calls: credentials opened, base URL
/// checked, spoke chosen.
#[derive(Clone)]
pub struct Opener {
    pub sealer: Arc<Sealer>,
    pub providers: ProvidersConfig,
    pub allow_private: bool,
}

impl Opener {
    /// `Ok(None)` for accounts that are simply not routable now (revoked, disabled, …).
    pub fn open(&self, row: &provider_accounts::Model) -> Result<Option<Account>, String> {
        if !row.status().is_some_and(|s| s.is_routable()) {
            return Ok(None);
        }
        let provider = row.provider().ok_or("unknown provider")?;
        let kind = row.kind().ok_or("unknown kind")?;
        let credentials = row
            .open_credentials(&self.sealer)
            .map_err(|e| e.to_string())?
            .ok_or("no credentials")?;
        let own = match &row.base_url {
            Some(own) => Some(check_base_url(own, self.allow_private).map_err(|e| e.to_string())?),
            None => None,
        };
        let spoke = providers::spoke(provider, kind, own.as_ref())
            .ok_or("no adapter serves this kind of account")?;
        let base_url = match own {
            Some(own) => own,
            None => {
                let default = spoke.default_base(&self.providers, &credentials)?;
                check_base_url(&default, true).map_err(|e| e.to_string())?
            }
        };
        let secret = match kind {
            AccountKind::ApiKey => credentials.api_key.clone(),
            AccountKind::OAuth => credentials.access_token.clone(),
        }
        .filter(|s| !s.is_empty())
        .ok_or("no key or token in credentials")?;
        Ok(Some(Account {
            id: row.id,
            workspace_id: row.workspace().id(),
            expires_at: credentials.expires_at,
            provider,
            kind,
            label: row.label.clone(),
            base_url,
            secret,
            chatgpt_account_id: credentials.account_id,
            project_id: credentials.project_id,
            models: row.models.0.clone(),
            reachable: row.reachable_models.as_ref().map(|list| list.0.clone()),
            weight: row.weight,
            priority: row.priority,
            spoke,
        }))
    }
}
