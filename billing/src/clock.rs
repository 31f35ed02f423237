//! The period clock, in every worker whether billing is on or not: at start and every 5
//! minutes, period ends (`period_end`), then renewals and lapses (`renew`). Without a payment
//! provider no renewal invoice is issued (nobody could pay it): an operator's deal simply ends
//! after the grace days.

use std::sync::Arc;
use std::time::Duration;

use entities::billing::tax::TaxRule;
use proxy::bus::Bus;
use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

const SWEEP: Duration = Duration::from_secs(300);

#[derive(Clone, Copy, Debug)]
pub struct ClockSettings {
    pub tax: TaxRule,
    /// Days a period's plan stays on after its end while the renewal is unpaid.
    pub grace_days: i64,
    /// Whether renewal invoices are issued (billing is on).
    pub invoices: bool,
}

/// Runs until `shutdown`.
pub async fn run_clock(
    db: DatabaseConnection,
    settings: ClockSettings,
    bus: Arc<Bus>,
    shutdown: CancellationToken,
) {
    let mut tick = tokio::time::interval(SWEEP);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => sweep(&db, &settings, &bus).await,
        }
    }
}

pub async fn sweep(db: &DatabaseConnection, settings: &ClockSettings, bus: &Bus) {
    if let Err(e) = crate::period_end::sweep(db, bus).await {
        tracing::warn!(error = %e, "the period-end sweep failed; will retry");
    }
    if let Err(e) = crate::renew::sweep(db, settings, bus).await {
        tracing::warn!(error = %e, "the renewal sweep failed; will retry");
    }
}
