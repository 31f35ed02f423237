//! Local delivery: one bounded broadcast channel per user with subscribers, so a subscriber
//! only ever sees (and buffers) its own user's events, and a slow one is told it lagged
//! instead of growing memory.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::broadcast;
use uuid::Uuid;

use super::event::{Invalidation, UsageEvent};

pub struct Hub {
    capacity: usize,
    users: Mutex<HashMap<Uuid, broadcast::Sender<Arc<UsageEvent>>>>,
    invalidations: broadcast::Sender<Invalidation>,
}

impl Hub {
    pub fn new(capacity: usize) -> Self {
        let (invalidations, _) = broadcast::channel(capacity.max(1));
        Self {
            capacity: capacity.max(1),
            users: Mutex::new(HashMap::new()),
            invalidations,
        }
    }

    pub fn subscribe(&self, workspace_id: Uuid) -> broadcast::Receiver<Arc<UsageEvent>> {
        let mut users = self.users.lock().unwrap_or_else(|p| p.into_inner());
        users
            .entry(workspace_id)
            .or_insert_with(|| broadcast::channel(self.capacity).0)
            .subscribe()
    }

    /// Hands the event to its workspace's subscribers (the user's, or the team's), if any (no
    /// subscriber: nothing is kept).
    pub fn deliver(&self, event: UsageEvent) {
        let workspace_id = event.workspace_id();
        let mut users = self.users.lock().unwrap_or_else(|p| p.into_inner());
        let Some(sender) = users.get(&workspace_id) else {
            return;
        };
        if sender.send(Arc::new(event)).is_err() {
            // Every subscriber of this user is gone: forget the channel.
            users.remove(&workspace_id);
        }
    }

    pub fn invalidations(&self) -> broadcast::Receiver<Invalidation> {
        self.invalidations.subscribe()
    }

    pub fn deliver_invalidation(&self, invalidation: Invalidation) {
        // No receiver (no proxy in this process) is fine.
        let _ = self.invalidations.send(invalidation);
    }

    /// Users with live subscribers (for tests and metrics).
    pub fn users_watched(&self) -> usize {
        let users = self.users.lock().unwrap_or_else(|p| p.into_inner());
        users.values().filter(|s| s.receiver_count() > 0).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(user_id: Uuid) -> UsageEvent {
        UsageEvent {
            request_id: Uuid::new_v4(),
            user_id,
            team_id: None,
            api_key_id: Uuid::nil(),
            account_id: None,
            provider: None,
            model: "m".to_owned(),
            endpoint: "chat_completions".to_owned(),
            stream: false,
            status_code: 200,
            error_kind: None,
            prompt_tokens: 1,
            completion_tokens: 1,
            cached_tokens: 0,
            reasoning_tokens: 0,
            cost_nanos: 0,
            latency_ms: 1,
            ttft_ms: None,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn events_reach_only_their_user_and_idle_channels_are_dropped() {
        let hub = Hub::new(4);
        let (ana, budi) = (Uuid::new_v4(), Uuid::new_v4());
        let mut rx = hub.subscribe(ana);
        hub.deliver(event(budi));
        hub.deliver(event(ana));
        assert_eq!(rx.try_recv().unwrap().user_id, ana);
        assert!(rx.try_recv().is_err());
        assert_eq!(hub.users_watched(), 1);
        drop(rx);
        hub.deliver(event(ana));
        assert_eq!(hub.users_watched(), 0);
        assert!(
            hub.users.lock().unwrap().is_empty(),
            "no channel kept for nobody"
        );
    }
}
