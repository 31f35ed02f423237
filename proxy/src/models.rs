//! Model listings: what this user's connected accounts can serve, in the caller's shape —
//! OpenAI's (`GET /v1/models`), Anthropic's (the same path with `anthropic-version`) or
//! Gemini's (`GET /v1beta/models`).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, SecondsFormat};
use serde_json::{Value, json};

use crate::dialect::Dialect;
use crate::error::ProxyError;
use crate::ingress::query_param;
use crate::state::ProxyState;

struct Reachable {
    id: String,
    provider: &'static str,
    display_name: String,
    context_window: i64,
    created: i64,
}

async fn reachable(
    state: &ProxyState,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<Vec<Reachable>, ProxyError> {
    let key = query_param(query, "key");
    let principal = state.keys.authenticate(headers, key.as_deref()).await?;
    let accounts = state.directory.accounts_of(principal.workspace()).await?;
    let catalog = state.catalog.snapshot();
    let now = chrono::Utc::now();
    let mut models: BTreeMap<String, Reachable> = BTreeMap::new();
    for account in &accounts.accounts {
        let provider = account.provider.as_str();
        let names =
            catalog.names_served(provider, &account.models, account.reachable.as_deref(), now);
        for name in names {
            let entry = catalog.resolve(name);
            models.entry(name.to_owned()).or_insert_with(|| Reachable {
                id: name.to_owned(),
                provider,
                display_name: entry.map_or_else(|| name.to_owned(), |m| m.display_name.clone()),
                context_window: entry.map_or(0, |m| m.context_window),
                created: entry.map_or(0, |m| m.updated_at.timestamp()),
            });
        }
    }
    Ok(models.into_values().collect())
}

pub async fn list_models(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let anthropic = headers.contains_key("anthropic-version");
    let dialect = if anthropic {
        Dialect::Anthropic
    } else {
        Dialect::OpenAiChat
    };
    let models = match reachable(&state, &headers, query.as_deref()).await {
        Ok(m) => m,
        Err(e) => return e.render(dialect),
    };
    let body = if anthropic {
        let data: Vec<Value> = models
            .iter()
            .map(|m| {
                let created = DateTime::from_timestamp(m.created, 0).unwrap_or_default();
                json!({"type": "model", "id": m.id, "display_name": m.display_name,
                       "created_at": created.to_rfc3339_opts(SecondsFormat::Secs, true)})
            })
            .collect();
        json!({"data": data, "has_more": false,
               "first_id": models.first().map(|m| m.id.as_str()), "last_id": models.last().map(|m| m.id.as_str())})
    } else {
        let data: Vec<Value> = models
            .iter()
            .map(|m| json!({"id": m.id, "object": "model", "created": m.created, "owned_by": m.provider}))
            .collect();
        json!({"object": "list", "data": data})
    };
    Json(body).into_response()
}

pub async fn gemini_models(
    State(state): State<ProxyState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let models = match reachable(&state, &headers, query.as_deref()).await {
        Ok(m) => m,
        Err(e) => return e.render(Dialect::Gemini),
    };
    let list: Vec<Value> = models
        .iter()
        .map(|m| {
            json!({"name": format!("models/{}", m.id), "displayName": m.display_name, "inputTokenLimit": m.context_window,
                   "supportedGenerationMethods": ["generateContent", "streamGenerateContent", "countTokens"]})
        })
        .collect();
    Json(json!({"models": list})).into_response()
}
