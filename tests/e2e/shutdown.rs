//! SIGTERM drains: open streams finish, their usage is written, the process exits 0.

use std::process::{Child, Command};
use std::time::Duration;

use entities::usage_events;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::cli::satu;
use crate::on_both_backends;
use crate::support::mock_openai::{Behavior, MockUpstream};
use crate::support::{Backend, TestDb, chat_body, sse_data};

on_both_backends!(
    sigterm_lets_open_streams_finish_and_flushes_usage,
    sigterm_deadline_cuts_streams_and_still_records_usage,
);

/// Creates a user, key and account with the CLI; returns the key.
fn seed_through_cli(db: &TestDb, upstream: &str) -> String {
    assert!(
        satu(db, &["admin", "create-user", "--email", "t@example.com"])
            .status
            .success()
    );
    let out = satu(db, &["admin", "create-key", "--email", "t@example.com"]);
    let key = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .last()
        .unwrap()
        .to_owned();
    let out = satu(
        db,
        &[
            "admin",
            "add-account",
            "--email",
            "t@example.com",
            "--provider",
            "openai",
            "--api-key",
            "sk-1",
            "--base-url",
            upstream,
        ],
    );
    assert!(out.status.success());
    key
}

/// Starts `satu serve` on port 0 and returns the child and the address it logged.
fn start_serve(db: &TestDb, extra: &[(&str, &str)]) -> (Child, String) {
    let extra: Vec<(String, String)> = extra
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let server = crate::support::process::serve(db, &extra, "info");
    (server.child, server.addr)
}

async fn sigterm_lets_open_streams_finish_and_flushes_usage(backend: Backend) {
    let upstream = MockUpstream::start().await;
    upstream.set_default(Behavior::Slow {
        gap: Duration::from_millis(150),
    });
    let db = TestDb::new(backend).await;
    let key = seed_through_cli(&db, &upstream.base_url);
    let (mut child, addr) = start_serve(&db, &[]);

    let client = reqwest::Client::new();
    let mut streams = Vec::new();
    for _ in 0..3 {
        let response = client
            .post(format!("http://{addr}/v1/chat/completions"))
            .bearer_auth(&key)
            .json(&chat_body("gpt-4o", true))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        streams.push(tokio::spawn(sse_data(response)));
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    for stream in streams {
        let data = stream.await.unwrap();
        assert_eq!(
            data.last().map(String::as_str),
            Some("[DONE]"),
            "stream completed after SIGTERM"
        );
    }
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "exit status {exit:?}");

    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    assert_eq!(usage_events::Entity::find().count(&conn).await.unwrap(), 3);
    let rows = usage_events::Entity::find().all(&conn).await.unwrap();
    assert!(
        rows.iter()
            .all(|r| r.error_kind.is_none() && r.completion_tokens == 5),
        "{rows:?}"
    );
}

/// Streams still open when the grace period ends are cut with an error event, and their usage
/// is still recorded.
async fn sigterm_deadline_cuts_streams_and_still_records_usage(backend: Backend) {
    let upstream = MockUpstream::start().await;
    upstream.set_default(Behavior::Slow {
        gap: Duration::from_secs(2),
    });
    let db = TestDb::new(backend).await;
    let key = seed_through_cli(&db, &upstream.base_url);
    let (mut child, addr) = start_serve(&db, &[("SATU__SERVER__SHUTDOWN_GRACE_SECS", "1")]);

    let response = reqwest::Client::new()
        .post(format!("http://{addr}/v1/chat/completions"))
        .bearer_auth(&key)
        .json(&chat_body("gpt-4o", true))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let stream = tokio::spawn(sse_data(response));
    let started = std::time::Instant::now();
    assert!(
        Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let data = stream.await.unwrap();
    let last: serde_json::Value = serde_json::from_str(data.last().unwrap()).unwrap();
    assert_eq!(last["error"]["code"], "shutting_down");
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "exit status {exit:?}");
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "cut at the deadline, not at the stream's end"
    );

    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let rows = usage_events::Entity::find().all(&conn).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].error_kind.as_deref(), Some("shutting_down"));
}
