//! Satu's control plane edges. Today: health, readiness, Prometheus metrics, the web app, and the HTTP
//! metrics middleware every role uses. The GraphQL API lands here next.

pub mod http_metrics;
pub mod ops;
pub mod web;
