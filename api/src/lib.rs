//! Satu's control plane: the GraphQL API, health, readiness, Prometheus metrics, the web app, and
//! the HTTP metrics middleware every role uses.

pub mod graphql;
pub mod http_metrics;
pub mod ops;
mod page_policy;
pub mod payments;
pub mod security_headers;
pub mod unsubscribe;
pub mod web;
