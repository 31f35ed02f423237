//! Delivers team notices to their Slack incoming webhooks: due notices are claimed with a
//! lease (one replica sends each), posted as `{"text": …}`, and retried with backoff when
//! Slack or the network may recover (429, 5xx, no answer); other refusals are final.

use std::sync::Arc;
use std::time::Duration;

use entities::seal::Sealer;
use entities::team_notices::{self, Model as Notice};
use entities::teams;
use sea_orm::DatabaseConnection;
use serde_json::json;
use tokio_util::sync::CancellationToken;

pub struct SlackDelivery {
    pub db: DatabaseConnection,
    pub sealer: Arc<Sealer>,
    /// Guarded like upstream calls: no private addresses unless the operator allows them.
    pub http: reqwest::Client,
    pub interval: Duration,
    /// The wait before the first retry; each later one waits four times longer.
    pub first_retry: Duration,
}

/// Notices taken per pass, and how long one is held for its delivery.
const BATCH: u64 = 20;
const LEASE_SECS: i64 = 60;
const TIMEOUT: Duration = Duration::from_secs(10);

pub async fn run(delivery: SlackDelivery, shutdown: CancellationToken) {
    let mut tick = tokio::time::interval(delivery.interval);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => deliver_due(&delivery).await,
        }
    }
}

async fn deliver_due(d: &SlackDelivery) {
    let lease = chrono::Duration::seconds(LEASE_SECS);
    match team_notices::claim_due(&d.db, BATCH, lease).await {
        Ok(notices) => {
            for notice in notices {
                deliver(d, &notice).await;
            }
        }
        Err(e) => tracing::warn!(error = %e, "claiming Slack notices failed; will retry"),
    }
}

/// What one attempt came to.
enum Outcome {
    Sent,
    Retry(String),
    Final(String),
}

async fn deliver(d: &SlackDelivery, notice: &Notice) {
    let outcome = match webhook(d, notice).await {
        Ok(Some(url)) => post(d, &url, &notice.text).await,
        Ok(None) => Outcome::Final("the team has no Slack webhook any more".to_owned()),
        Err(e) => Outcome::Retry(e),
    };
    let recorded = match outcome {
        Outcome::Sent => team_notices::mark_sent(&d.db, notice.id).await,
        Outcome::Retry(error) => {
            let wait = backoff(d.first_retry, notice.attempts);
            tracing::warn!(notice = %notice.id, %error, "Slack delivery failed; will retry");
            team_notices::mark_failed(&d.db, notice, &error, Some(wait)).await
        }
        Outcome::Final(error) => {
            tracing::warn!(notice = %notice.id, %error, "Slack delivery refused; giving up");
            team_notices::mark_failed(&d.db, notice, &error, None).await
        }
    };
    if let Err(e) = recorded {
        tracing::error!(error = %e, notice = %notice.id, "recording a Slack delivery failed");
    }
}

async fn webhook(d: &SlackDelivery, notice: &Notice) -> Result<Option<String>, String> {
    let team = teams::find(&d.db, notice.team_id)
        .await
        .map_err(|e| e.to_string())?;
    team.slack_webhook(&d.sealer).map_err(|e| e.to_string())
}

async fn post(d: &SlackDelivery, url: &str, text: &str) -> Outcome {
    let sent = d
        .http
        .post(url)
        .timeout(TIMEOUT)
        .json(&json!({ "text": text }))
        .send()
        .await;
    match sent {
        Ok(r) if r.status().is_success() => Outcome::Sent,
        Ok(r) => {
            let status = r.status();
            let body: String = r
                .text()
                .await
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect();
            let error = format!("Slack answered {} {}", status.as_u16(), body.trim());
            if status.as_u16() == 429 || status.is_server_error() {
                Outcome::Retry(error)
            } else {
                Outcome::Final(error)
            }
        }
        // Without the URL: its path is the webhook's secret.
        Err(e) => Outcome::Retry(e.without_url().to_string()),
    }
}

/// `first`, then four times longer per attempt made.
fn backoff(first: Duration, attempts: i32) -> chrono::Duration {
    let factor = 4u32.saturating_pow(u32::try_from(attempts).unwrap_or(0).min(8));
    let wait = first.saturating_mul(factor);
    chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(24))
}
