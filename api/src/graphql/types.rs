//! GraphQL objects: built from entities, never derived on them.

use super::preferences::NotificationSettings;
use async_graphql::{Enum, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{api_keys, plans, users};
use uuid::Uuid;

#[derive(SimpleObject)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub display_name: Option<String>,
    /// `id` (Bahasa Indonesia) or `en`; null: the browser's language.
    pub locale: Option<String>,
    pub plan_id: String,
    pub email_verified: bool,
    pub created_at: DateTime<Utc>,
    /// False for accounts that only sign in with Google (no current password to give).
    pub has_password: bool,
    /// Which emails the user wants.
    pub notifications: NotificationSettings,
}

impl From<&users::Model> for User {
    fn from(u: &users::Model) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            locale: u.locale.clone(),
            plan_id: u.plan_id.clone(),
            email_verified: u.email_verified,
            created_at: u.created_at,
            has_password: u.password_hash.is_some(),
            notifications: NotificationSettings::from(u),
        }
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum KeyStatus {
    Active,
    Revoked,
    Expired,
}

#[derive(SimpleObject)]
pub struct ApiKey {
    pub id: Uuid,
    /// Whose key it is: in a team, the member its requests are attributed to.
    pub user_id: Uuid,
    /// The team it belongs to; null: the personal workspace.
    pub team_id: Option<Uuid>,
    pub name: String,
    /// The first characters of the secret, for recognising it (`sk-satu-AbCd`).
    pub prefix: String,
    pub status: KeyStatus,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// The key's own per-minute limits; null: the plan's.
    pub rpm_limit: Option<i64>,
    pub tpm_limit: Option<i64>,
}

impl From<&api_keys::Model> for ApiKey {
    fn from(k: &api_keys::Model) -> Self {
        let status = if k.revoked_at.is_some() {
            KeyStatus::Revoked
        } else if k.is_usable_at(Utc::now()) {
            KeyStatus::Active
        } else {
            KeyStatus::Expired
        };
        Self {
            id: k.id,
            user_id: k.user_id,
            team_id: k.team_id,
            name: k.name.clone(),
            prefix: k.prefix.clone(),
            status,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            revoked_at: k.revoked_at,
            rpm_limit: k.rpm_limit,
            tpm_limit: k.tpm_limit,
        }
    }
}

/// A key with its secret: returned once, by `createApiKey` and `rotateApiKey`.
#[derive(SimpleObject)]
pub struct ApiKeySecret {
    pub key: ApiKey,
    /// Shown only now; Satu keeps a digest.
    pub secret: String,
}

#[derive(SimpleObject)]
pub struct Plan {
    pub id: String,
    pub name: String,
    /// Rupiah per month; null: custom pricing.
    pub price_idr: Option<i64>,
    /// US cents per month, for display.
    pub price_usd_cents: Option<i64>,
    /// Null: unlimited.
    pub monthly_requests: Option<i64>,
    pub max_oauth_accounts: Option<i32>,
    pub max_providers: Option<i32>,
    pub max_members: Option<i32>,
    pub requests_per_minute: Option<i64>,
    pub tokens_per_minute: Option<i64>,
}

impl From<&plans::Model> for Plan {
    fn from(p: &plans::Model) -> Self {
        Self {
            id: p.id.clone(),
            name: p.name.clone(),
            price_idr: p.price_idr,
            price_usd_cents: p.price_usd_cents,
            monthly_requests: p.monthly_requests,
            max_oauth_accounts: p.max_oauth_accounts,
            max_providers: p.max_providers,
            max_members: p.max_members,
            requests_per_minute: p.requests_per_minute,
            tokens_per_minute: p.tokens_per_minute,
        }
    }
}

/// A signed-in session.
#[derive(SimpleObject)]
pub struct AuthPayload {
    pub user: User,
    /// For cookie sessions: send it back as `x-csrf-token` on mutations (also in the readable
    /// `satu_csrf` cookie).
    pub csrf_token: Option<String>,
    /// Only when asked for (`issueToken: true`, for scripts): send as `Authorization: Bearer`.
    /// Browser sessions get an httpOnly cookie instead.
    pub session_token: Option<String>,
    pub expires_at: DateTime<Utc>,
}

/// The current billing period and what has been used of the plan.
#[derive(SimpleObject)]
pub struct MyPlan {
    pub plan: Plan,
    pub period_start: DateTime<Utc>,
    pub period_end: DateTime<Utc>,
    /// Requests served this period, and the quota (null: unlimited) after overrides.
    pub requests_used: i64,
    pub requests_limit: Option<i64>,
    pub requests_per_minute: Option<i64>,
    pub tokens_per_minute: Option<i64>,
    /// Providers and subscription accounts connected, against the plan's caps.
    pub providers_used: i32,
    pub oauth_accounts_used: i32,
}
