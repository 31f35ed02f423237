//! Mock OAuth servers for the four subscription providers, speaking their wire formats:
//! authorize pages that redirect with a code bound to the PKCE challenge, token endpoints (JSON
//! for Claude, form for the others) that verify PKCE, rotate refresh tokens and reject a reused
//! one, RFC 8628 device flows (Qwen) and Codex's device variant driven by a script, Claude's
//! profile, Google's userinfo, and Code Assist's loadCodeAssist/onboardUser.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// What a device approval poll answers next (Qwen and Codex device flows).
#[derive(Clone, Debug, PartialEq)]
pub enum DeviceStep {
    Pending,
    SlowDown,
    Approve,
    Denied,
    Expired,
}

/// A scripted answer of a token endpoint to a refresh.
#[derive(Clone, Debug)]
pub enum TokenFault {
    /// 429 with this Retry-After (seconds).
    TooMany(u64),
    /// 503.
    Unavailable,
}

#[derive(Default)]
pub struct OAuthState {
    /// code → (provider, challenge, redirect_uri)
    codes: HashMap<String, (String, String, String)>,
    /// live refresh token → provider
    refresh_tokens: HashMap<String, String>,
    /// refresh tokens already rotated away
    spent: HashSet<String>,
    /// every token handed out (to scan the database and logs for)
    pub issued: Vec<String>,
    /// successful refreshes per provider
    pub refreshes: HashMap<String, usize>,
    /// times of every refresh request (any outcome)
    pub refresh_attempts: Vec<Instant>,
    pub faults: VecDeque<TokenFault>,
    pub device_script: VecDeque<DeviceStep>,
    /// device_code → challenge (Qwen)
    devices: HashMap<String, String>,
    /// Codex device: verifier the mock made for its own code
    codex_verifier: Option<String>,
    /// Code Assist: onboardUser polls answered before done
    pub onboard_pending: usize,
    pub onboarded: bool,
    pub expires_in: i64,
    counter: usize,
}

pub struct MockOAuth {
    pub base_url: String,
    pub state: Arc<Mutex<OAuthState>>,
    _server: tokio::task::JoinHandle<()>,
}

pub const CLAUDE_EMAIL: &str = "sari@example.com";
pub const OPENAI_EMAIL: &str = "budi@example.com";
pub const GOOGLE_EMAIL: &str = "wayan@example.com";
pub const CHATGPT_ACCOUNT: &str = "chatgpt-acct-42";
pub const PROJECT: &str = "satu-mock-project";

impl MockOAuth {
    pub async fn start() -> Self {
        let state = Arc::new(Mutex::new(OAuthState {
            expires_in: 3600,
            onboard_pending: 1,
            ..Default::default()
        }));
        let app = Router::new()
            .route("/{provider}/authorize", get(authorize))
            .route("/{provider}/token", post(token))
            .route("/qwen/device/code", post(qwen_device_code))
            .route("/openai/deviceauth/usercode", post(codex_usercode))
            .route("/openai/deviceauth/token", post(codex_device_token))
            .route("/anthropic/profile", get(claude_profile))
            .route("/gemini/userinfo", get(google_userinfo))
            .route("/v1internal:loadCodeAssist", post(load_code_assist))
            .route("/v1internal:onboardUser", post(onboard_user))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self {
            base_url: format!("http://{addr}"),
            state,
            _server: server,
        }
    }

    /// Satu's configuration pointing every OAuth endpoint here.
    pub fn env(&self) -> Vec<(String, String)> {
        let b = &self.base_url;
        let mut env = vec![
            (
                "SATU__OAUTH__GEMINI__CLIENT_ID".into(),
                "gemini-cli-client".into(),
            ),
            (
                "SATU__OAUTH__GEMINI__CLIENT_SECRET".into(),
                "gemini-cli-secret".into(),
            ),
            (
                "SATU__OAUTH__OPENAI__DEVICE_CODE_URL".into(),
                format!("{b}/openai/deviceauth/usercode"),
            ),
            (
                "SATU__OAUTH__OPENAI__DEVICE_TOKEN_URL".into(),
                format!("{b}/openai/deviceauth/token"),
            ),
            (
                "SATU__OAUTH__QWEN__DEVICE_CODE_URL".into(),
                format!("{b}/qwen/device/code"),
            ),
            (
                "SATU__OAUTH__ANTHROPIC__PROFILE_URL".into(),
                format!("{b}/anthropic/profile"),
            ),
            (
                "SATU__OAUTH__GEMINI__PROFILE_URL".into(),
                format!("{b}/gemini/userinfo"),
            ),
            ("SATU__OAUTH__SLOW_DOWN_STEP_SECS".into(), "1".into()),
            ("SATU__OAUTH__ONBOARD_POLL_MS".into(), "50".into()),
            (
                "SATU__PROVIDERS__CODE_ASSIST__BASE_URL".into(),
                format!("{b}/v1internal"),
            ),
        ];
        for p in ["anthropic", "openai", "gemini", "qwen"] {
            let up = p.to_uppercase();
            env.push((
                format!("SATU__OAUTH__{up}__TOKEN_URL"),
                format!("{b}/{p}/token"),
            ));
            if p != "qwen" {
                env.push((
                    format!("SATU__OAUTH__{up}__AUTHORIZE_URL"),
                    format!("{b}/{p}/authorize"),
                ));
            }
        }
        env
    }

    pub fn refreshes(&self, provider: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .refreshes
            .get(provider)
            .copied()
            .unwrap_or(0)
    }

    pub fn refresh_attempts(&self) -> Vec<Instant> {
        self.state.lock().unwrap().refresh_attempts.clone()
    }

    pub fn issued(&self) -> Vec<String> {
        self.state.lock().unwrap().issued.clone()
    }

    pub fn push_fault(&self, fault: TokenFault) {
        self.state.lock().unwrap().faults.push_back(fault);
    }

    pub fn script_device(&self, steps: &[DeviceStep]) {
        self.state.lock().unwrap().device_script = steps.iter().cloned().collect();
    }

    /// Makes `refresh` a live refresh token of `provider` (as if issued at an earlier sign-in).
    pub fn accept_refresh_token(&self, provider: &str, refresh: &str) {
        self.state
            .lock()
            .unwrap()
            .refresh_tokens
            .insert(refresh.to_owned(), provider.to_owned());
    }

    /// Follows an authorize URL as the user's browser would: returns where it redirects.
    pub async fn sign_in(&self, authorize_url: &str) -> String {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let response = client.get(authorize_url).send().await.unwrap();
        assert_eq!(response.status(), 303, "authorize should redirect");
        response.headers()[header::LOCATION]
            .to_str()
            .unwrap()
            .to_owned()
    }
}

fn challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

fn oauth_error(status: StatusCode, code: &str) -> Response {
    (
        status,
        axum::Json(json!({"error": code, "error_description": format!("mock: {code}")})),
    )
        .into_response()
}

async fn authorize(
    State(state): State<Arc<Mutex<OAuthState>>>,
    Path(provider): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let required = [
        "client_id",
        "redirect_uri",
        "code_challenge",
        "state",
        "scope",
    ];
    if required
        .iter()
        .any(|k| q.get(*k).is_none_or(String::is_empty))
        || q.get("code_challenge_method").map(String::as_str) != Some("S256")
        || q.get("response_type").map(String::as_str) != Some("code")
    {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
    }
    let mut s = state.lock().unwrap();
    s.counter += 1;
    let code = format!("code-{provider}-{}", s.counter);
    s.codes.insert(
        code.clone(),
        (
            provider,
            q["code_challenge"].clone(),
            q["redirect_uri"].clone(),
        ),
    );
    let mut target = url::Url::parse(&q["redirect_uri"]).unwrap();
    target
        .query_pairs_mut()
        .append_pair("code", &code)
        .append_pair("state", &q["state"]);
    Redirect::to(target.as_str()).into_response()
}

/// Reads a form or JSON body into string fields.
fn fields(headers: &HeaderMap, body: &Bytes) -> HashMap<String, String> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if json {
        let value: Value = serde_json::from_slice(body).unwrap_or_default();
        value
            .as_object()
            .map(|o| {
                o.iter()
                    .filter_map(|(k, v)| v.as_str().map(|s| (k.clone(), s.to_owned())))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        url::form_urlencoded::parse(body).into_owned().collect()
    }
}

fn id_token(email: &str) -> String {
    let claims = json!({
        "email": email,
        "https://api.openai.com/auth": {"chatgpt_account_id": CHATGPT_ACCOUNT, "chatgpt_plan_type": "plus"},
    });
    format!(
        "{}.{}.mock-signature",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"RS256"}"#),
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap())
    )
}

/// New tokens for `provider`, in its token response shape.
fn issue(s: &mut OAuthState, provider: &str) -> Value {
    s.counter += 1;
    let n = s.counter;
    let access = format!("mock-at-{provider}-{n}-{}", uuid::Uuid::new_v4().simple());
    let refresh = format!("mock-rt-{provider}-{n}-{}", uuid::Uuid::new_v4().simple());
    s.issued.push(access.clone());
    s.issued.push(refresh.clone());
    s.refresh_tokens
        .insert(refresh.clone(), provider.to_owned());
    let mut body = json!({
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": s.expires_in,
        "token_type": "Bearer",
    });
    match provider {
        "anthropic" => {
            body["account"] = json!({"uuid": "acc-1", "email_address": CLAUDE_EMAIL});
        }
        "openai" => body["id_token"] = json!(id_token(OPENAI_EMAIL)),
        "qwen" => body["resource_url"] = json!("portal.qwen.ai"),
        _ => {}
    }
    body
}

async fn token(
    State(state): State<Arc<Mutex<OAuthState>>>,
    Path(provider): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    // Claude's endpoint takes JSON; the others take forms.
    if json_body != (provider == "anthropic") {
        return oauth_error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "invalid_request");
    }
    let f = fields(&headers, &body);
    let mut s = state.lock().unwrap();
    match f.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {
            let Some((owner, challenge_sent, redirect)) =
                f.get("code").and_then(|c| s.codes.remove(c))
            else {
                return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
            };
            let verifier = f.get("code_verifier").cloned().unwrap_or_default();
            if owner != provider
                || challenge(&verifier) != challenge_sent
                || f.get("redirect_uri") != Some(&redirect)
            {
                return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
            }
            if provider == "gemini"
                && f.get("client_secret").map(String::as_str) != Some("gemini-cli-secret")
            {
                return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client");
            }
            axum::Json(issue(&mut s, &provider)).into_response()
        }
        Some("refresh_token") => {
            s.refresh_attempts.push(Instant::now());
            match s.faults.pop_front() {
                Some(TokenFault::TooMany(secs)) => {
                    return (
                        StatusCode::TOO_MANY_REQUESTS,
                        [(header::RETRY_AFTER, secs.to_string())],
                        axum::Json(json!({"error": "rate_limited"})),
                    )
                        .into_response();
                }
                Some(TokenFault::Unavailable) => {
                    return oauth_error(StatusCode::SERVICE_UNAVAILABLE, "temporarily_unavailable");
                }
                None => {}
            }
            let presented = f.get("refresh_token").cloned().unwrap_or_default();
            if s.spent.contains(&presented) {
                return if provider == "openai" {
                    (
                        StatusCode::UNAUTHORIZED,
                        axum::Json(json!({"error": {"message": "Your refresh token has already been used to generate a new access token.", "type": "invalid_request_error", "code": "refresh_token_reused"}})),
                    )
                        .into_response()
                } else {
                    oauth_error(StatusCode::BAD_REQUEST, "invalid_grant")
                };
            }
            if s.refresh_tokens.get(&presented) != Some(&provider) {
                return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
            }
            // Rotation: the presented token is spent.
            s.refresh_tokens.remove(&presented);
            s.spent.insert(presented);
            *s.refreshes.entry(provider.clone()).or_default() += 1;
            axum::Json(issue(&mut s, &provider)).into_response()
        }
        Some("urn:ietf:params:oauth:grant-type:device_code") if provider == "qwen" => {
            let device_code = f.get("device_code").cloned().unwrap_or_default();
            let Some(challenge_sent) = s.devices.get(&device_code).cloned() else {
                return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
            };
            match s.device_script.pop_front().unwrap_or(DeviceStep::Approve) {
                DeviceStep::Pending => {
                    oauth_error(StatusCode::BAD_REQUEST, "authorization_pending")
                }
                DeviceStep::SlowDown => oauth_error(StatusCode::TOO_MANY_REQUESTS, "slow_down"),
                DeviceStep::Denied => oauth_error(StatusCode::BAD_REQUEST, "access_denied"),
                DeviceStep::Expired => oauth_error(StatusCode::BAD_REQUEST, "expired_token"),
                DeviceStep::Approve => {
                    let verifier = f.get("code_verifier").cloned().unwrap_or_default();
                    if challenge(&verifier) != challenge_sent {
                        return oauth_error(StatusCode::BAD_REQUEST, "invalid_grant");
                    }
                    s.devices.remove(&device_code);
                    axum::Json(issue(&mut s, "qwen")).into_response()
                }
            }
        }
        _ => oauth_error(StatusCode::BAD_REQUEST, "unsupported_grant_type"),
    }
}

async fn qwen_device_code(
    State(state): State<Arc<Mutex<OAuthState>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let f = fields(&headers, &body);
    if f.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request");
    }
    let mut s = state.lock().unwrap();
    s.counter += 1;
    let device_code = format!("device-{}", s.counter);
    s.devices.insert(
        device_code.clone(),
        f.get("code_challenge").cloned().unwrap_or_default(),
    );
    axum::Json(json!({
        "device_code": device_code,
        "user_code": "QWEN-1234",
        "verification_uri": "https://chat.qwen.ai/authorize",
        "verification_uri_complete": "https://chat.qwen.ai/authorize?user_code=QWEN-1234",
        "expires_in": 600,
        "interval": 1,
    }))
    .into_response()
}

async fn codex_usercode(headers: HeaderMap, body: Bytes) -> Response {
    let f = fields(&headers, &body);
    if f.get("client_id").map(String::as_str) != Some("app_EMoamEEZ73f0CkXaXp7hrann") {
        return (StatusCode::BAD_REQUEST, "unknown client").into_response();
    }
    axum::Json(json!({"device_auth_id": "dev-auth-1", "user_code": "CODX-5678", "interval": "1"}))
        .into_response()
}

async fn codex_device_token(
    State(state): State<Arc<Mutex<OAuthState>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let f = fields(&headers, &body);
    if f.get("device_auth_id").map(String::as_str) != Some("dev-auth-1")
        || f.get("user_code").map(String::as_str) != Some("CODX-5678")
    {
        return (StatusCode::BAD_REQUEST, "unknown device").into_response();
    }
    let mut s = state.lock().unwrap();
    match s.device_script.pop_front().unwrap_or(DeviceStep::Approve) {
        DeviceStep::Pending | DeviceStep::SlowDown => StatusCode::FORBIDDEN.into_response(),
        DeviceStep::Denied => oauth_error(StatusCode::BAD_REQUEST, "access_denied"),
        DeviceStep::Expired => oauth_error(StatusCode::BAD_REQUEST, "expired_token"),
        DeviceStep::Approve => {
            let verifier = format!("mock-verifier-{}", uuid::Uuid::new_v4().simple());
            s.counter += 1;
            let code = format!("code-openai-device-{}", s.counter);
            s.codes.insert(
                code.clone(),
                (
                    "openai".to_owned(),
                    challenge(&verifier),
                    "https://auth.openai.com/deviceauth/callback".to_owned(),
                ),
            );
            s.codex_verifier = Some(verifier.clone());
            axum::Json(json!({"authorization_code": code, "code_verifier": verifier, "code_challenge": challenge(&verifier)})).into_response()
        }
    }
}

fn bearer_is_live(state: &OAuthState, headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .is_some_and(|t| state.issued.iter().any(|i| i == t))
}

async fn claude_profile(
    State(state): State<Arc<Mutex<OAuthState>>>,
    headers: HeaderMap,
) -> Response {
    if !bearer_is_live(&state.lock().unwrap(), &headers) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    axum::Json(json!({"account": {"email": CLAUDE_EMAIL, "has_claude_max": true, "has_claude_pro": false}})).into_response()
}

async fn google_userinfo(
    State(state): State<Arc<Mutex<OAuthState>>>,
    headers: HeaderMap,
) -> Response {
    if !bearer_is_live(&state.lock().unwrap(), &headers) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    axum::Json(json!({"email": GOOGLE_EMAIL, "verified_email": true})).into_response()
}

async fn load_code_assist(
    State(state): State<Arc<Mutex<OAuthState>>>,
    headers: HeaderMap,
) -> Response {
    let s = state.lock().unwrap();
    if !bearer_is_live(&s, &headers) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    if s.onboarded {
        return axum::Json(
            json!({"currentTier": {"id": "free-tier"}, "cloudaicompanionProject": PROJECT}),
        )
        .into_response();
    }
    axum::Json(
        json!({"allowedTiers": [{"id": "legacy-tier"}, {"id": "free-tier", "isDefault": true}]}),
    )
    .into_response()
}

async fn onboard_user(
    State(state): State<Arc<Mutex<OAuthState>>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = state.lock().unwrap();
    if !bearer_is_live(&s, &headers) {
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let request: Value = serde_json::from_slice(&body).unwrap_or_default();
    if request["tierId"] != "free-tier" {
        return StatusCode::BAD_REQUEST.into_response();
    }
    if s.onboard_pending > 0 {
        s.onboard_pending -= 1;
        return axum::Json(json!({"name": "operations/onboard-1", "done": false})).into_response();
    }
    s.onboarded = true;
    axum::Json(json!({"name": "operations/onboard-1", "done": true, "response": {"cloudaicompanionProject": {"id": PROJECT, "name": "Satu mock"}}})).into_response()
}

/// Waits until `check` holds, polling; panics with `what` after `limit`.
pub async fn eventually(limit: Duration, what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
