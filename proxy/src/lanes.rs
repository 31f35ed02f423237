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
//! Opening a lane makes a client around the shared connector (its TLS configuration is built
//! once, at start-up): cheap enough to do on the request that needs it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// The most lanes opened; beyond it requests share the least busy lane.
const MAX_LANES: usize = 512;

type Build<C> = Box<dyn Fn() -> C + Send + Sync>;

pub struct Lanes<C>(Arc<Shared<C>>);

struct Shared<C> {
    /// Also `slots[0]`.
    first: Arc<Lane<C>>,
    slots: Box<[OnceLock<Arc<Lane<C>>>]>,
    per_lane: usize,
    build: Build<C>,
}

pub struct Lane<C> {
    client: C,
    in_flight: AtomicUsize,
}

/// A request's place in a lane, held until its response body is read or dropped.
pub struct LaneTicket<C>(Arc<Lane<C>>);

impl<C> LaneTicket<C> {
    pub fn client(&self) -> &C {
        &self.0.client
    }
}

impl<C> Drop for LaneTicket<C> {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Release);
    }
}

impl<C> Lanes<C> {
    /// Opens the first lane now and keeps `build` for the lanes opened under load.
    pub fn new(per_lane: usize, build: impl Fn() -> C + Send + Sync + 'static) -> Self {
        let slots: Box<[OnceLock<Arc<Lane<C>>>]> =
            (0..MAX_LANES).map(|_| OnceLock::new()).collect();
        let first = Arc::new(Lane::new(build()));
        let _ = slots[0].set(first.clone());
        Self(Arc::new(Shared {
            first,
            slots,
            per_lane: per_lane.max(1),
            build: Box::new(build),
        }))
    }

    /// A place in the first lane with room, opening a lane when all are full.
    pub fn take(&self) -> LaneTicket<C> {
        let shared = &self.0;
        for slot in shared.slots.iter() {
            let lane = slot.get_or_init(|| shared.open());
            if lane.try_enter(shared.per_lane) {
                return LaneTicket(lane.clone());
            }
        }
        shared.least_busy()
    }

    /// Lanes opened so far.
    pub fn open_lanes(&self) -> usize {
        self.0
            .slots
            .iter()
            .take_while(|s| s.get().is_some())
            .count()
    }
}

impl<C> Shared<C> {
    fn open(&self) -> Arc<Lane<C>> {
        metrics::counter!("satu_upstream_lanes_opened_total").increment(1);
        Arc::new(Lane::new((self.build)()))
    }

    fn least_busy(&self) -> LaneTicket<C> {
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

impl<C> Lane<C> {
    fn new(client: C) -> Self {
        Self {
            client,
            in_flight: AtomicUsize::new(0),
        }
    }

    /// Enters when below `limit`.
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

    fn lanes(per_lane: usize) -> Lanes<()> {
        Lanes::new(per_lane, || ())
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

    #[test]
    fn requests_beyond_every_lane_share_the_least_busy() {
        let lanes = Lanes::new(1, || ());
        let held: Vec<_> = (0..MAX_LANES).map(|_| lanes.take()).collect();
        assert_eq!(lanes.open_lanes(), MAX_LANES);
        let extra = lanes.take();
        assert_eq!(extra.0.in_flight.load(Ordering::Relaxed), 2);
        drop(held);
    }
}
