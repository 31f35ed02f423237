//! `/healthz` (the process answers), `/readyz` (the database answers) and `/metrics`.
//!
//! `/metrics` tells how busy Satu is, and which routes and providers fail: with a token
//! configured it asks for `Authorization: Bearer <token>`; without one it answers only
//! scrapers on the same host (loopback).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::ExtensionRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use sea_orm::DatabaseConnection;

use crate::graphql::session::constant_time_eq;

#[derive(Clone)]
struct OpsState {
    db: DatabaseConnection,
    metrics: Option<PrometheusHandle>,
    metrics_token: Option<Arc<str>>,
}

pub fn router(db: DatabaseConnection, metrics_token: Option<&str>) -> Router {
    let state = OpsState {
        db,
        metrics: crate::http_metrics::handle(),
        metrics_token: metrics_token.filter(|t| !t.is_empty()).map(Arc::from),
    };
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn readyz(State(state): State<OpsState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}

async fn metrics(
    State(state): State<OpsState>,
    peer: Result<ConnectInfo<SocketAddr>, ExtensionRejection>,
    headers: HeaderMap,
) -> Response {
    let peer = peer.ok().map(|c| c.0);
    if let Err(refusal) = may_scrape(state.metrics_token.as_deref(), &headers, peer) {
        return refusal.into_response();
    }
    let body = state.metrics.map(|h| h.render()).unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}

fn may_scrape(
    token: Option<&str>,
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
) -> Result<(), (StatusCode, &'static str)> {
    match token {
        Some(token) => {
            let presented = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or_default();
            if constant_time_eq(presented.as_bytes(), token.as_bytes()) {
                Ok(())
            } else {
                Err((StatusCode::UNAUTHORIZED, "metrics need the bearer token"))
            }
        }
        None if peer.is_some_and(|p| p.ip().is_loopback()) => Ok(()),
        None => Err((
            StatusCode::FORBIDDEN,
            "metrics answer only on this host; set server.metrics_token to scrape from elsewhere",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_need_the_token_or_a_local_scraper() {
        let local: SocketAddr = "127.0.0.1:9000".parse().unwrap();
        let remote: SocketAddr = "10.1.2.3:9000".parse().unwrap();
        let none = HeaderMap::new();
        let mut bearer = HeaderMap::new();
        bearer.insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
        assert!(may_scrape(None, &none, Some(local)).is_ok());
        assert_eq!(
            may_scrape(None, &none, Some(remote)).unwrap_err().0,
            StatusCode::FORBIDDEN
        );
        assert!(may_scrape(None, &none, None).is_err());
        assert!(may_scrape(Some("s3cret"), &bearer, Some(remote)).is_ok());
        assert_eq!(
            may_scrape(Some("s3cret"), &none, Some(local))
                .unwrap_err()
                .0,
            StatusCode::UNAUTHORIZED
        );
        assert!(may_scrape(Some("other"), &bearer, Some(local)).is_err());
    }
}
