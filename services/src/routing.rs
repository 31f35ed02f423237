//! Saving a workspace's routing: its targets may only name the workspace's own connections.

use entities::Workspace;
use entities::provider_accounts;
use entities::routing_rules::{self, RoutingConfig};
use sea_orm::ConnectionTrait;

use crate::ServiceError;

/// Replaces the workspace's routing; a target naming a connection that is not its own is
/// "not found" (and nothing is saved).
pub async fn set(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    config: RoutingConfig,
) -> Result<(), ServiceError> {
    let accounts = config
        .rules
        .iter()
        .flat_map(|r| &r.targets)
        .filter_map(|t| t.account);
    for id in accounts {
        provider_accounts::find_in(db, workspace, id).await?;
    }
    routing_rules::set_in(db, workspace, config).await?;
    Ok(())
}
