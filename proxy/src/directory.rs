//! Each user's routable provider accounts with their credentials opened, cached in memory so the
//! hot path never reads the database or decrypts. Re-read at most once per cache TTL.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use entities::Provider;
use entities::provider_accounts;
use entities::routing_rules::{self, RoutingConfig};
use entities::seal::Sealer;
use reqwest::Url;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::config::ProvidersConfig;
use crate::error::ProxyError;
use crate::upstream_guard::check_base_url;

/// A provider account ready to receive traffic.
pub struct Account {
    pub id: Uuid,
    pub provider: Provider,
    pub label: String,
    pub base_url: Url,
    pub api_key: String,
    pub models: Vec<String>,
    pub weight: i32,
    pub priority: i32,
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
    sealer: Arc<Sealer>,
    providers: ProvidersConfig,
    allow_private: bool,
    ttl: Duration,
    entries: RwLock<HashMap<Uuid, Entry>>,
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
            sealer,
            providers,
            allow_private,
            ttl,
            entries: RwLock::new(HashMap::new()),
        }
    }

    pub async fn accounts_of(&self, user_id: Uuid) -> Result<Arc<UserAccounts>, ProxyError> {
        if let Some(hit) = self.cached(user_id) {
            return Ok(hit);
        }
        let loaded = Arc::new(self.load(user_id).await?);
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_USERS {
                entries.clear();
            }
            entries.insert(
                user_id,
                Entry {
                    accounts: loaded.clone(),
                    loaded: Instant::now(),
                },
            );
        }
        Ok(loaded)
    }

    fn cached(&self, user_id: Uuid) -> Option<Arc<UserAccounts>> {
        let entries = self.entries.read().ok()?;
        let entry = entries.get(&user_id)?;
        (entry.loaded.elapsed() < self.ttl).then(|| entry.accounts.clone())
    }

    async fn load(&self, user_id: Uuid) -> Result<UserAccounts, ProxyError> {
        let failed = |e: sea_orm::DbErr| {
            tracing::error!(error = %e, "loading provider accounts failed");
            ProxyError::Internal
        };
        let rows = provider_accounts::list_for_user(&self.db, user_id)
            .await
            .map_err(failed)?;
        let routing = routing_rules::get(&self.db, user_id)
            .await
            .map_err(failed)?
            .unwrap_or_default();
        let accounts = rows
            .iter()
            .filter_map(|row| match self.prepare(row) {
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

    /// `Ok(None)` for accounts that are simply not routable now (revoked, disabled, …).
    fn prepare(&self, row: &provider_accounts::Model) -> Result<Option<Account>, String> {
        if !row.status().is_some_and(|s| s.is_routable()) {
            return Ok(None);
        }
        let provider = row.provider().ok_or("unknown provider")?;
        let base_url = match (&row.base_url, self.providers.base_url(provider)) {
            (Some(own), _) => check_base_url(own, self.allow_private).map_err(|e| e.to_string())?,
            (None, Some(default)) => check_base_url(default, true).map_err(|e| e.to_string())?,
            (None, None) => return Err("no base URL".to_owned()),
        };
        let api_key = row
            .open_credentials(&self.sealer)
            .map_err(|e| e.to_string())?
            .and_then(|c| c.api_key)
            .ok_or("no API key in credentials")?;
        Ok(Some(Account {
            id: row.id,
            provider,
            label: row.label.clone(),
            base_url,
            api_key,
            models: row.models.0.clone(),
            weight: row.weight,
            priority: row.priority,
        }))
    }
}
