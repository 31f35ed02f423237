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
//! Opening a lane builds a client (2.8 ms in a release build here, mostly TLS set-up). The next
//! lane is built ahead on a blocking thread once the last one is three-quarters full, so worker
//! threads do not stop for it; only a burst that outruns the build waits for it.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// The most lanes opened; beyond it requests share the least busy lane.
const MAX_LANES: usize = 512;

type Build = Box<dyn Fn() -> Result<reqwest::Client, reqwest::Error> + Send + Sync>;

pub struct Lanes(Arc<Shared>);

struct Shared {
    /// Also `slots[0]`; what a lane falls back to if its own client cannot be built.
    first: Arc<Lane>,
    slots: Box<[OnceLock<Arc<Lane>>]>,
    per_lane: usize,
    build: Build,
    /// A lane is being built ahead: one at a time.
    building_ahead: AtomicBool,
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
        Ok(Self(Arc::new(Shared {
            first,
            slots,
            per_lane: per_lane.max(1),
            build: Box::new(build),
            building_ahead: AtomicBool::new(false),
        })))
    }

    /// A place in the first lane with room, opening a lane when all are full.
    pub fn take(&self) -> LaneTicket {
        let shared = &self.0;
        for (i, slot) in shared.slots.iter().enumerate() {
            let lane = match slot.get() {
                Some(lane) => lane,
                None => slot.get_or_init(|| shared.open()),
            };
            if let Some(in_flight) = lane.try_enter(shared.per_lane) {
                if in_flight * 4 >= shared.per_lane * 3 {
                    self.build_ahead(i + 1);
                }
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

    /// Opens lane `index` on a blocking thread unless it is open or being opened.
    fn build_ahead(&self, index: usize) {
        let shared = &self.0;
        let Some(slot) = shared.slots.get(index) else {
            return;
        };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        if slot.get().is_some() || shared.building_ahead.swap(true, Ordering::AcqRel) {
            return;
        }
        let shared = shared.clone();
        runtime.spawn_blocking(move || {
            if let Some(slot) = shared.slots.get(index) {
                slot.get_or_init(|| shared.open());
            }
            shared.building_ahead.store(false, Ordering::Release);
        });
    }
}

impl Shared {
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

    /// Enters when below `limit`; the count with this request.
    fn try_enter(&self, limit: usize) -> Option<usize> {
        self.in_flight
            .fetch_update(Ordering::Acquire, Ordering::Relaxed, |n| {
                (n < limit).then_some(n + 1)
            })
            .ok()
            .map(|before| before + 1)
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

    #[tokio::test]
    async fn the_next_lane_is_built_ahead_when_the_last_fills_up() {
        let lanes = lanes(4);
        let held: Vec<_> = (0..3).map(|_| lanes.take()).collect();
        for _ in 0..500 {
            if lanes.open_lanes() == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        assert_eq!(
            lanes.open_lanes(),
            2,
            "the second lane opened before the first was full"
        );
        let fourth = lanes.take();
        assert!(
            Arc::ptr_eq(&fourth.0, &held[0].0),
            "the first lane is filled first"
        );
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
