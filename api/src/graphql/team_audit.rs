//! A team's audit log in GraphQL (owners and admins): who did what, when, with the values
//! before and after, newest first, in pages.

use async_graphql::{Context, Json, Object, SimpleObject};
use chrono::{DateTime, Utc};
use serde_json::Value;

use super::context::reader;
use super::error::ApiError;

const MAX_PAGE: i32 = 200;

#[derive(SimpleObject)]
pub struct TeamAuditEntry {
    /// Pass as `before` for older entries.
    pub id: i64,
    pub at: DateTime<Utc>,
    /// Who did it; null for an operator's command or a person since deleted.
    pub actor_email: Option<String>,
    /// `member.removed`, `key.created`, `routing.changed`, …
    pub action: String,
    /// What it was done to: a member's email, a key's or connection's name.
    pub target: Option<String>,
    pub before: Option<Json<Value>>,
    pub after: Option<Json<Value>>,
}

#[derive(Default)]
pub struct TeamAuditQuery;

#[Object]
impl TeamAuditQuery {
    /// The current team's audit log, newest first: `first` (1–200) entries older than
    /// `before` (an entry's id).
    async fn team_audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 50)] first: i32,
        before: Option<i64>,
    ) -> async_graphql::Result<Vec<TeamAuditEntry>> {
        let user = reader(ctx)?;
        if !(1..=MAX_PAGE).contains(&first) {
            return Err(ApiError::BadInput(format!("`first` must be 1 to {MAX_PAGE}.")).into());
        }
        let limit = u64::try_from(first).unwrap_or(1);
        Ok(user
            .audit_log(before, limit)
            .await?
            .into_iter()
            .map(|(entry, actor_email)| TeamAuditEntry {
                id: entry.id,
                at: entry.created_at,
                actor_email,
                action: entry.action,
                target: entry.target,
                before: entry.before.map(Json),
                after: entry.after.map(Json),
            })
            .collect())
    }
}
