//! Signing in and out, and the signed-in user's own profile and password.

use async_graphql::{Context, Object};
use chrono::Utc;
use entities::sessions::{self, SessionMeta};
use entities::users;
use proxy::bus::Message;

use super::context::{ApiDeps, deps, meta, reader, require_post, writer};
use super::error::{ApiError, ApiResult};
use super::security;
use super::session;
use super::types::{AuthPayload, User};
use services::passwords::{checked_hash, verify_password};

#[derive(Default)]
pub struct AccountQuery;

#[Object]
impl AccountQuery {
    /// The signed-in user.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<User> {
        Ok(User::from(&reader(ctx)?.user().await?))
    }
}

#[derive(Default)]
pub struct AccountMutation;

#[Object]
impl AccountMutation {
    /// Signs in. The error never tells whether the email has an account.
    async fn log_in(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
        #[graphql(default = false)] issue_token: bool,
    ) -> async_graphql::Result<AuthPayload> {
        require_post(ctx)?;
        let d = deps(ctx);
        let m = meta(ctx);
        let email = users::normalize_email(&email).map_err(|_| ApiError::BadCredentials)?;
        let c = &d.config;
        let attempt = d
            .attempts
            .check(
                "login",
                m.ip.as_deref(),
                &email,
                c.attempts_per_ip,
                c.attempts_per_email,
            )
            .await;
        let attempt = match attempt {
            Ok(attempt) => attempt,
            Err(refused) => {
                security::locked_out(&d.db, &email, m.ip.as_deref()).await;
                return Err(refused.into());
            }
        };
        let user = users::find_by_email(&d.db, &email).await.ok();
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        if !verify_password(password, stored)
            .await
            .map_err(ApiError::from)?
        {
            security::sign_in_failed(&d.db, &email, m.ip.as_deref()).await;
            return Err(ApiError::BadCredentials.into());
        }
        let user = user.ok_or(ApiError::BadCredentials)?;
        d.attempts.succeeded(attempt).await;
        Ok(start_session(ctx, d, &user, issue_token).await?)
    }

    /// Ends this session (and clears the browser's cookies).
    async fn log_out(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        user.end_session().await?;
        let secure = session::secure(deps(ctx).config.cookie_secure, meta(ctx).https);
        for cookie in session::clear_cookies(secure) {
            ctx.append_http_header("set-cookie", cookie);
        }
        Ok(true)
    }

    async fn update_profile(
        &self,
        ctx: &Context<'_>,
        display_name: Option<String>,
        locale: Option<String>,
    ) -> async_graphql::Result<User> {
        let user = writer(ctx)?;
        let profile = users::Profile {
            display_name,
            locale,
        };
        let updated = user.update_profile(profile).await?;
        Ok(User::from(&updated))
    }

    /// Changes the password after checking the current one; other sessions are signed out.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        let me = user.user().await?;
        if !verify_password(current_password, me.password_hash.clone())
            .await
            .map_err(ApiError::from)?
        {
            return Err(ApiError::rejected(
                "current_password_wrong",
                "The current password is incorrect.",
            )
            .into());
        }
        let hash = checked_hash(new_password, &me.email)
            .await
            .map_err(ApiError::from)?;
        user.replace_password_hash(hash).await?;
        Ok(true)
    }
}

#[derive(Default)]
pub struct DeletionMutation;

#[Object]
impl DeletionMutation {
    /// Deletes your account for good: API keys, sessions, connections and their credentials,
    /// and personal data. Usage stays in the platform's totals, no longer linked to you.
    /// `confirmEmail` must be your email; `password` is needed when the account has one.
    async fn delete_account(
        &self,
        ctx: &Context<'_>,
        confirm_email: String,
        password: Option<String>,
    ) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        let me = user.user().await?;
        if users::normalize_email(&confirm_email).ok().as_deref() != Some(me.email.as_str()) {
            return Err(ApiError::rejected(
                "confirm_email_mismatch",
                "confirmEmail does not match your email.",
            )
            .into());
        }
        if me.password_hash.is_some()
            && !verify_password(password.unwrap_or_default(), me.password_hash.clone())
                .await
                .map_err(ApiError::from)?
        {
            return Err(ApiError::rejected("password_wrong", "The password is incorrect.").into());
        }
        let key_hashes = user.delete_account().await?;
        let bus = &deps(ctx).bus;
        for key_hash in key_hashes {
            bus.publish(Message::KeyRevoked { key_hash }).await;
        }
        bus.publish(Message::AccountsChanged {
            workspace_id: user.user_id,
        })
        .await;
        let secure = session::secure(deps(ctx).config.cookie_secure, meta(ctx).https);
        for cookie in session::clear_cookies(secure) {
            ctx.append_http_header("set-cookie", cookie);
        }
        Ok(true)
    }
}

pub async fn start_session(
    ctx: &Context<'_>,
    d: &ApiDeps,
    user: &users::Model,
    issue_token: bool,
) -> ApiResult<AuthPayload> {
    let sign_in = SignIn {
        issue_token,
        google_hd: None,
    };
    start_session_as(ctx, d, user, sign_in).await
}

/// How a session was signed in to.
pub struct SignIn<'a> {
    /// Answer the token (for scripts) instead of setting the cookie.
    pub issue_token: bool,
    /// Google sign-in from this Workspace domain.
    pub google_hd: Option<&'a str>,
}

pub async fn start_session_as(
    ctx: &Context<'_>,
    d: &ApiDeps,
    user: &users::Model,
    sign_in: SignIn<'_>,
) -> ApiResult<AuthPayload> {
    // Checked after the credentials, so the refusal tells nothing to someone without them.
    if user.suspended_at.is_some() {
        return Err(ApiError::Suspended);
    }
    let issue_token = sign_in.issue_token;
    let m = meta(ctx);
    let ttl = chrono::Duration::hours(d.config.session_ttl_hours.max(1));
    let created = sessions::create(
        &d.db,
        user.id,
        ttl,
        SessionMeta {
            user_agent: m.user_agent.as_deref(),
            ip: m.ip.as_deref(),
            google_hd: sign_in.google_hd,
            impersonation_id: None,
        },
    )
    .await?;
    let expires_at = created.session.expires_at;
    if issue_token {
        return Ok(AuthPayload {
            user: User::from(user),
            csrf_token: None,
            session_token: Some(created.token),
            expires_at,
        });
    }
    let secure = session::secure(d.config.cookie_secure, m.https);
    let max_age = (expires_at - Utc::now()).num_seconds();
    for cookie in session::set_cookies(&created.token, max_age, secure) {
        ctx.append_http_header("set-cookie", cookie);
    }
    Ok(AuthPayload {
        user: User::from(user),
        csrf_token: Some(session::csrf_for(&created.token)),
        session_token: None,
        expires_at,
    })
}
