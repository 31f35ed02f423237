//! The user's Satu API keys.

use entities::api_keys;
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::ApiResult;

impl UserCtx<'_> {
    /// Keys, newest first, revoked ones included.
    pub(crate) async fn api_keys(&self) -> ApiResult<Vec<api_keys::Model>> {
        Ok(api_keys::list_for_user(self.db, self.user_id).await?)
    }

    pub(crate) async fn api_key(&self, id: Uuid) -> ApiResult<api_keys::Model> {
        Ok(api_keys::find_owned(self.db, self.user_id, id).await?)
    }

    /// A new key and its secret (shown once).
    pub(crate) async fn create_api_key(&self, name: &str) -> ApiResult<(api_keys::Model, String)> {
        Ok(api_keys::create(self.db, self.user_id, name).await?)
    }

    /// The key with a new secret (shown once).
    pub(crate) async fn rotate_api_key(&self, id: Uuid) -> ApiResult<(api_keys::Model, String)> {
        Ok(api_keys::rotate_owned(self.db, self.user_id, id).await?)
    }

    pub(crate) async fn revoke_api_key(&self, id: Uuid) -> ApiResult<api_keys::Model> {
        Ok(api_keys::revoke_owned(self.db, self.user_id, id).await?)
    }
}
