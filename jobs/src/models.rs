//! The model-list schedule: every scan, the connections whose list is due (new ones at once,
//! the rest daily, failed checks again after a while) are asked for their models. A claim in
//! the database makes one replica ask, however many run this loop.

use std::sync::Arc;
use std::time::Duration;

use proxy::model_lists::ModelLister;
use tokio_util::sync::CancellationToken;

pub struct ModelRefresh {
    pub lister: Arc<ModelLister>,
    pub scan_interval: Duration,
}

pub async fn run(refresh: ModelRefresh, shutdown: CancellationToken) {
    let mut tick = tokio::time::interval(refresh.scan_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = tick.tick() => {}
        }
        // A scan stops with the process: a list half-asked is claimed and retried later.
        let scan = tokio::select! {
            () = shutdown.cancelled() => return,
            scan = refresh.lister.run_due() => scan,
        };
        match scan {
            Ok(0) => {}
            Ok(n) => tracing::debug!(checked = n, "model lists checked"),
            Err(e) => tracing::warn!(error = %e, "checking model lists failed; will retry"),
        }
    }
}
