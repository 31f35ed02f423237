//! Who belongs to a team, and as what. Seats are counted here: a team has at most its plan's
//! `max_members` members.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, PaginatorTrait, QueryFilter, QueryOrder,
    TransactionTrait, entity::prelude::*, sea_query::Expr,
};

use crate::{RepoError, api_keys, plans};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team_members")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub team_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub role: String,
    pub joined_at: DateTimeUtc,
    /// Limits an admin set for this member (`None`: only the team's apply).
    pub monthly_requests_limit: Option<i64>,
    pub rpm_limit: Option<i64>,
    /// Monthly cost budget in nano-USD.
    pub budget_nanos: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Member,
    Admin,
    Owner,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "owner" => Some(Role::Owner),
            "admin" => Some(Role::Admin),
            "member" => Some(Role::Member),
            _ => None,
        }
    }

    /// Members, connections, routing, keys and budgets: owners and admins.
    pub fn manages(self) -> bool {
        self >= Role::Admin
    }
}

impl Model {
    /// An unknown role (a newer Satu wrote it) counts as the least.
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Member)
    }
}

pub(crate) async fn insert(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> Result<Model, RepoError> {
    ActiveModel {
        team_id: Set(team_id),
        user_id: Set(user_id),
        role: Set(role.as_str().to_owned()),
        joined_at: Set(Utc::now()),
        monthly_requests_limit: Set(None),
        rpm_limit: Set(None),
        budget_nanos: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| RepoError::on_unique(e, "a membership of this user"))
}

pub async fn find(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    user_id: Uuid,
) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id((team_id, user_id)).one(db).await
}

/// The members, the earliest to join first.
pub async fn list(db: &impl ConnectionTrait, team_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::TeamId.eq(team_id))
        .order_by_asc(Column::JoinedAt)
        .all(db)
        .await
}

/// Seats taken and seats the plan has (`None`: unlimited).
pub async fn seats(
    db: &impl ConnectionTrait,
    team_id: Uuid,
) -> Result<(u64, Option<i32>), RepoError> {
    let team = crate::teams::find(db, team_id).await?;
    let plan = plans::find(db, &team.plan_id)
        .await?
        .ok_or(RepoError::NotFound("plan"))?;
    let taken = Entity::find()
        .filter(Column::TeamId.eq(team_id))
        .count(db)
        .await?;
    Ok((taken, plan.max_members))
}

/// Refuses when every seat is taken.
pub async fn check_seat(db: &impl ConnectionTrait, team_id: Uuid) -> Result<(), RepoError> {
    let (taken, max) = seats(db, team_id).await?;
    match max {
        Some(max) if taken >= u64::try_from(max).unwrap_or(0) => Err(RepoError::Invalid {
            field: "seats",
            reason: format!("the team's plan has {max} seats and all are taken"),
        }),
        _ => Ok(()),
    }
}

/// Adds `user_id` as a `role` (not owner: a team has one owner), if a seat is free.
pub async fn add(
    db: &DatabaseConnection,
    team_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> Result<Model, RepoError> {
    if role == Role::Owner {
        return Err(RepoError::Invalid {
            field: "role",
            reason: "a team has one owner; transfer ownership instead".to_owned(),
        });
    }
    crate::retry_on_contention(|| add_once(db, team_id, user_id, role)).await
}

async fn add_once(
    db: &DatabaseConnection,
    team_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> Result<Model, RepoError> {
    let txn = db.begin().await?;
    check_seat(&txn, team_id).await?;
    let member = insert(&txn, team_id, user_id, role).await?;
    txn.commit().await?;
    Ok(member)
}

/// Changes a member's role between admin and member; the owner's is changed by a transfer.
pub async fn set_role(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    user_id: Uuid,
    role: Role,
) -> Result<Model, RepoError> {
    let member = find(db, team_id, user_id)
        .await?
        .ok_or(RepoError::NotFound("member"))?;
    if member.role() == Role::Owner || role == Role::Owner {
        return Err(RepoError::Invalid {
            field: "role",
            reason: "the owner's role changes only by a transfer of ownership".to_owned(),
        });
    }
    let mut active: ActiveModel = member.into();
    active.role = Set(role.as_str().to_owned());
    Ok(active.update(db).await?)
}

/// Removes a member and revokes their keys of this team, in one transaction. Returns the
/// revoked keys' digests, for the caches to forget them.
pub async fn remove(
    db: &DatabaseConnection,
    team_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<String>, RepoError> {
    crate::retry_on_contention(|| remove_once(db, team_id, user_id)).await
}

async fn remove_once(
    db: &DatabaseConnection,
    team_id: Uuid,
    user_id: Uuid,
) -> Result<Vec<String>, RepoError> {
    let txn = db.begin().await?;
    let member = find(&txn, team_id, user_id)
        .await?
        .ok_or(RepoError::NotFound("member"))?;
    if member.role() == Role::Owner {
        return Err(RepoError::Invalid {
            field: "member",
            reason: "the owner cannot be removed; transfer ownership first".to_owned(),
        });
    }
    Entity::delete_by_id((team_id, user_id)).exec(&txn).await?;
    let keys = api_keys::Entity::find()
        .filter(api_keys::Column::TeamId.eq(team_id))
        .filter(api_keys::Column::UserId.eq(user_id))
        .filter(api_keys::Column::RevokedAt.is_null())
        .all(&txn)
        .await?;
    api_keys::Entity::update_many()
        .col_expr(api_keys::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(api_keys::Column::TeamId.eq(team_id))
        .filter(api_keys::Column::UserId.eq(user_id))
        .filter(api_keys::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(keys.into_iter().map(|k| k.key_hash).collect())
}

/// Hands the team to another member: they become owner, the owner becomes an admin.
pub async fn transfer_ownership(
    db: &DatabaseConnection,
    team_id: Uuid,
    from: Uuid,
    to: Uuid,
) -> Result<(), RepoError> {
    crate::retry_on_contention(|| transfer_once(db, team_id, from, to)).await
}

async fn transfer_once(
    db: &DatabaseConnection,
    team_id: Uuid,
    from: Uuid,
    to: Uuid,
) -> Result<(), RepoError> {
    let txn = db.begin().await?;
    let current = find(&txn, team_id, from).await?;
    if current.as_ref().map(Model::role) != Some(Role::Owner) {
        return Err(RepoError::NotFound("owner"));
    }
    if find(&txn, team_id, to).await?.is_none() {
        return Err(RepoError::NotFound("member"));
    }
    for (user, role) in [(from, Role::Admin), (to, Role::Owner)] {
        Entity::update_many()
            .col_expr(Column::Role, Expr::value(role.as_str()))
            .filter(Column::TeamId.eq(team_id))
            .filter(Column::UserId.eq(user))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Before a user is deleted: a team they own alone goes with them (its connections and keys),
/// one with other members must be handed over first, and connections they added to other
/// teams stay with those teams (their owners become the ones who added them).
pub(crate) async fn release_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<(), RepoError> {
    let memberships = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .all(db)
        .await?;
    for membership in memberships {
        let team_id = membership.team_id;
        if membership.role() == Role::Owner {
            let members = list(db, team_id).await?;
            if members.len() > 1 {
                return Err(RepoError::Invalid {
                    field: "account",
                    reason: "you own a team with other members; hand it over or remove them first"
                        .to_owned(),
                });
            }
            delete_team_rows(db, team_id).await?;
            continue;
        }
        let Some(owner) = list(db, team_id)
            .await?
            .into_iter()
            .find(|m| m.role() == Role::Owner)
        else {
            continue;
        };
        crate::provider_accounts::Entity::update_many()
            .col_expr(
                crate::provider_accounts::Column::UserId,
                Expr::value(owner.user_id),
            )
            .filter(crate::provider_accounts::Column::UserId.eq(user_id))
            .filter(crate::provider_accounts::Column::TeamId.eq(team_id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// A team's own rows; its usage stays (anonymous without the team).
async fn delete_team_rows(db: &impl ConnectionTrait, team_id: Uuid) -> Result<(), RepoError> {
    crate::provider_accounts::Entity::delete_many()
        .filter(crate::provider_accounts::Column::TeamId.eq(team_id))
        .exec(db)
        .await?;
    api_keys::Entity::delete_many()
        .filter(api_keys::Column::TeamId.eq(team_id))
        .exec(db)
        .await?;
    crate::teams::Entity::delete_by_id(team_id).exec(db).await?;
    Ok(())
}

/// What an admin allows one member (`None`: no limit beyond the team's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MemberLimits {
    pub monthly_requests: Option<i64>,
    pub rpm: Option<i64>,
    pub budget_nanos: Option<i64>,
}

impl Model {
    pub fn limits(&self) -> MemberLimits {
        MemberLimits {
            monthly_requests: self.monthly_requests_limit,
            rpm: self.rpm_limit,
            budget_nanos: self.budget_nanos,
        }
    }
}

pub async fn set_limits(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    user_id: Uuid,
    limits: MemberLimits,
) -> Result<Model, RepoError> {
    api_keys::check_limit("monthly requests", limits.monthly_requests)?;
    api_keys::check_limit("requests per minute", limits.rpm)?;
    api_keys::check_limit("budget", limits.budget_nanos)?;
    let member = find(db, team_id, user_id)
        .await?
        .ok_or(RepoError::NotFound("member"))?;
    let mut active: ActiveModel = member.into();
    active.monthly_requests_limit = Set(limits.monthly_requests);
    active.rpm_limit = Set(limits.rpm);
    active.budget_nanos = Set(limits.budget_nanos);
    Ok(active.update(db).await?)
}
