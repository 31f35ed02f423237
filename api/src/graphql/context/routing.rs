//! The workspace's routing configuration (a team's is changed by its owner and admins).

use entities::routing_rules::{self, RoutingConfig};
use entities::team_audit::action;

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
        let before = self.routing().await?;
        let after = serde_json::to_value(&config).ok();
        services::routing::set(self.db, self.workspace(), config).await?;
        let before = serde_json::to_value(&before).ok();
        self.audit(action::ROUTING_CHANGED, None, before, after)
            .await;
        Ok(())
    }
}
