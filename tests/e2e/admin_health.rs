//! The admin panel's Health section: rates, percentiles and each provider's state computed
//! from seeded usage, connections in trouble, queue depths.

use chrono::{Duration, Utc};
use entities::usage_events::{self, NewUsage};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::admin::{as_user, person};
use crate::on_both_backends;
use crate::support::{Backend, spawn_app};

on_both_backends!(health_judges_providers_from_their_requests);

pub fn request(provider: &str, status: u16, latency_ms: i64, ago: Duration) -> NewUsage {
    NewUsage {
        request_id: Uuid::new_v4(),
        user_id: Uuid::new_v4(),
        team_id: None,
        api_key_id: Uuid::new_v4(),
        account_id: None,
        provider: Some(provider.to_owned()),
        model: "m".to_owned(),
        endpoint: "/v1/chat/completions",
        stream: false,
        status_code: status,
        error_kind: (status >= 400).then_some("upstream_error"),
        prompt_tokens: 1,
        completion_tokens: 1,
        cached_tokens: 0,
        reasoning_tokens: 0,
        cost_nanos: 0,
        latency_ms,
        ttft_ms: None,
        created_at: Utc::now() - ago,
    }
}

/// By hand: openai 19 good and 1 failed in the last 5 minutes (5 %: degraded), plus one an
/// hour and a half ago (in the day only); anthropic 20 good at 200 ms (healthy); gemini 6 of
/// 10 failed (down); qwen 3 requests (idle: too few to judge).
async fn health_judges_providers_from_their_requests(backend: Backend) {
    let app = spawn_app(backend, "http://127.0.0.1:9", &[]).await;
    let recent = Duration::minutes(1);
    let mut rows: Vec<NewUsage> = Vec::new();
    rows.extend((0..19).map(|_| request("openai", 200, 100, recent)));
    rows.push(request("openai", 500, 100, recent));
    rows.push(request("openai", 200, 100, Duration::minutes(90)));
    rows.extend((0..20).map(|_| request("anthropic", 200, 200, recent)));
    rows.extend((0..10).map(|i| request("gemini", if i < 6 { 502 } else { 200 }, 300, recent)));
    rows.extend((0..3).map(|_| request("qwen", 200, 100, recent)));
    usage_events::record_batch(&app.db, &rows, &[])
        .await
        .unwrap();

    let support = person(&app, Some("support")).await;
    let mut gql = as_user(&app, &support).await;
    let answer = gql
        .run(
            "{ adminHealth { platform { last5m { requests errors successRate } last24h { requests } } providers { provider status windows { last5m { requests errorRate p50Ms p95Ms } last1h { requests } last24h { requests } } } queues { emailsQueued paymentNotifications jobsPending } } }",
            json!({}),
        )
        .await;
    let health = &answer.data()["adminHealth"];
    assert_eq!(health["platform"]["last5m"]["requests"], 53);
    assert_eq!(health["platform"]["last5m"]["errors"], 7);
    assert_eq!(health["platform"]["last24h"]["requests"], 54);
    let provider = |name: &str| -> Value {
        health["providers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["provider"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} missing: {health}"))
    };
    let openai = provider("openai");
    assert_eq!(openai["status"], "DEGRADED");
    assert_eq!(openai["windows"]["last5m"]["errorRate"], 0.05);
    assert_eq!(openai["windows"]["last1h"]["requests"], 20);
    assert_eq!(openai["windows"]["last24h"]["requests"], 21);
    let anthropic = provider("anthropic");
    assert_eq!(anthropic["status"], "HEALTHY");
    // 200 ms sits in the 192–256 ms bucket.
    let p50 = anthropic["windows"]["last5m"]["p50Ms"].as_i64().unwrap();
    assert!((192..=256).contains(&p50), "{p50}");
    assert_eq!(provider("gemini")["status"], "DOWN");
    assert_eq!(provider("qwen")["status"], "IDLE");
    assert_eq!(health["queues"]["emailsQueued"], 0);
    app.stop().await;
}
