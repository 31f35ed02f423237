//! The refresh lease of an OAuth connection: only the holder of an unexpired lease may refresh
//! its tokens, on any replica. Every lease bumps `refresh_generation`; every write made under a
//! lease checks holder and generation (a fencing token), so a holder whose lease ran out while
//! it waited on the provider cannot overwrite a newer refresh.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use crate::provider_accounts::{Column, Credentials, Entity, seal_credentials};
use crate::seal::Sealer;
use crate::{AccountKind, AccountStatus, Provider, RepoError};

/// The schedule leaves a connection alone this long after its last refresh.
pub const MIN_REFRESH_GAP_SECS: i64 = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub account_id: Uuid,
    pub holder: String,
    pub generation: i64,
}

/// Takes the lease when nobody holds an unexpired one. `None`: someone else is refreshing.
pub async fn try_lease(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    holder: &str,
    ttl: chrono::Duration,
) -> Result<Option<Lease>, DbErr> {
    let now = Utc::now();
    let taken = Entity::update_many()
        .col_expr(Column::RefreshLeaseHolder, Expr::value(holder))
        .col_expr(Column::RefreshLeaseUntil, Expr::value(now + ttl))
        .col_expr(
            Column::RefreshGeneration,
            Expr::col(Column::RefreshGeneration).add(1),
        )
        .col_expr(
            Column::Status,
            Expr::value(AccountStatus::Refreshing.as_str()),
        )
        .filter(Column::Id.eq(account_id))
        .filter(Column::Status.is_in(refreshable()))
        .filter(
            Condition::any()
                .add(Column::RefreshLeaseUntil.is_null())
                .add(Column::RefreshLeaseUntil.lt(now)),
        )
        .exec(db)
        .await?;
    if taken.rows_affected == 0 {
        return Ok(None);
    }
    let generation: Option<i64> = Entity::find_by_id(account_id)
        .select_only()
        .column(Column::RefreshGeneration)
        .filter(Column::RefreshLeaseHolder.eq(holder))
        .into_tuple()
        .one(db)
        .await?;
    Ok(generation.map(|generation| Lease {
        account_id,
        holder: holder.to_owned(),
        generation,
    }))
}

fn refreshable() -> [&'static str; 3] {
    [
        AccountStatus::Active.as_str(),
        AccountStatus::Error.as_str(),
        AccountStatus::Refreshing.as_str(),
    ]
}

fn fenced<Q: QueryFilter>(query: Q, lease: &Lease) -> Q {
    query
        .filter(Column::Id.eq(lease.account_id))
        .filter(Column::RefreshLeaseHolder.eq(lease.holder.as_str()))
        .filter(Column::RefreshGeneration.eq(lease.generation))
}

/// Stores refreshed tokens and ends the lease. `false`: the lease was lost (nothing written).
pub async fn store_refreshed(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    lease: &Lease,
    credentials: &Credentials,
) -> Result<bool, RepoError> {
    let sealed = seal_credentials(sealer, lease.account_id, credentials)?;
    let now = Utc::now();
    let expires = credentials
        .expires_at
        .and_then(|t| DateTime::from_timestamp(t, 0));
    let done = fenced(Entity::update_many(), lease)
        .col_expr(Column::SealedCredentials, Expr::value(sealed))
        .col_expr(Column::TokenExpiresAt, Expr::value(expires))
        .col_expr(Column::LastRefreshedAt, Expr::value(now))
        .col_expr(Column::Status, Expr::value(AccountStatus::Active.as_str()))
        .col_expr(Column::LastError, Expr::value(Option::<String>::None))
        .col_expr(
            Column::NextAttemptAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::RefreshFailures, Expr::value(0))
        .col_expr(
            Column::RefreshLeaseHolder,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            Column::RefreshLeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::UpdatedAt, Expr::value(now))
        .exec(db)
        .await?;
    Ok(done.rows_affected == 1)
}

/// How a refresh attempt ended when it did not produce tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Someone else had already refreshed: nothing to change.
    Unchanged,
    /// A transient failure: try again at `next_attempt`.
    Retry { next_attempt: DateTime<Utc> },
    /// The provider refused the refresh token for good.
    Expired,
}

/// Ends the lease, recording a failure when there was one. `false`: the lease was lost.
pub async fn release(
    db: &impl ConnectionTrait,
    lease: &Lease,
    outcome: Outcome,
    error: Option<&str>,
) -> Result<bool, DbErr> {
    let now = Utc::now();
    let mut update = fenced(Entity::update_many(), lease)
        .col_expr(
            Column::RefreshLeaseHolder,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            Column::RefreshLeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::UpdatedAt, Expr::value(now));
    update = match outcome {
        Outcome::Unchanged => {
            update.col_expr(Column::Status, Expr::value(AccountStatus::Active.as_str()))
        }
        Outcome::Retry { next_attempt } => update
            .col_expr(Column::Status, Expr::value(AccountStatus::Error.as_str()))
            .col_expr(Column::NextAttemptAt, Expr::value(next_attempt))
            .col_expr(
                Column::RefreshFailures,
                Expr::col(Column::RefreshFailures).add(1),
            ),
        Outcome::Expired => update
            .col_expr(Column::Status, Expr::value(AccountStatus::Expired.as_str()))
            .col_expr(
                Column::NextAttemptAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(
                Column::RefreshFailures,
                Expr::col(Column::RefreshFailures).add(1),
            ),
    };
    if let Some(error) = error {
        update = update
            .col_expr(Column::LastError, Expr::value(error))
            .col_expr(Column::LastErrorAt, Expr::value(now));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// OAuth connections of `provider` whose token expires before `horizon` and that may be
/// refreshed now (not expired or revoked, not waiting out a failure, not leased).
pub async fn due(
    db: &impl ConnectionTrait,
    provider: Provider,
    horizon: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Uuid>, DbErr> {
    let now = Utc::now();
    Entity::find()
        .select_only()
        .column(Column::Id)
        .filter(Column::Kind.eq(AccountKind::OAuth.as_str()))
        .filter(Column::Provider.eq(provider.as_str()))
        .filter(Column::Status.is_in(refreshable()))
        .filter(Column::TokenExpiresAt.lt(horizon))
        .filter(
            Condition::any()
                .add(Column::NextAttemptAt.is_null())
                .add(Column::NextAttemptAt.lte(now)),
        )
        .filter(
            Condition::any()
                .add(Column::RefreshLeaseUntil.is_null())
                .add(Column::RefreshLeaseUntil.lt(now)),
        )
        // Tokens that live shorter than the lead are not renewed at every scan.
        .filter(
            Condition::any().add(Column::LastRefreshedAt.is_null()).add(
                Column::LastRefreshedAt.lt(now - chrono::Duration::seconds(MIN_REFRESH_GAP_SECS)),
            ),
        )
        .limit(limit)
        .into_tuple()
        .all(db)
        .await
}
