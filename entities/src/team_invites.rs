//! Invites to a team, by email. The mailed link carries a random token; only its digest is
//! stored, so an invite cannot be forged or read back, works once, and for 7 days. Seats are
//! counted when an invite is sent (members plus open invites) and again when it is accepted.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, PaginatorTrait, QueryFilter, QueryOrder,
    TransactionTrait, entity::prelude::*, sea_query::Expr,
};

use crate::secret_token::{link_token, sha256_hex};
use crate::team_members::{self, Role};
use crate::{RepoError, users};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team_invites")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub team_id: Uuid,
    /// Normalised like sign-up's: only this address can accept.
    pub email: String,
    pub role: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub invited_by: Uuid,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub accepted_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub const TTL_DAYS: i64 = 7;

impl Model {
    pub fn role(&self) -> Role {
        Role::parse(&self.role).unwrap_or(Role::Member)
    }

    pub fn is_open_at(&self, now: DateTimeUtc) -> bool {
        self.accepted_at.is_none() && self.revoked_at.is_none() && self.expires_at > now
    }
}

/// Invites not yet accepted, revoked or expired.
fn open_condition() -> sea_orm::Condition {
    sea_orm::Condition::all()
        .add(Column::AcceptedAt.is_null())
        .add(Column::RevokedAt.is_null())
        .add(Column::ExpiresAt.gt(Utc::now()))
}

/// Invites `email` as `role` (admin or member) and returns the row and the link's token.
/// Refused when the address is already a member, or every seat is taken or promised. A second
/// invite to the same address replaces the first (its link stops working).
pub async fn create(
    db: &DatabaseConnection,
    team_id: Uuid,
    email: &str,
    role: Role,
    invited_by: Uuid,
) -> Result<(Model, String), RepoError> {
    if role == Role::Owner {
        return Err(RepoError::Invalid {
            field: "role",
            reason: "invite as admin or member; ownership moves by a transfer".to_owned(),
        });
    }
    let email = users::normalize_email(email)?;
    crate::retry_on_contention(|| create_once(db, team_id, &email, role, invited_by)).await
}

async fn create_once(
    db: &DatabaseConnection,
    team_id: Uuid,
    email: &str,
    role: Role,
    invited_by: Uuid,
) -> Result<(Model, String), RepoError> {
    let txn = db.begin().await?;
    if let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(&txn)
        .await?
        && team_members::find(&txn, team_id, user.id).await?.is_some()
    {
        return Err(RepoError::Invalid {
            field: "invitee",
            reason: format!("{email} is already a member"),
        });
    }
    revoke_open_to(&txn, team_id, email).await?;
    let (taken, max) = team_members::seats(&txn, team_id).await?;
    let promised = Entity::find()
        .filter(Column::TeamId.eq(team_id))
        .filter(open_condition())
        .count(&txn)
        .await?;
    if let Some(max) = max
        && taken + promised >= u64::try_from(max).unwrap_or(0)
    {
        return Err(RepoError::Invalid {
            field: "seats",
            reason: format!(
                "the team's plan has {max} seats: {taken} taken and {promised} promised to open invites"
            ),
        });
    }
    let (token, token_hash) = link_token()?;
    let now = Utc::now();
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        team_id: Set(team_id),
        email: Set(email.to_owned()),
        role: Set(role.as_str().to_owned()),
        token_hash: Set(token_hash),
        invited_by: Set(invited_by),
        created_at: Set(now),
        expires_at: Set(now + Duration::days(TTL_DAYS)),
        accepted_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok((row, token))
}

async fn revoke_open_to(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    email: &str,
) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(Utc::now()))
        .filter(Column::TeamId.eq(team_id))
        .filter(Column::Email.eq(email))
        .filter(open_condition())
        .exec(db)
        .await?;
    Ok(())
}

/// The team's open invites, newest first.
pub async fn list_open(db: &impl ConnectionTrait, team_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::TeamId.eq(team_id))
        .filter(open_condition())
        .order_by_desc(Column::CreatedAt)
        .all(db)
        .await
}

async fn find_open_in(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    id: Uuid,
) -> Result<Model, RepoError> {
    Entity::find_by_id(id)
        .filter(Column::TeamId.eq(team_id))
        .filter(open_condition())
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("invite"))
}

/// A new link for an open invite, valid for 7 days from now; the old link stops working.
pub async fn resend(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    id: Uuid,
) -> Result<(Model, String), RepoError> {
    let invite = find_open_in(db, team_id, id).await?;
    let (token, token_hash) = link_token()?;
    let mut row: ActiveModel = invite.into();
    row.token_hash = Set(token_hash);
    row.expires_at = Set(Utc::now() + Duration::days(TTL_DAYS));
    Ok((row.update(db).await?, token))
}

pub async fn revoke(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    id: Uuid,
) -> Result<Model, RepoError> {
    let invite = find_open_in(db, team_id, id).await?;
    let mut row: ActiveModel = invite.into();
    row.revoked_at = Set(Some(Utc::now()));
    Ok(row.update(db).await?)
}

/// The open invite a link's token belongs to, without using it up.
pub async fn peek(db: &impl ConnectionTrait, token: &str) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::TokenHash.eq(sha256_hex(token)))
        .filter(open_condition())
        .one(db)
        .await
}

/// Why an invite could not be accepted.
#[derive(Debug)]
pub enum AcceptError {
    /// Unknown, used, revoked or expired.
    Invalid,
    /// Signed in with another address than the invited one.
    OtherEmail {
        invited: String,
    },
    Repo(RepoError),
}

impl From<RepoError> for AcceptError {
    fn from(e: RepoError) -> Self {
        AcceptError::Repo(e)
    }
}

impl crate::AsContention for AcceptError {
    fn contended(&self) -> bool {
        matches!(self, AcceptError::Repo(e) if e.is_contention())
    }
}

impl From<DbErr> for AcceptError {
    fn from(e: DbErr) -> Self {
        AcceptError::Repo(e.into())
    }
}

/// Uses the invite up and makes `user` a member, in one transaction, if a seat is free. An
/// invitee who is already a member just uses the invite up.
pub async fn accept(
    db: &DatabaseConnection,
    token: &str,
    user: &users::Model,
) -> Result<Model, AcceptError> {
    crate::retry_on_contention(|| accept_once(db, token, user)).await
}

async fn accept_once(
    db: &DatabaseConnection,
    token: &str,
    user: &users::Model,
) -> Result<Model, AcceptError> {
    let txn = db.begin().await?;
    let invite = peek(&txn, token).await?.ok_or(AcceptError::Invalid)?;
    if invite.email != user.email {
        return Err(AcceptError::OtherEmail {
            invited: invite.email,
        });
    }
    let used = Entity::update_many()
        .col_expr(Column::AcceptedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(invite.id))
        .filter(open_condition())
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Err(AcceptError::Invalid);
    }
    if team_members::find(&txn, invite.team_id, user.id)
        .await?
        .is_none()
    {
        team_members::check_seat(&txn, invite.team_id).await?;
        team_members::insert(&txn, invite.team_id, user.id, invite.role()).await?;
    }
    txn.commit().await?;
    Ok(invite)
}

/// Signs the invitee up on the way: creates their account with the invited address (verified:
/// the link reached that mailbox) and accepts, in one transaction. An address that already
/// has an account must sign in and accept instead (`Duplicate`).
pub async fn accept_as_new_user(
    db: &DatabaseConnection,
    token: &str,
    password_hash: String,
    profile: users::Profile,
) -> Result<(users::Model, Model), AcceptError> {
    crate::retry_on_contention(|| accept_as_new_user_once(db, token, &password_hash, &profile))
        .await
}

async fn accept_as_new_user_once(
    db: &DatabaseConnection,
    token: &str,
    password_hash: &str,
    profile: &users::Profile,
) -> Result<(users::Model, Model), AcceptError> {
    let txn = db.begin().await?;
    let invite = peek(&txn, token).await?.ok_or(AcceptError::Invalid)?;
    let user = users::create(
        &txn,
        users::NewUser {
            email: &invite.email,
            password_hash: Some(password_hash.to_owned()),
            plan_id: "free",
            platform_role: None,
        },
    )
    .await?;
    users::mark_email_verified(&txn, user.id).await?;
    let user = users::update_profile(&txn, user.id, profile.clone()).await?;
    Entity::update_many()
        .col_expr(Column::AcceptedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(invite.id))
        .exec(&txn)
        .await?;
    team_members::check_seat(&txn, invite.team_id).await?;
    team_members::insert(&txn, invite.team_id, user.id, invite.role()).await?;
    txn.commit().await?;
    Ok((user, invite))
}
