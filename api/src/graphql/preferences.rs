//! The signed-in user's own settings beyond the profile: which emails they want, and the
//! sessions (browsers and scripts) signed in to their account.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::users;
use uuid::Uuid;

use super::context::{reader, writer};
use super::error::ApiError;

/// Emails Satu sends on its own; each can be turned off.
#[derive(SimpleObject)]
pub struct NotificationSettings {
    /// When 80 % of the monthly requests are used.
    pub quota80: bool,
    /// When the monthly requests are used up.
    pub quota100: bool,
    /// When a subscription connection needs a new sign-in.
    pub connection_expired: bool,
}

impl From<&users::Model> for NotificationSettings {
    fn from(u: &users::Model) -> Self {
        Self {
            quota80: u.notify_quota_80,
            quota100: u.notify_quota_100,
            connection_expired: u.notify_connection_expired,
        }
    }
}

/// A browser or script signed in to the account.
#[derive(SimpleObject)]
pub struct Session {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The browser's user agent at sign-in (first 300 characters).
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    /// The session this request came with.
    pub current: bool,
    /// Satu support's read-only view of the account (sign it out to end it).
    pub support_view: bool,
}

/// A time Satu support viewed the account (read-only, for at most 30 minutes).
#[derive(SimpleObject)]
pub struct SupportView {
    pub started_at: DateTime<Utc>,
    /// When it ended (the operator or you ended it); null: it ran until `expiresAt`.
    pub ended_at: Option<DateTime<Utc>>,
    pub expires_at: DateTime<Utc>,
    /// The operator's platform role (`support`, `super_admin`).
    pub role: String,
}

#[derive(Default)]
pub struct PreferencesQuery;

#[Object]
impl PreferencesQuery {
    /// Sessions that still work, newest first (revoked and expired ones are not listed).
    async fn sessions(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Session>> {
        let user = reader(ctx)?;
        let rows = user.sessions().await?;
        Ok(rows
            .into_iter()
            .map(|s| Session {
                current: s.id == user.session_id,
                id: s.id,
                created_at: s.created_at,
                expires_at: s.expires_at,
                user_agent: s.user_agent,
                ip: s.ip,
                support_view: s.impersonation_id.is_some(),
            })
            .collect())
    }

    /// Every time Satu support viewed your account, newest first.
    async fn support_views(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<SupportView>> {
        let user = reader(ctx)?;
        Ok(user
            .support_views()
            .await?
            .into_iter()
            .map(|v| SupportView {
                started_at: v.started_at,
                ended_at: v.ended_at,
                expires_at: v.expires_at,
                role: v.admin_role,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct PreferencesMutation;

#[Object]
impl PreferencesMutation {
    /// Turns emails on or off; an omitted choice stays as it is.
    async fn update_notifications(
        &self,
        ctx: &Context<'_>,
        quota80: Option<bool>,
        quota100: Option<bool>,
        connection_expired: Option<bool>,
    ) -> async_graphql::Result<NotificationSettings> {
        let user = writer(ctx)?;
        let changes = users::Notifications {
            quota_80: quota80,
            quota_100: quota100,
            connection_expired,
        };
        let row = user.update_notifications(changes).await?;
        Ok(NotificationSettings::from(&row))
    }

    /// Signs one of your sessions out (another browser, a lost laptop).
    async fn revoke_session(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        if !user.revoke_session(id).await? {
            return Err(ApiError::NotFound("Session").into());
        }
        Ok(true)
    }

    /// Signs every other session out; this one stays. Answers how many were ended.
    async fn sign_out_other_sessions(&self, ctx: &Context<'_>) -> async_graphql::Result<i32> {
        let user = writer(ctx)?;
        let ended = user.sign_out_other_sessions().await?;
        Ok(i32::try_from(ended).unwrap_or(i32::MAX))
    }
}
