//! Limits across replicas: three `satu serve --role proxy` processes on one Postgres and one
//! Redis admit exactly a shared quota and a shared per-minute limit; a Redis outage fails
//! closed (or open, when configured) and admission recovers when Redis returns.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use entities::provider_accounts::{self, NewApiKeyAccount};
use entities::{Provider, api_keys, users};
use sea_orm::{DatabaseConnection, EntityTrait};

use super::limits::{Answer, REDIS, answer, quota_emails, within_one_minute};
use crate::support::mock_openai::MockUpstream;
use crate::support::process::serve_as;
use crate::support::{Backend, Caller, TestApp, TestDb, chat_body, messages_body, spawn_app};

const MODEL: &str = "gpt-4o-mini";

/// A user with one key and one OpenAI account at `upstream`, written straight to the database.
pub async fn caller(
    db: &DatabaseConnection,
    config: &satu::config::Config,
    upstream: &str,
) -> Caller {
    let email = format!("{}@example.com", uuid::Uuid::new_v4().simple());
    let user = users::create(
        db,
        users::NewUser {
            email: &email,
            password_hash: None,
            plan_id: "pro",
            platform_role: None,
        },
    )
    .await
    .unwrap();
    let (row, key) = api_keys::create(db, user.id, "replicas").await.unwrap();
    let sealer = satu::master_key::sealer(config).unwrap();
    provider_accounts::create_api_key_account(
        db,
        &sealer,
        NewApiKeyAccount {
            user_id: user.id,
            team_id: None,
            provider: Provider::OpenAi,
            api_key: "sk-upstream",
            base_url: Some(upstream.to_owned()),
            label: None,
            models: Vec::new(),
        },
    )
    .await
    .unwrap();
    Caller {
        user_id: user.id,
        key_id: row.id,
        email,
        key,
    }
}

/// 1,000 concurrent requests spread over the processes, answered.
async fn spread(addrs: &[String], key: &str) -> Vec<Answer> {
    let http = reqwest::Client::new();
    let requests = addrs.iter().cycle().take(1000).map(|addr| {
        answer(
            http.post(format!("http://{addr}/v1/chat/completions"))
                .bearer_auth(key)
                .json(&chat_body(MODEL, false)),
        )
    });
    futures::future::join_all(requests).await
}

fn count(answers: &[Answer], status: u16) -> usize {
    answers.iter().filter(|a| a.status == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_proxies_share_one_quota_and_one_rate_limit() {
    let upstream = MockUpstream::start().await;
    let db = TestDb::new(Backend::Postgres).await;
    let env = vec![
        ("SATU__REDIS__URL".to_owned(), REDIS.to_owned()),
        (
            "SATU__LIMITS__REDIS_TIMEOUT_MS".to_owned(),
            "10000".to_owned(),
        ),
    ];
    // One at a time: the first migrates the database.
    let proxies: Vec<_> = (0..3)
        .map(|_| serve_as(&db, &env, "info", "proxy"))
        .collect();
    let addrs: Vec<String> = proxies.iter().map(|p| p.addr.clone()).collect();
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();

    let quota = caller(&conn, &config, &upstream.base_url).await;
    let overrides = users::LimitOverrides {
        monthly_requests: Some(100),
        rpm: Some(100_000),
        tpm: Some(1_000_000_000),
    };
    users::set_limits(&conn, quota.user_id, overrides)
        .await
        .unwrap();
    let answers = spread(&addrs, &quota.key).await;
    assert_eq!(
        count(&answers, 200),
        100,
        "exactly the quota across three processes"
    );
    assert_eq!(count(&answers, 429), 900);
    assert!(
        answers
            .iter()
            .filter(|a| a.status == 429)
            .all(|a| a.body["error"]["code"] == "quota_exceeded")
    );

    let rpm = caller(&conn, &config, &upstream.base_url).await;
    api_keys::set_limits(&conn, rpm.key_id, Some(100), Some(1_000_000_000))
        .await
        .unwrap();
    within_one_minute(20).await;
    let answers = spread(&addrs, &rpm.key).await;
    assert_eq!(
        count(&answers, 200),
        100,
        "exactly the per-minute limit across three processes"
    );
    assert!(
        answers
            .iter()
            .filter(|a| a.status == 429)
            .all(|a| a.body["error"]["code"] == "rate_limit_exceeded")
    );
    assert_eq!(upstream.received().len(), 200);

    // Every request is recorded, by whichever process served or refused it.
    let rows = wait_for_rows(&conn, 2000).await;
    assert_eq!(rows, 2000);
    let app_like = QuotaMail { db: conn.clone() };
    assert_eq!(app_like.templates(&quota).await, ["quota_100", "quota_80"]);

    for mut proxy in proxies {
        Command::new("kill")
            .args(["-TERM", &proxy.child.id().to_string()])
            .status()
            .unwrap();
        proxy.child.wait().unwrap();
    }
    conn.close().await.unwrap();
    db.drop().await;
}

async fn wait_for_rows(db: &DatabaseConnection, n: usize) -> usize {
    for _ in 0..250 {
        let rows = entities::usage_events::Entity::find()
            .all(db)
            .await
            .unwrap()
            .len();
        if rows >= n {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(40)).await;
    }
    panic!("expected {n} usage rows");
}

/// The quota emails of a caller, read from a bare database connection.
struct QuotaMail {
    db: DatabaseConnection,
}

impl QuotaMail {
    async fn templates(&self, caller: &Caller) -> Vec<String> {
        for _ in 0..100 {
            let emails = entities::email_outbox::for_user(&self.db, caller.user_id)
                .await
                .unwrap();
            if emails.len() >= 2 {
                let mut t: Vec<String> = emails.into_iter().map(|e| e.template).collect();
                t.sort();
                return t;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("expected two quota emails");
    }
}

/// A Redis server of the test's own, to stop and start again.
struct OwnRedis {
    port: u16,
    child: Child,
}

impl OwnRedis {
    fn start(port: u16) -> Self {
        let mut child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .stdout(Stdio::null())
            .spawn()
            .expect("redis-server must be installed (see README)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Self { port, child };
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("redis-server did not start on {port}");
    }

    fn free_port() -> u16 {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }

    fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    fn kill(mut self) -> u16 {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        self.port
    }
}

async fn app_on(redis: &OwnRedis, upstream: &MockUpstream, mode: &str) -> (TestApp, Caller) {
    let url = redis.url();
    let extra = [
        ("SATU__REDIS__URL", url.as_str()),
        ("SATU__LIMITS__REDIS_TIMEOUT_MS", "200"),
        ("SATU__LIMITS__ON_REDIS_ERROR", mode),
    ];
    let app = spawn_app(Backend::Postgres, &upstream.base_url, &extra).await;
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-upstream", None, &[])
        .await;
    (app, caller)
}

/// Redis stops mid-run: requests are refused with a clear 503 in the caller's dialect (and
/// recorded); when Redis returns, empty, admission recovers and the monthly quota starts from
/// the requests already served, not from zero.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_outage_fails_closed_and_recovers() {
    let upstream = MockUpstream::start().await;
    let redis = OwnRedis::start(OwnRedis::free_port());
    let (app, caller) = app_on(&redis, &upstream, "closed").await;
    app.set_user_limits(&caller, Some(5), None, None).await;
    assert_eq!(
        answer(app.chat(&caller.key, chat_body(MODEL, false)))
            .await
            .status,
        200
    );

    let port = redis.kill();
    let openai = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
    assert_eq!(openai.status, 503);
    assert_eq!(openai.body["error"]["code"], "limiter_unavailable");
    assert_eq!(
        openai.body["error"]["message"],
        "Usage limits cannot be checked right now; retry shortly."
    );
    let anthropic = answer(app.messages(&caller.key, messages_body(MODEL, false))).await;
    assert_eq!(anthropic.status, 503);
    assert_eq!(anthropic.body["error"]["type"], "overloaded_error");
    assert_eq!(
        upstream.received().len(),
        1,
        "nothing unchecked went upstream"
    );

    let redis = OwnRedis::start(port);
    let mut recovered = None;
    for attempt in 0..50 {
        let a = answer(app.chat(&caller.key, chat_body(MODEL, false))).await;
        if a.status == 200 {
            recovered = Some(attempt);
            break;
        }
        assert_eq!(a.status, 503);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(recovered.is_some(), "admission did not recover within 5 s");
    // 2 served so far; the fresh Redis was seeded from the usage rows: 3 more fit in 5.
    let more: Vec<u16> = futures::future::join_all(
        (0..5).map(|_| answer(app.chat(&caller.key, chat_body(MODEL, false)))),
    )
    .await
    .iter()
    .map(|a| a.status)
    .collect();
    assert_eq!(more.iter().filter(|s| **s == 200).count(), 3, "{more:?}");

    let rows = app.usage_rows(&caller, 4).await;
    assert!(
        rows.iter()
            .any(|r| r.status_code == 503 && r.error_kind.as_deref() == Some("limiter_unavailable"))
    );
    assert_eq!(
        quota_emails(&app, &caller, 2).await,
        ["quota_100", "quota_80"]
    );
    app.stop().await;
    redis.kill();
}

/// With `limits.on_redis_error = "open"`, an outage admits requests uncounted.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_redis_outage_can_fail_open() {
    let upstream = MockUpstream::start().await;
    let redis = OwnRedis::start(OwnRedis::free_port());
    let (app, caller) = app_on(&redis, &upstream, "open").await;
    app.set_user_limits(&caller, Some(1), None, None).await;
    assert_eq!(
        answer(app.chat(&caller.key, chat_body(MODEL, false)))
            .await
            .status,
        200
    );
    assert_eq!(
        answer(app.chat(&caller.key, chat_body(MODEL, false)))
            .await
            .status,
        429
    );
    redis.kill();
    for _ in 0..3 {
        assert_eq!(
            answer(app.chat(&caller.key, chat_body(MODEL, false)))
                .await
                .status,
            200
        );
    }
    app.stop().await;
}
