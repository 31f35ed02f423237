//! Mailed one-time links: password reset and email verification. Requesting a reset answers the
//! same whether or not the email has an account; the link is in the email (outbox) only.

use async_graphql::{Context, Object};
use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::user_tokens::{self, Purpose};
use entities::{api_keys, sessions, users};
use proxy::bus::Message;
use sea_orm::EntityTrait;

use super::context::{deps, meta, require_post, writer};
use super::error::{ApiError, ApiResult};
use services::passwords::checked_hash;

const RESET_TTL_HOURS: i64 = 1;
const VERIFY_TTL_HOURS: i64 = 48;

/// Verification emails a user may ask for again per attempts window (10 minutes).
const RESENDS_PER_WINDOW: i64 = 3;
#[derive(Default)]
pub struct RecoveryMutation;

#[Object]
impl RecoveryMutation {
    /// Emails a link to choose a new password (valid one hour). Always answers true.
    async fn request_password_reset(
        &self,
        ctx: &Context<'_>,
        email: String,
    ) -> async_graphql::Result<bool> {
        require_post(ctx)?;
        let d = deps(ctx);
        let Ok(email) = users::normalize_email(&email) else {
            return Ok(true);
        };
        let c = &d.config;
        // Every attempt counts, success or not.
        let _counted = d
            .attempts
            .check(
                "reset",
                meta(ctx).ip.as_deref(),
                &email,
                c.attempts_per_ip,
                c.attempts_per_email,
            )
            .await?;
        if let Ok(user) = users::find_by_email(&d.db, &email).await {
            mail_token(ctx, &user, Purpose::ResetPassword).await?;
        }
        Ok(true)
    }

    /// Sets a new password with the emailed token; every session of the account is signed out.
    /// `revokeApiKeys: true` also revokes every API key (when the account may have been used by
    /// someone else: keys outlive sessions and passwords).
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        token: String,
        new_password: String,
        #[graphql(default = false)] revoke_api_keys: bool,
    ) -> async_graphql::Result<bool> {
        require_post(ctx)?;
        let db = &deps(ctx).db;
        let user_id = user_tokens::peek(db, Purpose::ResetPassword, &token)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::InvalidToken)?;
        let user = users::Entity::find_by_id(user_id)
            .one(db)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::InvalidToken)?;
        // Checked before the token is used up, so a weak choice can be corrected.
        let hash = checked_hash(new_password, &user.email)
            .await
            .map_err(ApiError::from)?;
        user_tokens::consume(db, Purpose::ResetPassword, &token)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::InvalidToken)?;
        users::set_password_hash(db, user_id, hash)
            .await
            .map_err(ApiError::from)?;
        // The link reached this mailbox: the address is proven, as by the verification link.
        users::mark_email_verified(db, user_id)
            .await
            .map_err(ApiError::from)?;
        sessions::revoke_others(db, user_id, None)
            .await
            .map_err(ApiError::from)?;
        if revoke_api_keys {
            let revoked = api_keys::revoke_all_for_user(db, user_id)
                .await
                .map_err(ApiError::from)?;
            // Every replica's proxy drops them now, not at the cache's TTL.
            for key_hash in revoked {
                deps(ctx)
                    .bus
                    .publish(Message::KeyRevoked { key_hash })
                    .await;
            }
        }
        Ok(true)
    }

    /// Confirms the email address with the token from the sign-up (or resent) email.
    async fn verify_email(&self, ctx: &Context<'_>, token: String) -> async_graphql::Result<bool> {
        require_post(ctx)?;
        let db = &deps(ctx).db;
        let user_id = user_tokens::consume(db, Purpose::VerifyEmail, &token)
            .await
            .map_err(ApiError::from)?
            .ok_or(ApiError::InvalidToken)?;
        users::mark_email_verified(db, user_id)
            .await
            .map_err(ApiError::from)?;
        Ok(true)
    }

    /// Sends the verification email again (at most 3 times per 10 minutes).
    async fn resend_verification_email(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let user = writer(ctx)?;
        let me = user.user().await?;
        if me.email_verified {
            return Ok(false);
        }
        // Each resend is an email to an address: bounded like sign-in attempts, tighter per account.
        let d = deps(ctx);
        // Every attempt counts, success or not.
        let _counted = d
            .attempts
            .check(
                "resend",
                meta(ctx).ip.as_deref(),
                &me.email,
                d.config.attempts_per_ip,
                RESENDS_PER_WINDOW.min(d.config.attempts_per_email),
            )
            .await?;
        mail_token(ctx, &me, Purpose::VerifyEmail).await?;
        Ok(true)
    }
}

/// Issues a token for `user` and queues the email that carries its link.
pub async fn mail_token(ctx: &Context<'_>, user: &users::Model, purpose: Purpose) -> ApiResult<()> {
    let d = deps(ctx);
    let (hours, mail) = match purpose {
        Purpose::ResetPassword => (RESET_TTL_HOURS, Mail::PasswordReset),
        Purpose::VerifyEmail => (VERIFY_TTL_HOURS, Mail::VerifyEmail),
    };
    let (row, token) =
        user_tokens::issue(&d.db, user.id, purpose, chrono::Duration::hours(hours)).await?;
    let email = NewEmail {
        user_id: Some(user.id),
        to_address: user.email.clone(),
        locale: user.locale.clone(),
        dedupe_key: format!("{}:{}", mail.template(), row.id),
        mail,
    };
    email_outbox::enqueue_with_secret(&d.db, &d.connections.sealer, email, &token).await?;
    Ok(())
}
