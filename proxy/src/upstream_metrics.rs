//! Per-provider figures for Prometheus: answers a provider started, and how long after the
//! request arrived its first byte came (failed attempts count in `satu_upstream_errors_total`).
//! Handles are cached per thread, as for the HTTP metrics: the registry's lookup hashes every
//! label on each call.

use std::cell::RefCell;

use metrics::{Counter, Histogram};

pub const ANSWERS: &str = "satu_upstream_answers_total";
pub const FIRST_BYTE: &str = "satu_upstream_first_byte_seconds";

thread_local! {
    static HANDLES: RefCell<Vec<(&'static str, Counter, Histogram)>> = const { RefCell::new(Vec::new()) };
}

pub fn answered(provider: &'static str, first_byte_ms: i64) {
    HANDLES.with_borrow_mut(|handles| {
        let index = match handles.iter().position(|(p, ..)| *p == provider) {
            Some(index) => index,
            None => {
                handles.push((
                    provider,
                    metrics::counter!(ANSWERS, "provider" => provider),
                    metrics::histogram!(FIRST_BYTE, "provider" => provider),
                ));
                handles.len() - 1
            }
        };
        let (_, answers, first_byte) = &handles[index];
        answers.increment(1);
        first_byte.record(first_byte_ms.max(0) as f64 / 1000.0);
    });
}
