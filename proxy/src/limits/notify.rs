//! Quota emails at 80% and 100% of the monthly requests: queued in the outbox off the request
//! path, once per threshold per period (the dedupe key names both).

use entities::email_outbox::{self, NewEmail};
use entities::mail::{Mail, Notification};
use entities::users;
use entities::{RepoError, Workspace, team_members};
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use tokio_util::task::TaskTracker;
use uuid::Uuid;

use super::counters::Plan;
use crate::auth::Principal;

pub fn quota_email(
    db: &DatabaseConnection,
    tasks: &TaskTracker,
    principal: &Principal,
    plan: &Plan,
    percent: u8,
) {
    let (Some(period), Some(limit)) = (plan.period, plan.quota_limit()) else {
        return;
    };
    let workspace = principal.workspace();
    let period_start = period.start.timestamp();
    let mail = Mail::Quota {
        percent,
        limit,
        plan: plan.plan_name.clone(),
        renews_at: period.end,
    };
    let db = db.clone();
    tasks.spawn(async move {
        let recipients = match recipients(&db, workspace).await {
            Ok(recipients) => recipients,
            Err(e) => {
                tracing::error!(error = %e, workspace = %workspace.id(), "finding who to tell of a quota failed");
                return;
            }
        };
        for user_id in recipients {
            let id = workspace.id();
            // One email per threshold, period and person (a team's share a period).
            let dedupe_key = if id == user_id {
                format!("quota:{id}:{period_start}:{percent}")
            } else {
                format!("quota:{id}:{user_id}:{period_start}:{percent}")
            };
            if let Err(e) = enqueue(&db, user_id, mail.clone(), dedupe_key).await {
                tracing::error!(error = %e, %user_id, percent, "queueing a quota email failed");
            }
        }
    });
}

/// The user, or the owner and admins of the team.
async fn recipients(db: &DatabaseConnection, workspace: Workspace) -> Result<Vec<Uuid>, DbErr> {
    match workspace {
        Workspace::Personal(user_id) => Ok(vec![user_id]),
        Workspace::Team(team_id) => Ok(team_members::list(db, team_id)
            .await?
            .into_iter()
            .filter(|m| m.role().manages())
            .map(|m| m.user_id)
            .collect()),
    }
}

async fn enqueue(
    db: &DatabaseConnection,
    user_id: Uuid,
    mail: Mail,
    dedupe_key: String,
) -> Result<(), RepoError> {
    let Some(user) = users::Entity::find_by_id(user_id).one(db).await? else {
        return Ok(());
    };
    // The user's choice in Settings → Notifications.
    let wanted = match mail.notification() {
        Some(Notification::Quota100) => user.notify_quota_100,
        _ => user.notify_quota_80,
    };
    if !wanted {
        return Ok(());
    }
    email_outbox::enqueue(
        db,
        NewEmail {
            user_id: Some(user_id),
            to_address: user.email,
            locale: user.locale,
            mail,
            dedupe_key,
        },
    )
    .await?;
    Ok(())
}
