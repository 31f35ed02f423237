//! Finished requests as an OTLP/HTTP JSON body (`ExportTraceServiceRequest`): ids in hex,
//! times as decimal strings of Unix nanoseconds, 64-bit integers as strings, as the
//! protocol's JSON mapping asks.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

use super::Finished;

const SERVER: u8 = 2;
const CLIENT: u8 = 3;
const STATUS_UNSET: u8 = 0;
const STATUS_ERROR: u8 = 2;

pub fn body(service_name: &str, batch: &[Finished]) -> Value {
    let spans: Vec<Value> = batch.iter().flat_map(spans_of).collect();
    json!({
        "resourceSpans": [{
            "resource": { "attributes": [string("service.name", service_name)] },
            "scopeSpans": [{
                "scope": { "name": "satu.proxy", "version": env!("CARGO_PKG_VERSION") },
                "spans": spans,
            }],
        }],
    })
}

/// The request's server span and, when a provider was called, the upstream call's span.
fn spans_of(f: &Finished) -> Vec<Value> {
    let u = &f.usage;
    let (trace_id, parent) = match f.timing.parent {
        Some(p) => (p.trace_id, Some(p.span_id)),
        None => (*u.request_id.as_bytes(), None),
    };
    let request_span = span_id();
    let mut attributes = vec![
        string("satu.request_id", &u.request_id.to_string()),
        string("satu.endpoint", u.endpoint),
        string("gen_ai.request.model", &u.model),
        int("http.response.status_code", i64::from(u.status_code)),
        boolean("satu.stream", u.stream),
        int("gen_ai.usage.input_tokens", u.prompt_tokens),
        int("gen_ai.usage.output_tokens", u.completion_tokens),
    ];
    if let Some(kind) = u.error_kind {
        attributes.push(string("error.type", kind));
    }
    let mut spans = vec![json!({
        "traceId": hex(&trace_id),
        "spanId": hex(&request_span),
        "parentSpanId": parent.map(|p| hex(&p)).unwrap_or_default(),
        "name": format!("proxy {}", u.endpoint),
        "kind": SERVER,
        "startTimeUnixNano": unix_nanos(f.timing.started, f.ended),
        "endTimeUnixNano": unix_nanos(f.ended.0, f.ended),
        "attributes": attributes,
        "status": { "code": if u.status_code >= 500 { STATUS_ERROR } else { STATUS_UNSET } },
    })];
    if let (Some(started), Some(provider)) = (f.timing.upstream_started, u.provider.as_deref()) {
        let mut attributes = vec![
            string("gen_ai.system", provider),
            string("gen_ai.request.model", &u.model),
        ];
        if let Some(ttft) = u.ttft_ms {
            attributes.push(int("satu.time_to_first_byte_ms", ttft));
        }
        let failed = u.error_kind.is_some_and(|k| k.starts_with("upstream"));
        spans.push(json!({
            "traceId": hex(&trace_id),
            "spanId": hex(&span_id()),
            "parentSpanId": hex(&request_span),
            "name": format!("upstream {provider}"),
            "kind": CLIENT,
            "startTimeUnixNano": unix_nanos(started, f.ended),
            "endTimeUnixNano": unix_nanos(f.ended.0, f.ended),
            "attributes": attributes,
            "status": { "code": if failed { STATUS_ERROR } else { STATUS_UNSET } },
        }));
    }
    spans
}

fn span_id() -> [u8; 8] {
    let random = uuid::Uuid::new_v4();
    let mut id = [0; 8];
    id.copy_from_slice(&random.as_bytes()[..8]);
    id
}

/// `at` on the wall clock, from the instant and wall time the request ended.
fn unix_nanos(at: Instant, (ended, ended_wall): (Instant, SystemTime)) -> String {
    let wall = ended_wall
        .checked_sub(ended.saturating_duration_since(at))
        .unwrap_or(ended_wall);
    wall.duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_nanos()
        .to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn string(key: &str, value: &str) -> Value {
    json!({ "key": key, "value": { "stringValue": value } })
}

fn int(key: &str, value: i64) -> Value {
    json!({ "key": key, "value": { "intValue": value.to_string() } })
}

fn boolean(key: &str, value: bool) -> Value {
    json!({ "key": key, "value": { "boolValue": value } })
}
