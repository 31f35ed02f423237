//! Teams: shared workspaces with a plan of their own. The members and their roles live in
//! `team_members`; a team is created with its owner as the first member, in one transaction.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, QueryFilter, QueryOrder, TransactionTrait,
    entity::prelude::*,
};

use crate::routing_rules::RoutingConfig;
use crate::team_members::{self, Role};
use crate::{RepoError, plans};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "teams")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub plan_id: String,
    /// Monthly periods run from here, like a user's.
    pub billing_anchor_at: DateTimeUtc,
    pub monthly_requests_limit: Option<i64>,
    pub rpm_limit: Option<i64>,
    pub tpm_limit: Option<i64>,
    #[sea_orm(column_type = "Json", nullable)]
    pub routing: Option<RoutingConfig>,
    /// The team's monthly cost budget in nano-USD (`None`: none).
    pub budget_nanos: Option<i64>,
    #[sea_orm(column_type = "Text", nullable)]
    pub slack_webhook_sealed: Option<String>,
    /// Enterprise: members sign in with Google from this Workspace domain.
    pub google_domain: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The plans a team can be on: the ones sold with seats for several members.
pub const TEAM_PLANS: [&str; 2] = ["team", "enterprise"];

pub fn check_name(name: &str) -> Result<String, RepoError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(RepoError::Invalid {
            field: "team name",
            reason: "must be 1 to 80 characters".to_owned(),
        });
    }
    Ok(name.to_owned())
}

/// Creates a team on `plan_id` with `owner_id` as its owner.
pub async fn create(
    db: &DatabaseConnection,
    owner_id: Uuid,
    name: &str,
    plan_id: &str,
) -> Result<Model, RepoError> {
    let name = check_name(name)?;
    if !TEAM_PLANS.contains(&plan_id) {
        return Err(RepoError::Invalid {
            field: "plan",
            reason: format!("a team is on the team or enterprise plan, not {plan_id}"),
        });
    }
    crate::retry_on_contention(|| create_once(db, owner_id, &name, plan_id)).await
}

async fn create_once(
    db: &DatabaseConnection,
    owner_id: Uuid,
    name: &str,
    plan_id: &str,
) -> Result<Model, RepoError> {
    let txn = db.begin().await?;
    if plans::find(&txn, plan_id).await?.is_none() {
        return Err(RepoError::NotFound("plan"));
    }
    let now = Utc::now();
    let team = ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(name.to_owned()),
        plan_id: Set(plan_id.to_owned()),
        billing_anchor_at: Set(now),
        monthly_requests_limit: Set(None),
        rpm_limit: Set(None),
        tpm_limit: Set(None),
        routing: Set(None),
        budget_nanos: Set(None),
        slack_webhook_sealed: Set(None),
        google_domain: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    team_members::insert(&txn, team.id, owner_id, Role::Owner).await?;
    txn.commit().await?;
    Ok(team)
}

/// A team's plan is its owner's: after the owner's plan changes (a payment, a downgrade, a
/// lapse, an operator), the teams they own take it, and their connections over its caps pause.
pub(crate) async fn follow_owner(
    db: &impl ConnectionTrait,
    owner_id: Uuid,
    plan: &plans::Model,
) -> Result<(), RepoError> {
    let owned: Vec<Uuid> = team_members::Entity::find()
        .filter(team_members::Column::UserId.eq(owner_id))
        .filter(team_members::Column::Role.eq(Role::Owner.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_id)
        .collect();
    for team_id in owned {
        set_plan(db, team_id, plan).await?;
    }
    Ok(())
}

/// Puts the team on `plan`; connections over the plan's caps pause, within them they resume.
pub async fn set_plan(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    plan: &plans::Model,
) -> Result<(), RepoError> {
    let updated = Entity::update_many()
        .col_expr(Column::PlanId, Expr::value(plan.id.clone()))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(team_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "team")?;
    crate::plan_caps::fit(db, crate::Workspace::Team(team_id), plan).await?;
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Model, RepoError> {
    Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("team"))
}

/// The teams `user_id` belongs to, with their role in each, oldest first.
pub async fn of_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<(Model, team_members::Model)>, DbErr> {
    let memberships = team_members::Entity::find()
        .filter(team_members::Column::UserId.eq(user_id))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = memberships.iter().map(|m| m.team_id).collect();
    let teams = Entity::find()
        .filter(Column::Id.is_in(ids))
        .order_by_asc(Column::CreatedAt)
        .all(db)
        .await?;
    Ok(teams
        .into_iter()
        .filter_map(|team| {
            let membership = memberships.iter().find(|m| m.team_id == team.id)?.clone();
            Some((team, membership))
        })
        .collect())
}

pub async fn rename(db: &impl ConnectionTrait, id: Uuid, name: &str) -> Result<Model, RepoError> {
    let name = check_name(name)?;
    let mut team: ActiveModel = find(db, id).await?.into();
    team.name = Set(name);
    team.updated_at = Set(Utc::now());
    Ok(team.update(db).await?)
}

pub async fn routing(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<RoutingConfig>, DbErr> {
    Ok(Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|t| t.routing))
}

pub async fn set_routing(
    db: &impl ConnectionTrait,
    id: Uuid,
    config: RoutingConfig,
) -> Result<(), RepoError> {
    config.validate()?;
    let mut team: ActiveModel = find(db, id).await?.into();
    team.routing = Set(Some(config));
    team.updated_at = Set(Utc::now());
    team.update(db).await?;
    Ok(())
}

/// Sets or clears (`None`) the team's monthly cost budget, nano-USD.
pub async fn set_budget(
    db: &impl ConnectionTrait,
    id: Uuid,
    budget_nanos: Option<i64>,
) -> Result<Model, RepoError> {
    crate::api_keys::check_limit("budget", budget_nanos)?;
    let mut team: ActiveModel = find(db, id).await?.into();
    team.budget_nanos = Set(budget_nanos);
    team.updated_at = Set(Utc::now());
    Ok(team.update(db).await?)
}

fn slack_aad(id: Uuid) -> Vec<u8> {
    format!("team_slack:{id}").into_bytes()
}

/// Sets (sealed like credentials) or clears the team's Slack incoming-webhook URL. The URL is
/// checked by the caller (scheme, public host).
pub async fn set_slack_webhook(
    db: &impl ConnectionTrait,
    sealer: &crate::seal::Sealer,
    id: Uuid,
    url: Option<&str>,
) -> Result<Model, RepoError> {
    let sealed = match url {
        Some(url) => Some(sealer.seal(url.as_bytes(), &slack_aad(id))?),
        None => None,
    };
    let mut team: ActiveModel = find(db, id).await?.into();
    team.slack_webhook_sealed = Set(sealed);
    team.updated_at = Set(Utc::now());
    Ok(team.update(db).await?)
}

impl Model {
    /// The Slack webhook URL in clear, for delivery only.
    pub fn slack_webhook(&self, sealer: &crate::seal::Sealer) -> Result<Option<String>, RepoError> {
        let Some(sealed) = &self.slack_webhook_sealed else {
            return Ok(None);
        };
        let plain = sealer.open(sealed, &slack_aad(self.id))?;
        Ok(Some(String::from_utf8_lossy(&plain).into_owned()))
    }
}

pub async fn set_google_domain(
    db: &impl ConnectionTrait,
    id: Uuid,
    domain: Option<&str>,
) -> Result<Model, RepoError> {
    let mut team: ActiveModel = find(db, id).await?.into();
    team.google_domain = Set(domain.map(str::to_owned));
    team.updated_at = Set(Utc::now());
    Ok(team.update(db).await?)
}
