//! One-time tokens mailed to users: the link in a password-reset or verification email. Only
//! the digest is stored; a token works once, for one purpose, until it expires.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryFilter, entity::prelude::*, sea_query::Expr};

use crate::RepoError;
use crate::secret_token::{link_token, sha256_hex};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_tokens")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub purpose: String,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    ResetPassword,
    VerifyEmail,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::ResetPassword => "reset_password",
            Purpose::VerifyEmail => "verify_email",
        }
    }
}

/// A new token for `user_id`: its row and the secret for the email link.
pub async fn issue(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    purpose: Purpose,
    ttl: chrono::Duration,
) -> Result<(Model, String), RepoError> {
    let (token, token_hash) = link_token()?;
    let now = Utc::now();
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        purpose: Set(purpose.as_str().to_owned()),
        token_hash: Set(token_hash),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok((row, token))
}

/// The user a still-valid token belongs to, without using it up.
pub async fn peek(
    db: &impl ConnectionTrait,
    purpose: Purpose,
    token: &str,
) -> Result<Option<Uuid>, DbErr> {
    let row = Entity::find()
        .filter(Column::TokenHash.eq(sha256_hex(token)))
        .filter(Column::Purpose.eq(purpose.as_str()))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?;
    Ok(row.map(|r| r.user_id))
}

/// Uses the token up and returns its user; `None` when it is unknown, used or expired. One
/// conditional update, so two concurrent uses cannot both succeed.
pub async fn consume(
    db: &impl ConnectionTrait,
    purpose: Purpose,
    token: &str,
) -> Result<Option<Uuid>, DbErr> {
    let Some(user_id) = peek(db, purpose, token).await? else {
        return Ok(None);
    };
    let now = Utc::now();
    let used = Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(now))
        .filter(Column::TokenHash.eq(sha256_hex(token)))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    Ok((used.rows_affected == 1).then_some(user_id))
}
