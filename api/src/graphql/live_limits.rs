//! Bounds on `/graphql` websockets: a socket must say `connection_init` within
//! `INIT_TIMEOUT`, a silent one is closed after `KEEPALIVE_TIMEOUT` (clients ping), messages
//! are at most `MAX_MESSAGE_BYTES`, and each user (or, signed out, each address) holds at most
//! `per_client` sockets at once.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use uuid::Uuid;

use crate::graphql::context::RequestMeta;

pub const INIT_TIMEOUT: Duration = Duration::from_secs(10);
pub const KEEPALIVE_TIMEOUT: Duration = Duration::from_secs(120);
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Holder {
    User(Uuid),
    Address(String),
}

/// Open sockets per holder.
#[derive(Clone)]
pub struct LiveSockets {
    per_client: usize,
    open: Arc<Mutex<std::collections::HashMap<Holder, usize>>>,
}

/// One open socket; dropping it (when the socket's data is dropped) frees the slot.
pub struct Slot {
    sockets: LiveSockets,
    holder: Holder,
}

impl LiveSockets {
    pub fn new(per_client: usize) -> Self {
        Self {
            per_client: per_client.max(1),
            open: Arc::default(),
        }
    }

    /// A slot for the socket `meta` describes, or `None` when its holder has every slot.
    pub fn take(&self, meta: &RequestMeta) -> Option<Slot> {
        let holder = match (&meta.viewer, &meta.ip) {
            (Some(viewer), _) => Holder::User(viewer.user_id),
            (None, Some(ip)) => Holder::Address(ip.clone()),
            (None, None) => Holder::Address(String::new()),
        };
        let mut open = self.open.lock().ok()?;
        let count = open.entry(holder.clone()).or_default();
        if *count >= self.per_client {
            return None;
        }
        *count += 1;
        Some(Slot {
            sockets: self.clone(),
            holder,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.sockets.open.lock()
            && let Some(count) = open.get_mut(&self.holder)
        {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.holder);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graphql::context::{Scope, Via, Viewer};

    #[test]
    fn each_holder_has_its_own_slots_and_gets_them_back() {
        let sockets = LiveSockets::new(2);
        let user = RequestMeta {
            viewer: Some(Viewer {
                user_id: Uuid::new_v4(),
                session_id: Uuid::new_v4(),
                via: Via::Bearer,
                scope: Ok(Scope::personal(Uuid::new_v4())),
                google_hd: None,
                impersonation: None,
            }),
            ..RequestMeta::default()
        };
        let anonymous = RequestMeta {
            ip: Some("203.0.113.9".to_owned()),
            ..RequestMeta::default()
        };
        let first = sockets.take(&user).unwrap();
        let _second = sockets.take(&user).unwrap();
        assert!(sockets.take(&user).is_none());
        assert!(sockets.take(&anonymous).is_some());
        drop(first);
        assert!(sockets.take(&user).is_some());
    }
}
