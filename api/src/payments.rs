//! `POST /api/payments/midtrans`: where Midtrans sends payment notifications (no session: the
//! signature is the proof). Answers at once; the worker does the rest (`billing::process`).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::ExtensionRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use billing::Billing;
use billing::webhook::{Verdict, receive};
use sea_orm::DatabaseConnection;
use serde_json::json;

use crate::graphql::http::client_ip;

/// A notification is a few kilobytes; anything much larger is not one.
const MAX_BODY: usize = 64 * 1024;

#[derive(Clone)]
struct PaymentsState {
    db: DatabaseConnection,
    billing: Arc<Billing>,
    trusted_proxy_hops: usize,
}

pub fn router(db: DatabaseConnection, billing: Arc<Billing>, trusted_proxy_hops: usize) -> Router {
    Router::new()
        .route("/api/payments/midtrans", post(notification))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(PaymentsState {
            db,
            billing,
            trusted_proxy_hops,
        })
}

async fn notification(
    State(s): State<PaymentsState>,
    peer: Result<ConnectInfo<SocketAddr>, ExtensionRejection>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let ip = client_ip(&headers, peer.ok().map(|c| c.0), s.trusted_proxy_hops);
    let (status, code, message) = match receive(&s.db, &s.billing, &body, ip.as_deref()).await {
        Verdict::Accepted => (StatusCode::OK, "OK", "stored"),
        Verdict::Malformed => (
            StatusCode::BAD_REQUEST,
            "MALFORMED",
            "not a Midtrans notification",
        ),
        Verdict::Forged => (
            StatusCode::FORBIDDEN,
            "BAD_SIGNATURE",
            "the signature does not match",
        ),
        Verdict::UnknownOrder => (StatusCode::NOT_FOUND, "UNKNOWN_ORDER", "no such order"),
        Verdict::Unavailable => (
            StatusCode::SERVICE_UNAVAILABLE,
            "UNAVAILABLE",
            "try again later",
        ),
    };
    (
        status,
        axum::Json(json!({"status": code, "message": message})),
    )
        .into_response()
}
