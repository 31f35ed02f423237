//! Who is asking, and the permission layer: resolvers get a [`UserCtx`] from the request, and
//! every query it hands out is scoped to that user, so another user's rows cannot be reached
//! by id (they are "not found"). Its database handle is private: only the child modules here
//! (one per domain) query with it, so a resolver cannot write an unscoped query by accident.

mod account;
pub mod admin;
mod billing;
mod connections;
mod keys;
mod routing;
pub(crate) mod teams;
pub mod usage;
mod usage_members;

use std::sync::Arc;

use async_graphql::Context;
use entities::Workspace;
use entities::api_keys::KeyScope;
use entities::team_members::Role;
use proxy::bus::Bus;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::attempts::Attempts;
use super::config::ApiConfig;
use super::connections::ConnectionServices;
use super::error::{ApiError, ApiResult};
use super::workspace::Refused;

/// How the session reached us: a cookie needs the CSRF header on changes, a bearer does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Cookie,
    Bearer,
}

#[derive(Clone, Debug)]
pub struct Viewer {
    pub user_id: Uuid,
    pub session_id: Uuid,
    pub via: Via,
    /// The workspace the request works in, or why the one it named was refused.
    pub scope: Result<Scope, Refused>,
    /// The Google Workspace domain the session signed in from, if any.
    pub google_hd: Option<String>,
    /// Support's read-only view of this user's dashboard (the impersonation's id).
    pub impersonation: Option<Uuid>,
}

/// A workspace and the viewer's role in it (`None`: their own workspace).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub workspace: Workspace,
    pub role: Option<Role>,
}

/// Facts about the HTTP request, resolved before the operation runs.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub viewer: Option<Viewer>,
    /// The `x-csrf-token` header matches the `satu_csrf` cookie.
    pub csrf_ok: bool,
    /// Changes are only accepted over POST (a GET may be a cross-site link).
    pub is_post: bool,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// The client reached us over https, per a trusted proxy's `x-forwarded-proto`.
    pub https: bool,
    /// The sealed Google sign-in this browser started, if any.
    pub google_flow: Option<String>,
}

/// Shared handles every resolver may use.
pub struct ApiDeps {
    pub db: DatabaseConnection,
    pub attempts: Attempts,
    pub config: ApiConfig,
    pub bus: Arc<Bus>,
    pub connections: ConnectionServices,
    /// Present when billing is configured (`billing.midtrans.server_key`).
    pub billing: Option<Arc<::billing::Billing>>,
    /// The seller printed on invoices (`billing.seller_*`), billing on or off.
    pub seller: Arc<::billing::invoice_pdf::Seller>,
}

pub fn deps<'a>(ctx: &Context<'a>) -> &'a ApiDeps {
    // The schema is always built with ApiDeps (see `build_schema`).
    ctx.data_unchecked::<ApiDeps>()
}

pub fn meta<'a>(ctx: &Context<'a>) -> &'a RequestMeta {
    static NONE: std::sync::OnceLock<RequestMeta> = std::sync::OnceLock::new();
    ctx.data_opt::<RequestMeta>()
        .unwrap_or_else(|| NONE.get_or_init(RequestMeta::default))
}

/// A signed-in user's view of Satu. Only this type reaches user- and team-owned rows: the
/// user's own (profile, sessions, billing) by `user_id`, the workspace's (connections, keys,
/// routing, usage) through `scope`, whose role decides what may change.
pub struct UserCtx<'a> {
    db: &'a DatabaseConnection,
    pub user_id: Uuid,
    pub session_id: Uuid,
    pub scope: Scope,
    /// The Google Workspace domain this session signed in from, if any.
    pub google_hd: Option<String>,
}

impl<'a> UserCtx<'a> {
    /// For HTTP endpoints outside GraphQL that resolved the session themselves.
    pub fn for_viewer(db: &'a DatabaseConnection, viewer: &Viewer) -> ApiResult<Self> {
        Ok(Self {
            db,
            user_id: viewer.user_id,
            session_id: viewer.session_id,
            scope: viewer.scope.clone().map_err(ApiError::Workspace)?,
            google_hd: viewer.google_hd.clone(),
        })
    }

    pub fn workspace(&self) -> Workspace {
        self.scope.workspace
    }

    /// Changes to the workspace's connections, routing, members and others' keys: anyone in
    /// their own workspace, a team's owner and admins.
    pub fn require_manager(&self) -> ApiResult<()> {
        if self.scope.manages() {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "Only the team's owner and admins can do this.".to_owned(),
            ))
        }
    }

    /// The keys the viewer sees and changes: the workspace's, or in a team a plain member's
    /// own.
    pub fn key_scope(&self) -> KeyScope {
        KeyScope {
            workspace: self.workspace(),
            member: (!self.scope.manages()).then_some(self.user_id),
        }
    }
}

/// For queries: any valid session, in a workspace it belongs to.
pub fn reader<'a>(ctx: &Context<'a>) -> ApiResult<UserCtx<'a>> {
    let viewer = meta(ctx).viewer.as_ref().ok_or(ApiError::Unauthenticated)?;
    UserCtx::for_viewer(&deps(ctx).db, viewer)
}

/// For mutations: a valid session, over POST, with the CSRF header when it came as a cookie.
pub fn writer<'a>(ctx: &Context<'a>) -> ApiResult<UserCtx<'a>> {
    let user = reader(ctx)?;
    require_post(ctx)?;
    let m = meta(ctx);
    let cookie = m.viewer.as_ref().is_some_and(|v| v.via == Via::Cookie);
    if cookie && !m.csrf_ok {
        return Err(ApiError::CsrfMissing);
    }
    Ok(user)
}

/// Changes travel over POST only, and never through support's read-only view (the HTTP layer
/// refuses those first; this also covers a websocket).
pub fn require_post(ctx: &Context<'_>) -> ApiResult<()> {
    if meta(ctx)
        .viewer
        .as_ref()
        .is_some_and(|v| v.impersonation.is_some())
    {
        return Err(ApiError::ReadOnlyView);
    }
    if meta(ctx).is_post {
        Ok(())
    } else {
        Err(ApiError::BadInput(
            "Mutations must be sent with POST.".to_owned(),
        ))
    }
}
