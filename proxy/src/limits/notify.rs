//! Threshold emails, queued in the outbox off the request path, once per threshold per period
//! and person (the dedupe key names them): the monthly requests at 80% and 100% (to the user,
//! or a team's owner and admins), and a team's cost budget at 50%, 80% and 100%.

use entities::email_outbox::{self, NewEmail};
use entities::mail::{Mail, Notification};
use entities::team_notices::{self, Notice};
use entities::{RepoError, Workspace, team_members, teams, users};
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
    let mail = Mail::Quota {
        percent,
        limit,
        plan: plan.plan_name.clone(),
        renews_at: period.end,
    };
    let threshold = format!("quota:{{}}:{}:{percent}", period.start.timestamp());
    tell(db, tasks, principal.workspace(), threshold, move |_| {
        Some(mail)
    });
    if let Some(team_id) = principal.team_id {
        let dedupe = format!("quota:{team_id}:{}:{percent}", period.start.timestamp());
        slack(db, tasks, team_id, Notice::Quota { percent, limit }, dedupe);
    }
}

/// `crossed` is (percent, budget, spent after this request's reservation), nano-USD.
pub fn budget_email(
    db: &DatabaseConnection,
    tasks: &TaskTracker,
    principal: &Principal,
    plan: &Plan,
    crossed: (u8, i64, i64),
) {
    let (Some(period), Some(team_id)) = (plan.period, principal.team_id) else {
        return;
    };
    let (percent, budget_nanos, spent_nanos) = crossed;
    let notice = Notice::Budget {
        percent,
        budget_nanos,
        spent_nanos,
    };
    let dedupe = format!("budget:{team_id}:{}:{percent}", period.start.timestamp());
    slack(db, tasks, team_id, notice, dedupe);
    let threshold = format!("budget:{{}}:{}:{percent}", period.start.timestamp());
    tell(
        db,
        tasks,
        Workspace::Team(team_id),
        threshold,
        move |team| {
            Some(Mail::TeamBudget {
                team: team?.to_owned(),
                percent,
                budget_nanos,
                spent_nanos,
            })
        },
    );
}

/// Queues `notice` for the team's Slack webhook, if it has one.
fn slack(
    db: &DatabaseConnection,
    tasks: &TaskTracker,
    team_id: Uuid,
    notice: Notice<'static>,
    dedupe: String,
) {
    let db = db.clone();
    tasks.spawn(async move {
        if let Err(e) = team_notices::notify(&db, team_id, notice, dedupe).await {
            tracing::error!(error = %e, %team_id, "queueing a Slack notice failed");
        }
    });
}

/// Queues `mail` (given the team's name, in a team) to the workspace's user, or to a team's
/// owner and admins. `threshold` has a `{}` where the recipient goes in the dedupe key.
fn tell(
    db: &DatabaseConnection,
    tasks: &TaskTracker,
    workspace: Workspace,
    threshold: String,
    mail: impl FnOnce(Option<&str>) -> Option<Mail> + Send + 'static,
) {
    let db = db.clone();
    tasks.spawn(async move {
        let (recipients, team) = match recipients(&db, workspace).await {
            Ok(found) => found,
            Err(e) => {
                tracing::error!(error = %e, workspace = %workspace.id(), "finding who to tell of a limit failed");
                return;
            }
        };
        let Some(mail) = mail(team.as_deref()) else {
            return;
        };
        for user_id in recipients {
            let who = match workspace {
                Workspace::Personal(id) => id.to_string(),
                Workspace::Team(id) => format!("{id}:{user_id}"),
            };
            let dedupe_key = threshold.replacen("{}", &who, 1);
            if let Err(e) = enqueue(&db, user_id, mail.clone(), dedupe_key).await {
                tracing::error!(error = %e, %user_id, "queueing a limit email failed");
            }
        }
    });
}

/// The user; or the owner and admins of the team, with its name.
async fn recipients(
    db: &DatabaseConnection,
    workspace: Workspace,
) -> Result<(Vec<Uuid>, Option<String>), DbErr> {
    match workspace {
        Workspace::Personal(user_id) => Ok((vec![user_id], None)),
        Workspace::Team(team_id) => {
            let managers = team_members::list(db, team_id)
                .await?
                .into_iter()
                .filter(|m| m.role().manages())
                .map(|m| m.user_id)
                .collect();
            let team = teams::Entity::find_by_id(team_id).one(db).await?;
            Ok((managers, team.map(|t| t.name)))
        }
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
    // The user's choice in Settings → Notifications (a team's budget alerts always go).
    let wanted = match mail.notification() {
        Some(Notification::Quota100) => user.notify_quota_100,
        Some(Notification::Quota80) => user.notify_quota_80,
        _ => true,
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
