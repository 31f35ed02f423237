//! Prometheus metrics: one recorder per process, and a middleware counting requests and
//! latency by route template and status (never by raw path: labels stay low-cardinality).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use metrics::{Counter, Histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
    60.0, 120.0, 300.0,
];

/// The process-wide Prometheus handle, installing the recorder on first use.
pub fn handle() -> Option<PrometheusHandle> {
    if let Some(h) = HANDLE.get() {
        return Some(h.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Suffix("_seconds".to_owned()), LATENCY_BUCKETS)
        .ok()?
        .build_recorder();
    let handle = recorder.handle();
    if metrics::set_global_recorder(recorder).is_ok() {
        let _ = HANDLE.set(handle);
    }
    HANDLE.get().cloned()
}

pub async fn track(request: Request, next: Next) -> Response {
    let route = request.extensions().get::<MatchedPath>().cloned();
    let method = request.method().clone();
    let started = Instant::now();
    let response = next.run(request).await;
    let route = route.as_ref().map_or("unmatched", MatchedPath::as_str);
    let (requests, duration) = handles(route, &method, response.status().as_u16());
    requests.increment(1);
    duration.record(started.elapsed().as_secs_f64());
    response
}

/// A request's counter and histogram, looked up by (route, method, status).
#[derive(Clone)]
struct Handles(Counter, Histogram);

thread_local! {
    /// Registered handles per worker thread: the registry's lookup hashes and clones every
    /// label on each call, these are found by one string key built in a reused buffer.
    static HANDLES: RefCell<(String, HashMap<Box<str>, Handles>)> = RefCell::default();
}

fn handles(route: &str, method: &Method, status: u16) -> (Counter, Histogram) {
    HANDLES.with_borrow_mut(|(key, cache)| {
        key.clear();
        let _ = write!(key, "{status} {method} {route}");
        if let Some(Handles(c, h)) = cache.get(key.as_str()) {
            return (c.clone(), h.clone());
        }
        let labels = [
            ("route", route.to_owned()),
            ("method", method.as_str().to_owned()),
            ("status", status.to_string()),
        ];
        let c = metrics::counter!("satu_http_requests_total", &labels);
        let h = metrics::histogram!("satu_http_request_duration_seconds", &labels);
        cache.insert(key.as_str().into(), Handles(c.clone(), h.clone()));
        (c, h)
    })
}
