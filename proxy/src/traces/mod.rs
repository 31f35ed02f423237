//! Optional OTLP traces (`telemetry.otlp_endpoint`): one server span per proxied request and,
//! when it reached a provider, one client span for the upstream call, exported as OTLP/HTTP
//! JSON in batches. Off by default, and then the request path does no tracing work at all.
//! A `traceparent` header (W3C) from the client puts the request into the client's trace;
//! otherwise the trace id is the request id, so a trace is found from a usage row.

mod export;
mod otlp;
mod parent;

use std::time::{Instant, SystemTime};

use entities::usage_events::NewUsage;
use serde::Deserialize;
use tokio::sync::mpsc;

pub use parent::TraceParent;

/// Spans waiting for the exporter; when the collector falls behind, more are dropped (and
/// counted), never waited for.
const QUEUE: usize = 8_192;
pub const DROPPED_METRIC: &str = "satu_traces_dropped_total";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TelemetryConfig {
    /// An OTLP/HTTP collector's base URL (`http://otel-collector:4318`); spans go to
    /// `/v1/traces` under it. Unset: no traces.
    pub otlp_endpoint: Option<String>,
    /// `service.name` of the spans.
    pub service_name: String,
}

impl Default for TelemetryConfig {
    fn default() -> Self {
        Self {
            otlp_endpoint: None,
            service_name: "satu".to_owned(),
        }
    }
}

/// When a request's parts happened, for its spans.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    pub started: Instant,
    /// When the last upstream attempt began (`None`: no provider was called).
    pub upstream_started: Option<Instant>,
    pub parent: Option<TraceParent>,
}

/// One finished request, as the exporter turns it into spans.
struct Finished {
    usage: NewUsage,
    timing: Timing,
    ended: (Instant, SystemTime),
}

#[derive(Clone)]
pub struct Traces {
    tx: mpsc::Sender<Finished>,
}

impl Traces {
    /// Starts the exporter; `None` without an endpoint. It runs until the last `Traces` is
    /// dropped, outside the tasks shutdown waits for: traces are worth less than a prompt
    /// stop, so the spans of the last second before an exit may not be sent.
    pub fn start(config: &TelemetryConfig) -> Option<Self> {
        let endpoint = config.otlp_endpoint.as_deref()?.trim_end_matches('/');
        // Built only when traces are on: a client loads its TLS roots (megabytes of memory).
        let http = reqwest::Client::new();
        let (tx, rx) = mpsc::channel(QUEUE);
        let exporter = export::Exporter {
            url: format!("{endpoint}/v1/traces"),
            service_name: config.service_name.clone(),
            http,
        };
        tokio::spawn(exporter.run(rx));
        Some(Self { tx })
    }

    /// Hands a finished request to the exporter.
    pub fn record(&self, usage: &NewUsage, timing: Timing) {
        let finished = Finished {
            usage: usage.clone(),
            timing,
            ended: (Instant::now(), SystemTime::now()),
        };
        if self.tx.try_send(finished).is_err() {
            metrics::counter!(DROPPED_METRIC).increment(1);
        }
    }
}
