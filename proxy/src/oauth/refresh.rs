//! Keeping OAuth tokens alive. Refresh tokens rotate (Claude, Codex): two concurrent refreshes of
//! one account burn it. So a refresh is single-flight twice over: one at a time per account in
//! this process (an async lock), and one at a time across replicas (a fenced lease in the
//! database). Whoever waits re-reads the stored tokens afterwards and uses what the winner got.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use entities::account_refresh::{self, Lease, Outcome};
use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::provider_accounts::{self, Credentials};
use entities::seal::Sealer;
use entities::team_notices::{self, Notice};
use entities::{AccountStatus, Provider, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use uuid::Uuid;

use super::config::OAuthConfig;
use super::token::{self, Body, TokenError, TokenSet};
use crate::providers::subscription;

/// A token good to use now.
#[derive(Clone)]
pub struct Fresh {
    pub access_token: String,
    pub expires_at: Option<i64>,
    /// This call refreshed it (rather than finding it already renewed).
    pub refreshed: bool,
}

impl std::fmt::Debug for Fresh {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fresh")
            .field("expires_at", &self.expires_at)
            .field("refreshed", &self.refreshed)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum RefreshError {
    /// The connection cannot be used until its owner signs in again.
    #[error("the connection expired: {0}")]
    Expired(String),
    /// Try again later.
    #[error("the token could not be refreshed now: {0}")]
    Unavailable(String),
    #[error("connection not found")]
    NotFound,
    #[error("internal error")]
    Internal,
}

/// Why a refresh is asked for.
#[derive(Clone)]
pub enum Need {
    /// The caller's token (this one) was refused or has expired.
    Replace(String),
    /// The schedule: renew when the token expires within the provider's lead time.
    Ahead,
}

/// Time a replaced token must still have left to be taken as fresh.
const MIN_VALIDITY_SECS: i64 = 30;
const LEASE_POLL: Duration = Duration::from_millis(100);

pub struct Refresher {
    db: DatabaseConnection,
    sealer: Arc<Sealer>,
    config: OAuthConfig,
    http: reqwest::Client,
    /// This process, as a lease holder.
    holder: String,
    locks: Mutex<HashMap<Uuid, Arc<tokio::sync::Mutex<()>>>>,
}

impl Refresher {
    pub fn new(
        db: DatabaseConnection,
        sealer: Arc<Sealer>,
        config: OAuthConfig,
        allow_private: bool,
    ) -> Result<Self, reqwest::Error> {
        let http = super::oauth_client(&config, allow_private)?;
        Ok(Self {
            db,
            sealer,
            config,
            http,
            holder: format!("{}:{}", std::process::id(), Uuid::new_v4()),
            locks: Mutex::new(HashMap::new()),
        })
    }

    pub fn config(&self) -> &OAuthConfig {
        &self.config
    }

    fn lock_for(&self, account_id: Uuid) -> Arc<tokio::sync::Mutex<()>> {
        let Ok(mut locks) = self.locks.lock() else {
            return Arc::new(tokio::sync::Mutex::new(()));
        };
        locks.entry(account_id).or_default().clone()
    }

    fn forget_idle_locks(&self) {
        if let Ok(mut locks) = self.locks.lock() {
            locks.retain(|_, lock| Arc::strong_count(lock) > 1);
        }
    }

    /// A usable token for `account_id`, refreshing it at most once across every replica.
    pub async fn refresh(&self, account_id: Uuid, need: Need) -> Result<Fresh, RefreshError> {
        let lock = self.lock_for(account_id);
        let result = {
            let _one_at_a_time = lock.lock().await;
            self.refresh_locked(account_id, &need).await
        };
        drop(lock);
        self.forget_idle_locks();
        result
    }

    async fn refresh_locked(&self, account_id: Uuid, need: &Need) -> Result<Fresh, RefreshError> {
        let give_up = Instant::now() + self.config.lease() + Duration::from_secs(5);
        let ttl =
            chrono::Duration::from_std(self.config.lease()).map_err(|_| RefreshError::Internal)?;
        loop {
            let (row, credentials) = self.load(account_id).await?;
            if let Some(fresh) = self.still_good(&row, &credentials, need) {
                return Ok(fresh);
            }
            let lease = account_refresh::try_lease(&self.db, account_id, &self.holder, ttl)
                .await
                .map_err(db_error)?;
            if let Some(lease) = lease {
                // Another replica may have finished between our read and our lease.
                let (row, credentials) = self.load(account_id).await?;
                if let Some(fresh) = self.still_good(&row, &credentials, need) {
                    self.release(&lease, Outcome::Unchanged, None).await;
                    return Ok(fresh);
                }
                return self.refresh_leased(&row, credentials, &lease).await;
            }
            if Instant::now() > give_up {
                return Err(RefreshError::Unavailable(
                    "another refresh of this connection is taking too long".to_owned(),
                ));
            }
            tokio::time::sleep(LEASE_POLL).await;
        }
    }

    async fn load(
        &self,
        account_id: Uuid,
    ) -> Result<(provider_accounts::Model, Credentials), RefreshError> {
        let row = provider_accounts::find(&self.db, account_id)
            .await
            .map_err(|e| match e {
                entities::RepoError::NotFound(_) => RefreshError::NotFound,
                other => {
                    tracing::error!(error = %other, "reading a connection failed");
                    RefreshError::Internal
                }
            })?;
        match row.status() {
            Some(AccountStatus::Expired) => {
                return Err(RefreshError::Expired(
                    row.last_error
                        .clone()
                        .unwrap_or_else(|| "sign in again".to_owned()),
                ));
            }
            Some(AccountStatus::Revoked | AccountStatus::Disabled | AccountStatus::Paused)
            | None => {
                return Err(RefreshError::NotFound);
            }
            _ => {}
        }
        let credentials = row
            .open_credentials(&self.sealer)
            .map_err(|_| RefreshError::Internal)?
            .ok_or(RefreshError::NotFound)?;
        Ok((row, credentials))
    }

    fn still_good(
        &self,
        row: &provider_accounts::Model,
        credentials: &Credentials,
        need: &Need,
    ) -> Option<Fresh> {
        let token = credentials
            .access_token
            .as_deref()
            .filter(|t| !t.is_empty())?;
        let now = Utc::now().timestamp();
        let lead = match need {
            Need::Replace(stale) if stale == token => return None,
            Need::Replace(_) => MIN_VALIDITY_SECS,
            Need::Ahead => {
                let provider = row.provider()?;
                let lead = self.config.client(provider)?.refresh_lead_secs;
                let lead = i64::try_from(lead).unwrap_or(i64::MAX);
                // A token that lives shorter than the lead would be renewed over and over:
                // renew it at half its life instead.
                match (credentials.expires_at, row.last_refreshed_at) {
                    (Some(at), Some(refreshed)) => lead.min((at - refreshed.timestamp()) / 2),
                    _ => lead,
                }
            }
        };
        if credentials.expires_at.is_some_and(|at| at <= now + lead) {
            return None;
        }
        Some(Fresh {
            access_token: token.to_owned(),
            expires_at: credentials.expires_at,
            refreshed: false,
        })
    }

    async fn refresh_leased(
        &self,
        row: &provider_accounts::Model,
        mut credentials: Credentials,
        lease: &Lease,
    ) -> Result<Fresh, RefreshError> {
        let provider = row.provider().ok_or(RefreshError::Internal)?;
        let Some(refresh_token) = credentials.refresh_token.clone() else {
            return Err(self
                .expire(
                    row,
                    lease,
                    "the connection has no refresh token; sign in again",
                )
                .await);
        };
        match self.call_token_endpoint(provider, &refresh_token).await {
            Ok(tokens) => {
                merge(&mut credentials, provider, tokens);
                let stored =
                    account_refresh::store_refreshed(&self.db, &self.sealer, lease, &credentials)
                        .await
                        .map_err(|e| {
                            tracing::error!(error = %e, "storing refreshed tokens failed");
                            RefreshError::Internal
                        })?;
                if !stored {
                    // Our lease ran out and someone else took over: their tokens win.
                    count(provider, "lease_lost");
                    return Err(RefreshError::Unavailable(
                        "the refresh lease was lost".to_owned(),
                    ));
                }
                count(provider, "refreshed");
                tracing::info!(account_id = %row.id, %provider, "OAuth token refreshed");
                Ok(Fresh {
                    access_token: credentials.access_token.unwrap_or_default(),
                    expires_at: credentials.expires_at,
                    refreshed: true,
                })
            }
            Err(TokenError::Transient {
                reason,
                retry_after,
            }) => {
                let backoff = self.backoff(row.refresh_failures);
                let wait = retry_after.unwrap_or_default().max(backoff);
                let next_attempt = Utc::now()
                    + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1));
                tracing::warn!(account_id = %row.id, %provider, %reason, retry_in_secs = wait.as_secs(), "OAuth refresh failed; will retry");
                count(provider, "retry");
                self.release(lease, Outcome::Retry { next_attempt }, Some(&reason))
                    .await;
                Err(RefreshError::Unavailable(reason))
            }
            Err(other) => Err(self.expire(row, lease, &other.to_string()).await),
        }
    }

    /// Refresh with the token endpoint, waiting out 429/5xx answers while the lease allows.
    async fn call_token_endpoint(
        &self,
        provider: Provider,
        refresh_token: &str,
    ) -> Result<TokenSet, TokenError> {
        let client = self
            .config
            .client(provider)
            .ok_or_else(|| TokenError::Rejected(format!("{provider} has no token endpoint")))?;
        if client.client_id.is_empty() {
            // The operator's configuration is missing, not the user's grant: keep the
            // connection and retry later.
            return Err(TokenError::Transient {
                reason: format!("oauth.{provider}.client_id is not configured"),
                retry_after: None,
            });
        }
        let deadline = Instant::now() + self.config.lease();
        let max_wait = Duration::from_secs(self.config.max_retry_after_secs);
        let timeout = Duration::from_secs(self.config.http_timeout_secs);
        let mut attempt = 1;
        loop {
            let mut fields = vec![
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh_token),
                ("client_id", client.client_id.as_str()),
            ];
            if let Some(secret) = &client.client_secret {
                fields.push(("client_secret", secret.as_str()));
            }
            let result = token::request(
                &self.http,
                &client.token_url,
                Body::for_client(client, fields),
            )
            .await;
            let Err(TokenError::Transient {
                reason,
                retry_after,
            }) = result
            else {
                return result;
            };
            let wait = retry_after.unwrap_or(Duration::from_secs(1));
            let fits = Instant::now() + wait + timeout < deadline;
            if attempt >= self.config.token_attempts || wait > max_wait || !fits {
                return Err(TokenError::Transient {
                    reason,
                    retry_after,
                });
            }
            tracing::info!(%provider, wait_secs = wait.as_secs(), %reason, "token endpoint busy; waiting");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    fn backoff(&self, failures: i32) -> Duration {
        let base = self.config.retry_backoff_secs.max(1);
        let factor = 1u64 << u32::try_from(failures.clamp(0, 6)).unwrap_or(0);
        Duration::from_secs((base * factor).min(3600))
    }

    /// Marks the connection expired, tells its owner, and returns the error for the caller.
    async fn expire(
        &self,
        row: &provider_accounts::Model,
        lease: &Lease,
        reason: &str,
    ) -> RefreshError {
        let provider = row.provider().map_or("provider", Provider::as_str);
        tracing::warn!(account_id = %row.id, provider, %reason, "OAuth connection expired");
        count_str(provider, "expired");
        if self.release(lease, Outcome::Expired, Some(reason)).await {
            self.email_owner(row, lease, reason).await;
        }
        RefreshError::Expired(reason.to_owned())
    }

    async fn release(&self, lease: &Lease, outcome: Outcome, error: Option<&str>) -> bool {
        match account_refresh::release(&self.db, lease, outcome, error).await {
            Ok(released) => released,
            Err(e) => {
                tracing::error!(error = %e, "releasing a refresh lease failed; it expires by itself");
                false
            }
        }
    }

    async fn email_owner(&self, row: &provider_accounts::Model, lease: &Lease, reason: &str) {
        if let Some(team_id) = row.team_id {
            let notice = Notice::ConnectionExpired {
                label: &row.label,
                provider: &row.provider,
            };
            let dedupe = format!("connection_expired:{}:{}", row.id, lease.generation);
            if let Err(e) = team_notices::notify(&self.db, team_id, notice, dedupe).await {
                tracing::error!(error = %e, "queueing the connection-expired Slack notice failed");
            }
        }
        let owner = match users::Entity::find_by_id(row.user_id).one(&self.db).await {
            // The user's choice in Settings → Notifications.
            Ok(Some(owner)) if !owner.notify_connection_expired => return,
            Ok(Some(owner)) => owner,
            Ok(None) => return,
            Err(e) => {
                tracing::error!(error = %e, "finding a connection's owner failed");
                return;
            }
        };
        let queued = email_outbox::enqueue(
            &self.db,
            NewEmail {
                user_id: Some(owner.id),
                to_address: owner.email,
                locale: owner.locale,
                mail: connection_expired_mail(row, reason),
                dedupe_key: format!("connection_expired:{}:{}", row.id, lease.generation),
            },
        )
        .await;
        if let Err(e) = queued {
            tracing::error!(error = %e, "queueing the connection-expired email failed");
        }
    }
}

fn connection_expired_mail(row: &provider_accounts::Model, reason: &str) -> Mail {
    let provider = row
        .provider()
        .and_then(subscription)
        .map_or("provider", |s| s.product());
    Mail::ConnectionExpired {
        provider: provider.to_owned(),
        label: Some(row.label.clone()).filter(|l| !l.is_empty()),
        reason: reason.to_owned(),
    }
}

/// New tokens over the stored credentials: a refresh token is kept when none is returned.
fn merge(credentials: &mut Credentials, provider: Provider, tokens: TokenSet) {
    if let Some(sub) = subscription(provider) {
        sub.after_refresh(credentials, &tokens);
    }
    let now = Utc::now().timestamp();
    credentials.expires_at = tokens.expires_at(now);
    credentials.access_token = Some(tokens.access_token);
    if let Some(rotated) = tokens.refresh_token.filter(|t| !t.is_empty()) {
        credentials.refresh_token = Some(rotated);
    }
    if let Some(host) = tokens.resource_url {
        credentials.resource_url = Some(host);
    }
}

fn db_error(e: sea_orm::DbErr) -> RefreshError {
    tracing::error!(error = %e, "refresh lease query failed");
    RefreshError::Internal
}

fn count(provider: Provider, outcome: &'static str) {
    count_str(provider.as_str(), outcome);
}

fn count_str(provider: &str, outcome: &'static str) {
    metrics::counter!("satu_oauth_refresh_total", "provider" => provider.to_owned(), "outcome" => outcome)
        .increment(1);
}
