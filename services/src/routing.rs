//! Saving a user's routing: its targets may only name the user's own connections.

use entities::provider_accounts;
use entities::routing_rules::{self, RoutingConfig};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::ServiceError;

/// Replaces the user's routing; a target naming a connection that is not theirs is "not
/// found" (and nothing is saved).
pub async fn set(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    config: RoutingConfig,
) -> Result<(), ServiceError> {
    let accounts = config
        .rules
        .iter()
        .flat_map(|r| &r.targets)
        .filter_map(|t| t.account);
    for id in accounts {
        provider_accounts::find_owned(db, user_id, id).await?;
    }
    routing_rules::set(db, user_id, config).await?;
    Ok(())
}
