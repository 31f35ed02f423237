//! `GET /api/teams/audit/export?workspace=<team>&format=csv|json`: a team's whole audit log as a
//! download, newest first, for its owner and admins (the same session as GraphQL). Read in pages
//! and written as they come, like the usage export.

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use entities::team_audit;
use futures::Stream;
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use super::context::UserCtx;
use super::context::teams::AuditReader;
use super::error::{ApiError, ApiResult};
use super::export::{BATCH, CookieSettings, download_viewer, enter, error_response};
use super::export_format::{Format, csv_cell};

const CSV_COLUMNS: &str = "id,at,actor_email,action,target,before,after";

pub fn router(db: DatabaseConnection, cookies: CookieSettings) -> Router {
    Router::new()
        .route("/api/teams/audit/export", get(download))
        .with_state((db, cookies))
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Params {
    #[serde(default)]
    format: Format,
    /// The team (a download link cannot carry the `x-satu-workspace` header).
    workspace: String,
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

async fn start(
    db: &DatabaseConnection,
    headers: &HeaderMap,
    cookies: CookieSettings,
    params: Result<Query<Params>, QueryRejection>,
) -> ApiResult<Response> {
    let mut viewer = download_viewer(db, headers, cookies).await?;
    let Query(params) = params.map_err(|e| ApiError::BadInput(e.body_text()))?;
    enter(db, &mut viewer, &params.workspace).await;
    let reader = UserCtx::for_viewer(db, &viewer)?.audit_reader()?;
    let format = params.format;
    let name = format!(
        "attachment; filename=\"satu-team-audit-{}.{}\"",
        Utc::now().format("%Y%m%dT%H%M%SZ"),
        format.extension()
    );
    let disposition =
        HeaderValue::from_str(&name).map_err(|e| ApiError::internal("export header", &e))?;
    let headers = [
        (
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.mime()),
        ),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
    ];
    Ok((headers, Body::from_stream(stream(reader, format))).into_response())
}

enum Step {
    Page { before: Option<i64>, first: bool },
    Done,
}

/// The header with the first page, then a chunk per page, the footer with the last.
fn stream(
    reader: AuditReader,
    format: Format,
) -> impl Stream<Item = Result<Bytes, std::io::Error>> {
    let start = Step::Page {
        before: None,
        first: true,
    };
    futures::stream::try_unfold(start, move |step| {
        let reader = reader.clone();
        async move {
            let Step::Page { before, first } = step else {
                return Ok(None);
            };
            let page = reader
                .page(before, BATCH)
                .await
                // The cause is logged where the ApiError was made.
                .map_err(|_| std::io::Error::other("audit export interrupted"))?;
            let last = u64::try_from(page.len()).unwrap_or(0) < BATCH;
            let mut chunk = if first { head(format) } else { String::new() };
            for (i, (entry, actor)) in page.iter().enumerate() {
                write_entry(&mut chunk, format, entry, actor.as_deref(), first && i == 0);
            }
            let next = match page.last() {
                Some((entry, _)) if !last => Step::Page {
                    before: Some(entry.id),
                    first: false,
                },
                _ => {
                    chunk.push_str(tail(format));
                    Step::Done
                }
            };
            Ok(Some((Bytes::from(chunk), next)))
        }
    })
}

fn head(format: Format) -> String {
    match format {
        Format::Csv => format!("{CSV_COLUMNS}\r\n"),
        Format::Json => "[".to_owned(),
    }
}

fn tail(format: Format) -> &'static str {
    match format {
        Format::Csv => "",
        Format::Json => "\n]\n",
    }
}

fn write_entry(
    out: &mut String,
    format: Format,
    entry: &team_audit::Model,
    actor: Option<&str>,
    first: bool,
) {
    let at = entry
        .created_at
        .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    match format {
        Format::Csv => {
            let json = |v: &Option<serde_json::Value>| {
                v.as_ref()
                    .map(|v| csv_cell(&v.to_string()))
                    .unwrap_or_default()
            };
            let cells = [
                entry.id.to_string(),
                at,
                actor.map(csv_cell).unwrap_or_default(),
                csv_cell(&entry.action),
                entry.target.as_deref().map(csv_cell).unwrap_or_default(),
                json(&entry.before),
                json(&entry.after),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        Format::Json => {
            out.push_str(if first { "\n" } else { ",\n" });
            let item = serde_json::json!({
                "id": entry.id,
                "at": at,
                "actorEmail": actor,
                "action": entry.action,
                "target": entry.target,
                "before": entry.before,
                "after": entry.after,
            });
            out.push_str(&item.to_string());
        }
    }
}
