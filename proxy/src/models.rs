//! `GET /v1/models`: the models this user's connected accounts can serve, in OpenAI's shape.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::state::ProxyState;

#[derive(Serialize)]
struct ModelList {
    object: &'static str,
    data: Vec<ModelEntry>,
}

#[derive(Serialize)]
struct ModelEntry {
    id: String,
    object: &'static str,
    created: i64,
    owned_by: String,
}

pub async fn list_models(State(state): State<ProxyState>, headers: HeaderMap) -> Response {
    let principal = match state.keys.authenticate(&headers).await {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    let accounts = match state.directory.accounts_of(principal.user_id).await {
        Ok(a) => a,
        Err(e) => return e.into_response(),
    };
    let catalog = state.catalog.snapshot();
    let mut models: BTreeMap<String, ModelEntry> = BTreeMap::new();
    for account in accounts
        .accounts
        .iter()
        .filter(|a| crate::dialect::Format::of_provider(a.provider).is_some())
    {
        let provider = account.provider.as_str();
        let names: Vec<&str> = if account.models.is_empty() {
            catalog
                .models
                .iter()
                .filter(|m| m.provider == provider)
                .map(|m| m.id.as_str())
                .collect()
        } else {
            account.models.iter().map(String::as_str).collect()
        };
        for name in names {
            let created = catalog
                .resolve(name)
                .map_or(0, |m| m.updated_at.timestamp());
            models.entry(name.to_owned()).or_insert(ModelEntry {
                id: name.to_owned(),
                object: "model",
                created,
                owned_by: provider.to_owned(),
            });
        }
    }
    Json(ModelList {
        object: "list",
        data: models.into_values().collect(),
    })
    .into_response()
}
