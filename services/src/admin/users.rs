//! Operator actions on one user: suspend and restore, change the plan (for good or until a
//! day: a comp), extend the paid period, sign out everywhere.

use chrono::{DateTime, Utc};
use entities::admin_audit::{self, Actor, Entry, action};
use entities::billing::periods;
use entities::{RepoError, sessions, users};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::checked_reason;
use crate::ServiceError;

/// Stops the user's keys and sessions (the caller tells every replica to drop their keys).
pub async fn suspend(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    reason: &str,
) -> Result<users::Model, ServiceError> {
    let reason = checked_reason(reason)?;
    if actor.user_id == Some(user_id) {
        return Err(ServiceError::rejected(
            "self_suspension",
            "You cannot suspend your own account.",
        ));
    }
    in_transaction(db, |txn| {
        let (actor, reason) = (actor.clone(), reason.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            if user.suspended_at.is_some() {
                return Ok((txn, user));
            }
            set_suspended(&txn, user_id, Some(Utc::now())).await?;
            sessions::revoke_others(&txn, user_id, None).await?;
            // A suspended operator's views of users' dashboards end with them.
            entities::impersonations::end_all_by(&txn, user_id).await?;
            let after = find(&txn, user_id).await?;
            audit(&txn, &actor, action::USER_SUSPENDED, &user, &reason).await?;
            Ok((txn, after))
        })
    })
    .await
}

/// Lets a suspended user in again (they sign in anew; their keys work at once).
pub async fn unsuspend(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    reason: &str,
) -> Result<users::Model, ServiceError> {
    let reason = checked_reason(reason)?;
    in_transaction(db, |txn| {
        let (actor, reason) = (actor.clone(), reason.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            if user.suspended_at.is_none() {
                return Ok((txn, user));
            }
            set_suspended(&txn, user_id, None).await?;
            let after = find(&txn, user_id).await?;
            audit(&txn, &actor, action::USER_UNSUSPENDED, &user, &reason).await?;
            Ok((txn, after))
        })
    })
    .await
}

/// A plan an operator puts a user on: from now on, or until the end of a day (a comp, a
/// manual deal: a period without an invoice that lapses like a paid one).
pub struct PlanChange<'a> {
    pub plan_id: &'a str,
    pub until: Option<DateTime<Utc>>,
    pub reason: &'a str,
}

pub async fn set_plan(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    change: PlanChange<'_>,
) -> Result<users::Model, ServiceError> {
    let reason = checked_reason(change.reason)?;
    let (plan_id, until) = (change.plan_id.to_owned(), change.until);
    in_transaction(db, |txn| {
        let (actor, reason, plan_id) = (actor.clone(), reason.clone(), plan_id.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            match until {
                Some(ends_at) => {
                    periods::grant_manual_in(&txn, user_id, &plan_id, ends_at).await?;
                }
                None => {
                    users::set_plan(&txn, user_id, &plan_id, Utc::now()).await?;
                }
            }
            let after = find(&txn, user_id).await?;
            let change = json!({ "plan": plan_id, "until": until });
            let before = json!({ "plan": user.plan_id });
            let entry = Entry {
                before: Some(before),
                after: Some(change),
                ..entry(action::USER_PLAN, &user, &reason)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, after))
        })
    })
    .await
}

/// Moves the end of the user's last paid (or granted) period to `until`.
pub async fn extend_period(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    until: DateTime<Utc>,
    reason: &str,
) -> Result<periods::Model, ServiceError> {
    let reason = checked_reason(reason)?;
    in_transaction(db, |txn| {
        let (actor, reason) = (actor.clone(), reason.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            let Some(period) = periods::last_running(&txn, user_id, Utc::now()).await? else {
                return Err(ServiceError::rejected(
                    "no_period",
                    "This user has no running period to extend; put them on a plan until a day instead.",
                ));
            };
            let extended = periods::extend(&txn, &period, until).await?;
            let entry = Entry {
                before: Some(json!({ "plan": period.plan_id, "endsAt": period.ends_at })),
                after: Some(json!({ "plan": period.plan_id, "endsAt": extended.ends_at })),
                ..entry(action::USER_PERIOD_EXTENDED, &user, &reason)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, extended))
        })
    })
    .await
}

/// Most requests one grant may add (a typo guard, not a business rule).
const MAX_GRANT: i64 = 10_000_000;

/// Adds `requests` to the user's quota for the period running now (grants in the same
/// period add up; the next period starts without them).
pub async fn grant_requests(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    requests: i64,
    reason: &str,
) -> Result<users::Model, ServiceError> {
    let reason = checked_reason(reason)?;
    if !(1..=MAX_GRANT).contains(&requests) {
        return Err(ServiceError::rejected(
            "requests_invalid",
            format!("Grant between 1 and {MAX_GRANT} requests."),
        ));
    }
    in_transaction(db, |txn| {
        let (actor, reason) = (actor.clone(), reason.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            let now = Utc::now();
            let anchor = user.billing_anchor_at.unwrap_or(user.created_at);
            let period = proxy::limits::period::containing(anchor, now);
            let before = user.extra_requests_at(now);
            let total = before + requests;
            users::Entity::update_many()
                .col_expr(users::Column::ExtraRequests, Expr::value(total))
                .col_expr(users::Column::ExtraRequestsUntil, Expr::value(period.end))
                .col_expr(users::Column::UpdatedAt, Expr::value(now))
                .filter(users::Column::Id.eq(user_id))
                .exec(&txn)
                .await?;
            let after = find(&txn, user_id).await?;
            let entry = Entry {
                before: Some(json!({ "extraRequests": before })),
                after: Some(json!({ "extraRequests": total, "until": period.end })),
                ..entry(action::USER_REQUESTS_GRANTED, &user, &reason)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, after))
        })
    })
    .await
}

/// Ends every session of the user (their keys keep working).
pub async fn sign_out(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    reason: &str,
) -> Result<u64, ServiceError> {
    let reason = checked_reason(reason)?;
    in_transaction(db, |txn| {
        let (actor, reason) = (actor.clone(), reason.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            let ended = sessions::revoke_others(&txn, user_id, None).await?;
            let after = Some(json!({ "sessionsEnded": ended }));
            let entry = Entry {
                after,
                ..entry(action::USER_SIGNED_OUT, &user, &reason)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, ended))
        })
    })
    .await
}

pub(super) type Step<'a, T> = std::pin::Pin<
    Box<
        dyn std::future::Future<Output = Result<(DatabaseTransaction, T), ServiceError>>
            + Send
            + 'a,
    >,
>;

/// Runs `step` in a transaction and commits what it hands back; the whole of it again while
/// the database reports contention (SQLite's single writer).
pub(super) async fn in_transaction<'a, T, F>(
    db: &'a DatabaseConnection,
    step: F,
) -> Result<T, ServiceError>
where
    F: Fn(DatabaseTransaction) -> Step<'a, T>,
{
    entities::retry_on_contention(|| async {
        let txn = db.begin().await.map_err(RepoError::from)?;
        let (txn, value) = step(txn).await?;
        txn.commit().await.map_err(RepoError::from)?;
        Ok(value)
    })
    .await
}

pub(super) async fn find(
    db: &impl ConnectionTrait,
    user_id: Uuid,
) -> Result<users::Model, ServiceError> {
    users::Entity::find_by_id(user_id)
        .one(db)
        .await
        .map_err(RepoError::from)?
        .ok_or(ServiceError::Repo(RepoError::NotFound("user")))
}

async fn set_suspended(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    at: Option<DateTime<Utc>>,
) -> Result<(), RepoError> {
    let updated = users::Entity::update_many()
        .col_expr(users::Column::SuspendedAt, Expr::value(at))
        .col_expr(users::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(users::Column::Id.eq(user_id))
        .exec(db)
        .await?;
    RepoError::updated(updated.rows_affected, "user")
}

/// An entry about `user` with no values before or after.
pub(super) fn entry<'a>(action: &'a str, user: &users::Model, reason: &'a str) -> Entry<'a> {
    Entry {
        action,
        target_kind: "user",
        target_id: Some(user.id.to_string()),
        target_label: Some(user.email.clone()),
        before: None,
        after: None,
        reason: Some(reason),
    }
}

/// A suspension's entry: whether the account was suspended before and after.
async fn audit(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    user: &users::Model,
    reason: &str,
) -> Result<(), RepoError> {
    let suspended = |on: bool| json!({ "suspended": on });
    let was = user.suspended_at.is_some();
    let entry = Entry {
        before: Some(suspended(was)),
        after: Some(suspended(!was)),
        ..entry(action, user, reason)
    };
    admin_audit::record(db, actor, entry).await?;
    Ok(())
}
