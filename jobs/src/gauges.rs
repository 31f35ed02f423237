//! The platform's state as Prometheus gauges, read from the database by the worker every 30 s:
//! work waiting in each queue, and the business figures the dashboards chart (users by plan,
//! sign-ups over 24 h, running subscriptions, MRR). Every worker replica reports the same
//! values; dashboards and rules take `max` across them.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::Utc;
use entities::{admin_health, admin_kpis, admin_users};
use sea_orm::{DatabaseConnection, DbErr};
use tokio_util::sync::CancellationToken;

const EVERY: Duration = Duration::from_secs(30);

pub async fn run(db: DatabaseConnection, shutdown: CancellationToken) {
    let mut tick = tokio::time::interval(EVERY);
    // Plans seen before: one whose last user left reads 0, not its last count.
    let mut plans = BTreeSet::new();
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = tick.tick() => {}
        }
        if let Err(e) = read(&db, &mut plans).await {
            tracing::warn!(error = %e, "platform gauges not read");
        }
    }
}

async fn read(db: &DatabaseConnection, plans: &mut BTreeSet<String>) -> Result<(), DbErr> {
    let now = Utc::now();
    let q = admin_health::queues(db).await?;
    let queue = |name: &'static str, state: &'static str, n: f64| {
        metrics::gauge!("satu_queue_depth", "queue" => name, "state" => state).set(n);
    };
    queue("email", "queued", q.emails as f64);
    queue("email", "failed", q.emails_failed as f64);
    queue(
        "payment_notifications",
        "pending",
        q.payment_notifications as f64,
    );
    queue("slack", "queued", q.slack_notices as f64);
    if let (Some(pending), Some(failed)) = (q.jobs_pending, q.jobs_failed) {
        queue("jobs", "pending", pending as f64);
        queue("jobs", "failed", failed as f64);
    }
    let counts: BTreeMap<String, i64> = admin_users::count_by_plan(db).await?.into_iter().collect();
    plans.extend(counts.keys().cloned());
    for plan in plans.iter() {
        let users = counts.get(plan).copied().unwrap_or(0);
        metrics::gauge!("satu_users", "plan" => plan.clone()).set(users as f64);
    }
    let sign_ups = admin_users::signed_up_since(db, now - chrono::Duration::days(1)).await?;
    metrics::gauge!("satu_sign_ups_24h").set(sign_ups as f64);
    let (mrr_idr, running) = admin_kpis::mrr(db, now).await?;
    metrics::gauge!("satu_mrr_idr").set(mrr_idr as f64);
    metrics::gauge!("satu_active_subscriptions").set(running as f64);
    Ok(())
}
