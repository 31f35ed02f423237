//! The operators' audit trail, read-only: no role can change or remove an entry (the database
//! refuses it too).

use async_graphql::{Context, InputObject, Object};
use entities::admin_audit::Filter;
use uuid::Uuid;

use super::access::AdminSection;
use super::types::{AdminAuditEntry, AdminAuditPage};
use crate::graphql::context::admin::admin_reader;

#[derive(InputObject, Default)]
pub struct AdminAuditFilter {
    /// Entries about this target (a user id, an order id).
    pub target_id: Option<String>,
    pub actor_id: Option<Uuid>,
    /// `user.suspended`, `user.plan_changed`, …
    pub action: Option<String>,
    /// Part of the actor's email, the target's name or the reason.
    pub text: Option<String>,
}

#[derive(Default)]
pub struct AdminAuditQuery;

#[Object]
impl AdminAuditQuery {
    /// Newest first; pass `nextBefore` as `before` for the next page (`first` up to 200).
    async fn admin_audit(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: AdminAuditFilter,
        before: Option<i64>,
        #[graphql(default = 50)] first: u64,
    ) -> async_graphql::Result<AdminAuditPage> {
        let admin = admin_reader(ctx, AdminSection::Logs).await?;
        let filter = Filter {
            target_id: filter.target_id,
            actor_id: filter.actor_id,
            action: filter.action,
            text: filter.text,
        };
        let limit = first.clamp(1, 200);
        let rows = admin.audit(&filter, before, limit).await?;
        let next_before = (rows.len() as u64 == limit)
            .then(|| rows.last().map(|r| r.id))
            .flatten();
        Ok(AdminAuditPage {
            items: rows.into_iter().map(AdminAuditEntry::from).collect(),
            next_before,
        })
    }
}
