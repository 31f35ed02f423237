//! End-to-end tests of the `satu` app and binary over real HTTP, on SQLite and Postgres, against
//! mock upstreams that speak the providers' wire formats.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr
)]

#[path = "../support/mod.rs"]
mod support;

mod admin;
mod admin_analytics;
mod admin_finance;
mod admin_health;
mod admin_impersonation;
mod admin_logs;
mod admin_queries;
mod admin_users;
mod billing;
mod billing_plans;
mod bounds;
mod chat;
mod cli;
mod cli_operations;
mod connections;
mod email;
mod errors;
mod faults;
mod gemini;
mod graphql;
mod graphql_accounts;
mod graphql_connections;
mod graphql_csrf;
mod graphql_google;
mod graphql_settings;
mod lanes;
mod limits;
mod limits_replicas;
mod live;
mod matrix;
mod model_lists;
mod model_retirement;
mod ops;
mod real_clis;
mod refresh;
mod responses;
mod routing;
mod sdks;
mod server_limits;
mod shutdown;
mod subscriptions;
mod teams;
mod teams_invites;
mod teams_limits;
mod teams_usage;
mod traces;
mod translate;
mod usage_api;
