//! Satu API keys: only the SHA-256 digest and a display prefix are stored.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, Condition, QueryFilter, entity::prelude::*, sea_query::Expr};

use crate::{RepoError, Workspace, secret_token};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Who the key belongs to; in a team, the member its requests are attributed to.
    pub user_id: Uuid,
    /// The team whose connections and quota it uses (`None`: the personal workspace).
    pub team_id: Option<Uuid>,
    pub name: String,
    pub prefix: String,
    #[sea_orm(unique)]
    pub key_hash: String,
    pub created_at: DateTimeUtc,
    pub last_used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    /// Per-key overrides of the plan's per-key limits (`None`: the plan's value).
    pub rpm_limit: Option<i64>,
    pub tpm_limit: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn workspace(&self) -> Workspace {
        Workspace::of_row(self.user_id, self.team_id)
    }

    pub fn is_usable_at(&self, now: DateTimeUtc) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|t| t > now)
    }
}

/// Which keys a caller may see and change: a workspace's, or only one member's in a team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyScope {
    pub workspace: Workspace,
    pub member: Option<Uuid>,
}

impl KeyScope {
    pub fn personal(user_id: Uuid) -> Self {
        Self {
            workspace: Workspace::Personal(user_id),
            member: None,
        }
    }

    fn condition(self) -> Condition {
        let owns = self.workspace.owns(Column::UserId, Column::TeamId);
        match self.member {
            Some(member) => owns.add(Column::UserId.eq(member)),
            None => owns,
        }
    }
}

/// Creates a personal key for `user_id` and returns the row plus the secret, which is never
/// stored.
pub async fn create(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    name: &str,
) -> Result<(Model, String), RepoError> {
    create_in(db, Workspace::Personal(user_id), user_id, name).await
}

/// Creates a key of `user_id` in `workspace` (a team key is attributed to that member).
pub async fn create_in(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    user_id: Uuid,
    name: &str,
) -> Result<(Model, String), RepoError> {
    let name = name.trim();
    if name.is_empty() || name.len() > 100 {
        return Err(RepoError::Invalid {
            field: "key name",
            reason: "must be 1 to 100 characters".to_owned(),
        });
    }
    let key = secret_token::new_api_key().map_err(|e| RepoError::Invalid {
        field: "randomness",
        reason: e.to_string(),
    })?;
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user_id),
        team_id: Set(workspace.team_id()),
        name: Set(name.to_owned()),
        prefix: Set(key.prefix),
        key_hash: Set(key.hash),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        expires_at: Set(None),
        rpm_limit: Set(None),
        tpm_limit: Set(None),
    }
    .insert(db)
    .await
    .map_err(|e| RepoError::on_unique(e, "an API key with this digest"))?;
    Ok((row, key.secret))
}

/// The key with this digest if it exists, is not revoked and has not expired.
pub async fn find_active_by_hash(
    db: &impl ConnectionTrait,
    key_hash: &str,
) -> Result<Option<Model>, DbErr> {
    let key = Entity::find()
        .filter(Column::KeyHash.eq(key_hash))
        .one(db)
        .await?;
    Ok(key.filter(|k| k.is_usable_at(Utc::now())))
}

/// The personal keys of `user_id`, newest first, revoked ones included.
pub async fn list_for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    list(db, KeyScope::personal(user_id)).await
}

/// The keys in `scope`, newest first, revoked ones included (they show as revoked).
pub async fn list(db: &impl ConnectionTrait, scope: KeyScope) -> Result<Vec<Model>, DbErr> {
    use sea_orm::QueryOrder;
    Entity::find()
        .filter(scope.condition())
        .order_by_desc(Column::CreatedAt)
        .all(db)
        .await
}

/// The key `id` if it is in `scope`: any other key is "not found".
pub async fn find_in(
    db: &impl ConnectionTrait,
    scope: KeyScope,
    id: Uuid,
) -> Result<Model, RepoError> {
    Entity::find_by_id(id)
        .filter(scope.condition())
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("API key"))
}

/// Revokes a key in `scope`; revoking twice is harmless.
pub async fn revoke_in(
    db: &impl ConnectionTrait,
    scope: KeyScope,
    id: Uuid,
) -> Result<Model, RepoError> {
    let key = find_in(db, scope, id).await?;
    if key.revoked_at.is_some() {
        return Ok(key);
    }
    let mut row: ActiveModel = key.into();
    row.revoked_at = Set(Some(Utc::now()));
    Ok(row.update(db).await?)
}

/// Revokes every active key of `user_id` (after a password reset, when the user suspects a
/// leak); answers the revoked keys' digests, for the caches to drop.
pub async fn revoke_all_for_user(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<Vec<String>, RepoError> {
    let active = Entity::find()
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .all(db)
        .await?;
    Entity::update_many()
        .col_expr(
            Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(Column::UserId.eq(user_id))
        .filter(Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(active.into_iter().map(|k| k.key_hash).collect())
}

/// Gives an active key in `scope` a new secret (returned once); the old secret stops working.
/// The key keeps its id, name, limits and usage history.
pub async fn rotate_in(
    db: &impl ConnectionTrait,
    scope: KeyScope,
    id: Uuid,
) -> Result<(Model, String), RepoError> {
    let key = find_in(db, scope, id).await?;
    if key.revoked_at.is_some() {
        return Err(RepoError::Invalid {
            field: "API key",
            reason: "it is revoked; create a new one".to_owned(),
        });
    }
    let fresh = secret_token::new_api_key().map_err(|e| RepoError::Invalid {
        field: "randomness",
        reason: e.to_string(),
    })?;
    let mut row: ActiveModel = key.into();
    row.prefix = Set(fresh.prefix);
    row.key_hash = Set(fresh.hash);
    Ok((row.update(db).await?, fresh.secret))
}

/// Sets or clears (`None`) a key's own requests- and tokens-per-minute limits.
pub async fn set_limits(
    db: &impl ConnectionTrait,
    key_id: Uuid,
    rpm: Option<i64>,
    tpm: Option<i64>,
) -> Result<(), RepoError> {
    check_limit("requests per minute", rpm)?;
    check_limit("tokens per minute", tpm)?;
    let updated = Entity::update_many()
        .col_expr(Column::RpmLimit, Expr::value(rpm))
        .col_expr(Column::TpmLimit, Expr::value(tpm))
        .filter(Column::Id.eq(key_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "API key")
}

/// Limits are counts: zero or more.
pub fn check_limit(field: &'static str, value: Option<i64>) -> Result<(), RepoError> {
    match value {
        Some(v) if v < 0 => Err(RepoError::Invalid {
            field,
            reason: format!("{v} is negative"),
        }),
        _ => Ok(()),
    }
}

/// Records when keys were last used; called by the usage writer once per batch, not per request.
pub async fn touch_last_used(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
    at: DateTimeUtc,
) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    Entity::update_many()
        .col_expr(Column::LastUsedAt, Expr::value(at))
        .filter(Column::Id.is_in(ids.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}
