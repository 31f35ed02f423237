//! The control plane's GraphQL API at `/graphql` (GraphiQL at `/graphiql`). See docs/api.md.

mod account;
pub mod attempts;
pub mod config;
pub mod context;
pub mod error;
mod export;
mod export_format;
mod http;
mod keys;
mod plans;
pub mod session;
mod types;
mod usage;
pub mod usage_scope;
mod usage_types;

use async_graphql::{EmptySubscription, MergedObject, Schema};

pub use config::ApiConfig;
pub use context::ApiDeps;
pub use http::router;

#[derive(MergedObject, Default)]
pub struct Query(
    account::AccountQuery,
    keys::KeysQuery,
    plans::PlansQuery,
    usage::UsageQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(account::AccountMutation, keys::KeysMutation);

pub type SatuSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema with its limits; `deps` is absent only when printing the SDL.
pub fn build_schema(config: &ApiConfig, deps: Option<ApiDeps>) -> SatuSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .limit_depth(config.max_depth)
        .limit_complexity(config.max_complexity);
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
