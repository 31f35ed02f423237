//! `/graphql` over HTTP (POST, and GET for queries) and the GraphiQL page. Resolves the session
//! and request facts before the operation runs, and makes sure every error leaves with a code.

use std::net::SocketAddr;
use std::sync::Arc;

use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::Router;
use axum::extract::rejection::ExtensionRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, header};
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use sea_orm::DatabaseConnection;
use tower_http::limit::RequestBodyLimitLayer;

use super::config::ApiConfig;
use super::context::{ApiDeps, RequestMeta};
use super::{SatuSchema, build_schema, export, session};

#[derive(Clone)]
struct GraphqlState {
    schema: SatuSchema,
    db: DatabaseConnection,
    config: Arc<ApiConfig>,
}

pub fn router(deps: ApiDeps) -> Router {
    let db = deps.db.clone();
    let config = Arc::new(deps.config.clone());
    let limit = config.max_body_bytes;
    let schema = build_schema(&config, Some(deps));
    let state = GraphqlState {
        schema,
        db: db.clone(),
        config,
    };
    Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .route("/graphiql", get(graphiql))
        // The GraphQL extractor reads the body itself: the limit must sit in front of it.
        .layer(RequestBodyLimitLayer::new(limit))
        .with_state(state)
        .merge(export::router(db))
}

type Peer = Result<ConnectInfo<SocketAddr>, ExtensionRejection>;

async fn graphql_post(
    State(state): State<GraphqlState>,
    peer: Peer,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> GraphQLResponse {
    let meta = request_meta(&state, &headers, peer, true).await;
    execute(&state, request, meta).await
}

async fn graphql_get(
    State(state): State<GraphqlState>,
    peer: Peer,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> GraphQLResponse {
    let meta = request_meta(&state, &headers, peer, false).await;
    execute(&state, request, meta).await
}

async fn execute(
    state: &GraphqlState,
    request: GraphQLRequest,
    meta: RequestMeta,
) -> GraphQLResponse {
    let mut response = state.schema.execute(request.into_inner().data(meta)).await;
    for error in &mut response.errors {
        with_code(error);
    }
    response.into()
}

/// Resolver errors without a code come from somewhere that should have mapped them: their
/// message may hold internals, so it is logged and replaced. Errors without a path are the
/// request's own (syntax, validation, limits) and keep their message.
fn with_code(error: &mut async_graphql::ServerError) {
    let has_code = error
        .extensions
        .as_ref()
        .is_some_and(|e| e.get("code").is_some());
    if has_code {
        return;
    }
    let code = if error.path.is_empty() {
        "GRAPHQL_VALIDATION_FAILED"
    } else {
        tracing::error!(message = %error.message, "resolver error without a code");
        error.message = "Something went wrong on our side; try again.".to_owned();
        "INTERNAL"
    };
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
}

async fn request_meta(
    state: &GraphqlState,
    headers: &HeaderMap,
    peer: Peer,
    is_post: bool,
) -> RequestMeta {
    let mut meta = RequestMeta {
        is_post,
        https: headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https")),
        ip: client_ip(
            headers,
            peer.ok().map(|c| c.0),
            state.config.trusted_proxy_hops,
        ),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        ..RequestMeta::default()
    };
    if let Some((viewer, token)) = session::viewer(&state.db, headers).await {
        meta.csrf_ok = session::csrf_matches(headers, &token);
        meta.viewer = Some(viewer);
    }
    meta
}

/// The client's address: the peer, or the entry `hops` from the right of `x-forwarded-for`
/// when that many trusted proxies stand in front of Satu.
fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, hops: usize) -> Option<String> {
    if hops > 0 {
        let forwarded: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect();
        if let Some(ip) = forwarded
            .len()
            .checked_sub(hops)
            .and_then(|i| forwarded.get(i))
        {
            return Some((*ip).to_owned());
        }
    }
    peer.map(|p| p.ip().to_string())
}

async fn graphiql() -> impl IntoResponse {
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql")
            .finish(),
    )
}
