//! The operators' context: an [`AdminCtx`] exists only for a signed-in user whose platform
//! role opens the section asked for (see `admin::access`); it is the only way admin resolvers
//! reach other users' rows, and every change it makes goes through the service layer, which
//! writes the audit trail in the same transaction.

use std::collections::HashMap;

use async_graphql::Context;
use chrono::{DateTime, Utc};
use entities::admin_audit::{self, Actor};
use entities::billing::{invoices, periods};
use entities::{Workspace, admin_users, provider_accounts, team_members, teams, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use uuid::Uuid;

use super::{Viewer, deps, meta, require_post};
use crate::graphql::admin::access::{AdminSection, PlatformRole};
use crate::graphql::error::{ApiError, ApiResult};

pub struct AdminCtx<'a> {
    db: &'a DatabaseConnection,
    pub actor: Actor,
    pub role: PlatformRole,
}

/// For admin queries: an operator whose role opens `section`.
pub async fn admin_reader<'a>(ctx: &Context<'a>, section: AdminSection) -> ApiResult<AdminCtx<'a>> {
    let viewer = meta(ctx).viewer.as_ref().ok_or(ApiError::Unauthenticated)?;
    admin_for(&deps(ctx).db, viewer, meta(ctx).ip.clone(), section).await
}

/// The same for HTTP endpoints outside GraphQL that resolved the session themselves.
pub async fn admin_for<'a>(
    db: &'a DatabaseConnection,
    viewer: &Viewer,
    ip: Option<String>,
    section: AdminSection,
) -> ApiResult<AdminCtx<'a>> {
    // A view of a user's dashboard never reaches the admin API, whoever the user is.
    if viewer.impersonation.is_some() {
        return Err(ApiError::NotFound("Page"));
    }
    let user = users::Entity::find_by_id(viewer.user_id)
        .one(db)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    // Not an operator: the admin API does not exist for them.
    let role = user
        .platform_role
        .as_deref()
        .and_then(PlatformRole::parse)
        .ok_or(ApiError::NotFound("Page"))?;
    if !section.allows(role) {
        return Err(ApiError::Forbidden(format!(
            "The {role} role does not open this part of the admin panel."
        )));
    }
    Ok(AdminCtx {
        db,
        role,
        actor: Actor {
            user_id: Some(user.id),
            email: user.email,
            role: role.as_str().to_owned(),
            ip,
        },
    })
}

/// For admin mutations: the same, over POST with the CSRF header for cookie sessions.
pub async fn admin_writer<'a>(ctx: &Context<'a>, section: AdminSection) -> ApiResult<AdminCtx<'a>> {
    let admin = admin_reader(ctx, section).await?;
    require_post(ctx)?;
    let m = meta(ctx);
    let cookie = m
        .viewer
        .as_ref()
        .is_some_and(|v| v.via == super::Via::Cookie);
    if cookie && !m.csrf_ok {
        return Err(ApiError::CsrfMissing);
    }
    Ok(admin)
}

impl AdminCtx<'_> {
    pub fn db(&self) -> &DatabaseConnection {
        self.db
    }

    pub async fn users(
        &self,
        filter: &admin_users::Filter,
        offset: u64,
        limit: u64,
    ) -> ApiResult<(u64, Vec<users::Model>)> {
        Ok(admin_users::search(self.db, filter, offset, limit).await?)
    }

    pub async fn user(&self, id: Uuid) -> ApiResult<users::Model> {
        users::Entity::find_by_id(id)
            .one(self.db)
            .await?
            .ok_or(ApiError::NotFound("User"))
    }

    /// Last seen and monthly revenue of each of `ids`.
    pub async fn activity(
        &self,
        ids: &[Uuid],
    ) -> ApiResult<(HashMap<Uuid, DateTime<Utc>>, HashMap<Uuid, i64>)> {
        let seen = admin_users::last_active(self.db, ids).await?;
        let revenue = admin_users::monthly_revenue(self.db, ids, Utc::now()).await?;
        Ok((seen, revenue))
    }

    pub async fn connections_of(&self, id: Uuid) -> ApiResult<Vec<provider_accounts::Model>> {
        Ok(provider_accounts::list_in(self.db, Workspace::Personal(id)).await?)
    }

    pub async fn invoices_of(&self, id: Uuid) -> ApiResult<Vec<invoices::Model>> {
        Ok(invoices::for_user(self.db, id).await?)
    }

    pub async fn periods_of(&self, id: Uuid) -> ApiResult<Vec<periods::Model>> {
        Ok(periods::for_user(self.db, id).await?)
    }

    pub async fn teams_of(&self, id: Uuid) -> ApiResult<Vec<(teams::Model, team_members::Model)>> {
        Ok(teams::of_user(self.db, id).await?)
    }

    pub async fn audit(
        &self,
        filter: &admin_audit::Filter,
        before_id: Option<i64>,
        limit: u64,
    ) -> ApiResult<Vec<admin_audit::Model>> {
        Ok(admin_audit::page(self.db, filter, before_id, limit).await?)
    }
}
