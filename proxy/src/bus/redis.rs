//! The bus across replicas: messages are published to one Redis channel, and every replica
//! (the publisher included) listens and delivers them locally. Redis pub/sub is at-most-once:
//! a replica that is reconnecting misses what was published meanwhile (live views skip those
//! events; key caches still expire by their TTL).

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use redis::aio::ConnectionManager;
use tokio_util::sync::CancellationToken;

use super::event::Message;
use super::hub::Hub;

pub struct RedisBus {
    publisher: ConnectionManager,
    channel: String,
}

const RECONNECT_DELAY: Duration = Duration::from_millis(500);
const PUBLISH_TIMEOUT: Duration = Duration::from_secs(1);

impl RedisBus {
    pub async fn connect(
        url: &str,
        channel: String,
    ) -> Result<(Self, redis::Client), redis::RedisError> {
        let client = redis::Client::open(url)?;
        let publisher = ConnectionManager::new(client.clone()).await?;
        Ok((Self { publisher, channel }, client))
    }

    pub async fn publish(&self, message: &Message) {
        let Ok(payload) = serde_json::to_string(message) else {
            return;
        };
        let mut connection = self.publisher.clone();
        let mut command = redis::cmd("PUBLISH");
        command.arg(&self.channel).arg(payload);
        // The usage writer publishes: a hung Redis must not hold up writing usage.
        let published =
            tokio::time::timeout(PUBLISH_TIMEOUT, command.query_async::<i64>(&mut connection))
                .await
                .map_err(|_| "timed out".to_owned())
                .and_then(|r| r.map_err(|e| e.to_string()));
        if let Err(e) = published {
            metrics::counter!("satu_bus_publish_errors_total").increment(1);
            tracing::warn!(error = %e, "publishing on the Redis bus failed");
        }
    }
}

/// Listens until `stop`, reconnecting after failures, and delivers every message locally.
pub async fn listen(
    client: redis::Client,
    channel: String,
    hub: Arc<Hub>,
    stop: CancellationToken,
) {
    loop {
        tokio::select! {
            () = stop.cancelled() => return,
            result = listen_once(&client, &channel, &hub) => {
                if let Err(e) = result {
                    tracing::warn!(error = %e, "Redis bus listener lost its connection; reconnecting");
                }
            }
        }
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(RECONNECT_DELAY) => {}
        }
    }
}

async fn listen_once(
    client: &redis::Client,
    channel: &str,
    hub: &Hub,
) -> Result<(), redis::RedisError> {
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe(channel).await?;
    let mut messages = pubsub.on_message();
    while let Some(message) = messages.next().await {
        let Ok(payload) = message.get_payload::<String>() else {
            continue;
        };
        match serde_json::from_str::<Message>(&payload) {
            Ok(message) => super::deliver(hub, message),
            Err(e) => tracing::debug!(error = %e, "skipping an unreadable bus message"),
        }
    }
    Ok(())
}
