//! Plans, quotas and rate limits over real HTTP: exact admission under concurrency on the
//! in-process limiter and on Redis (one process and three), refusals in each caller's dialect
//! with rate-limit headers, token reservations settled to real usage, quota emails, periods
//! renewing on the billing anchor, and Redis outages.

use std::time::Duration;

use entities::{Provider, email_outbox, usage_events};
use reqwest::header::HeaderMap;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::mock_openai::{Behavior, MockUpstream};
use crate::support::{Backend, Caller, TestApp, chat_body, messages_body, spawn_app};

pub const REDIS: &str = "redis://127.0.0.1:6379";
const MODEL: &str = "gpt-4o-mini";

on_both_backends!(
    a_quota_of_100_admits_exactly_100_of_1000,
    refusals_answer_in_each_dialect_with_rate_headers,
    token_reservations_settle_to_real_usage,
    quota_periods_renew_on_the_billing_anchor,
    the_quota_survives_a_restart,
    limit_commands_save_or_refuse,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quota_of_100_admits_exactly_100_of_1000_on_redis() {
    // A generous timeout: this test is about exactness, and 1,000 scripts at once on a busy
    // 2-core machine can take longer than the default before Redis answers them all.
    let extra = [
        ("SATU__REDIS__URL", REDIS),
        ("SATU__LIMITS__REDIS_TIMEOUT_MS", "10000"),
    ];
    quota_exactness(Backend::Postgres, &extra).await;
}

async fn a_quota_of_100_admits_exactly_100_of_1000(backend: Backend) {
    quota_exactness(backend, &[]).await;
}

pub struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
}

pub async fn answer(response: reqwest::RequestBuilder) -> Answer {
    let response = response.send().await.unwrap();
    Answer {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        body: response.json().await.unwrap_or(Value::Null),
    }
}

async fn app_with_account(
    backend: Backend,
    extra: &[(&str, &str)],
) -> (MockUpstream, TestApp, Caller) {
    let upstream = MockUpstream::start().await;
    let app = spawn_app(backend, &upstream.base_url, extra).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream", None, &[])
        .await;
    (upstream, app, caller)
}

async fn quota_exactness(backend: Backend, extra: &[(&str, &str)]) {
    let (upstream, app, caller) = app_with_account(backend, extra).await;
    // Per-minute limits out of the way: only the monthly quota is under test.
    app.set_user_limits(&caller, Some(100), Some(100_000), Some(1_000_000_000))
        .await;
    let requests = (0..1000).map(|_| answer(app.chat(&caller.key, chat_body(MODEL, false))));
    let answers = futures::future::join_all(requests).await;

    let ok = answers.iter().filter(|a| a.status == 200).count();
    assert_eq!(ok, 100, "exactly the quota is admitted");
    let refused: Vec<&Answer> = answers.iter().filter(|a| a.status == 429).collect();
    assert_eq!(refused.len(), 900);
    for a in &refused {
        assert_eq!(a.body["error"]["code"], "quota_exceeded");
        assert_eq!(a.headers["x-ratelimit-limit-requests"], "100");
        assert_eq!(a.headers["x-ratelimit-remaining-requests"], "0");
        let retry: u64 = a.headers["retry-after"].to_str().unwrap().parse().unwrap();
        assert!(
            retry > 86_400,
            "the quota renews with the period, not in {retry} s"
        );
    }
    assert_eq!(upstream.received().len(), 100);

    let rows = app.usage_rows(&caller, 1000).await;
    assert_eq!(rows.iter().filter(|r| r.status_code == 200).count(), 100);
    let rejected = rows
        .iter()
        .filter(|r| r.status_code == 429 && r.error_kind.as_deref() == Some("quota_exceeded"))
        .count();
    assert_eq!(rejected, 900, "every refusal is recorded");

    let emails = quota_emails(&app, &caller, 2).await;
    assert_eq!(emails, ["quota_100", "quota_80"], "one email per threshold");
    app.stop().await;
}

/// The caller's quota emails (templates, sorted) once `n` are queued; then checks no more come.
pub async fn quota_emails(app: &TestApp, caller: &Caller, n: usize) -> Vec<String> {
    for _ in 0..200 {
        let emails = email_outbox::for_user(&app.db, caller.user_id)
            .await
            .unwrap();
        if emails.len() >= n {
            tokio::time::sleep(Duration::from_millis(200)).await;
            let emails = email_outbox::for_user(&app.db, caller.user_id)
                .await
                .unwrap();
            let mut templates: Vec<String> = emails.into_iter().map(|e| e.template).collect();
            templates.sort();
            return templates;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("expected {n} emails");
}

/// Waits while the current minute has fewer than `margin` seconds left, so a test's requests
/// share one per-minute window.
pub async fn within_one_minute(margin: u64) {
    let secs = chrono::Utc::now().timestamp() as u64 % 60;
    if secs + margin >= 60 {
        tokio::time::sleep(Duration::from_secs(61 - secs)).await;
    }
}

async fn refusals_answer_in_each_dialect_with_rate_headers(backend: Backend) {
    let (upstream, app, caller) = app_with_account(backend, &[]).await;
    app.set_key_limits(&caller, Some(1), None).await;
    within_one_minute(10).await;

    let first = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.headers["x-ratelimit-limit-requests"], "1");
    assert_eq!(first.headers["x-ratelimit-remaining-requests"], "0");
    assert!(first.headers.contains_key("x-ratelimit-reset-requests"));
    assert_eq!(
        first.headers["x-ratelimit-limit-tokens"], "4000000",
        "the Pro plan's TPM"
    );

    let openai = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(openai.status, 429);
    assert_eq!(openai.body["error"]["type"], "rate_limit_error");
    assert_eq!(openai.body["error"]["code"], "rate_limit_exceeded");
    let message = openai.body["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("This API key's limit of 1 requests per minute is reached"),
        "{message}"
    );

    let anthropic = answer(app.messages(&caller.key, messages_body(MODEL, false))).await;
    assert_eq!(anthropic.status, 429);
    assert_eq!(anthropic.body["type"], "error");
    assert_eq!(anthropic.body["error"]["type"], "rate_limit_error");

    let gemini = answer(
        app.http
            .post(app.url(&format!("/v1beta/models/{MODEL}:generateContent")))
            .header("x-goog-api-key", &caller.key)
            .json(&json!({"contents": [{"role": "user", "parts": [{"text": "Say hello"}]}]})),
    )
    .await;
    assert_eq!(gemini.status, 429);
    assert_eq!(gemini.body["error"]["code"], 429);
    assert_eq!(gemini.body["error"]["status"], "RESOURCE_EXHAUSTED");

    for refused in [&openai, &anthropic, &gemini] {
        let retry: u64 = refused.headers["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&retry), "retry-after {retry}");
        assert_eq!(refused.headers["x-ratelimit-limit-requests"], "1");
        assert_eq!(refused.headers["x-ratelimit-remaining-requests"], "0");
        assert!(
            refused.headers["x-ratelimit-reset-requests"]
                .to_str()
                .unwrap()
                .ends_with('s')
        );
    }
    assert_eq!(
        upstream.received().len(),
        1,
        "refusals never reach the upstream"
    );
    let rows = app.usage_rows(&caller, 4).await;
    let kinds: Vec<Option<&str>> = rows.iter().map(|r| r.error_kind.as_deref()).collect();
    assert_eq!(kinds[0], None);
    assert!(
        kinds[1..].iter().all(|k| *k == Some("rate_limit_exceeded")),
        "{kinds:?}"
    );
    assert!(rows[1..].iter().all(|r| r.status_code == 429));
    app.stop().await;
}

fn chat_with_max_tokens(max_tokens: u64) -> Value {
    let mut body = chat_body(MODEL, false);
    body["max_tokens"] = json!(max_tokens);
    body
}

fn remaining_tokens(a: &Answer) -> i64 {
    a.headers["x-ratelimit-remaining-tokens"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// A key limited to 10,000 tokens a minute: requests reserving ~3,000 each are admitted while
/// the reservations fit (3 of 10 concurrent), and settlement brings the counter to exactly the
/// tokens the usage rows record.
async fn token_reservations_settle_to_real_usage(backend: Backend) {
    let (upstream, app, caller) = app_with_account(backend, &[]).await;
    app.set_key_limits(&caller, None, Some(10_000)).await;
    within_one_minute(20).await;

    let probe = answer(app.chat(&caller.key, chat_with_max_tokens(3_000))).await;
    assert_eq!(probe.status, 200);
    assert_eq!(probe.headers["x-ratelimit-limit-tokens"], "10000");
    let estimate = 10_000 - remaining_tokens(&probe);
    assert!((3_000..3_100).contains(&estimate), "reserved {estimate}");
    app.usage_rows(&caller, 1).await;

    // The probe settled to its 17 real tokens: 9,983 left, room for three more reservations
    // while they are all in flight (a slow upstream holds them).
    upstream.set_default(Behavior::Delay(Duration::from_millis(700)));
    let burst = (0..10).map(|_| answer(app.chat(&caller.key, chat_with_max_tokens(3_000))));
    let answers = futures::future::join_all(burst).await;
    let admitted = answers.iter().filter(|a| a.status == 200).count();
    assert_eq!(
        admitted, 3,
        "reservations never let the spend pass the limit"
    );
    for refused in answers.iter().filter(|a| a.status == 429) {
        assert_eq!(refused.body["error"]["code"], "tokens_limit_exceeded");
        assert_eq!(refused.headers["x-ratelimit-limit-tokens"], "10000");
    }

    upstream.set_default(Behavior::Ok);
    let rows = app.usage_rows(&caller, 11).await;
    let used: i64 = rows
        .iter()
        .map(|r| r.prompt_tokens + r.completion_tokens)
        .sum();
    assert_eq!(used, 4 * 17);
    let after = answer(app.chat(&caller.key, chat_with_max_tokens(3_000))).await;
    assert_eq!(after.status, 200);
    assert_eq!(
        remaining_tokens(&after),
        10_000 - used - estimate,
        "settled spend equals the usage rows' tokens"
    );

    // A request that could never fit is told so, not asked to retry.
    app.set_key_limits(&caller, None, Some(100)).await;
    let app = app.restart().await;
    let too_big = answer(app.chat(&caller.key, chat_with_max_tokens(3_000))).await;
    assert_eq!(too_big.status, 429);
    let message = too_big.body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("more than this API key's limit of 100 tokens per minute"),
        "{message}"
    );
    app.stop().await;
}

/// With the billing anchor 3 s ahead, the current period ends then: a quota of 1 is used up,
/// refused until the anchor passes, and admitted again in the new period.
async fn quota_periods_renew_on_the_billing_anchor(backend: Backend) {
    let (_upstream, app, caller) = app_with_account(backend, &[]).await;
    app.set_user_limits(&caller, Some(1), None, None).await;
    let renewal = chrono::Utc::now() + chrono::Duration::seconds(3);
    entities::users::set_billing_anchor(&app.db, caller.user_id, renewal)
        .await
        .unwrap();

    assert_eq!(
        answer(app.chat(&caller.key, chat_body(MODEL, false)))
            .await
            .status,
        200
    );
    let refused = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.body["error"]["code"], "quota_exceeded");
    let retry: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry <= 3, "renews at the anchor, in {retry} s");

    let wait = (renewal - chrono::Utc::now()).to_std().unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(200)).await;
    let renewed = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(renewed.status, 200, "a new period starts on the anchor");
    let again = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(again.status, 429);
    let emails = quota_emails(&app, &caller, 2).await;
    assert_eq!(emails, ["quota_100", "quota_100"], "one per period");
    app.stop().await;
}

/// Counters in memory are lost with the process; the monthly quota is not: it starts again
/// from the requests the usage rows show were served this period.
async fn the_quota_survives_a_restart(backend: Backend) {
    let (upstream, app, caller) = app_with_account(backend, &[]).await;
    app.set_user_limits(&caller, Some(3), None, None).await;
    for _ in 0..2 {
        assert_eq!(
            answer(app.chat(&caller.key, chat_body(MODEL, false)))
                .await
                .status,
            200
        );
    }
    // A request no upstream served is given back to the quota.
    upstream.push(Behavior::Status(400));
    let rejected = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(rejected.status, 400);
    app.usage_rows(&caller, 3).await;

    let app = app.restart().await;
    assert_eq!(
        answer(app.chat(&caller.key, chat_body(MODEL, false)))
            .await
            .status,
        200
    );
    let refused = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(refused.status, 429);
    assert_eq!(refused.body["error"]["code"], "quota_exceeded");
    app.usage_rows(&caller, 5).await;
    let served = usage_events::served_between(
        &app.db,
        entities::Workspace::Personal(caller.user_id),
        None,
        chrono::Utc::now() - chrono::Duration::days(40),
        chrono::Utc::now() + chrono::Duration::days(1),
    )
    .await
    .unwrap();
    assert_eq!(served, 3);
    app.stop().await;
}

/// `satu admin plans`, `set-limits` and `set-key-limits`: saved, or refused with nothing written.
async fn limit_commands_save_or_refuse(backend: Backend) {
    use crate::cli::satu;
    let db = crate::support::TestDb::new(backend).await;
    let created = satu(
        &db,
        &[
            "admin",
            "create-user",
            "--email",
            "ops@example.com",
            "--plan",
            "starter",
        ],
    );
    assert!(created.status.success());
    let key = satu(&db, &["admin", "create-key", "--email", "ops@example.com"]);
    let key_text = String::from_utf8_lossy(&key.stdout).into_owned();
    let key_id = key_text
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("key id: ")
        .to_owned();

    let plans = String::from_utf8_lossy(&satu(&db, &["admin", "plans"]).stdout).into_owned();
    let pro = plans
        .lines()
        .find(|l| l.starts_with("pro "))
        .unwrap()
        .to_owned();
    assert!(
        pro.contains("50000") && pro.contains("240") && pro.contains("4000000"),
        "{pro}"
    );

    let set = [
        "admin",
        "set-limits",
        "--email",
        "ops@example.com",
        "--monthly-requests",
        "5",
        "--rpm",
        "10",
    ];
    assert!(satu(&db, &set).status.success());
    let bad = satu(
        &db,
        &[
            "admin",
            "set-limits",
            "--email",
            "ops@example.com",
            "--tpm=-3",
        ],
    );
    assert!(!bad.status.success());
    let message = String::from_utf8_lossy(&bad.stderr).into_owned();
    assert!(
        message.contains("invalid tokens per minute: -3 is negative"),
        "{message}"
    );

    let keyed = satu(
        &db,
        &[
            "admin",
            "set-key-limits",
            "--key-id",
            &key_id,
            "--tpm",
            "500",
        ],
    );
    assert!(keyed.status.success());
    let missing = uuid::Uuid::new_v4().to_string();
    let unknown = satu(
        &db,
        &[
            "admin",
            "set-key-limits",
            "--key-id",
            &missing,
            "--rpm",
            "1",
        ],
    );
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("API key not found"));

    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let user = entities::users::find_by_email(&conn, "ops@example.com")
        .await
        .unwrap();
    assert_eq!(
        (user.monthly_requests_limit, user.rpm_limit, user.tpm_limit),
        (Some(5), Some(10), None)
    );
    let key = entities::api_keys::Entity::find_by_id(key_id.parse::<uuid::Uuid>().unwrap())
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((key.rpm_limit, key.tpm_limit), (None, Some(500)));
    conn.close().await.unwrap();
    db.drop().await;
}
