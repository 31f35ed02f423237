//! What travels on the bus: a finished request's usage, and keys that stopped being valid.

use chrono::{DateTime, Utc};
use entities::usage_events::NewUsage;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One finished request, as live dashboards see it (no secrets: ids, names and numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageEvent {
    pub request_id: Uuid,
    pub user_id: Uuid,
    /// The team the request was sent in (`None`: the sender's own workspace).
    #[serde(default)]
    pub team_id: Option<Uuid>,
    pub api_key_id: Uuid,
    pub account_id: Option<Uuid>,
    pub provider: Option<String>,
    pub model: String,
    pub endpoint: String,
    pub stream: bool,
    pub status_code: u16,
    pub error_kind: Option<String>,
    pub prompt_tokens: i64,
    pub completion_tokens: i64,
    pub cached_tokens: i64,
    pub reasoning_tokens: i64,
    pub cost_nanos: i64,
    pub latency_ms: i64,
    pub ttft_ms: Option<i64>,
    pub created_at: DateTime<Utc>,
}

impl UsageEvent {
    /// The workspace whose live feed shows it.
    pub fn workspace_id(&self) -> Uuid {
        self.team_id.unwrap_or(self.user_id)
    }
}

impl From<&NewUsage> for UsageEvent {
    fn from(u: &NewUsage) -> Self {
        Self {
            request_id: u.request_id,
            user_id: u.user_id,
            team_id: u.team_id,
            api_key_id: u.api_key_id,
            account_id: u.account_id,
            provider: u.provider.clone(),
            model: u.model.clone(),
            endpoint: u.endpoint.to_owned(),
            stream: u.stream,
            status_code: u.status_code,
            error_kind: u.error_kind.map(str::to_owned),
            prompt_tokens: u.prompt_tokens,
            completion_tokens: u.completion_tokens,
            cached_tokens: u.cached_tokens,
            reasoning_tokens: u.reasoning_tokens,
            cost_nanos: u.cost_nanos,
            latency_ms: u.latency_ms,
            ttft_ms: u.ttft_ms,
            created_at: u.created_at,
        }
    }
}

/// Everything the bus carries, tagged on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Message {
    /// The requests of one flushed usage batch.
    Usage { events: Vec<UsageEvent> },
    /// The SHA-256 of a key that was revoked or rotated away: caches drop it at once.
    KeyRevoked { key_hash: String },
    /// A workspace's (a user's or a team's) connections or routing changed: routers re-read
    /// them.
    AccountsChanged {
        #[serde(alias = "user_id")]
        workspace_id: Uuid,
    },
    /// A user's or a team's plan changed (a payment, a refund, an operator), a team's members
    /// did, or an operator suspended or restored the user: their keys are read again, so the
    /// change applies to the next request.
    PlanChanged { user_id: Uuid },
}

/// What caches must forget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalidation {
    Key(String),
    Accounts(Uuid),
    User(Uuid),
}
