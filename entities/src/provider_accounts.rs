//! A user's connections to AI providers. Credentials are sealed (see `seal`) and never leave this
//! module in clear except through `open_credentials`.

use chrono::Utc;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ActiveValue::Set, FromJsonQueryResult, QueryFilter, QueryOrder, entity::prelude::*};
use serde::{Deserialize, Serialize};

use crate::seal::Sealer;
use crate::{AccountKind, AccountStatus, Provider, RepoError, Workspace};

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, FromJsonQueryResult)]
pub struct ModelList(pub Vec<String>);

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "provider_accounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// Who connected it (in a team: the admin who added it).
    pub user_id: Uuid,
    /// The team whose traffic it serves (`None`: its user's own).
    pub team_id: Option<Uuid>,
    pub provider: String,
    pub kind: String,
    pub label: String,
    pub status: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub sealed_credentials: Option<String>,
    pub base_url: Option<String>,
    #[sea_orm(column_type = "Json")]
    pub models: ModelList,
    pub weight: i32,
    pub priority: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub last_used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Who the subscription belongs to, as the provider said at sign-in.
    pub identity_email: Option<String>,
    pub plan_type: Option<String>,
    /// Access token expiry in clear, so the refresh schedule needs no decryption.
    pub token_expires_at: Option<DateTimeUtc>,
    pub last_refreshed_at: Option<DateTimeUtc>,
    pub last_error_at: Option<DateTimeUtc>,
    /// When a failed refresh is tried again.
    pub next_attempt_at: Option<DateTimeUtc>,
    pub refresh_failures: i32,
    pub refresh_lease_holder: Option<String>,
    pub refresh_lease_until: Option<DateTimeUtc>,
    /// Fencing token: bumped by every lease, checked by every write made under one.
    pub refresh_generation: i64,
    /// The models the provider last said this connection reaches; `None` until first asked.
    #[sea_orm(column_type = "Json", nullable)]
    pub reachable_models: Option<ModelList>,
    /// When a replica last took the model-list check (claimed, whatever came of it).
    pub models_checked_at: Option<DateTimeUtc>,
    pub models_refreshed_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub models_error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What is sealed for an account: an API key, or an OAuth token set with what the provider
/// needs beside it (ChatGPT account id, Code Assist project, Qwen resource host).
#[derive(Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
pub struct Credentials {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
    /// Access token expiry, unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_url: Option<String>,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Credentials([redacted])")
    }
}

pub(crate) fn aad(account_id: Uuid) -> Vec<u8> {
    format!("provider_account:{account_id}").into_bytes()
}

pub struct NewApiKeyAccount<'a> {
    pub user_id: Uuid,
    /// The team it is added to (`None`: the user's own).
    pub team_id: Option<Uuid>,
    pub provider: Provider,
    pub api_key: &'a str,
    pub base_url: Option<String>,
    pub label: Option<&'a str>,
    pub models: Vec<String>,
}

pub async fn create_api_key_account(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    new: NewApiKeyAccount<'_>,
) -> Result<Model, RepoError> {
    if new.api_key.trim().is_empty() {
        return Err(RepoError::Invalid {
            field: "api key",
            reason: "must not be empty".to_owned(),
        });
    }
    crate::plan_caps::check_new_connection(
        db,
        Workspace::of_row(new.user_id, new.team_id),
        new.provider,
        AccountKind::ApiKey,
    )
    .await?;
    let id = Uuid::new_v4();
    let credentials = Credentials {
        api_key: Some(new.api_key.trim().to_owned()),
        ..Default::default()
    };
    let plaintext = serde_json::to_vec(&credentials).map_err(|e| RepoError::Invalid {
        field: "credentials",
        reason: e.to_string(),
    })?;
    let sealed = sealer.seal(&plaintext, &aad(id))?;
    let now = Utc::now();
    let row = ActiveModel {
        id: Set(id),
        user_id: Set(new.user_id),
        team_id: Set(new.team_id),
        provider: Set(new.provider.as_str().to_owned()),
        kind: Set(AccountKind::ApiKey.as_str().to_owned()),
        label: Set(new
            .label
            .map(str::to_owned)
            .unwrap_or_else(|| new.provider.as_str().to_owned())),
        status: Set(AccountStatus::Active.as_str().to_owned()),
        sealed_credentials: Set(Some(sealed)),
        base_url: Set(new.base_url),
        models: Set(ModelList(new.models)),
        weight: Set(1),
        priority: Set(0),
        last_error: Set(None),
        last_used_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    Ok(row.insert(db).await?)
}

pub struct NewOAuthAccount<'a> {
    pub user_id: Uuid,
    /// The team it is added to (`None`: the user's own).
    pub team_id: Option<Uuid>,
    pub provider: Provider,
    pub credentials: Credentials,
    pub label: &'a str,
    pub base_url: Option<String>,
    pub identity_email: Option<String>,
    pub plan_type: Option<String>,
}

/// Stores a subscription connection (the sign-in flows and imports create these).
pub async fn create_oauth_account(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    new: NewOAuthAccount<'_>,
) -> Result<Model, RepoError> {
    if new
        .credentials
        .access_token
        .as_deref()
        .is_none_or(str::is_empty)
    {
        return Err(RepoError::Invalid {
            field: "credentials",
            reason: "an OAuth connection needs an access token".to_owned(),
        });
    }
    crate::plan_caps::check_new_connection(
        db,
        Workspace::of_row(new.user_id, new.team_id),
        new.provider,
        AccountKind::OAuth,
    )
    .await?;
    let id = Uuid::new_v4();
    let plaintext = serde_json::to_vec(&new.credentials).map_err(|e| RepoError::Invalid {
        field: "credentials",
        reason: e.to_string(),
    })?;
    let sealed = sealer.seal(&plaintext, &aad(id))?;
    let now = Utc::now();
    let row = ActiveModel {
        id: Set(id),
        user_id: Set(new.user_id),
        team_id: Set(new.team_id),
        provider: Set(new.provider.as_str().to_owned()),
        kind: Set(AccountKind::OAuth.as_str().to_owned()),
        label: Set(new.label.to_owned()),
        status: Set(AccountStatus::Active.as_str().to_owned()),
        sealed_credentials: Set(Some(sealed)),
        base_url: Set(new.base_url),
        models: Set(ModelList::default()),
        weight: Set(1),
        priority: Set(0),
        last_error: Set(None),
        last_used_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        identity_email: Set(new.identity_email),
        plan_type: Set(new.plan_type),
        token_expires_at: Set(new
            .credentials
            .expires_at
            .and_then(|t| chrono::DateTime::from_timestamp(t, 0))),
        last_refreshed_at: Set(Some(now)),
        ..Default::default()
    };
    Ok(row.insert(db).await?)
}

impl Model {
    pub fn workspace(&self) -> Workspace {
        Workspace::of_row(self.user_id, self.team_id)
    }

    pub fn kind(&self) -> Option<AccountKind> {
        AccountKind::parse(&self.kind)
    }

    pub fn provider(&self) -> Option<Provider> {
        self.provider.parse().ok()
    }

    pub fn status(&self) -> Option<AccountStatus> {
        AccountStatus::parse(&self.status)
    }

    pub fn open_credentials(&self, sealer: &Sealer) -> Result<Option<Credentials>, RepoError> {
        let Some(sealed) = &self.sealed_credentials else {
            return Ok(None);
        };
        let plaintext = sealer.open(sealed, &aad(self.id))?;
        serde_json::from_slice(&plaintext)
            .map(Some)
            .map_err(|_| RepoError::Seal(crate::seal::SealError::Malformed))
    }
}

/// Stores a sign-in: a user signing in again to an identity they already connected renews that
/// connection (fresh tokens, errors cleared, any refresh in flight fenced off) instead of adding
/// a duplicate.
pub async fn connect_oauth(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    new: NewOAuthAccount<'_>,
) -> Result<Model, RepoError> {
    let Some(email) = new.identity_email.as_deref() else {
        return create_oauth_account(db, sealer, new).await;
    };
    let existing = Entity::find()
        .filter(Workspace::of_row(new.user_id, new.team_id).owns(Column::UserId, Column::TeamId))
        .filter(Column::Provider.eq(new.provider.as_str()))
        .filter(Column::Kind.eq(AccountKind::OAuth.as_str()))
        .filter(Column::IdentityEmail.eq(email))
        .filter(Column::Status.ne(AccountStatus::Revoked.as_str()))
        .one(db)
        .await?;
    let Some(existing) = existing else {
        return create_oauth_account(db, sealer, new).await;
    };
    let sealed = seal_credentials(sealer, existing.id, &new.credentials)?;
    let now = Utc::now();
    Entity::update_many()
        .col_expr(Column::SealedCredentials, Expr::value(sealed))
        .col_expr(Column::Status, Expr::value(AccountStatus::Active.as_str()))
        .col_expr(
            Column::TokenExpiresAt,
            Expr::value(
                new.credentials
                    .expires_at
                    .and_then(|t| chrono::DateTime::from_timestamp(t, 0)),
            ),
        )
        .col_expr(Column::PlanType, Expr::value(new.plan_type))
        .col_expr(Column::LastRefreshedAt, Expr::value(now))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .col_expr(
            Column::NextAttemptAt,
            Expr::value(Option::<DateTimeUtc>::None),
        )
        .col_expr(Column::RefreshFailures, Expr::value(0))
        .col_expr(
            Column::RefreshLeaseHolder,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            Column::RefreshLeaseUntil,
            Expr::value(Option::<DateTimeUtc>::None),
        )
        .col_expr(
            Column::RefreshGeneration,
            Expr::col(Column::RefreshGeneration).add(1),
        )
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .filter(Column::Id.eq(existing.id))
        .exec(db)
        .await?;
    find(db, existing.id).await
}

/// Seals `credentials` for account `id` (the envelope is bound to the account).
pub fn seal_credentials(
    sealer: &Sealer,
    id: Uuid,
    credentials: &Credentials,
) -> Result<String, RepoError> {
    let plaintext = serde_json::to_vec(credentials).map_err(|e| RepoError::Invalid {
        field: "credentials",
        reason: e.to_string(),
    })?;
    Ok(sealer.seal(&plaintext, &aad(id))?)
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Model, RepoError> {
    Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("provider account"))
}

/// An account of `workspace` by id; any other answers "not found".
pub async fn find_in(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    id: Uuid,
) -> Result<Model, RepoError> {
    Entity::find_by_id(id)
        .filter(workspace.owns(Column::UserId, Column::TeamId))
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("provider account"))
}

/// Revoking forgets the sealed secret for good; the row stays for usage history.
pub async fn revoke(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    id: Uuid,
) -> Result<(), RepoError> {
    let done = Entity::update_many()
        .col_expr(
            Column::SealedCredentials,
            Expr::value(Option::<String>::None),
        )
        .col_expr(Column::Status, Expr::value(AccountStatus::Revoked.as_str()))
        .col_expr(
            Column::RefreshLeaseHolder,
            Expr::value(Option::<String>::None),
        )
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(Column::Id.eq(id))
        .filter(workspace.owns(Column::UserId, Column::TeamId))
        .exec(db)
        .await?;
    if done.rows_affected == 0 {
        return Err(RepoError::NotFound("provider account"));
    }
    Ok(())
}

/// A user's own connections (not their teams').
pub async fn list_for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    list_in(db, Workspace::Personal(user_id)).await
}

/// The connections of `workspace`, oldest first.
pub async fn list_in(db: &impl ConnectionTrait, workspace: Workspace) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(workspace.owns(Column::UserId, Column::TeamId))
        .order_by_asc(Column::CreatedAt)
        .all(db)
        .await
}
