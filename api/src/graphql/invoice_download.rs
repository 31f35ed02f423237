//! `GET /api/invoices/{id}/pdf`: an invoice or credit note as a PDF, for its owner (the same
//! session as GraphQL, cookie or bearer) or an operator whose role opens Finance (the download
//! audited); anyone else's id reads as not found.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use billing::invoice_pdf::{self, Seller};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use entities::admin_audit::{self, Entry, action};
use entities::billing::invoices;
use sea_orm::EntityTrait;

use super::admin::access::AdminSection;
use super::context::admin::admin_for;
use super::context::{UserCtx, Viewer};
use super::error::{ApiError, ApiResult};
use super::export::{CookieSettings, error_response};
use super::session;

#[derive(Clone)]
struct DownloadState {
    db: DatabaseConnection,
    cookies: CookieSettings,
    seller: Arc<Seller>,
}

pub fn router(db: DatabaseConnection, cookies: CookieSettings, seller: Arc<Seller>) -> Router {
    Router::new()
        .route("/api/invoices/{id}/pdf", get(download))
        .with_state(DownloadState {
            db,
            cookies,
            seller,
        })
}

async fn download(
    State(s): State<DownloadState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    match pdf(&s, &headers, &id).await {
        Ok(response) => response,
        Err(e) => error_response(&e),
    }
}

async fn pdf(s: &DownloadState, headers: &HeaderMap, id: &str) -> ApiResult<Response> {
    let https = session::request_https(headers, s.cookies.trusted_proxy_hops);
    let secure = session::secure(s.cookies.secure, https);
    let (viewer, _) = session::viewer(&s.db, headers, secure)
        .await
        .ok_or(ApiError::Unauthenticated)?;
    let id: Uuid = id.parse().map_err(|_| ApiError::NotFound("Invoice"))?;
    let own = UserCtx::for_viewer(&s.db, &viewer)?.invoice(id).await?;
    let invoice = match own {
        Some(invoice) => invoice,
        None => for_operator(s, headers, &viewer, id).await?,
    };
    let bytes = invoice_pdf::for_invoice(&s.db, &invoice, &s.seller)
        .await
        .map_err(|e| ApiError::internal("rendering an invoice", &e))?;
    let disposition = format!(
        "attachment; filename=\"{}\"",
        invoice_pdf::file_name(&invoice)
    );
    let disposition = HeaderValue::from_str(&disposition)
        .map_err(|e| ApiError::internal("invoice header", &e))?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        ),
        (header::CONTENT_DISPOSITION, disposition),
        (
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        ),
    ];
    Ok((headers, bytes).into_response())
}

/// Someone else's invoice, for an operator in Finance (the download goes into the audit
/// trail); not found for everyone else.
async fn for_operator(
    s: &DownloadState,
    headers: &HeaderMap,
    viewer: &Viewer,
    id: Uuid,
) -> ApiResult<invoices::Model> {
    let ip = super::http::client_ip(headers, None, s.cookies.trusted_proxy_hops);
    let admin = admin_for(&s.db, viewer, ip, AdminSection::Finance)
        .await
        .map_err(|_| ApiError::NotFound("Invoice"))?;
    let invoice = invoices::Entity::find_by_id(id)
        .one(&s.db)
        .await?
        .ok_or(ApiError::NotFound("Invoice"))?;
    let entry = Entry {
        action: action::INVOICE_DOWNLOADED,
        target_kind: "invoice",
        target_id: Some(invoice.id.to_string()),
        target_label: Some(invoice.number.clone()),
        before: None,
        after: None,
        reason: None,
    };
    admin_audit::record(&s.db, &admin.actor, entry).await?;
    Ok(invoice)
}
