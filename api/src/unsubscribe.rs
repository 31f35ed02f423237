//! `/api/email/unsubscribe?token=…`: the link in every notification email. `POST` (what mail
//! apps send for one-click `List-Unsubscribe-Post`, and what the web page sends) turns that
//! choice off; `GET` (a person clicking the link, or a scanner prefetching it) changes nothing
//! and leads to the web page that asks first.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use entities::seal::Sealer;
use entities::{unsubscribe, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde::Deserialize;
use serde_json::json;

#[derive(Clone)]
struct UnsubscribeState {
    db: DatabaseConnection,
    sealer: Arc<Sealer>,
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

pub fn router(db: DatabaseConnection, sealer: Arc<Sealer>) -> Router {
    let state = UnsubscribeState { db, sealer };
    Router::new()
        .route("/api/email/unsubscribe", get(page).post(apply))
        .with_state(state)
}

fn invalid() -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({"error": {
            "code": "INVALID_TOKEN",
            "message": "This unsubscribe link is not valid; change your email choices in Settings → Notifications."
        }})),
    )
        .into_response()
}

async fn apply(State(s): State<UnsubscribeState>, Query(q): Query<TokenQuery>) -> Response {
    let Some(token) = q.token else {
        return invalid();
    };
    match unsubscribe::apply(&s.db, &s.sealer, &token).await {
        Ok(Some(choice)) => axum::Json(json!({"unsubscribed": choice.as_str()})).into_response(),
        Ok(None) => invalid(),
        Err(e) => {
            tracing::error!(error = %e, "unsubscribing failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(json!({"error": {"code": "INTERNAL", "message": "Something went wrong on our side; try again."}})),
            )
                .into_response()
        }
    }
}

/// The web page in the user's language, carrying the token (it asks before changing anything).
async fn page(State(s): State<UnsubscribeState>, Query(q): Query<TokenQuery>) -> Response {
    let Some(token) = q.token else {
        return invalid();
    };
    let Some((user_id, _)) = unsubscribe::open(&s.sealer, &token) else {
        return invalid();
    };
    let locale = match users::Entity::find_by_id(user_id).one(&s.db).await {
        Ok(Some(user)) if user.locale.as_deref() == Some("en") => "en",
        _ => "id",
    };
    let to = format!(
        "/{locale}/unsubscribe/?token={}",
        unsubscribe::percent_encode(&token)
    );
    (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
}
