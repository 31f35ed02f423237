//! Sign-ups waiting for their emailed link. The account is created only when the link is opened
//! (with the password chosen at sign-up), so signing up answers the same for registered and new
//! addresses, and nobody can hold an address they cannot read mail for. Only the token's digest
//! is stored; a link works once, until it expires.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, QueryFilter, TransactionTrait, entity::prelude::*,
    sea_query::Expr,
};

use crate::RepoError;
use crate::secret_token::{link_token, sha256_hex};
use crate::users::{self, NewUser, Profile};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pending_signups")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email: String,
    pub password_hash: String,
    pub display_name: Option<String>,
    pub locale: Option<String>,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub struct NewSignup {
    pub email: String,
    pub password_hash: String,
    pub profile: Profile,
}

/// Stores a sign-up (email normalised, profile checked) and returns it with the secret for the
/// email link.
pub async fn start(
    db: &impl ConnectionTrait,
    new: NewSignup,
    ttl: chrono::Duration,
) -> Result<(Model, String), RepoError> {
    let email = users::normalize_email(&new.email)?;
    let profile = new.profile.checked()?;
    let (token, token_hash) = link_token()?;
    let now = Utc::now();
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(email),
        password_hash: Set(new.password_hash),
        display_name: Set(profile.display_name),
        locale: Set(profile.locale),
        token_hash: Set(token_hash),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok((row, token))
}

/// The still-open sign-up a token belongs to, without using it up.
pub async fn find_open(db: &impl ConnectionTrait, token: &str) -> Result<Option<Model>, DbErr> {
    Entity::find()
        .filter(Column::TokenHash.eq(sha256_hex(token)))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await
}

/// Uses the sign-up up and creates its account (email verified: the link reached the mailbox)
/// in one transaction. `None` when the link is unknown, used or expired; a duplicate when the
/// address got an account meanwhile (the link stays unused then).
pub async fn complete(
    db: &DatabaseConnection,
    pending: &Model,
) -> Result<Option<users::Model>, RepoError> {
    let txn = db.begin().await?;
    let now = Utc::now();
    let used = Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::Id.eq(pending.id))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if used.rows_affected != 1 {
        return Ok(None);
    }
    let user = users::create(
        &txn,
        NewUser {
            email: &pending.email,
            password_hash: Some(pending.password_hash.clone()),
            plan_id: "free",
            platform_role: None,
        },
    )
    .await?;
    users::mark_email_verified(&txn, user.id).await?;
    let profile = Profile {
        display_name: pending.display_name.clone(),
        locale: pending.locale.clone(),
    };
    let user = users::update_profile(&txn, user.id, profile).await?;
    txn.commit().await?;
    Ok(Some(user))
}

/// Deletes sign-ups whose link expired before `cutoff` (used ones included: the account holds
/// what they carried).
pub async fn prune_before(
    db: &impl ConnectionTrait,
    cutoff: chrono::DateTime<Utc>,
) -> Result<u64, DbErr> {
    let deleted = Entity::delete_many()
        .filter(Column::ExpiresAt.lt(cutoff))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}
