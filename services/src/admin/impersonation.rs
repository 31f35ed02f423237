//! Support's read-only view of a user's dashboard: starting and ending one, and the audit
//! entry of each page it shows.

use entities::admin_audit::{self, Actor, Entry, action};
use entities::{impersonations, sessions::NewSession, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::json;
use uuid::Uuid;

use super::checked_reason;
use super::users::{entry, find, in_transaction};
use crate::ServiceError;

/// Starts `actor` viewing `user_id`'s dashboard for 30 minutes. Operators cannot be viewed
/// this way (their session would carry their role), nor can one view oneself.
pub async fn start(
    db: &DatabaseConnection,
    actor: &Actor,
    user_id: Uuid,
    reason: &str,
) -> Result<(impersonations::Model, NewSession, users::Model), ServiceError> {
    let reason = checked_reason(reason)?;
    let Some(admin_id) = actor.user_id else {
        return Err(ServiceError::rejected(
            "operator_required",
            "Only a signed-in operator can view a user's dashboard.",
        ));
    };
    in_transaction(db, |txn| {
        let (actor, reason) = (actor.clone(), reason.clone());
        Box::pin(async move {
            let user = find(&txn, user_id).await?;
            if user.id == admin_id || user.platform_role.is_some() {
                return Err(ServiceError::rejected(
                    "operator_target",
                    "Operators' accounts cannot be viewed as theirs.",
                ));
            }
            let (row, session) =
                impersonations::start(&txn, &actor, admin_id, user_id, &reason).await?;
            let entry = Entry {
                after: Some(json!({ "impersonation": row.id, "expiresAt": row.expires_at })),
                ..entry(action::IMPERSONATION_STARTED, &user, &reason)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, (row, session, user)))
        })
    })
    .await
}

/// Ends the operator's impersonation `id` (its session stops at once); false when it had
/// already ended or expired.
pub async fn end(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<bool, ServiceError> {
    in_transaction(db, |txn| {
        let actor = actor.clone();
        Box::pin(async move {
            let row = impersonations::find(&txn, id)
                .await?
                .filter(|r| Some(r.admin_id) == actor.user_id)
                .ok_or(ServiceError::Repo(entities::RepoError::NotFound(
                    "impersonation",
                )))?;
            let was_running = row.is_active(chrono::Utc::now());
            impersonations::end(&txn, id).await?;
            if was_running {
                let user = find(&txn, row.user_id).await?;
                let entry = Entry {
                    after: Some(json!({ "impersonation": id })),
                    ..entry(action::IMPERSONATION_ENDED, &user, &row.reason)
                };
                admin_audit::record(&txn, &actor, entry).await?;
            }
            Ok((txn, was_running))
        })
    })
    .await
}

/// Records that impersonation `row` shows `page`, once per visit: the entry names the
/// operator as they were when it started.
pub async fn viewed(
    db: &DatabaseConnection,
    row: &impersonations::Model,
    page: &str,
) -> Result<(), ServiceError> {
    let page: String = page.chars().take(300).collect();
    in_transaction(db, |txn| {
        let (row, page) = (row.clone(), page.clone());
        Box::pin(async move {
            if !impersonations::note_page(&txn, row.id, &page).await? {
                return Ok((txn, ()));
            }
            let user = users::Entity::find_by_id(row.user_id).one(&txn).await?;
            let actor = Actor {
                user_id: Some(row.admin_id),
                email: row.admin_email.clone(),
                role: row.admin_role.clone(),
                ip: row.ip.clone(),
            };
            let entry = Entry {
                action: action::IMPERSONATION_VIEWED,
                target_kind: "user",
                target_id: Some(row.user_id.to_string()),
                target_label: user.map(|u| u.email),
                before: None,
                after: Some(json!({ "impersonation": row.id, "page": page })),
                reason: Some(&row.reason),
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, ()))
        })
    })
    .await
}
