//! Satu API keys of the workspace: the user's own, or in a team the member's (an owner or
//! admin sees and revokes every member's).

use entities::api_keys;
use entities::team_audit::action;
use serde_json::json;
use uuid::Uuid;

use super::UserCtx;
use crate::graphql::error::ApiResult;

impl UserCtx<'_> {
    /// Keys, newest first, revoked ones included.
    pub(crate) async fn api_keys(&self) -> ApiResult<Vec<api_keys::Model>> {
        Ok(api_keys::list(self.db, self.key_scope()).await?)
    }

    pub(crate) async fn api_key(&self, id: Uuid) -> ApiResult<api_keys::Model> {
        Ok(api_keys::find_in(self.db, self.key_scope(), id).await?)
    }

    /// A new key of the viewer's in the workspace, and its secret (shown once).
    pub(crate) async fn create_api_key(&self, name: &str) -> ApiResult<(api_keys::Model, String)> {
        let created = api_keys::create_in(self.db, self.workspace(), self.user_id, name).await?;
        self.audit_key(action::KEY_CREATED, &created.0).await;
        Ok(created)
    }

    /// The key with a new secret (shown once).
    pub(crate) async fn rotate_api_key(&self, id: Uuid) -> ApiResult<(api_keys::Model, String)> {
        let rotated = api_keys::rotate_in(self.db, self.key_scope(), id).await?;
        self.audit_key(action::KEY_ROTATED, &rotated.0).await;
        Ok(rotated)
    }

    pub(crate) async fn revoke_api_key(&self, id: Uuid) -> ApiResult<api_keys::Model> {
        let revoked = api_keys::revoke_in(self.db, self.key_scope(), id).await?;
        self.audit_key(action::KEY_REVOKED, &revoked).await;
        Ok(revoked)
    }

    async fn audit_key(&self, what: &str, key: &api_keys::Model) {
        let target = Some(format!("{} ({})", key.name, key.prefix));
        let after = Some(json!({"owner": key.user_id}));
        self.audit(what, target, None, after).await;
    }
}
