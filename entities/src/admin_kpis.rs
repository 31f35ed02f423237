//! The business figures of the admin overview, computed from billing and usage rows (never
//! stored, so they cannot drift from what they summarise).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::admin_users::paid_running;
use crate::billing::periods;

/// Monthly recurring revenue now: the plan lines (Rupiah before PPN) of the paid invoices
/// behind every running period, and how many such subscriptions run.
pub async fn mrr(db: &impl ConnectionTrait, at: DateTime<Utc>) -> Result<(i64, u64), DbErr> {
    let running = paid_running(db, None, at).await?;
    let total = running.iter().map(|(_, i)| i.net + i.credit).sum();
    Ok((total, running.len() as u64))
}

/// Of a plan's paying users at the start of a window, how many pay nothing at its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Churn {
    pub plan_id: String,
    pub at_start: u64,
    pub lost: u64,
}

/// Churn per plan over `days` up to `at`: a subscriber is lost when no paid period of theirs
/// runs at the end (an upgrade or a downgrade to another paid plan is not a loss).
pub async fn churn(
    db: &impl ConnectionTrait,
    at: DateTime<Utc>,
    days: i64,
) -> Result<Vec<Churn>, DbErr> {
    let start = at - Duration::days(days);
    let paying_now: HashSet<Uuid> = paid_running(db, None, at)
        .await?
        .into_iter()
        .map(|(p, _)| p.user_id)
        .collect();
    let mut by_plan: HashMap<String, (HashSet<Uuid>, u64)> = HashMap::new();
    for (period, _) in paid_running(db, None, start).await? {
        let (users, lost) = by_plan.entry(period.plan_id).or_default();
        if users.insert(period.user_id) && !paying_now.contains(&period.user_id) {
            *lost += 1;
        }
    }
    let mut churn: Vec<Churn> = by_plan
        .into_iter()
        .map(|(plan_id, (users, lost))| Churn {
            plan_id,
            at_start: users.len() as u64,
            lost,
        })
        .collect();
    churn.sort_by(|a, b| a.plan_id.cmp(&b.plan_id));
    Ok(churn)
}

/// The latest plan changes periods made (a payment, a renewal into another plan, an
/// operator's grant), newest first.
pub async fn recent_plan_changes(
    db: &impl ConnectionTrait,
    limit: u64,
) -> Result<Vec<periods::Model>, DbErr> {
    periods::Entity::find()
        .filter(periods::Column::Scheduled.eq(false))
        .filter(periods::Column::StartsAt.lte(Utc::now()))
        .order_by_desc(periods::Column::StartsAt)
        .limit(limit * 4)
        .all(db)
        .await
        .map(|rows| {
            rows.into_iter()
                .filter(|p| p.plan_id != p.previous_plan_id)
                .take(limit as usize)
                .collect()
        })
}
