//! `GET /api/usage/export?format=csv|json&…`: the request logs as a download, with the filters of
//! `requestLogs`. Signed in with the same session as GraphQL (cookie or bearer). Rows are read
//! in pages of [`BATCH`] and written as they come, so memory stays flat whatever the export's
//! size; a failure after the first byte can only cut the download short (and is logged).

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use entities::usage_queries::{Cursor, LogFilter};
use futures::Stream;
use sea_orm::DatabaseConnection;
use serde::Deserialize;
use uuid::Uuid;

use super::config::CookieSecure;
use super::context::usage::{Checked, UsageReader};
use super::context::{UserCtx, Viewer};
use super::error::{ApiError, ApiResult};
use super::export_format::{Format, footer, header_row, rows};
use super::session;
use super::usage_types::{RequestLogFilter, RequestStatus};
use super::workspace;

/// Rows per database read.
pub const BATCH: u64 = 500;

/// How session cookies are named and flagged, as for `/graphql`.
#[derive(Clone, Copy)]
pub struct CookieSettings {
    pub secure: CookieSecure,
    pub trusted_proxy_hops: usize,
}

pub fn router(db: DatabaseConnection, cookies: CookieSettings) -> Router {
    Router::new()
        .route("/api/usage/export", get(download))
        .with_state((db, cookies))
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Params {
    #[serde(default)]
    format: Format,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    model: Option<String>,
    provider: Option<String>,
    api_key_id: Option<Uuid>,
    account_id: Option<Uuid>,
    member_id: Option<Uuid>,
    status: Option<Status>,
    /// The team to export from (a download link cannot carry the `x-satu-workspace` header).
    workspace: Option<String>,
}

#[derive(Deserialize, Debug, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Status {
    Ok,
    Error,
}

async fn download(
    State((db, cookies)): State<(DatabaseConnection, CookieSettings)>,
    headers: HeaderMap,
    params: Result<Query<Params>, QueryRejection>,
) -> Response {
    match start(&db, &headers, cookies, params).await {
        Ok(response) => response,
        Err(e) => error_response(&e),
    }
}

/// Who asks for a download: the session's cookie or bearer token, as for `/graphql`.
pub(super) async fn download_viewer(
    db: &DatabaseConnection,
    headers: &HeaderMap,
    cookies: CookieSettings,
) -> ApiResult<Viewer> {
    let https = session::request_https(headers, cookies.trusted_proxy_hops);
    let secure = session::secure(cookies.secure, https);
    let (viewer, _) = session::viewer(db, headers, secure)
        .await
        .ok_or(ApiError::Unauthenticated)?;
    Ok(viewer)
}

/// Works in the workspace a download link names (`?workspace=`: a link cannot carry the
/// `x-satu-workspace` header).
pub(super) async fn enter(db: &DatabaseConnection, viewer: &mut Viewer, requested: &str) {
    let hd = viewer.google_hd.as_deref();
    viewer.scope = workspace::resolve(db, viewer.user_id, hd, Some(requested)).await;
}

async fn start(
    db: &DatabaseConnection,
    headers: &HeaderMap,
    cookies: CookieSettings,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let mut viewer = download_viewer(db, headers, cookies).await?;
    let Query(params) = params.map_err(|e| ApiError::BadInput(e.body_text()))?;
    if let Some(requested) = params.workspace.as_deref() {
        enter(db, &mut viewer, requested).await;
    }
    let usage = UserCtx::for_viewer(db, &viewer)?.usage();
    let format = params.format;
    let filter = usage.check_logs(params.into_filter()?).await?;
    let name = format!(
        "attachment; filename=\"satu-usage-{}.{}\"",
        Utc::now().format("%Y%m%dT%H%M%SZ"),
        format.extension()
    );
    let disposition =
        HeaderValue::from_str(&name).map_err(|e| ApiError::internal("export header", &e))?;
    let body = Body::from_stream(stream(usage, filter, format));
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.mime()),
        ),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ];
    Ok((headers, body).into_response())
}

impl Params {
    fn into_filter(self) -> ApiResult<LogFilter> {
        RequestLogFilter {
            model: self.model,
            provider: self.provider,
            api_key_id: self.api_key_id,
            account_id: self.account_id,
            member_id: self.member_id,
            status: self.status.map(|s| match s {
                Status::Ok => RequestStatus::Ok,
                Status::Error => RequestStatus::Error,
            }),
            from: self.from,
            to: self.to,
        }
        .into_query()
    }
}

enum Step {
    Header,
    Page { after: Option<Cursor>, first: bool },
    Footer,
    Done,
}

/// The header, then one chunk per page of rows, then the footer.
fn stream(
    usage: UsageReader,
    filter: Checked<LogFilter>,
    format: Format,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    futures::stream::try_unfold(Step::Header, move |step| {
        let (usage, filter) = (usage.clone(), filter.clone());
        async move {
            let (chunk, next) = match step {
                Step::Done => return Ok(None),
                Step::Header => (
                    header_row(format),
                    Step::Page {
                        after: None,
                        first: true,
                    },
                ),
                Step::Footer => (footer(format), Step::Done),
                Step::Page { after, first } => {
                    let page = usage
                        .logs(&filter, after, BATCH)
                        .await
                        // The cause is logged where the ApiError was made.
                        .map_err(|_| std::io::Error::other("usage export interrupted"))?;
                    let next = match page.next {
                        Some(c) => Step::Page {
                            after: Some(c),
                            first: false,
                        },
                        None => Step::Footer,
                    };
                    (rows(format, &page.rows, first), next)
                }
            };
            Ok(Some((Bytes::from(chunk), next)))
        }
    })
}

pub(super) fn error_response(e: &ApiError) -> Response {
    let body = serde_json::json!({"error": {"code": e.code(), "message": e.message()}});
    (e.http_status(), axum::Json(body)).into_response()
}
