//! The Impersonation section: support opens a read-only, 30-minute view of a user's
//! dashboard (a session of the user's the panel sends as a bearer), and ends it in one click.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::impersonations;
use uuid::Uuid;

use super::access::AdminSection;
use crate::graphql::context::admin::{admin_reader, admin_writer};
use crate::graphql::error::ApiError;

/// A running view of a user's dashboard.
#[derive(SimpleObject)]
pub struct AdminImpersonation {
    pub id: Uuid,
    pub user_id: Uuid,
    pub user_email: String,
    pub started_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The session to send as `Authorization: Bearer` while viewing (only when it starts).
    pub token: Option<String>,
}

impl AdminImpersonation {
    fn new(row: &impersonations::Model, email: String, token: Option<String>) -> Self {
        Self {
            id: row.id,
            user_id: row.user_id,
            user_email: email,
            started_at: row.started_at,
            expires_at: row.expires_at,
            token,
        }
    }
}

#[derive(Default)]
pub struct AdminImpersonationQuery;

#[Object]
impl AdminImpersonationQuery {
    /// Your views of users' dashboards that still run.
    async fn admin_impersonations(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<AdminImpersonation>> {
        let admin = admin_reader(ctx, AdminSection::Impersonation).await?;
        let admin_id = admin.actor.user_id.unwrap_or_default();
        let rows = impersonations::running_by(admin.db(), admin_id)
            .await
            .map_err(ApiError::from)?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
        let emails = entities::admin_users::emails(admin.db(), &ids)
            .await
            .map_err(ApiError::from)?;
        Ok(rows
            .iter()
            .map(|r| {
                let email = emails.get(&r.user_id).cloned().unwrap_or_default();
                AdminImpersonation::new(r, email, None)
            })
            .collect())
    }
}

#[derive(Default)]
pub struct AdminImpersonationMutation;

#[Object]
impl AdminImpersonationMutation {
    /// Opens a read-only view of the user's dashboard for 30 minutes; the user sees it among
    /// their sessions. Answers the token to send as a bearer while viewing.
    async fn admin_start_impersonation(
        &self,
        ctx: &Context<'_>,
        user_id: Uuid,
        reason: String,
    ) -> async_graphql::Result<AdminImpersonation> {
        let admin = admin_writer(ctx, AdminSection::Impersonation).await?;
        let (row, session, user) =
            services::admin::impersonation::start(admin.db(), &admin.actor, user_id, &reason)
                .await
                .map_err(ApiError::from)?;
        Ok(AdminImpersonation::new(
            &row,
            user.email,
            Some(session.token),
        ))
    }

    /// Ends your view `id` now; false when it had already ended or expired.
    async fn admin_end_impersonation(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<bool> {
        let admin = admin_writer(ctx, AdminSection::Impersonation).await?;
        Ok(
            services::admin::impersonation::end(admin.db(), &admin.actor, id)
                .await
                .map_err(ApiError::from)?,
        )
    }
}
