//! Health, readiness, metrics, and credentials at rest.

use entities::{Provider, provider_accounts};
use sea_orm::EntityTrait;

use crate::on_both_backends;
use crate::support::mock_openai::MockUpstream;
use crate::support::{Backend, chat_body, spawn_app};

on_both_backends!(
    health_readiness_and_metrics_answer,
    credentials_are_sealed_at_rest,
    web_app_is_served_beside_the_api,
);

/// Security headers and the metrics token do not depend on the database: SQLite is enough.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn control_plane_answers_carry_security_headers_and_metrics_need_the_token() {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(
        Backend::Sqlite,
        &upstream.base_url,
        &[
            ("SATU__API__PUBLIC_URL", "https://satu.example"),
            ("SATU__SERVER__METRICS_TOKEN", "scrape-7f3a"),
        ],
    )
    .await;
    let answer = app
        .http
        .post(app.url("/graphql"))
        .json(&serde_json::json!({"query": "{ me { id } }"}))
        .send()
        .await
        .unwrap();
    let h = answer.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-frame-options"], "DENY");
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .starts_with("default-src 'none'")
    );
    assert_eq!(
        h["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    // The web app's pages keep their own policy, with HSTS beside it.
    let page = app.http.get(app.url("/")).send().await.unwrap();
    assert!(page.headers().contains_key("strict-transport-security"));
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );

    let metrics = app.http.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(metrics.status(), 401);
    let metrics = app
        .http
        .get(app.url("/metrics"))
        .bearer_auth("scrape-7f3a")
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    assert!(metrics.text().await.unwrap().contains("satu_"));
    app.stop().await;
}

async fn web_app_is_served_beside_the_api(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let site = std::env::temp_dir().join(format!("satu-site-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(site.join("id")).unwrap();
    std::fs::write(site.join("index.html"), "<h1>Satu</h1>").unwrap();
    std::fs::write(site.join("id/index.html"), "<h1>Akses Semua AI Model</h1>").unwrap();
    std::fs::write(site.join("404.html"), "<h1>Tidak ditemukan</h1>").unwrap();
    let app = spawn_app(
        backend,
        &upstream.base_url,
        &[("SATU__WEB__DIR", site.to_str().unwrap())],
    )
    .await;

    let page = app.http.get(app.url("/id/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors")
    );
    assert_eq!(page.text().await.unwrap(), "<h1>Akses Semua AI Model</h1>");
    let missing = app.http.get(app.url("/nope")).send().await.unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.text().await.unwrap(), "<h1>Tidak ditemukan</h1>");
    // The API keeps its own answers beside the site.
    let api = app.http.get(app.url("/v1/models")).send().await.unwrap();
    assert_eq!(api.status(), 401);
    assert!(
        api.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    let health = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.text().await.unwrap(), "ok");
    app.stop().await;
    std::fs::remove_dir_all(site).unwrap();
}

async fn health_readiness_and_metrics_answer(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    for (path, body) in [("/healthz", "ok"), ("/readyz", "ready")] {
        let r = app.http.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.text().await.unwrap(), body);
    }
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    app.usage_rows(&caller, 1).await;
    // Per provider, the usage queue's size, and what the worker reads from the database
    // (its first round runs at start).
    let expected = [
        "satu_usage_queue_depth",
        "satu_usage_queue_capacity",
        "satu_upstream_answers_total{provider=\"openai\"}",
        "satu_upstream_first_byte_seconds_bucket{provider=\"openai\"",
        "satu_queue_depth{queue=\"email\",state=\"queued\"}",
        "satu_sign_ups_24h",
        "satu_mrr_idr",
        "satu_active_subscriptions",
    ];
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let metrics = loop {
        let metrics = app
            .http
            .get(app.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if expected.iter().all(|m| metrics.contains(m)) || std::time::Instant::now() > deadline {
            break metrics;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    for name in expected {
        assert!(metrics.contains(name), "{name} missing from {metrics}");
    }
    assert!(
        metrics
            .lines()
            .any(|l| l.starts_with("satu_http_requests_total{")
                && l.contains("route=\"/v1/chat/completions\"")
                && l.contains("status=\"200\"")),
        "{metrics}"
    );
    assert!(metrics.contains("satu_http_request_duration_seconds_bucket"));
    app.stop().await;
}

async fn credentials_are_sealed_at_rest(backend: Backend) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, &[]).await;
    let caller = app.create_caller().await;
    let secret = "sk-upstream-PLAINTEXT-canary-4c1d9e";
    app.add_account(&caller, Provider::OpenAi, secret, None, &[])
        .await;
    // The sealed credential still works: the upstream receives it.
    let r = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        upstream.received()[0].headers["authorization"],
        format!("Bearer {secret}")
    );

    let rows = provider_accounts::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    let sealed = rows[0].sealed_credentials.clone().unwrap();
    assert!(sealed.starts_with("v1:") && !sealed.contains(secret));
    if backend == Backend::Sqlite {
        let mut scanned = 0;
        for entry in std::fs::read_dir(&app.test_db.dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "plaintext credential found in {}",
                path.display()
            );
            scanned += bytes.len();
        }
        assert!(scanned > 0);
    }
    app.stop().await;
}
