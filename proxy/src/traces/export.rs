//! The exporter task: gathers finished requests for up to a second (or 512 of them) and posts
//! them to the collector; a collector that fails costs that batch (logged and counted), never
//! a request's time.

use std::time::Duration;

use tokio::sync::mpsc;

use super::{Finished, otlp};

const BATCH: usize = 512;
const EVERY: Duration = Duration::from_secs(1);
const TIMEOUT: Duration = Duration::from_secs(10);
pub const FAILED_METRIC: &str = "satu_traces_export_failures_total";

pub struct Exporter {
    pub url: String,
    pub service_name: String,
    pub http: reqwest::Client,
}

impl Exporter {
    pub async fn run(self, mut rx: mpsc::Receiver<Finished>) {
        let mut batch = Vec::with_capacity(BATCH);
        let mut tick = tokio::time::interval(EVERY);
        loop {
            tokio::select! {
                received = rx.recv_many(&mut batch, BATCH) => {
                    if received == 0 {
                        break;
                    }
                    if batch.len() < BATCH {
                        continue;
                    }
                }
                _ = tick.tick() => {}
            }
            self.send(&mut batch).await;
        }
        self.send(&mut batch).await;
    }

    async fn send(&self, batch: &mut Vec<Finished>) {
        if batch.is_empty() {
            return;
        }
        let body = otlp::body(&self.service_name, batch);
        batch.clear();
        let sent = self
            .http
            .post(&self.url)
            .timeout(TIMEOUT)
            .json(&body)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status);
        if let Err(e) = sent {
            metrics::counter!(FAILED_METRIC).increment(1);
            tracing::warn!(error = %e, url = %self.url, "exporting traces failed");
        }
    }
}
