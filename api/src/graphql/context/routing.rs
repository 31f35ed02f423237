//! The user's routing configuration.

use entities::routing_rules::{self, RoutingConfig};

use super::UserCtx;
use crate::graphql::error::ApiResult;

impl UserCtx<'_> {
    /// The stored routing, or the defaults when the user never set it.
    pub(crate) async fn routing(&self) -> ApiResult<RoutingConfig> {
        Ok(routing_rules::get(self.db, self.user_id)
            .await?
            .unwrap_or_default())
    }

    /// Replaces the routing; targets must name the user's own connections.
    pub(crate) async fn set_routing(&self, config: RoutingConfig) -> ApiResult<()> {
        Ok(services::routing::set(self.db, self.user_id, config).await?)
    }
}
