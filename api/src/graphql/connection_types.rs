//! GraphQL objects for connections (provider accounts) and sign-in flows.

use async_graphql::{Enum, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{AccountStatus, Provider, account_cooldowns, provider_accounts};
use uuid::Uuid;

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "entities::Provider")]
pub enum ProviderName {
    #[graphql(name = "OPENAI")]
    OpenAi,
    Anthropic,
    Gemini,
    Qwen,
    #[graphql(name = "OPENAI_COMPATIBLE")]
    OpenAiCompatible,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum ConnectionKind {
    ApiKey,
    #[graphql(name = "OAUTH")]
    OAuth,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "entities::AccountStatus")]
pub enum ConnectionStatus {
    Active,
    Refreshing,
    Expired,
    Error,
    Revoked,
    Disabled,
    /// Kept but not used: over the plan's connection caps.
    Paused,
}

#[derive(SimpleObject)]
pub struct Cooldown {
    pub model: String,
    pub until: DateTime<Utc>,
    pub reason: String,
    pub failures: i32,
}

#[derive(SimpleObject)]
pub struct Connection {
    pub id: Uuid,
    pub provider: ProviderName,
    pub kind: ConnectionKind,
    pub label: String,
    pub status: ConnectionStatus,
    /// A custom API base (OpenAI-compatible gateways); null: the provider's.
    pub base_url: Option<String>,
    /// Models you chose for this connection to serve; empty: whatever it reaches.
    pub models: Vec<String>,
    /// The models its provider last listed for it (null until Satu first asked, shortly after
    /// connecting; asked again daily).
    pub reachable_models: Option<Vec<String>>,
    pub models_refreshed_at: Option<DateTime<Utc>>,
    /// Why the last model-list check failed (the last good list stays in use).
    pub models_error: Option<String>,
    pub weight: i32,
    pub priority: i32,
    /// Who the subscription belongs to, and its plan, as the provider reports them.
    pub identity_email: Option<String>,
    pub plan_type: Option<String>,
    pub token_expires_at: Option<DateTime<Utc>>,
    pub last_refreshed_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
    pub last_error_at: Option<DateTime<Utc>>,
    /// When a failed refresh is tried again.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Models this connection is resting from after upstream errors.
    pub cooldowns: Vec<Cooldown>,
}

impl Connection {
    pub fn new(a: &provider_accounts::Model, cooldowns: &[account_cooldowns::Model]) -> Self {
        Self {
            id: a.id,
            provider: ProviderName::from(a.provider().unwrap_or(Provider::OpenAiCompatible)),
            kind: if a.kind == entities::AccountKind::OAuth.as_str() {
                ConnectionKind::OAuth
            } else {
                ConnectionKind::ApiKey
            },
            label: a.label.clone(),
            status: ConnectionStatus::from(a.status().unwrap_or(AccountStatus::Error)),
            base_url: a.base_url.clone(),
            models: a.models.0.clone(),
            reachable_models: a.reachable_models.as_ref().map(|l| l.0.clone()),
            models_refreshed_at: a.models_refreshed_at,
            models_error: a.models_error.clone(),
            weight: a.weight,
            priority: a.priority,
            identity_email: a.identity_email.clone(),
            plan_type: a.plan_type.clone(),
            token_expires_at: a.token_expires_at,
            last_refreshed_at: a.last_refreshed_at,
            last_error: a.last_error.clone(),
            last_error_at: a.last_error_at,
            next_attempt_at: a.next_attempt_at,
            last_used_at: a.last_used_at,
            created_at: a.created_at,
            cooldowns: cooldowns
                .iter()
                .filter(|c| c.account_id == a.id)
                .map(|c| Cooldown {
                    model: c.model.clone(),
                    until: c.until,
                    reason: c.reason.clone(),
                    failures: c.failures,
                })
                .collect(),
        }
    }
}

/// How many connections the plan allows and how many are used ("2/5 accounts").
#[derive(SimpleObject)]
pub struct ConnectionLimits {
    pub providers_used: i32,
    /// Null: unlimited.
    pub providers_max: Option<i32>,
    pub oauth_accounts_used: i32,
    pub oauth_accounts_max: Option<i32>,
}

/// A started sign-in: open `authorizeUrl` and paste the final address back to
/// `completeOAuthConnection`, or (device sign-in) show `userCode` at `verificationUri` and call
/// `pollOAuthConnection` every `intervalSecs`.
#[derive(SimpleObject, Default)]
pub struct OAuthStart {
    pub flow_id: Uuid,
    pub authorize_url: Option<String>,
    pub user_code: Option<String>,
    pub verification_uri: Option<String>,
    pub verification_uri_complete: Option<String>,
    pub interval_secs: Option<i32>,
    pub expires_in_secs: Option<i32>,
}

#[derive(SimpleObject)]
pub struct DevicePollResult {
    /// False: not approved yet; poll again after `intervalSecs`.
    pub connected: bool,
    pub interval_secs: i32,
    pub connection: Option<Connection>,
}
