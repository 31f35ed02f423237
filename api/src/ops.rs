//! `/healthz` (the process answers), `/readyz` (the database answers) and `/metrics`.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use sea_orm::DatabaseConnection;

#[derive(Clone)]
struct OpsState {
    db: DatabaseConnection,
    metrics: Option<PrometheusHandle>,
}

pub fn router(db: DatabaseConnection) -> Router {
    let state = OpsState {
        db,
        metrics: crate::http_metrics::handle(),
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

async fn metrics(State(state): State<OpsState>) -> impl IntoResponse {
    let body = state.metrics.map(|h| h.render()).unwrap_or_default();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body)
}
