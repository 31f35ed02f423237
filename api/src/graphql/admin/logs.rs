//! The Logs section: upstream errors, refusals, OAuth failures and security events, newest
//! first, a page at a time (`nextBefore`), filtered by provider. The audit trail is
//! `adminAudit`.

use std::collections::HashMap;

use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::admin_logs::{self, RequestLog};
use entities::billing::security_events;
use entities::{admin_users, provider_accounts, usage_events};
use uuid::Uuid;

use super::access::AdminSection;
use crate::graphql::context::admin::admin_reader;
use crate::graphql::error::ApiResult;

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminLogKind {
    UpstreamErrors,
    Refusals,
    OauthFailures,
    /// Failed sign-ins, lockouts, refused payment notifications, suspended keys in use.
    Security,
}

#[derive(SimpleObject, Clone)]
pub struct AdminLogEntry {
    pub at: DateTime<Utc>,
    /// What happened: an error kind (`upstream_timeout`, `quota_exceeded`, …), a connection's
    /// state, or a security event (`sign_in_failed`, `bad_signature`, …).
    pub kind: String,
    pub user_id: Option<Uuid>,
    pub email: Option<String>,
    pub provider: Option<String>,
    pub model: Option<String>,
    pub status_code: Option<i32>,
    pub detail: Option<String>,
    pub ip: Option<String>,
    pub request_id: Option<Uuid>,
}

impl AdminLogEntry {
    fn of_request(r: &usage_events::Model) -> Self {
        Self {
            at: r.created_at,
            kind: r.error_kind.clone().unwrap_or_else(|| "error".to_owned()),
            user_id: r.user_id,
            email: None,
            provider: r.provider.clone(),
            model: Some(r.model.clone()).filter(|m| !m.is_empty()),
            status_code: Some(r.status_code),
            detail: Some(r.endpoint.clone()),
            ip: None,
            request_id: Some(r.request_id),
        }
    }

    fn of_connection(a: &provider_accounts::Model) -> Self {
        Self {
            at: a.last_error_at.unwrap_or(a.updated_at),
            kind: a.status.clone(),
            user_id: Some(a.user_id),
            email: None,
            provider: Some(a.provider.clone()),
            model: None,
            status_code: None,
            detail: a.last_error.clone(),
            ip: None,
            request_id: None,
        }
    }

    fn of_event(e: &security_events::Model) -> Self {
        Self {
            at: e.created_at,
            kind: e.kind.clone(),
            user_id: None,
            email: None,
            provider: None,
            model: None,
            status_code: None,
            detail: Some(e.detail.clone()),
            ip: e.ip.clone(),
            request_id: None,
        }
    }
}

#[derive(SimpleObject)]
pub struct AdminLogPage {
    pub items: Vec<AdminLogEntry>,
    /// Pass as `before` for the next (older) page; null: this was the last.
    pub next_before: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct AdminLogsQuery;

#[Object]
impl AdminLogsQuery {
    async fn admin_logs(
        &self,
        ctx: &Context<'_>,
        kind: AdminLogKind,
        provider: Option<String>,
        before: Option<DateTime<Utc>>,
        #[graphql(default = 50)] first: u64,
    ) -> async_graphql::Result<AdminLogPage> {
        let admin = admin_reader(ctx, AdminSection::Logs).await?;
        let limit = first.clamp(1, 200);
        let db = admin.db();
        let provider = provider.as_deref();
        let mut items = match kind {
            AdminLogKind::UpstreamErrors => {
                requests(db, RequestLog::UpstreamErrors, provider, before, limit).await?
            }
            AdminLogKind::Refusals => {
                requests(db, RequestLog::Refusals, provider, before, limit).await?
            }
            AdminLogKind::OauthFailures => admin_logs::oauth_failures(db, provider, before, limit)
                .await?
                .iter()
                .map(AdminLogEntry::of_connection)
                .collect(),
            AdminLogKind::Security => security(db, before, limit).await?,
        };
        with_emails(db, &mut items).await?;
        let next_before = (items.len() as u64 == limit)
            .then(|| items.last().map(|e| e.at))
            .flatten();
        Ok(AdminLogPage { items, next_before })
    }
}

async fn requests(
    db: &sea_orm::DatabaseConnection,
    log: RequestLog,
    provider: Option<&str>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> ApiResult<Vec<AdminLogEntry>> {
    let rows = admin_logs::requests(db, log, provider, before, limit).await?;
    Ok(rows.iter().map(AdminLogEntry::of_request).collect())
}

/// Security events and suspended keys in use, merged newest first.
async fn security(
    db: &sea_orm::DatabaseConnection,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> ApiResult<Vec<AdminLogEntry>> {
    let events = security_events::page(db, &[], before, limit).await?;
    let mut merged: Vec<AdminLogEntry> = events.iter().map(AdminLogEntry::of_event).collect();
    merged.extend(requests(db, RequestLog::SuspendedKeys, None, before, limit).await?);
    merged.sort_by_key(|e| std::cmp::Reverse(e.at));
    merged.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(merged)
}

async fn with_emails(
    db: &sea_orm::DatabaseConnection,
    items: &mut [AdminLogEntry],
) -> ApiResult<()> {
    let ids: Vec<Uuid> = items.iter().filter_map(|e| e.user_id).collect();
    let emails: HashMap<Uuid, String> = admin_users::emails(db, &ids).await?;
    for item in items {
        item.email = item.user_id.and_then(|id| emails.get(&id).cloned());
    }
    Ok(())
}
