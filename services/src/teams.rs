//! Teams: creating one and changing its members, the rules the admin CLI and GraphQL share.
//! Callers tell every replica what changed (keys revoked, members gone) through the bus.

use entities::team_members::{self, Role};
use entities::{RepoError, teams, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::ServiceError;

/// The plan a new team gets: the operator's pick, or else its owner's own plan, which must be
/// one sold with seats (a user on Team or Enterprise creates their team from the dashboard).
pub async fn create(
    db: &DatabaseConnection,
    owner_id: Uuid,
    name: &str,
    plan: Option<&str>,
) -> Result<teams::Model, ServiceError> {
    let plan_id = match plan {
        Some(plan) => plan.to_owned(),
        None => {
            let owner = users::Entity::find_by_id(owner_id)
                .one(db)
                .await
                .map_err(RepoError::from)?
                .ok_or(RepoError::NotFound("user"))?;
            if !teams::TEAM_PLANS.contains(&owner.plan_id.as_str()) {
                return Err(ServiceError::rejected(
                    "team_plan_required",
                    "Teams come with the Team and Enterprise plans; upgrade first.",
                ));
            }
            owner.plan_id
        }
    };
    Ok(teams::create(db, owner_id, name, &plan_id).await?)
}

/// Removes a member (never the owner) and revokes their keys of the team; answers the revoked
/// keys' digests, which callers announce so every replica drops them at once.
pub async fn remove_member(
    db: &DatabaseConnection,
    team_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<String>, ServiceError> {
    Ok(team_members::remove(db, team_id, user_id).await?)
}

/// Changes a member's role; `role` is `admin` or `member`.
pub async fn set_role(
    db: &DatabaseConnection,
    team_id: Uuid,
    user_id: Uuid,
    role: &str,
) -> Result<team_members::Model, ServiceError> {
    let role = match Role::parse(role) {
        Some(role @ (Role::Admin | Role::Member)) => role,
        _ => {
            return Err(ServiceError::rejected(
                "role_invalid",
                "A member's role is admin or member; ownership moves by a transfer.",
            ));
        }
    };
    Ok(team_members::set_role(db, team_id, user_id, role).await?)
}
