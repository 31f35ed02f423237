//! Quota emails at 80% and 100% of the monthly requests: queued in the outbox off the request
//! path, once per threshold per period (the dedupe key names both).

use entities::email_outbox::{self, NewEmail};
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
    let renews = period.end.format("%Y-%m-%d %H:%M UTC").to_string();
    let plan_name = plan.plan_name.clone();
    let db = db.clone();
    tasks.spawn(async move {
        let email = Draft {
            user_id,
            percent,
            limit,
            plan_name,
            renews,
            dedupe_key,
        };
        if let Err(e) = enqueue(&db, email).await {
            tracing::error!(error = %e, %user_id, percent, "queueing a quota email failed");
        }
    });
}

struct Draft {
    user_id: Uuid,
    percent: u8,
    limit: i64,
    plan_name: String,
    renews: String,
    dedupe_key: String,
}

async fn enqueue(db: &DatabaseConnection, d: Draft) -> Result<(), sea_orm::DbErr> {
    let Some(user) = users::Entity::find_by_id(d.user_id).one(db).await? else {
        return Ok(());
    };
    // The user's choice in Settings → Notifications.
    let wanted = if d.percent >= 100 {
        user.notify_quota_100
    } else {
        user.notify_quota_80
    };
    if !wanted {
        return Ok(());
    }
    let (subject, body) = if d.percent >= 100 {
        (
            "Satu: your monthly requests are used up / kuota bulanan habis".to_owned(),
            format!(
                "You have used all {limit} requests of your {plan} plan for this billing period. \
                 Requests are refused until the quota renews at {renews}, or upgrade your plan.\n\n\
                 Anda telah memakai seluruh {limit} permintaan paket {plan} untuk periode ini. \
                 Permintaan ditolak sampai kuota diperbarui pada {renews}, atau tingkatkan paket Anda.\n",
                limit = d.limit,
                plan = d.plan_name,
                renews = d.renews
            ),
        )
    } else {
        (
            format!(
                "Satu: {}% of your monthly requests used / {}% kuota terpakai",
                d.percent, d.percent
            ),
            format!(
                "You have used {percent}% of the {limit} requests of your {plan} plan for this \
                 billing period. The quota renews at {renews}.\n\n\
                 Anda telah memakai {percent}% dari {limit} permintaan paket {plan} untuk periode \
                 ini. Kuota diperbarui pada {renews}.\n",
                percent = d.percent,
                limit = d.limit,
                plan = d.plan_name,
                renews = d.renews
            ),
        )
    };
    email_outbox::enqueue(
        db,
        NewEmail {
            user_id: Some(d.user_id),
            to_address: user.email,
            template: if d.percent >= 100 {
                "quota_100"
            } else {
                "quota_80"
            },
            subject,
            body,
            dedupe_key: d.dedupe_key,
        },
    )
    .await?;
    Ok(())
}
