//! The control plane's GraphQL API at `/graphql` (GraphiQL at `/graphiql`). See docs/api.md.

mod account;
pub mod admin;
pub mod attempts;
mod audit_export;
mod billing;
mod codes;
pub mod config;
mod connection_types;
pub mod connections;
pub mod context;
pub mod error;
mod export;
mod export_format;
mod google;
mod graphiql;
pub(crate) mod http;
mod impersonation;
mod invoice_download;
mod keys;
mod live;
mod live_limits;
mod live_session;
mod models;
mod plan_change;
mod plans;
mod post_guard;
mod preferences;
mod recovery;
mod routing;
mod security;
mod server_info;
pub mod session;
mod signup;
mod team_audit;
mod team_invites;
mod team_settings;
mod teams;
mod types;
mod usage;
mod usage_types;
pub mod workspace;

use async_graphql::{MergedObject, MergedSubscription, Schema};

pub use config::{ApiConfig, GoogleConfig};
pub use context::ApiDeps;
pub use http::router;

#[derive(MergedObject, Default)]
pub struct Query(
    account::AccountQuery,
    signup::SignUpQuery,
    billing::BillingQuery,
    plan_change::PlanChangeQuery,
    keys::KeysQuery,
    plans::PlansQuery,
    connections::ConnectionsQuery,
    routing::RoutingQuery,
    models::ModelsQuery,
    usage::UsageQuery,
    server_info::ServerInfoQuery,
    preferences::PreferencesQuery,
    teams::TeamsQuery,
    team_invites::TeamInvitesQuery,
    team_audit::TeamAuditQuery,
    admin::AdminQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(
    signup::SignUpMutation,
    billing::BillingMutation,
    plan_change::PlanChangeMutation,
    account::AccountMutation,
    account::DeletionMutation,
    google::GoogleMutation,
    recovery::RecoveryMutation,
    keys::KeysMutation,
    connections::ConnectionsMutation,
    routing::RoutingMutation,
    preferences::PreferencesMutation,
    teams::TeamsMutation,
    team_invites::TeamInvitesMutation,
    team_settings::TeamSettingsMutation,
    admin::AdminMutation,
);

#[derive(MergedSubscription, Default)]
pub struct Subscription(live::LiveSubscription, admin::AdminSubscription);

pub type SatuSchema = Schema<Query, Mutation, Subscription>;

/// The schema with its limits; `deps` is absent only when printing the SDL.
pub fn build_schema(config: &ApiConfig, deps: Option<ApiDeps>) -> SatuSchema {
    let mut builder = Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .limit_depth(config.max_depth)
    .limit_complexity(config.max_complexity)
    .extension(codes::ErrorCodes);
    if !config.introspection {
        builder = builder.disable_introspection();
    }
    if let Some(deps) = deps {
        builder = builder.data(deps);
    }
    builder.finish()
}

/// The schema in SDL: what `satu schema` prints and `schema.graphql` holds.
pub fn sdl() -> String {
    build_schema(&ApiConfig::default(), None).sdl()
}
