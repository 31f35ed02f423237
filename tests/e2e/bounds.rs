//! Bounds on what Satu reads and records: an upstream cannot make it hold an unbounded answer,
//! and a client looping on refused requests cannot fill the usage table.

use std::time::Duration;

use entities::Provider;
use serde_json::Value;

use crate::on_both_backends;
use crate::support::mock_openai::{Behavior, MockUpstream};
use crate::support::{Backend, chat_body, spawn_app};

on_both_backends!(
    upstream_answers_and_error_bodies_are_capped,
    refusals_past_the_budget_are_answered_but_not_recorded,
);

const MIB: usize = 1024 * 1024;

async fn upstream_answers_and_error_bodies_are_capped(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;

    upstream.push(Behavior::Huge {
        status: 200,
        bytes: 17 * MIB,
    });
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 502);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error"]["code"], "upstream_too_large");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("16 MiB")
    );

    // A huge error is cut at 64 KiB and summarised, not passed on half-read.
    upstream.push(Behavior::Huge {
        status: 400,
        bytes: MIB,
    });
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let text = r.text().await.unwrap();
    assert!(text.len() < 2048, "{} bytes", text.len());
    let body: Value = serde_json::from_str(&text).unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("The upstream provider rejected the request")
    );

    // Both are recorded, and the account is not cooling down: the next request is served.
    let rows = app.usage_rows(&caller, 2).await;
    let kinds: Vec<_> = rows.iter().map(|r| r.error_kind.clone()).collect();
    assert_eq!(
        kinds,
        [
            Some("upstream_too_large".to_owned()),
            Some("upstream_rejected".to_owned())
        ]
    );
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    app.stop().await;
}

async fn refusals_past_the_budget_are_answered_but_not_recorded(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(
        backend,
        &upstream.base_url,
        &[("SATU__PROXY__REFUSALS_RECORDED_PER_KEY_PER_MINUTE", "3")],
    )
    .await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    let long_model = "m".repeat(300);
    for n in 0..6 {
        let model = if n == 0 { long_model.as_str() } else { "" };
        let r = app
            .chat(&caller.key, chat_body(model, false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        let body: Value = r.json().await.unwrap();
        if n == 0 {
            assert_eq!(
                body["error"]["message"],
                "`model` is longer than 256 bytes."
            );
        }
    }
    app.usage_rows(&caller, 3).await;
    tokio::time::sleep(Duration::from_millis(600)).await;
    let rows = app.usage_rows(&caller, 3).await;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.model.len() <= 256));
    // A served request is always recorded, budget or not.
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(app.usage_rows(&caller, 4).await.len(), 4);
    assert!(upstream.received().len() == 1);
    app.stop().await;
}
