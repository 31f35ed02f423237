//! OTLP traces (`telemetry.otlp_endpoint`): a proxied request becomes a server span with a
//! client span for its upstream call, posted as OTLP/HTTP JSON to a collector; a client's
//! `traceparent` puts them into its trace; a refusal is one span without an upstream call.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Json;
use axum::extract::State;
use axum::routing::post;
use entities::Provider;
use serde_json::Value;

use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, chat_body, spawn_app};

on_both_backends!(requests_and_upstream_calls_become_spans);

type Received = Arc<Mutex<Vec<Value>>>;

/// A collector that keeps every span it is sent.
async fn collector() -> (String, Received) {
    let spans: Received = Arc::default();
    let app = axum::Router::new()
        .route(
            "/v1/traces",
            post(
                |State(spans): State<Received>, Json(body): Json<Value>| async move {
                    for resource in body["resourceSpans"].as_array().unwrap() {
                        let service = &resource["resource"]["attributes"][0];
                        assert_eq!(service["key"], "service.name");
                        for scope in resource["scopeSpans"].as_array().unwrap() {
                            for span in scope["spans"].as_array().unwrap() {
                                let mut span = span.clone();
                                span["service"] = service["value"]["stringValue"].clone();
                                spans.lock().unwrap().push(span);
                            }
                        }
                    }
                    "{}"
                },
            ),
        )
        .with_state(spans.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, spans)
}

async fn spans_of_trace(spans: &Received, trace_id: &str, count: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found: Vec<Value> = spans
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s["traceId"] == trace_id)
            .cloned()
            .collect();
        if found.len() >= count || Instant::now() > deadline {
            return found;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn attribute<'a>(span: &'a Value, key: &str) -> &'a Value {
    let found = span["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["key"] == key);
    &found.unwrap_or_else(|| panic!("{key} missing: {span}"))["value"]
}

async fn requests_and_upstream_calls_become_spans(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let (endpoint, spans) = collector().await;
    let app = spawn_app(
        backend,
        &upstream.base_url,
        &[
            ("SATU__TELEMETRY__OTLP_ENDPOINT", &endpoint),
            ("SATU__TELEMETRY__SERVICE_NAME", "satu-test"),
        ],
    )
    .await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;

    // In the client's trace: the request under its span, the upstream call under the request.
    let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let response = app
        .chat(&caller.key, chat_body("gpt-4o-mini", false))
        .header("traceparent", format!("00-{trace}-00f067aa0ba902b7-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let found = spans_of_trace(&spans, trace, 2).await;
    assert_eq!(found.len(), 2, "{found:?}");
    let request = found.iter().find(|s| s["kind"] == 2).unwrap();
    let call = found.iter().find(|s| s["kind"] == 3).unwrap();
    assert_eq!(request["service"], "satu-test");
    assert_eq!(request["parentSpanId"], "00f067aa0ba902b7");
    assert_eq!(request["name"], "proxy chat_completions");
    assert_eq!(
        attribute(request, "http.response.status_code")["intValue"],
        "200"
    );
    assert_eq!(
        attribute(request, "gen_ai.request.model")["stringValue"],
        "gpt-4o-mini"
    );
    assert_eq!(call["parentSpanId"], request["spanId"]);
    assert_eq!(call["name"], "upstream openai");
    assert_eq!(attribute(call, "gen_ai.system")["stringValue"], "openai");
    let nanos = |s: &Value, k: &str| s[k].as_str().unwrap().parse::<u128>().unwrap();
    assert!(nanos(request, "startTimeUnixNano") <= nanos(call, "startTimeUnixNano"));
    assert!(nanos(call, "startTimeUnixNano") <= nanos(call, "endTimeUnixNano"));

    // Without a traceparent the trace id is the request id; a refusal has no upstream call.
    let refused = app
        .chat(
            &caller.key,
            serde_json::json!({ "model": "gpt-4o-mini", "messages": "none" }),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    let request_id = refused.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .replace('-', "");
    let found = spans_of_trace(&spans, &request_id, 1).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["parentSpanId"], "");
    assert_eq!(
        attribute(&found[0], "http.response.status_code")["intValue"],
        "400"
    );
    app.stop().await;
}
