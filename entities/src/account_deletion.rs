//! Deleting a user: their secrets and personal data go (keys, sessions, sealed provider
//! credentials, sign-in flows, tokens, queued emails, routing), their usage stays for the
//! platform's totals with the link to them cut (anonymised). A team they own alone goes with
//! them; one with other members must be handed over first. One transaction: all or nothing.

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};
use uuid::Uuid;

use crate::{
    RepoError, account_cooldowns, api_keys, email_outbox, oauth_flows, provider_accounts,
    routing_rules, sessions, usage_events, usage_hourly, user_tokens, users,
};

/// Deletes `user_id`; returns the digests of the keys that stop working (caches must drop them).
pub async fn delete_user(db: &DatabaseConnection, user_id: Uuid) -> Result<Vec<String>, RepoError> {
    crate::retry_on_contention(|| delete_user_once(db, user_id)).await
}

async fn delete_user_once(
    db: &DatabaseConnection,
    user_id: Uuid,
) -> Result<Vec<String>, RepoError> {
    let txn = db.begin().await?;
    let keys = api_keys::Entity::find()
        .filter(api_keys::Column::UserId.eq(user_id))
        .all(&txn)
        .await?;
    crate::team_members::release_user(&txn, user_id).await?;
    let accounts: Vec<Uuid> = provider_accounts::Entity::find()
        .filter(provider_accounts::Column::UserId.eq(user_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    usage_events::Entity::update_many()
        .col_expr(
            usage_events::Column::UserId,
            Expr::value(Option::<Uuid>::None),
        )
        .filter(usage_events::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    usage_hourly::Entity::update_many()
        .col_expr(usage_hourly::Column::UserId, Expr::value(Uuid::nil()))
        .filter(usage_hourly::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    // Daily rollups have no entity (written in SQL by `usage_hourly`).
    let daily = Query::update()
        .table("usage_daily")
        .value("user_id", Uuid::nil())
        .and_where(Expr::col("user_id").eq(user_id))
        .to_owned();
    txn.execute(&daily).await?;
    account_cooldowns::Entity::delete_many()
        .filter(account_cooldowns::Column::AccountId.is_in(accounts))
        .exec(&txn)
        .await?;
    provider_accounts::Entity::delete_many()
        .filter(provider_accounts::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    api_keys::Entity::delete_many()
        .filter(api_keys::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    oauth_flows::Entity::delete_many()
        .filter(oauth_flows::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    user_tokens::Entity::delete_many()
        .filter(user_tokens::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    email_outbox::Entity::delete_many()
        .filter(email_outbox::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    routing_rules::Entity::delete_by_id(user_id)
        .exec(&txn)
        .await?;
    let deleted = users::Entity::delete_by_id(user_id).exec(&txn).await?;
    RepoError::updated(deleted.rows_affected, "user")?;
    txn.commit().await?;
    Ok(keys.into_iter().map(|k| k.key_hash).collect())
}
