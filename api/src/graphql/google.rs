//! Signing in with Google (OpenID Connect, authorization code with PKCE). The flow's state and
//! verifier travel in a sealed, httpOnly cookie bound to the browser that started it, so a
//! sign-in cannot be completed from another browser (login CSRF). The identity comes from the
//! userinfo endpoint, called with the token just received from Google over TLS.

use async_graphql::{Context, Object, SimpleObject};
use entities::users;
use proxy::oauth::pkce;
use serde::{Deserialize, Serialize};

use super::account::{SignIn, start_session_as};
use super::context::{deps, meta, require_post};
use super::error::{ApiError, ApiResult};
use super::types::AuthPayload;
use super::{GoogleConfig, session};

pub const FLOW_COOKIE: &str = "satu_google_flow";
const FLOW_SECS: i64 = 600;
const AAD: &[u8] = b"google-sign-in";

#[derive(Serialize, Deserialize)]
struct Flow {
    state: String,
    verifier: String,
    nonce: String,
}

#[derive(SimpleObject)]
pub struct GoogleStart {
    /// Send the browser here; Google returns it to `api.google.redirect_uri` with `code` and
    /// `state`, which the page passes to `completeGoogleSignIn`.
    pub authorize_url: String,
}

#[derive(Deserialize)]
struct UserInfo {
    sub: String,
    email: Option<String>,
    #[serde(default)]
    email_verified: bool,
    /// The Google Workspace domain, for accounts of one (teams may require it).
    #[serde(default)]
    hd: Option<String>,
}

#[derive(Default)]
pub struct GoogleMutation;

#[Object]
impl GoogleMutation {
    async fn start_google_sign_in(&self, ctx: &Context<'_>) -> async_graphql::Result<GoogleStart> {
        require_post(ctx)?;
        let d = deps(ctx);
        let google = configured(&d.config.google)?;
        let random = |e| ApiError::internal("no randomness", &e);
        let flow = Flow {
            state: pkce::state().map_err(random)?,
            verifier: pkce::verifier().map_err(random)?,
            nonce: pkce::state().map_err(random)?,
        };
        let sealed = serde_json::to_vec(&flow)
            .map_err(|e| ApiError::internal("encoding the sign-in", &e))
            .and_then(|plain| {
                d.connections
                    .sealer
                    .seal(&plain, AAD)
                    .map_err(|e| ApiError::internal("sealing the sign-in", &e))
            })?;
        let secure = session::secure(d.config.cookie_secure, meta(ctx).https);
        let (name, flags) = (
            session::cookie_name(FLOW_COOKIE, secure),
            session::cookie_flags(FLOW_SECS, secure),
        );
        ctx.append_http_header("set-cookie", format!("{name}={sealed}; HttpOnly; {flags}"));
        let url = url::Url::parse_with_params(
            &google.authorize_url,
            [
                ("response_type", "code"),
                ("client_id", google.client_id.as_deref().unwrap_or_default()),
                ("redirect_uri", &redirect_uri(d)),
                ("scope", "openid email profile"),
                ("state", &flow.state),
                ("nonce", &flow.nonce),
                ("code_challenge", &pkce::challenge(&flow.verifier)),
                ("code_challenge_method", "S256"),
                ("prompt", "select_account"),
            ],
        )
        .map_err(|e| ApiError::internal("api.google.authorize_url is not a URL", &e))?;
        Ok(GoogleStart {
            authorize_url: url.to_string(),
        })
    }

    /// Finishes the sign-in: signs in the Google account's user, links it to the user with
    /// that (Google-verified) email, or creates one on the Free plan.
    async fn complete_google_sign_in(
        &self,
        ctx: &Context<'_>,
        code: String,
        state: String,
        #[graphql(default = false)] issue_token: bool,
    ) -> async_graphql::Result<AuthPayload> {
        require_post(ctx)?;
        let d = deps(ctx);
        let google = configured(&d.config.google)?;
        let flow = open_flow(ctx)?;
        if !session::constant_time_eq(flow.state.as_bytes(), state.as_bytes()) {
            return Err(ApiError::BadInput(
                "This Google sign-in does not belong to this browser (its state does not match); start again.".to_owned(),
            )
            .into());
        }
        let info = identity(d, google, &code, &flow.verifier).await?;
        let hd = info.hd.clone();
        let user = user_for(&d.db, info).await?;
        let secure = session::secure(d.config.cookie_secure, meta(ctx).https);
        let (name, flags) = (
            session::cookie_name(FLOW_COOKIE, secure),
            session::cookie_flags(0, secure),
        );
        ctx.append_http_header("set-cookie", format!("{name}=; HttpOnly; {flags}"));
        let session = SignIn {
            issue_token,
            google_hd: hd.as_deref(),
        };
        Ok(start_session_as(ctx, d, &user, session).await?)
    }
}

fn configured(google: &GoogleConfig) -> ApiResult<&GoogleConfig> {
    match (&google.client_id, &google.client_secret) {
        (Some(_), Some(_)) => Ok(google),
        _ => Err(ApiError::rejected(
            "google_not_configured",
            "Google sign-in is not configured on this Satu server.",
        )),
    }
}

fn redirect_uri(d: &super::ApiDeps) -> String {
    d.config.google.redirect_uri.clone().unwrap_or_else(|| {
        format!(
            "{}/auth/google/callback",
            d.config.public_url.trim_end_matches('/')
        )
    })
}

fn open_flow(ctx: &Context<'_>) -> ApiResult<Flow> {
    let expired = || {
        ApiError::Gone(
            "This Google sign-in expired or was started in another browser; start again."
                .to_owned(),
        )
    };
    let sealed = meta(ctx).google_flow.as_deref().ok_or_else(expired)?;
    let plain = deps(ctx)
        .connections
        .sealer
        .open(sealed, AAD)
        .map_err(|_| expired())?;
    serde_json::from_slice(&plain).map_err(|_| expired())
}

/// Exchanges the code (with the PKCE verifier) and reads who signed in.
async fn identity(
    d: &super::ApiDeps,
    google: &GoogleConfig,
    code: &str,
    verifier: &str,
) -> ApiResult<UserInfo> {
    let http = &d.connections.checks.http;
    let redirect = redirect_uri(d);
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect.as_str()),
        ("client_id", google.client_id.as_deref().unwrap_or_default()),
        (
            "client_secret",
            google.client_secret.as_deref().unwrap_or_default(),
        ),
        ("code_verifier", verifier),
    ];
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let unreachable =
        |e: reqwest::Error| ApiError::Provider(format!("Google could not be reached ({e})."));
    let response = http
        .post(&google.token_url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .map_err(unreachable)?;
    if !response.status().is_success() {
        let status = response.status().as_u16();
        return Err(ApiError::BadInput(format!(
            "Google refused the sign-in code ({status}); start again."
        )));
    }
    #[derive(Deserialize)]
    struct Tokens {
        access_token: String,
    }
    let tokens: Tokens = response.json().await.map_err(unreachable)?;
    let info: UserInfo = http
        .get(&google.userinfo_url)
        .bearer_auth(&tokens.access_token)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(unreachable)?
        .json()
        .await
        .map_err(unreachable)?;
    Ok(info)
}

/// The user this Google account signs in as: linked already, or by verified email, or new.
async fn user_for(db: &sea_orm::DatabaseConnection, info: UserInfo) -> ApiResult<users::Model> {
    if let Some(user) = users::find_by_google_sub(db, &info.sub).await? {
        return Ok(user);
    }
    let email = info.email.filter(|_| info.email_verified).ok_or_else(|| {
        ApiError::BadInput("This Google account has no verified email.".to_owned())
    })?;
    let email = users::normalize_email(&email)?;
    let user = match users::find_by_email(db, &email).await {
        // Account pre-takeover: whoever registered this address without proving it would keep
        // their password, sessions and keys on the Google user's account. Only a proven
        // address is linked; the owner proves it first (verification or reset link).
        Ok(user) if !user.email_verified => {
            return Err(ApiError::rejected(
                "google_email_unverified",
                "An account with this email exists but its address was never confirmed. \
                 Confirm it from the email we sent (or reset the password by email), then \
                 continue with Google.",
            ));
        }
        Ok(user) => user,
        Err(entities::RepoError::NotFound(_)) => {
            users::create(
                db,
                users::NewUser {
                    email: &email,
                    password_hash: None,
                    plan_id: "free",
                    platform_role: None,
                },
            )
            .await?
        }
        Err(e) => return Err(e.into()),
    };
    Ok(users::link_google(db, user.id, &info.sub).await?)
}
