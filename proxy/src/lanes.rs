//! Upstream client lanes: several HTTP clients, each with its own connection pool, so that more
//! requests than one HTTP/2 connection carries can be in flight to a provider at once.
//!
//! hyper-util's pool sends every request for a host over one HTTP/2 connection and never opens
//! a second when the server's `SETTINGS_MAX_CONCURRENT_STREAMS` is reached: requests beyond it
//! wait for a free stream (hyperium/hyper#2197). A request takes the first lane with fewer than
//! `streams_per_connection` requests in flight; a new lane (a new client, a new connection) is
//! opened when every lane is full. Over HTTP/1.1 a lane is an ordinary pool, so lanes cost
//! nothing there beyond a counter.
//!
//! Opening a lane builds a client (2.8 ms in a release build here, mostly TLS set-up) on the
//! request's thread; requests racing for the same new lane wait for it. That is once per
//! `streams_per_connection` concurrent requests; building the next lane ahead, off the worker
//! threads, would remove the wait.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// The most lanes opened; beyond it requests share the least busy lane.
const MAX_LANES: usize = 512;

pub struct Lanes {
    /// Also `slots[0]`; what a lane falls back to if its own client cannot be built.
    first: Arc<Lane>,
    slots: Box<[OnceLock<Arc<Lane>>]>,
    per_lane: usize,
    build: Box<dyn Fn() -> Result<reqwest::Client, reqwest::Error> + Send + Sync>,
}

pub struct Lane {
    client: reqwest::Client,
    in_flight: AtomicUsize,
}

/// A request's place in a lane, held until its response body is read or dropped.
pub struct LaneTicket(Arc<Lane>);

impl LaneTicket {
    pub fn client(&self) -> &reqwest::Client {
        &self.0.client
    }
}

impl Drop for LaneTicket {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Release);
    }
}

impl Lanes {
    /// Builds the first lane now (so a bad client configuration fails start-up) and keeps
    /// `build` for the lanes opened under load.
    pub fn new(
        per_lane: usize,
        build: impl Fn() -> Result<reqwest::Client, reqwest::Error> + Send + Sync + 'static,
    ) -> Result<Self, reqwest::Error> {
        let slots: Box<[OnceLock<Arc<Lane>>]> = (0..MAX_LANES).map(|_| OnceLock::new()).collect();
        let first = Arc::new(Lane::new(build()?));
        let _ = slots[0].set(first.clone());
        Ok(Self {
            first,
            slots,
            per_lane: per_lane.max(1),
            build: Box::new(build),
        })
    }

    /// A place in the first lane with room, opening a lane when all are full.
    pub fn take(&self) -> LaneTicket {
        for slot in self.slots.iter() {
            let lane = match slot.get() {
                Some(lane) => lane,
                None => slot.get_or_init(|| self.open()),
            };
            if lane.try_enter(self.per_lane) {
                return LaneTicket(lane.clone());
            }
        }
        self.least_busy()
    }

    /// Lanes opened so far.
    pub fn open_lanes(&self) -> usize {
        self.slots.iter().take_while(|s| s.get().is_some()).count()
    }

    fn open(&self) -> Arc<Lane> {
        match (self.build)() {
            Ok(client) => {
                metrics::counter!("satu_upstream_lanes_opened_total").increment(1);
                Arc::new(Lane::new(client))
            }
            // Cannot happen once the first client was built from the same settings; if it
            // does, the new lane shares the first lane's pool rather than failing requests.
            Err(e) => {
                tracing::warn!(error = %e, "opening an upstream client lane failed");
                Arc::new(Lane::new(self.first.client.clone()))
            }
        }
    }

    fn least_busy(&self) -> LaneTicket {
        let lane = self
            .slots
            .iter()
            .filter_map(OnceLock::get)
            .min_by_key(|l| l.in_flight.load(Ordering::Relaxed));
        let lane = lane.unwrap_or(&self.first).clone();
        lane.in_flight.fetch_add(1, Ordering::Acquire);
        LaneTicket(lane)
    }
}

impl Lane {
    fn new(client: reqwest::Client) -> Self {
        Self {
            client,
            in_flight: AtomicUsize::new(0),
        }
    }

    fn try_enter(&self, limit: usize) -> bool {
        self.in_flight
            .fetch_update(Ordering::Acquire, Ordering::Relaxed, |n| {
                (n < limit).then_some(n + 1)
            })
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lanes(per_lane: usize) -> Lanes {
        Lanes::new(per_lane, || reqwest::Client::builder().build()).unwrap()
    }

    #[test]
    fn a_lane_fills_before_the_next_opens() {
        let lanes = lanes(2);
        let a = lanes.take();
        let b = lanes.take();
        assert_eq!(lanes.open_lanes(), 1);
        let c = lanes.take();
        assert_eq!(lanes.open_lanes(), 2);
        assert!(Arc::ptr_eq(&a.0, &b.0));
        assert!(!Arc::ptr_eq(&a.0, &c.0));
    }

    #[test]
    fn a_finished_request_frees_its_place() {
        let lanes = lanes(1);
        let first = lanes.take();
        drop(first);
        let again = lanes.take();
        assert_eq!(lanes.open_lanes(), 1);
        assert_eq!(again.0.in_flight.load(Ordering::Relaxed), 1);
    }
}
