//! The workspace's routing configuration (a team's is changed by its owner and admins).

use entities::routing_rules::{self, RoutingConfig};

use super::UserCtx;
use crate::graphql::error::ApiResult;

impl UserCtx<'_> {
    /// The stored routing, or the defaults when the user never set it.
    pub(crate) async fn routing(&self) -> ApiResult<RoutingConfig> {
        Ok(routing_rules::get_in(self.db, self.workspace())
            .await?
            .unwrap_or_default())
    }

    /// Replaces the routing; targets must name the workspace's own connections.
    pub(crate) async fn set_routing(&self, config: RoutingConfig) -> ApiResult<()> {
        self.require_manager()?;
        Ok(services::routing::set(self.db, self.workspace(), config).await?)
    }
}
