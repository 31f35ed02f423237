//! Every dialect against every upstream kind: the answer and its usage row.

use super::*;
use crate::support::Backend;
use crate::support::mock_anthropic;
use crate::support::mock_gemini;

/// (label, provider name in usage, model, expected text)
struct Pair {
    label: &'static str,
    provider: &'static str,
    model: &'static str,
    text: String,
}

pub(super) async fn every_dialect_reaches_every_upstream(backend: Backend) {
    let (up, app) = setup(backend).await;
    let openai_text = up.openai.text();
    let gemini_text = mock_gemini::TEXT.concat();
    let pairs = [
        Pair {
            label: "openai-key",
            provider: "openai",
            model: "gpt-4o",
            text: openai_text.clone(),
        },
        Pair {
            label: "anthropic-key",
            provider: "anthropic",
            model: "claude-sonnet-4-5",
            text: mock_anthropic::TEXT.to_owned(),
        },
        Pair {
            label: "gemini-key",
            provider: "gemini",
            model: "gemini-2.5-flash",
            text: gemini_text.clone(),
        },
        Pair {
            label: "qwen-key",
            provider: "qwen",
            model: "qwen-plus",
            text: openai_text.clone(),
        },
        Pair {
            label: "compatible",
            provider: "openai-compatible",
            model: "my-model",
            text: openai_text.clone(),
        },
        Pair {
            label: "claude-oauth",
            provider: "anthropic",
            model: "claude-haiku-4-5",
            text: mock_anthropic::TEXT.to_owned(),
        },
        Pair {
            label: "codex-oauth",
            provider: "openai",
            model: "gpt-5-codex",
            text: openai_text.clone(),
        },
        Pair {
            label: "code-assist-oauth",
            provider: "gemini",
            model: "gemini-2.5-pro",
            text: gemini_text.clone(),
        },
    ];
    let mut matrix = Vec::new();
    for pair in &pairs {
        let caller = app.create_caller().await;
        connect(&app, &caller, &up, pair.label).await;
        for dialect in DIALECTS {
            for stream in [true, false] {
                let response = request(&app, dialect, &caller.key, pair.model, stream)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let body = response.text().await.unwrap();
                assert_eq!(
                    status, 200,
                    "{dialect:?} → {} (stream {stream}): {body}",
                    pair.label
                );
                assert_eq!(
                    text_of(dialect, stream, &body),
                    pair.text,
                    "{dialect:?} → {} (stream {stream})",
                    pair.label
                );
                matrix.push(format!(
                    "{:?}→{}{}",
                    dialect,
                    pair.label,
                    if stream { " (stream)" } else { "" }
                ));
            }
        }
        let rows = app.usage_rows(&caller, DIALECTS.len() * 2).await;
        // A usage row is written after its response went out, so the next request's row may
        // land first: match rows to dialects by endpoint, not by order.
        for dialect in DIALECTS {
            let row: Vec<_> = rows
                .iter()
                .filter(|r| r.endpoint == endpoint(dialect))
                .collect();
            assert_eq!(row.len(), 2, "{} {dialect:?}", pair.label);
            for r in row {
                assert_eq!(
                    (r.endpoint.as_str(), r.provider.as_deref(), r.status_code),
                    (endpoint(dialect), Some(pair.provider), 200),
                    "{}",
                    pair.label
                );
                assert!(
                    r.prompt_tokens > 0 && r.completion_tokens > 0,
                    "{} {dialect:?}: {r:?}",
                    pair.label
                );
                assert_eq!(r.error_kind, None, "{} {dialect:?}", pair.label);
            }
        }
    }
    assert_eq!(matrix.len(), 80);
    app.stop().await;
}
