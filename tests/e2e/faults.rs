//! Faults under load: a replica killed with SIGKILL, and real servers behind a relay that
//! breaks them on demand (the database going away and coming back, an upstream that accepts
//! and never answers).

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use entities::{Provider, usage_events};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::limits::REDIS;
use super::limits_replicas::caller;
use crate::support::mock_openai::{Behavior, MockUpstream};
use crate::support::process::serve_as;
use crate::support::relay::Relay;
use crate::support::{
    Backend, TestApp, TestDb, chat_body, postgres_server, spawn_app, spawn_app_reaching_db,
};

/// Postgres restarts while requests flow: requests keep being served from the last keys and
/// accounts read, usage waits in the bounded queue and is written once the database is back.
/// Every request has exactly one usage row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_restart_under_load_loses_no_usage() {
    let upstream = MockUpstream::start().await;
    let server = postgres_server();
    let target = server.rsplit('@').next().unwrap().to_owned();
    let relay = Relay::start(&target).await;
    // The app reaches the database through the relay; the test itself goes direct.
    let relayed = format!("127.0.0.1:{}", relay.port);
    // Cached keys and accounts expire during the outage: the last ones read must serve.
    let extra = [("SATU__PROXY__CACHE_TTL_SECS", "1")];
    let app = spawn_app_reaching_db(Backend::Postgres, &upstream.base_url, &extra, |url| {
        url.replace(&target, &relayed)
    })
    .await;
    let direct_url = app.test_db.url.clone();
    let caller = app.create_caller().await;
    app.add_account(&caller, Provider::OpenAi, "sk-1", None, &[])
        .await;
    // Warm the caches: the key and the accounts are read once.
    let first = app
        .chat(&caller.key, chat_body("gpt-4o", false))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);

    let sent = Arc::new(AtomicUsize::new(1));
    let served = Arc::new(AtomicUsize::new(1));
    let until = Instant::now() + Duration::from_secs(8);
    let mut load = Vec::new();
    for _ in 0..2 {
        let (app_url, key) = (app.url("/v1/chat/completions"), caller.key.clone());
        let (sent, served) = (sent.clone(), served.clone());
        load.push(tokio::spawn(async move {
            let http = reqwest::Client::new();
            while Instant::now() < until {
                sent.fetch_add(1, Ordering::SeqCst);
                let r = http
                    .post(&app_url)
                    .bearer_auth(&key)
                    .json(&chat_body("gpt-4o", false))
                    .send()
                    .await;
                match r {
                    Ok(r) if r.status() == 200 => {
                        served.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok(r) => eprintln!(
                        "refused: {} {}",
                        r.status(),
                        r.text().await.unwrap_or_default()
                    ),
                    Err(e) => eprintln!("failed: {e}"),
                }
                // Steady, and below the plan's 240 requests per minute.
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    relay.outage(Duration::from_secs(3)).await;
    for task in load {
        task.await.unwrap();
    }
    let (sent, served) = (sent.load(Ordering::SeqCst), served.load(Ordering::SeqCst));
    assert_eq!(served, sent, "every request was served through the outage");
    let direct = sea_orm::Database::connect(&direct_url).await.unwrap();
    let rows = rows_within(&direct, &app, caller.user_id, sent, Duration::from_secs(30)).await;
    assert_eq!(
        rows, sent as u64,
        "one usage row per request, none lost or doubled"
    );
    app.stop().await;
}

async fn rows_within(
    db: &sea_orm::DatabaseConnection,
    _app: &TestApp,
    user_id: uuid::Uuid,
    expected: usize,
    within: Duration,
) -> u64 {
    let deadline = Instant::now() + within;
    loop {
        let rows = usage_events::Entity::find()
            .filter(usage_events::Column::UserId.eq(user_id))
            .count(db)
            .await
            .unwrap();
        if rows >= expected as u64 || Instant::now() > deadline {
            return rows;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// An upstream that accepts and never answers: the request fails over to the next account
/// after the first-byte timeout, the silent account cools down (later requests do not wait
/// for it), and once it answers again it is used again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_black_holed_upstream_fails_over_and_recovers() {
    let silent_one = MockUpstream::start().await;
    let healthy = MockUpstream::start().await;
    let target = silent_one
        .base_url
        .trim_start_matches("http://")
        .trim_end_matches("/v1")
        .to_owned();
    let relay = Relay::start(&target).await;
    let app = spawn_app(
        Backend::Sqlite,
        &healthy.base_url,
        &[("SATU__PROXY__FIRST_BYTE_TIMEOUT_SECS", "1")],
    )
    .await;
    let caller = app.create_caller().await;
    let through_relay = format!("http://127.0.0.1:{}/v1", relay.port);
    app.add_account(&caller, Provider::OpenAi, "sk-a", Some(&through_relay), &[])
        .await;
    app.add_account(&caller, Provider::OpenAi, "sk-b", None, &[])
        .await;
    relay.black_hole();
    let ask = || async {
        let started = Instant::now();
        let r = app
            .chat(&caller.key, chat_body("gpt-4o", false))
            .send()
            .await
            .unwrap();
        (r.status().as_u16(), started.elapsed())
    };
    // Whichever account comes first, every answer is served; at most one waits the timeout.
    let mut slow = 0;
    for _ in 0..6 {
        let (status, took) = ask().await;
        assert_eq!(status, 200);
        if took >= Duration::from_millis(900) {
            slow += 1;
        }
    }
    assert!(slow <= 1, "{slow} requests waited for the silent upstream");
    assert!(silent_one.received().is_empty());
    let healthy_before = healthy.received().len();
    assert_eq!(healthy_before, 6);

    // It answers again: after its cooldown (2 s for a first failure) it is used again.
    relay.heal();
    tokio::time::sleep(Duration::from_millis(2500)).await;
    for _ in 0..6 {
        assert_eq!(ask().await.0, 200);
    }
    assert!(
        !silent_one.received().is_empty(),
        "the recovered account serves again"
    );
    app.stop().await;
}

/// Three replicas on one Postgres and one Redis, 100 streams open across them, and one replica
/// killed with SIGKILL: the other two finish their streams and keep serving, every request
/// completed before the kill is recorded (each once), and nothing is recorded twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replica_killed_mid_stream_leaves_the_others_serving() {
    let upstream = MockUpstream::start().await;
    upstream.set_default(Behavior::Slow {
        gap: Duration::from_millis(400),
    });
    let db = TestDb::new(Backend::Postgres).await;
    let prefix = format!("satu:test:{}", uuid::Uuid::new_v4().simple());
    let env = vec![
        ("SATU__REDIS__URL".to_owned(), REDIS.to_owned()),
        (
            "SATU__REDIS__BUS_CHANNEL".to_owned(),
            format!("{prefix}:bus"),
        ),
        ("SATU__LIMITS__KEY_PREFIX".to_owned(), prefix.clone()),
    ];
    let mut replicas: Vec<_> = (0..3)
        .map(|_| serve_as(&db, &env, "info", "proxy"))
        .collect();
    let addrs: Vec<String> = replicas.iter().map(|r| r.addr.clone()).collect();
    let config = satu::config::Config::load(None, db.env()).unwrap();
    let conn = sea_orm::Database::connect(&db.url).await.unwrap();
    let caller = caller(&conn, &config, &upstream.base_url).await;
    let http = reqwest::Client::new();
    let post = |addr: &str, stream: bool| {
        http.post(format!("http://{addr}/v1/chat/completions"))
            .bearer_auth(&caller.key)
            .json(&chat_body("gpt-4o-mini", stream))
    };

    // Completed on every replica before the kill (whole answers, each a few hundred ms).
    let mut completed = Vec::new();
    let before = addrs
        .iter()
        .cycle()
        .take(9)
        .map(|addr| post(addr, false).send());
    for answer in futures::future::join_all(before).await {
        let answer = answer.unwrap();
        assert_eq!(answer.status(), 200);
        completed.push(request_id(&answer));
    }
    // Past the usage writer's flush interval: what completed is stored.
    tokio::time::sleep(Duration::from_secs(1)).await;

    // 100 streams, opened (first chunk read) across the three.
    let opened = addrs.iter().cycle().take(100).enumerate().map(|(i, addr)| {
        let request = post(addr, true);
        async move {
            let mut answer = request.send().await.unwrap();
            assert_eq!(answer.status(), 200);
            let id = request_id(&answer);
            let first = answer.chunk().await.unwrap();
            assert!(first.is_some());
            (i % 3, id, answer)
        }
    });
    let streams = futures::future::join_all(opened).await;
    let victim = &mut replicas[0];
    victim.child.kill().unwrap();
    victim.child.wait().unwrap();

    // The others finish their streams; the victim's end early.
    let finished = streams
        .into_iter()
        .map(|(replica, id, mut answer)| async move {
            let mut body = Vec::new();
            let whole = loop {
                match answer.chunk().await {
                    Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                    Ok(None) => break String::from_utf8_lossy(&body).contains("[DONE]"),
                    Err(_) => break false,
                }
            };
            (replica, id, whole)
        });
    for (replica, id, whole) in futures::future::join_all(finished).await {
        assert_eq!(whole, replica != 0, "stream on replica {replica}");
        if whole {
            completed.push(id);
        }
    }
    // And they keep serving.
    let after = addrs[1..]
        .iter()
        .cycle()
        .take(10)
        .map(|addr| post(addr, false).send());
    for answer in futures::future::join_all(after).await {
        let answer = answer.unwrap();
        assert_eq!(answer.status(), 200);
        completed.push(request_id(&answer));
    }

    assert_eq!(completed.len(), 9 + 66 + 10);
    let ids: Vec<uuid::Uuid> = completed.iter().map(|id| id.parse().unwrap()).collect();
    let deadline = Instant::now() + Duration::from_secs(15);
    let stored = loop {
        let stored = usage_events::Entity::find()
            .filter(usage_events::Column::RequestId.is_in(ids.clone()))
            .count(&conn)
            .await
            .unwrap();
        if stored >= ids.len() as u64 || Instant::now() > deadline {
            break stored;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(
        stored,
        ids.len() as u64,
        "every completed request is recorded"
    );
    let all = usage_events::Entity::find()
        .filter(usage_events::Column::UserId.eq(caller.user_id))
        .count(&conn)
        .await
        .unwrap();
    assert!(
        all <= 9 + 100 + 10,
        "{all} rows for 119 requests: none doubled"
    );

    for replica in &mut replicas[1..] {
        Command::new("kill")
            .args(["-TERM", &replica.child.id().to_string()])
            .status()
            .unwrap();
        replica.child.wait().unwrap();
    }
    conn.close().await.unwrap();
    db.drop().await;
}

fn request_id(answer: &reqwest::Response) -> String {
    answer.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned()
}
