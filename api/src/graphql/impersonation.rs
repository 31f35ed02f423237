//! Requests made through support's view of a user's dashboard: the view must still run (not
//! ended, not expired), every page it shows is audited once, and nothing can be changed
//! through it (every mutation is refused before it runs).

use async_graphql::parser::types::OperationType;
use axum::http::HeaderMap;
use entities::impersonations;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

/// The page the dashboard says it shows (`x-satu-page`); downloads and scripts name none.
const PAGE_HEADER: &str = "x-satu-page";

/// `Some(())` when impersonation `id` still runs (its view of `headers`' page recorded);
/// `None` turns the session away.
pub async fn seen(db: &DatabaseConnection, id: Uuid, headers: &HeaderMap) -> Option<()> {
    let row = match impersonations::find(db, id).await {
        Ok(row) => row?,
        Err(e) => {
            tracing::error!(error = %e, "reading an impersonation failed");
            return None;
        }
    };
    if !row.is_active(chrono::Utc::now()) {
        return None;
    }
    let page = headers
        .get(PAGE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("(no page: an API call or a download)");
    if let Err(e) = services::admin::impersonation::viewed(db, &row, page).await {
        // Unaudited means unseen: the view stops rather than run without its trail.
        tracing::error!(error = ?e, "auditing an impersonated page failed");
        return None;
    }
    Some(())
}

/// Whether `request` would run a mutation (the operation it names, or its only one).
pub fn is_mutation(request: &async_graphql::Request) -> bool {
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else {
        // Unparseable: it fails on its own without running anything.
        return false;
    };
    let name = request.operation_name.as_deref();
    document
        .operations
        .iter()
        .filter(|(op_name, _)| name.is_none() || op_name.map(|n| n.as_str()) == name)
        .any(|(_, op)| op.node.ty == OperationType::Mutation)
}
