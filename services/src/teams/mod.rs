//! Teams: creating one, members and their roles, the rules the admin CLI and GraphQL share;
//! invites in `invites`, limits, budget and integrations in `settings`. Every change is
//! written to the team's audit log. Callers tell every replica what changed (keys revoked,
//! members gone) through the bus.

mod invites;
mod settings;

pub use invites::{accept, accept_as_new_user, invite, resend_invite, revoke_invite};
pub use settings::{
    send_slack_test, set_budget, set_google_domain, set_member_limits, set_slack_webhook,
};

use entities::team_audit::{self, Entry, action};
use entities::team_members::{self, Role};
use entities::{RepoError, plans, teams, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::ServiceError;

/// Who makes a change: a member, or an operator's command (`None`).
pub type Actor = Option<Uuid>;

/// The plan a new team gets: the operator's pick, or else its owner's own plan, which must be
/// one sold with seats (a user on Team or Enterprise creates their team from the dashboard).
pub async fn create(
    db: &DatabaseConnection,
    owner_id: Uuid,
    name: &str,
    plan: Option<&str>,
) -> Result<teams::Model, ServiceError> {
    let owner = user(db, owner_id).await?;
    let plan_id = match plan {
        Some(plan) => plan.to_owned(),
        None if teams::TEAM_PLANS.contains(&owner.plan_id.as_str()) => owner.plan_id.clone(),
        None => {
            return Err(ServiceError::rejected(
                "team_plan_required",
                "Teams come with the Team and Enterprise plans; upgrade first.",
            ));
        }
    };
    let team = teams::create(db, owner_id, name, &plan_id).await?;
    let after = json!({"name": team.name, "plan": team.plan_id, "owner": owner.email});
    audit(
        db,
        team.id,
        Some(owner_id),
        action::TEAM_CREATED,
        None,
        None,
        Some(after),
    )
    .await;
    Ok(team)
}

pub async fn rename(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    name: &str,
) -> Result<teams::Model, ServiceError> {
    let before = teams::find(db, team_id).await?;
    let team = teams::rename(db, team_id, name).await?;
    let (before, after) = (json!({"name": before.name}), json!({"name": team.name}));
    audit(
        db,
        team_id,
        actor,
        action::TEAM_RENAMED,
        None,
        Some(before),
        Some(after),
    )
    .await;
    Ok(team)
}

/// Removes a member (never the owner) and revokes their keys of the team; answers the revoked
/// keys' digests, which callers announce so every replica drops them at once.
pub async fn remove_member(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    user_id: Uuid,
) -> Result<Vec<String>, ServiceError> {
    let member = user(db, user_id).await?;
    let revoked = team_members::remove(db, team_id, user_id).await?;
    let what = if actor == Some(user_id) {
        action::MEMBER_LEFT
    } else {
        action::MEMBER_REMOVED
    };
    let after = json!({"keys_revoked": revoked.len()});
    audit(
        db,
        team_id,
        actor,
        what,
        Some(member.email),
        None,
        Some(after),
    )
    .await;
    Ok(revoked)
}

/// Changes a member's role; `role` is `admin` or `member`.
pub async fn set_role(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    user_id: Uuid,
    role: &str,
) -> Result<team_members::Model, ServiceError> {
    let role = invitable(role)?;
    let member = user(db, user_id).await?;
    let before = team_members::find(db, team_id, user_id)
        .await
        .map_err(RepoError::from)?;
    let after = team_members::set_role(db, team_id, user_id, role).await?;
    let before = before.map(|m| json!({"role": m.role}));
    let changed = Some(json!({"role": after.role}));
    audit(
        db,
        team_id,
        actor,
        action::MEMBER_ROLE,
        Some(member.email),
        before,
        changed,
    )
    .await;
    Ok(after)
}

pub async fn transfer_ownership(
    db: &DatabaseConnection,
    team_id: Uuid,
    from: Uuid,
    to: Uuid,
) -> Result<(), ServiceError> {
    let new_owner = user(db, to).await?;
    let is = |user, role: Option<Role>| async move {
        let member = team_members::find(db, team_id, user).await?;
        Ok::<_, RepoError>(member.is_some_and(|m| role.is_none_or(|r| m.role() == r)))
    };
    if !is(from, Some(Role::Owner)).await? {
        return Err(RepoError::NotFound("owner").into());
    }
    if !is(to, None).await? {
        return Err(RepoError::NotFound("member").into());
    }
    // The team takes its owner's plan: one without seats would leave it unusable.
    if !teams::TEAM_PLANS.contains(&new_owner.plan_id.as_str()) {
        return Err(ServiceError::rejected(
            "new_owner_plan_required",
            "The new owner must be on the Team or Enterprise plan: the team takes its owner's plan.",
        ));
    }
    team_members::transfer_ownership(db, team_id, from, to).await?;
    if let Some(plan) = plans::find(db, &new_owner.plan_id)
        .await
        .map_err(RepoError::from)?
    {
        teams::set_plan(db, team_id, &plan).await?;
    }
    let target = Some(new_owner.email);
    audit(
        db,
        team_id,
        Some(from),
        action::OWNER_CHANGED,
        target,
        None,
        None,
    )
    .await;
    Ok(())
}

/// Records a change to the team's audit log. The change is already made: a failure to record
/// it is logged loudly rather than undoing it.
pub async fn audit(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    what: &str,
    target: Option<String>,
    before: Option<Value>,
    after: Option<Value>,
) {
    let entry = Entry {
        team_id,
        actor_id: actor,
        action: what,
        target,
        before,
        after,
    };
    if let Err(e) = team_audit::record(db, entry).await {
        tracing::error!(error = %e, %team_id, action = what, "writing the team audit log failed");
    }
}

pub(crate) fn invitable(role: &str) -> Result<Role, ServiceError> {
    match Role::parse(role) {
        Some(role @ (Role::Admin | Role::Member)) => Ok(role),
        _ => Err(ServiceError::rejected(
            "role_invalid",
            "A member's role is admin or member; ownership moves by a transfer.",
        )),
    }
}

pub(crate) async fn user(db: &DatabaseConnection, id: Uuid) -> Result<users::Model, ServiceError> {
    Ok(users::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(RepoError::from)?
        .ok_or(RepoError::NotFound("user"))?)
}
