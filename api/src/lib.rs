//! Satu's control plane edges. Today: health, readiness and Prometheus metrics, plus the HTTP
//! metrics middleware every role uses. The GraphQL API lands here next.

pub mod http_metrics;
pub mod ops;
