//! The data plane's route table.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::IntoResponse;
use axum::routing::{any, get, post};

use crate::error::ProxyError;
use crate::state::ProxyState;
use crate::{count_tokens, ingress, models};

pub fn router(state: ProxyState) -> Router {
    let body_limit = state.config.max_body_bytes;
    Router::new()
        .route("/v1/chat/completions", post(ingress::chat_completions))
        .route("/v1/completions", post(ingress::completions))
        .route("/v1/responses", post(ingress::responses))
        .route("/v1/messages", post(ingress::messages))
        .route("/v1/messages/count_tokens", post(count_tokens::anthropic))
        .route("/v1beta/models", get(models::gemini_models))
        .route("/v1beta/models/{target}", post(ingress::gemini))
        .route("/v1/models", get(models::list_models))
        .route("/v1/{*rest}", any(unknown_endpoint))
        .layer(DefaultBodyLimit::max(body_limit))
        .with_state(state)
}

async fn unknown_endpoint() -> impl IntoResponse {
    ProxyError::ModelNotFound("This endpoint does not exist on Satu.".to_owned())
}
