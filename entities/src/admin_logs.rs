//! The Logs section's reads, newest first and paged by time: requests that failed upstream,
//! requests Satu refused (quotas, rate limits, budgets, suspended accounts), connections whose
//! sign-in refresh failed, and security events.

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::{AccountKind, provider_accounts, usage_events};

/// The usage rows of one log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestLog {
    /// The provider failed, timed out, or refused the account.
    UpstreamErrors,
    /// Satu refused before any provider: limits, budgets, a suspended account.
    Refusals,
    /// Keys of suspended accounts still in use.
    SuspendedKeys,
}

pub const SUSPENDED_KIND: &str = "account_suspended";

pub async fn requests(
    db: &impl ConnectionTrait,
    log: RequestLog,
    provider: Option<&str>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<usage_events::Model>, DbErr> {
    use usage_events::Column as C;
    let upstream = Condition::any()
        .add(C::ErrorKind.starts_with("upstream"))
        .add(C::StatusCode.gte(500));
    let condition = match log {
        RequestLog::UpstreamErrors => upstream,
        RequestLog::Refusals => Condition::all()
            .add(C::StatusCode.is_in([403, 429]))
            .add(C::ErrorKind.is_not_null())
            .add(upstream.not()),
        RequestLog::SuspendedKeys => Condition::all().add(C::ErrorKind.eq(SUSPENDED_KIND)),
    };
    let mut query = usage_events::Entity::find().filter(condition);
    if let Some(provider) = provider {
        query = query.filter(C::Provider.eq(provider));
    }
    if let Some(before) = before {
        query = query.filter(C::CreatedAt.lt(before));
    }
    query.order_by_desc(C::CreatedAt).limit(limit).all(db).await
}

/// Subscription connections whose last refresh (or use) failed, most recent failure first.
pub async fn oauth_failures(
    db: &impl ConnectionTrait,
    provider: Option<&str>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<provider_accounts::Model>, DbErr> {
    use provider_accounts::Column as C;
    let mut query = provider_accounts::Entity::find()
        .filter(C::Kind.eq(AccountKind::OAuth.as_str()))
        .filter(C::LastErrorAt.is_not_null());
    if let Some(provider) = provider {
        query = query.filter(C::Provider.eq(provider));
    }
    if let Some(before) = before {
        query = query.filter(C::LastErrorAt.lt(before));
    }
    query
        .order_by_desc(C::LastErrorAt)
        .limit(limit)
        .all(db)
        .await
}
