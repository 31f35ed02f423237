//! `/graphql` over HTTP (POST, and GET for queries) and websockets, and the GraphiQL page when
//! turned on. Resolves the session and request facts before the operation runs, and makes sure
//! every error leaves with a code.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql_axum::{GraphQLProtocol, GraphQLResponse, GraphQLWebSocket};
use axum::body::Bytes;
use axum::extract::rejection::ExtensionRejection;
use axum::extract::ws::rejection::WebSocketUpgradeRejection;
use axum::extract::{ConnectInfo, RawQuery, State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use entities::sessions;
use sea_orm::DatabaseConnection;
use serde_json::json;
use tower_http::limit::RequestBodyLimitLayer;

use super::config::ApiConfig;
use super::context::{ApiDeps, RequestMeta, Scope, Via, Viewer};
use super::error::ApiError;
use super::live_limits::{self, LiveSockets};
use super::workspace;
use super::{SatuSchema, build_schema, export, graphiql, post_guard, session};

#[derive(Clone)]
struct GraphqlState {
    schema: SatuSchema,
    db: DatabaseConnection,
    config: Arc<ApiConfig>,
    sockets: LiveSockets,
}

pub fn router(deps: ApiDeps) -> Router {
    let db = deps.db.clone();
    let config = Arc::new(deps.config.clone());
    let limit = config.max_body_bytes;
    let cookies = export::CookieSettings {
        secure: config.cookie_secure,
        trusted_proxy_hops: config.trusted_proxy_hops,
    };
    let seller = deps.seller.clone();
    let schema = build_schema(&config, Some(deps));
    let state = GraphqlState {
        schema,
        db: db.clone(),
        sockets: LiveSockets::new(config.live_sockets_per_client),
        config,
    };
    let graphiql_on = state.config.graphiql;
    let mut router = Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        // The GraphQL extractor reads the body itself: the limit must sit in front of it.
        .layer(RequestBodyLimitLayer::new(limit))
        .with_state(state)
        .merge(export::router(db.clone(), cookies))
        .merge(super::audit_export::router(db.clone(), cookies))
        .merge(super::invoice_download::router(db, cookies, seller));
    if graphiql_on {
        router = router.merge(graphiql::router());
    }
    router
}

type Peer = Result<ConnectInfo<SocketAddr>, ExtensionRejection>;

/// POST: a JSON body only, and not from another site's page (see `post_guard`).
async fn graphql_post(
    State(state): State<GraphqlState>,
    peer: Peer,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(refusal) = post_guard::check(&headers, &state.config.public_url) {
        return refusal.into_response();
    }
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => return post_guard::Refusal::BadJson(e.to_string()).into_response(),
    };
    let meta = request_meta(&state, &headers, peer, true).await;
    execute(&state, request, meta).await.into_response()
}

/// GET: a websocket upgrade for subscriptions (graphql-transport-ws), else a query in the
/// query string (mutations are refused over GET).
async fn graphql_get(
    State(state): State<GraphqlState>,
    peer: Peer,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    protocol: Result<GraphQLProtocol, StatusCode>,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let meta = request_meta(&state, &headers, peer, false).await;
    if let (Ok(protocol), Ok(upgrade)) = (protocol, upgrade) {
        return websocket(state, meta, &headers, protocol, upgrade);
    }
    match async_graphql::http::parse_query_string(query.as_deref().unwrap_or_default()) {
        Ok(request) => execute(&state, request, meta).await.into_response(),
        Err(e) => {
            let body = json!({"errors": [{"message": e.to_string(), "extensions": {"code": "BAD_REQUEST"}}]});
            (StatusCode::BAD_REQUEST, Json(body)).into_response()
        }
    }
}

/// Subscriptions over a websocket. The session comes from the upgrade request (a cookie, only
/// when the page is our own origin: a foreign page cannot ride the cookie) or from
/// `connection_init`'s payload (`{"authorization": "Bearer satu_sess_…"}` or `{"token": …}`).
fn websocket(
    state: GraphqlState,
    mut meta: RequestMeta,
    headers: &HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let own_page = post_guard::origin_allowed(headers, &state.config.public_url);
    if meta.viewer.as_ref().is_some_and(|v| v.via == Via::Cookie) && !own_page {
        meta.viewer = None;
    }
    let schema = state.schema.clone();
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .max_message_size(live_limits::MAX_MESSAGE_BYTES)
        .max_frame_size(live_limits::MAX_MESSAGE_BYTES)
        .on_upgrade(move |stream| async move {
            let initialised = Arc::new(AtomicBool::new(false));
            let init_seen = initialised.clone();
            let serving = GraphQLWebSocket::new(stream, schema, protocol)
                .keepalive_timeout(live_limits::KEEPALIVE_TIMEOUT)
                .on_connection_init(move |payload| async move {
                    init_seen.store(true, Ordering::Relaxed);
                    if let Some(token) = init_token(&payload) {
                        meta.viewer = viewer(&state.db, &token, Via::Bearer).await;
                    }
                    // The workspace named at init wins over the upgrade request's header.
                    if let (Some(v), Some(requested)) =
                        (meta.viewer.as_mut(), init_workspace(&payload))
                    {
                        let hd = v.google_hd.as_deref();
                        v.scope =
                            workspace::resolve(&state.db, v.user_id, hd, Some(requested)).await;
                    }
                    // Held in the socket's data: freed when the socket ends.
                    let slot = state.sockets.take(&meta).ok_or_else(|| {
                        async_graphql::Error::new("too many live connections; close one first")
                    })?;
                    let mut data = async_graphql::Data::default();
                    data.insert(meta);
                    data.insert(slot);
                    Ok(data)
                })
                .serve();
            tokio::pin!(serving);
            // A socket that never says `connection_init` is dropped.
            tokio::select! {
                () = &mut serving => return,
                () = tokio::time::sleep(live_limits::INIT_TIMEOUT) => {}
            }
            if initialised.load(Ordering::Relaxed) {
                serving.await;
            }
        })
        .into_response()
}

/// `connection_init`'s `{"workspace": "<team id>"}`, if any.
fn init_workspace(payload: &serde_json::Value) -> Option<&str> {
    payload.get("workspace").and_then(serde_json::Value::as_str)
}

fn init_token(payload: &serde_json::Value) -> Option<String> {
    let raw = payload
        .get("authorization")
        .or_else(|| payload.get("Authorization"))
        .or_else(|| payload.get("token"))?
        .as_str()?;
    Some(raw.strip_prefix("Bearer ").unwrap_or(raw).trim().to_owned())
}

async fn execute(
    state: &GraphqlState,
    request: async_graphql::Request,
    meta: RequestMeta,
) -> GraphQLResponse {
    let impersonating = meta
        .viewer
        .as_ref()
        .is_some_and(|v| v.impersonation.is_some());
    if impersonating && super::impersonation::is_mutation(&request) {
        let refused: async_graphql::Error = ApiError::ReadOnlyView.into();
        let error = refused.into_server_error(async_graphql::Pos::default());
        return async_graphql::Response::from_errors(vec![error]).into();
    }
    state.schema.execute(request.data(meta)).await.into()
}

async fn request_meta(
    state: &GraphqlState,
    headers: &HeaderMap,
    peer: Peer,
    is_post: bool,
) -> RequestMeta {
    let https = session::request_https(headers, state.config.trusted_proxy_hops);
    let secure = session::secure(state.config.cookie_secure, https);
    let mut meta = RequestMeta {
        is_post,
        https,
        ip: client_ip(
            headers,
            peer.ok().map(|c| c.0),
            state.config.trusted_proxy_hops,
        ),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        google_flow: session::cookie(
            headers,
            &session::cookie_name(super::google::FLOW_COOKIE, secure),
        ),
        ..RequestMeta::default()
    };
    if let Some((viewer, token)) = session::viewer(&state.db, headers, secure).await {
        meta.csrf_ok = session::csrf_matches(headers, &token);
        meta.viewer = Some(viewer);
    }
    meta
}

/// The live session behind `token`, if any.
async fn viewer(db: &DatabaseConnection, token: &str, via: Via) -> Option<Viewer> {
    match sessions::find_active(db, token).await {
        Ok(session) => session.map(|s| Viewer {
            user_id: s.user_id,
            session_id: s.id,
            via,
            scope: Ok(Scope::personal(s.user_id)),
            google_hd: s.google_hd,
            impersonation: s.impersonation_id,
        }),
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            None
        }
    }
}

/// Said once per process: behind a proxy with `trusted_proxy_hops = 0`, every client has the
/// proxy's address, so all share one sign-in limit (one client can lock everyone out).
fn warn_untrusted_forwarding() {
    static WARNED: AtomicBool = AtomicBool::new(false);
    if !WARNED.swap(true, Ordering::Relaxed) {
        tracing::warn!(
            "requests carry x-forwarded-for but api.trusted_proxy_hops is 0: clients are told apart by the proxy's address only; set it to the number of proxies in front of Satu"
        );
    }
}

/// The client's address: the peer, or the entry `hops` from the right of `x-forwarded-for`
/// when that many trusted proxies stand in front of Satu.
pub(crate) fn client_ip(
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
    hops: usize,
) -> Option<String> {
    if hops == 0 && headers.contains_key("x-forwarded-for") {
        warn_untrusted_forwarding();
    }
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
