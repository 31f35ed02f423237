//! The live bus: usage events for live dashboards and key revocations for caches. In one
//! process it is a set of bounded broadcast channels; with Redis, every replica publishes to
//! and listens on one Redis channel, so an event produced anywhere reaches subscribers
//! everywhere.

mod event;
mod hub;
mod redis;

use std::sync::Arc;

use tokio::sync::broadcast;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use uuid::Uuid;

pub use event::{Invalidation, Message, UsageEvent};
use hub::Hub;
use redis::RedisBus;

/// Events buffered per subscriber before it is told it lagged.
pub const SUBSCRIBER_BUFFER: usize = 256;

pub struct Bus {
    hub: Arc<Hub>,
    redis: Option<RedisBus>,
}

impl Bus {
    pub fn local() -> Arc<Self> {
        Arc::new(Self {
            hub: Arc::new(Hub::new(SUBSCRIBER_BUFFER)),
            redis: None,
        })
    }

    /// The bus over Redis; its listener runs on `tasks` until `stop`.
    pub async fn redis(
        url: &str,
        channel: &str,
        tasks: &TaskTracker,
        stop: CancellationToken,
    ) -> Result<Arc<Self>, ::redis::RedisError> {
        let hub = Arc::new(Hub::new(SUBSCRIBER_BUFFER));
        let (publisher, client) = RedisBus::connect(url, channel.to_owned()).await?;
        tasks.spawn(redis::listen(client, channel.to_owned(), hub.clone(), stop));
        Ok(Arc::new(Self {
            hub,
            redis: Some(publisher),
        }))
    }

    pub async fn publish(&self, message: Message) {
        match &self.redis {
            Some(redis) => redis.publish(&message).await,
            None => deliver(&self.hub, message),
        }
    }

    /// The live usage of a workspace (a user's own, or a team's).
    pub fn usage_events(&self, workspace_id: Uuid) -> broadcast::Receiver<Arc<UsageEvent>> {
        self.hub.subscribe(workspace_id)
    }

    pub fn invalidations(&self) -> broadcast::Receiver<Invalidation> {
        self.hub.invalidations()
    }

    pub fn users_watched(&self) -> usize {
        self.hub.users_watched()
    }
}

fn deliver(hub: &Hub, message: Message) {
    match message {
        Message::Usage { events } => events.into_iter().for_each(|e| hub.deliver(e)),
        Message::KeyRevoked { key_hash } => hub.deliver_invalidation(Invalidation::Key(key_hash)),
        Message::AccountsChanged { workspace_id } => {
            hub.deliver_invalidation(Invalidation::Accounts(workspace_id));
        }
        Message::PlanChanged { user_id } => hub.deliver_invalidation(Invalidation::User(user_id)),
    }
}
