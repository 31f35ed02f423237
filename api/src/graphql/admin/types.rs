//! What the admin panel reads: users as operators see them (never a secret: connections show
//! their status only), the audit trail.

use async_graphql::{Enum, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{admin_audit, admin_users, provider_accounts, users};
use uuid::Uuid;

use super::access::{AdminSection, PlatformRole};
use crate::graphql::connection_types::{ConnectionKind, ConnectionStatus, ProviderName};

/// The signed-in operator and the sections their role opens.
#[derive(SimpleObject)]
pub struct AdminMe {
    pub user_id: Uuid,
    pub email: String,
    pub role: PlatformRole,
    pub sections: Vec<AdminSection>,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AdminUserStatus {
    #[default]
    Any,
    Active,
    Suspended,
    Unverified,
}

impl From<AdminUserStatus> for admin_users::Status {
    fn from(s: AdminUserStatus) -> Self {
        match s {
            AdminUserStatus::Any => Self::Any,
            AdminUserStatus::Active => Self::Active,
            AdminUserStatus::Suspended => Self::Suspended,
            AdminUserStatus::Unverified => Self::Unverified,
        }
    }
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AdminUserSort {
    #[default]
    Newest,
    Oldest,
    Email,
}

impl From<AdminUserSort> for admin_users::Sort {
    fn from(s: AdminUserSort) -> Self {
        match s {
            AdminUserSort::Newest => Self::Newest,
            AdminUserSort::Oldest => Self::Oldest,
            AdminUserSort::Email => Self::Email,
        }
    }
}

/// A user as the panel lists them.
#[derive(SimpleObject, Clone)]
pub struct AdminUser {
    pub id: Uuid,
    pub email: String,
    pub display_name: Option<String>,
    pub plan_id: String,
    pub platform_role: Option<String>,
    pub email_verified: bool,
    pub suspended_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// The newest sign-in or key use.
    pub last_active_at: Option<DateTime<Utc>>,
    /// What they pay a month now, Rupiah before PPN (0: Free or an operator's grant).
    pub mrr_idr: i64,
    /// Requests granted on top of this period's quota (0: none), until the period ends.
    pub extra_requests: i64,
    pub extra_requests_until: Option<DateTime<Utc>>,
}

impl AdminUser {
    pub fn new(u: &users::Model, last_active_at: Option<DateTime<Utc>>, mrr_idr: i64) -> Self {
        Self {
            id: u.id,
            email: u.email.clone(),
            display_name: u.display_name.clone(),
            plan_id: u.plan_id.clone(),
            platform_role: u.platform_role.clone(),
            email_verified: u.email_verified,
            suspended_at: u.suspended_at,
            created_at: u.created_at,
            last_active_at,
            mrr_idr,
            extra_requests: u.extra_requests_at(Utc::now()),
            extra_requests_until: u.extra_requests_until.filter(|until| *until > Utc::now()),
        }
    }
}

#[derive(SimpleObject)]
pub struct AdminUserPage {
    /// Users matching the filter, over all pages.
    pub total: u64,
    pub items: Vec<AdminUser>,
}

/// A connection's state, without anything that identifies the provider account.
#[derive(SimpleObject)]
pub struct AdminConnection {
    pub id: Uuid,
    pub provider: ProviderName,
    pub kind: ConnectionKind,
    pub label: String,
    pub status: ConnectionStatus,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub last_error_at: Option<DateTime<Utc>>,
    pub token_expires_at: Option<DateTime<Utc>>,
}

impl From<&provider_accounts::Model> for AdminConnection {
    fn from(a: &provider_accounts::Model) -> Self {
        let full = crate::graphql::connection_types::Connection::new(a, &[]);
        Self {
            id: full.id,
            provider: full.provider,
            kind: full.kind,
            label: full.label,
            status: full.status,
            created_at: full.created_at,
            last_used_at: full.last_used_at,
            last_error_at: full.last_error_at,
            token_expires_at: full.token_expires_at,
        }
    }
}

/// A paid (or granted) month of a plan.
#[derive(SimpleObject)]
pub struct AdminPeriod {
    pub id: Uuid,
    pub plan_id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub lapsed_at: Option<DateTime<Utc>>,
}

impl From<&entities::billing::periods::Model> for AdminPeriod {
    fn from(p: &entities::billing::periods::Model) -> Self {
        Self {
            id: p.id,
            plan_id: p.plan_id.clone(),
            starts_at: p.starts_at,
            ends_at: p.ends_at,
            revoked_at: p.revoked_at,
            lapsed_at: p.lapsed_at,
        }
    }
}

/// A team the user belongs to, and their role in it.
#[derive(SimpleObject)]
pub struct AdminTeamMembership {
    pub team_id: Uuid,
    pub name: String,
    pub plan_id: String,
    pub role: String,
}

/// One entry of the operators' audit trail.
#[derive(SimpleObject)]
pub struct AdminAuditEntry {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub actor_email: String,
    pub actor_role: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<String>,
    pub target_label: Option<String>,
    /// JSON of the values before and after the change.
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
    pub ip: Option<String>,
}

impl From<admin_audit::Model> for AdminAuditEntry {
    fn from(m: admin_audit::Model) -> Self {
        Self {
            id: m.id,
            created_at: m.created_at,
            actor_id: m.actor_id,
            actor_email: m.actor_email,
            actor_role: m.actor_role,
            action: m.action,
            target_kind: m.target_kind,
            target_id: m.target_id,
            target_label: m.target_label,
            before: m.before.map(|v| v.to_string()),
            after: m.after.map(|v| v.to_string()),
            reason: m.reason,
            ip: m.ip,
        }
    }
}

#[derive(SimpleObject)]
pub struct AdminAuditPage {
    pub items: Vec<AdminAuditEntry>,
    /// Pass as `before` for the next (older) page; null: this was the last.
    pub next_before: Option<i64>,
}
