//! Upstream failures in every pair: bad credentials, broken streams, 429 failover, cooling.

use serde_json::Value;

use super::*;
use crate::support::Backend;
use crate::support::mock_anthropic;
use crate::support::mock_gemini;

/// The error object a client of `dialect` reads, and its own words for "upstream trouble".
fn assert_dialect_error(dialect: Dialect, body: &Value, context: &str) {
    match dialect {
        Dialect::Messages => {
            assert_eq!(body["type"], "error", "{context}: {body}");
            assert!(body["error"]["type"].is_string(), "{context}: {body}");
        }
        Dialect::Gemini => assert!(
            body["error"]["status"].is_string() && body["error"]["code"].is_u64(),
            "{context}: {body}"
        ),
        _ => assert!(
            body["error"]["message"].is_string() && body["error"]["type"].is_string(),
            "{context}: {body}"
        ),
    }
}

/// A rejected upstream credential becomes a 502 and a broken stream an error event — each in
/// the caller's own format, for every kind of upstream — and both are recorded.
pub(super) async fn upstream_failures_reach_every_dialect_in_its_shape(backend: Backend) {
    let (up, app) = setup(backend).await;
    for (label, model) in KINDS {
        for dialect in DIALECTS {
            // A fresh account per case: the failure cools the account it happened on.
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            up.script(label, Script::Status(401));
            let context = format!("{dialect:?} → {label} with a bad upstream key");
            let response = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 502, "{context}");
            assert_dialect_error(dialect, &response.json().await.unwrap(), &context);
            let row = &app.usage_rows(&caller, 1).await[0];
            assert_eq!(
                (row.status_code, row.error_kind.as_deref()),
                (502, Some("upstream_auth")),
                "{context}"
            );
        }
    }
    for ((label, model), dialect) in KINDS.into_iter().flat_map(|k| DIALECTS.map(|d| (k, d))) {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, label).await;
        up.script(label, Script::Break);
        let context = format!("{dialect:?} → a {label} stream that breaks");
        let response = request(&app, dialect, &caller.key, model, true)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{context}");
        let body = response.text().await.unwrap();
        let events = data_events(&body);
        let error = events
            .iter()
            .rev()
            .find(|e| {
                e.get("error").is_some() || e["type"] == "error" || e["type"] == "response.failed"
            })
            .unwrap_or_else(|| panic!("{context}: no error event in {body}"));
        match dialect {
            Dialect::Responses => assert_eq!(error["type"], "response.failed", "{context}"),
            other => assert_dialect_error(other, error, &context),
        }
        let row = &app.usage_rows(&caller, 1).await[0];
        assert_eq!(
            row.error_kind.as_deref(),
            Some("upstream_stream_error"),
            "{context}"
        );
    }
    app.stop().await;
}

/// Requests received so far by the mock behind an account kind.
fn received(up: &Upstreams, label: &str) -> usize {
    match label {
        "anthropic-key" | "claude-oauth" => up.anthropic.received().len(),
        "gemini-key" | "code-assist-oauth" => up.gemini.received().len(),
        _ => up.openai.received().len(),
    }
}

/// For every dialect and upstream kind: a 429 on one account fails over to the user's other
/// account unseen by the client; and once the only account cools, the caller gets a 429 in its
/// own dialect with `retry-after`, without the upstream being called.
pub(super) async fn rate_limits_fail_over_and_cooling_answers_in_every_dialect(backend: Backend) {
    let (up, app) = setup(backend).await;
    let mut checked = 0;
    for (label, model) in KINDS {
        let expected = match label {
            "anthropic-key" | "claude-oauth" => mock_anthropic::TEXT.to_owned(),
            "gemini-key" | "code-assist-oauth" => mock_gemini::TEXT.concat(),
            _ => up.openai.text(),
        };
        for dialect in DIALECTS {
            let context = format!("{dialect:?} → {label}");
            // Failover: two accounts, the first answer is a 429.
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            connect(&app, &caller, &up, label).await;
            up.script(label, Script::Status(429));
            let before = received(&up, label);
            let response = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{context}: failover");
            assert_eq!(
                text_of(dialect, false, &response.text().await.unwrap()),
                expected,
                "{context}: failover"
            );
            assert_eq!(
                received(&up, label) - before,
                2,
                "{context}: both accounts were tried"
            );

            // Cooling: one account, a 500, then the caller is told when to come back.
            let caller = app.create_caller().await;
            connect(&app, &caller, &up, label).await;
            up.script(label, Script::Status(500));
            let first = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(first.status(), 502, "{context}");
            let before = received(&up, label);
            let cooling = request(&app, dialect, &caller.key, model, false)
                .send()
                .await
                .unwrap();
            assert_eq!(cooling.status(), 429, "{context}: cooling");
            assert!(cooling.headers().contains_key("retry-after"), "{context}");
            assert_dialect_error(dialect, &cooling.json().await.unwrap(), &context);
            assert_eq!(
                received(&up, label),
                before,
                "{context}: a cooling account is not called"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 40);
    app.stop().await;
}
