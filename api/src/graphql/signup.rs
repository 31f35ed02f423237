//! Signing up, verified first: `signUp` emails a link and answers the same whether or not the
//! address has an account (a registered address gets a note to sign in instead); the account
//! exists once the link is opened with the password chosen at sign-up. So sign-up cannot be used
//! to learn who is registered, nor to hold an address whose mail one cannot read.

use async_graphql::{Context, Object};
use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::pending_signups::{self, NewSignup};
use entities::{RepoError, users};

use super::account::start_session;
use super::context::{ApiDeps, deps, meta, require_post};
use super::error::{ApiError, ApiResult};
use super::types::AuthPayload;
use services::passwords::{check_strength, hash_password, verify_password};

/// How long a sign-up link works.
const SIGNUP_TTL_HOURS: i64 = 48;

#[derive(Default)]
pub struct SignUpQuery;

#[Object]
impl SignUpQuery {
    /// The email of the sign-up a link's token belongs to; null when the link is unknown, used
    /// or expired (the page can say so before asking for the password).
    async fn sign_up_email(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> async_graphql::Result<Option<String>> {
        let pending = pending_signups::find_open(&deps(ctx).db, &token)
            .await
            .map_err(ApiError::from)?;
        Ok(pending.map(|p| p.email))
    }
}

#[derive(Default)]
pub struct SignUpMutation;

#[Object]
impl SignUpMutation {
    /// Starts a sign-up on the Free plan: emails a link (valid 48 hours) that creates the
    /// account. Answers true for every valid input, whether or not the address already has an
    /// account; such an address is sent a note to sign in or reset the password instead.
    async fn sign_up(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
        display_name: Option<String>,
        locale: Option<String>,
    ) -> async_graphql::Result<bool> {
        require_post(ctx)?;
        let d = deps(ctx);
        let email = users::normalize_email(&email).map_err(ApiError::from)?;
        let c = &d.config;
        // Every attempt counts, success or not.
        let _counted = d
            .attempts
            .check(
                "signup",
                meta(ctx).ip.as_deref(),
                &email,
                c.attempts_per_ip,
                c.attempts_per_email,
            )
            .await?;
        check_strength(&password, &email).map_err(ApiError::from)?;
        let profile = users::Profile {
            display_name,
            locale,
        }
        .checked()
        .map_err(ApiError::from)?;
        // Hashed on both paths, so the answer takes as long for a registered address.
        let password_hash = hash_password(password).await.map_err(ApiError::from)?;
        match users::find_by_email(&d.db, &email).await {
            Ok(user) => mail_already_registered(d, &user, profile.locale.as_deref()).await?,
            Err(RepoError::NotFound(_)) => {
                let signup = NewSignup {
                    email,
                    password_hash,
                    profile,
                };
                mail_signup_link(d, signup).await?;
            }
            Err(e) => return Err(ApiError::from(e).into()),
        }
        Ok(true)
    }

    /// Finishes a sign-up with the emailed link's token and the password chosen at sign-up
    /// (so a link sent by someone else's sign-up cannot create an account they know the
    /// password of). Creates the account, email verified, and signs it in; `issueToken: true`
    /// returns a session token for scripts instead of setting the browser cookie.
    async fn complete_sign_up(
        &self,
        ctx: &Context<'_>,
        token: String,
        password: String,
        #[graphql(default = false)] issue_token: bool,
    ) -> async_graphql::Result<AuthPayload> {
        require_post(ctx)?;
        let d = deps(ctx);
        let pending = pending_signups::find_open(&d.db, &token)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::InvalidToken)?;
        let c = &d.config;
        let attempt = d
            .attempts
            .check(
                "signup_confirm",
                meta(ctx).ip.as_deref(),
                &pending.email,
                c.attempts_per_ip,
                c.attempts_per_email,
            )
            .await?;
        if !verify_password(password, Some(pending.password_hash.clone()))
            .await
            .map_err(ApiError::from)?
        {
            return Err(ApiError::rejected(
                "signup_password_mismatch",
                "This is not the password chosen for this sign-up. Enter that password, or sign up again for a new link.",
            )
            .into());
        }
        let user = pending_signups::complete(&d.db, &pending)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::InvalidToken)?;
        d.attempts.succeeded(attempt).await;
        Ok(start_session(ctx, d, &user, issue_token).await?)
    }
}

/// Stores the sign-up and queues the email carrying its link.
async fn mail_signup_link(d: &ApiDeps, signup: NewSignup) -> ApiResult<()> {
    let ttl = chrono::Duration::hours(SIGNUP_TTL_HOURS);
    let (row, token) = pending_signups::start(&d.db, signup, ttl).await?;
    let email = NewEmail {
        user_id: None,
        to_address: row.email.clone(),
        locale: row.locale.clone(),
        mail: Mail::ConfirmSignup,
        dedupe_key: format!("confirm_signup:{}", row.id),
    };
    email_outbox::enqueue_with_secret(&d.db, &d.connections.sealer, email, &token).await?;
    Ok(())
}

/// Tells the owner of a registered address that someone tried to sign up with it: at most one
/// such note per account and hour, however many attempts.
async fn mail_already_registered(
    d: &ApiDeps,
    user: &users::Model,
    form_locale: Option<&str>,
) -> ApiResult<()> {
    let hour = chrono::Utc::now().timestamp() / 3600;
    let email = NewEmail {
        user_id: Some(user.id),
        to_address: user.email.clone(),
        locale: user.locale.clone().or(form_locale.map(str::to_owned)),
        mail: Mail::SignupExisting,
        dedupe_key: format!("signup_existing:{}:{hour}", user.id),
    };
    email_outbox::enqueue(&d.db, email).await?;
    Ok(())
}
