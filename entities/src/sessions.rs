//! Dashboard sessions: opaque tokens stored as SHA-256 digests. Used by the control plane.

use chrono::Utc;
use sea_orm::{QueryFilter, entity::prelude::*, sea_query::Expr};

use crate::RepoError;
use crate::secret_token::{random_string, sha256_hex};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    /// The Google Workspace domain (`hd`) of a Google sign-in; teams may require one.
    pub google_hd: Option<String>,
    /// Support's time-boxed, read-only view of this user's dashboard (see `impersonations`).
    pub impersonation_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A new session: the row and the token (shown once: it goes into the cookie or to the script).
pub struct NewSession {
    pub session: Model,
    pub token: String,
}

/// Prefix of session tokens, so a leaked one is recognisable.
pub const TOKEN_PREFIX: &str = "satu_sess_";

#[derive(Default)]
pub struct SessionMeta<'a> {
    pub user_agent: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub google_hd: Option<&'a str>,
    pub impersonation_id: Option<Uuid>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    ttl: chrono::Duration,
    meta: SessionMeta<'_>,
) -> Result<NewSession, RepoError> {
    use sea_orm::ActiveValue::Set;
    let secret = random_string(43).map_err(|e| RepoError::Invalid {
        field: "randomness",
        reason: e.to_string(),
    })?;
    let token = format!("{TOKEN_PREFIX}{secret}");
    let now = Utc::now();
    let session = ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        token_hash: Set(sha256_hex(&token)),
        created_at: Set(now),
        expires_at: Set(now + ttl),
        revoked_at: Set(None),
        user_agent: Set(meta.user_agent.map(|s| s.chars().take(300).collect())),
        ip: Set(meta.ip.map(str::to_owned)),
        google_hd: Set(meta.google_hd.map(str::to_lowercase)),
        impersonation_id: Set(meta.impersonation_id),
    }
    .insert(db)
    .await?;
    Ok(NewSession { session, token })
}

/// The session behind `token` if it exists, is not revoked and has not expired.
pub async fn find_active(db: &impl ConnectionTrait, token: &str) -> Result<Option<Model>, DbErr> {
    let session = Entity::find()
        .filter(Column::TokenHash.eq(sha256_hex(token)))
        .one(db)
        .await?;
    let now = Utc::now();
    Ok(session.filter(|s| s.revoked_at.is_none() && s.expires_at > now))
}

/// Whether the session `id` still works (not revoked, not expired).
pub async fn is_active(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    let session = Entity::find_by_id(id).one(db).await?;
    let now = Utc::now();
    Ok(session.is_some_and(|s| s.revoked_at.is_none() && s.expires_at > now))
}

/// The user's sessions that still work (not revoked, not expired), newest first.
pub async fn list_active(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    use sea_orm::QueryOrder;
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(Column::CreatedAt)
        .all(db)
        .await
}

/// Ends one of the user's own sessions; false when they have no such working session.
pub async fn revoke_owned(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    id: Uuid,
) -> Result<bool, DbErr> {
    let done = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(id))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(done.rows_affected > 0)
}

/// Ends one session.
pub async fn revoke(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of `user_id` except `keep` (a password change signs out other devices).
pub async fn revoke_others(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    keep: Option<Uuid>,
) -> Result<u64, DbErr> {
    let mut update = Entity::update_many()
        .col_expr(Column::RevokedAt, Expr::value(Utc::now()))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null());
    if let Some(keep) = keep {
        update = update.filter(Column::Id.ne(keep));
    }
    Ok(update.exec(db).await?.rows_affected)
}
