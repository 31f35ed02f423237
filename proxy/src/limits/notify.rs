//! Quota emails at 80% and 100% of the monthly requests: queued in the outbox off the request
//! path, once per threshold per period (the dedupe key names both).

use entities::RepoError;
use entities::email_outbox::{self, NewEmail};
use entities::mail::{Mail, Notification};
use entities::users;
use sea_orm::{DatabaseConnection, EntityTrait};
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
    let user_id = principal.user_id;
    let dedupe_key = format!("quota:{user_id}:{}:{percent}", period.start.timestamp());
    let mail = Mail::Quota {
        percent,
        limit,
        plan: plan.plan_name.clone(),
        renews_at: period.end,
    };
    let db = db.clone();
    tasks.spawn(async move {
        if let Err(e) = enqueue(&db, user_id, mail, dedupe_key).await {
            tracing::error!(error = %e, %user_id, percent, "queueing a quota email failed");
        }
    });
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
