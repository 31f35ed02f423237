//! The signed-in user's Satu API keys.

use async_graphql::{Context, Object};
use uuid::Uuid;

use proxy::bus::Message;

use super::context::{deps, reader, writer};
use super::types::{ApiKey, ApiKeySecret};

#[derive(Default)]
pub struct KeysQuery;

#[Object]
impl KeysQuery {
    /// Keys, newest first; revoked keys stay listed as revoked.
    async fn api_keys(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ApiKey>> {
        let user = reader(ctx)?;
        Ok(user.api_keys().await?.iter().map(ApiKey::from).collect())
    }

    async fn api_key(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<ApiKey> {
        let user = reader(ctx)?;
        Ok(ApiKey::from(&user.api_key(id).await?))
    }
}

#[derive(Default)]
pub struct KeysMutation;

#[Object]
impl KeysMutation {
    /// A new key; its secret is in the answer and never again.
    async fn create_api_key(
        &self,
        ctx: &Context<'_>,
        name: String,
    ) -> async_graphql::Result<ApiKeySecret> {
        let user = writer(ctx)?;
        let (key, secret) = user.create_api_key(&name).await?;
        Ok(ApiKeySecret {
            key: ApiKey::from(&key),
            secret,
        })
    }

    /// A new secret for the key (same id, name, limits and history); the old one stops working.
    async fn rotate_api_key(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<ApiKeySecret> {
        let user = writer(ctx)?;
        let before = user.api_key(id).await?;
        let (key, secret) = user.rotate_api_key(id).await?;
        announce_revoked(ctx, before.key_hash).await;
        Ok(ApiKeySecret {
            key: ApiKey::from(&key),
            secret,
        })
    }

    async fn revoke_api_key(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<ApiKey> {
        let user = writer(ctx)?;
        let key = user.revoke_api_key(id).await?;
        announce_revoked(ctx, key.key_hash.clone()).await;
        Ok(ApiKey::from(&key))
    }
}

/// Every replica's proxy drops the old secret from its cache now, not at the cache's TTL.
async fn announce_revoked(ctx: &Context<'_>, key_hash: String) {
    deps(ctx)
        .bus
        .publish(Message::KeyRevoked { key_hash })
        .await;
}
