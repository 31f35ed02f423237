//! The user's own row, profile, password, sessions, and the deletion of the account.

use entities::{impersonations, sessions, users};
use sea_orm::EntityTrait;
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::{ApiError, ApiResult};

impl UserCtx<'_> {
    /// The user's row; a user deleted since the session began is signed out.
    pub(crate) async fn user(&self) -> ApiResult<users::Model> {
        users::Entity::find_by_id(self.user_id)
            .one(self.db)
            .await?
            .ok_or(ApiError::Unauthenticated)
    }

    pub(crate) async fn update_profile(&self, profile: users::Profile) -> ApiResult<users::Model> {
        Ok(users::update_profile(self.db, self.user_id, profile).await?)
    }

    pub(crate) async fn update_notifications(
        &self,
        changes: users::Notifications,
    ) -> ApiResult<users::Model> {
        Ok(users::update_notifications(self.db, self.user_id, changes).await?)
    }

    /// Stores the new password's hash and signs every other session out.
    pub(crate) async fn replace_password_hash(&self, hash: String) -> ApiResult<()> {
        users::set_password_hash(self.db, self.user_id, hash).await?;
        sessions::revoke_others(self.db, self.user_id, Some(self.session_id)).await?;
        Ok(())
    }

    /// Ends the session this request came with (signing out).
    pub(crate) async fn end_session(&self) -> ApiResult<()> {
        Ok(sessions::revoke(self.db, self.session_id).await?)
    }

    /// Sessions that still work, newest first.
    pub(crate) async fn sessions(&self) -> ApiResult<Vec<sessions::Model>> {
        sessions::list_active(self.db, self.user_id)
            .await
            .map_err(|e| ApiError::internal("listing sessions failed", &e))
    }

    /// Ends one of the user's sessions; false when they have no such working session.
    pub(crate) async fn revoke_session(&self, id: Uuid) -> ApiResult<bool> {
        let revoked = sessions::revoke_owned(self.db, self.user_id, id)
            .await
            .map_err(|e| ApiError::internal("revoking a session failed", &e))?;
        // Signing out support's view ends it.
        impersonations::end_signed_out(self.db, self.user_id).await?;
        Ok(revoked)
    }

    /// Ends every session but this one; answers how many were ended.
    pub(crate) async fn sign_out_other_sessions(&self) -> ApiResult<u64> {
        let ended = sessions::revoke_others(self.db, self.user_id, Some(self.session_id))
            .await
            .map_err(|e| ApiError::internal("ending sessions failed", &e))?;
        impersonations::end_signed_out(self.db, self.user_id).await?;
        Ok(ended)
    }

    /// The times Satu support viewed this account, newest first.
    pub(crate) async fn support_views(&self) -> ApiResult<Vec<impersonations::Model>> {
        Ok(impersonations::of_user(self.db, self.user_id).await?)
    }

    /// Deletes the account for good; answers the hashes of the API keys it had.
    pub(crate) async fn delete_account(&self) -> ApiResult<Vec<String>> {
        Ok(entities::account_deletion::delete_user(self.db, self.user_id).await?)
    }
}
