//! One suite, two limiters: every case runs on the in-process limiter and on Redis
//! (`SATU_TEST_REDIS`, default 127.0.0.1:6379), each case under its own key prefix.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::Duration;

use proxy::limits::limiter::{Admit, Counter, Limiter};
use proxy::limits::memory::MemoryLimiter;
use proxy::limits::redis::RedisLimiter;

fn redis_url() -> String {
    std::env::var("SATU_TEST_REDIS").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

async fn redis() -> RedisLimiter {
    RedisLimiter::connect(&redis_url(), Duration::from_secs(2))
        .await
        .expect("Redis must run on 127.0.0.1:6379 (see README)")
}

fn prefix() -> String {
    format!("satu-test:{}", uuid::Uuid::new_v4().simple())
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn counter(key: &str, limit: i64, amount: i64) -> Counter {
    Counter {
        key: key.to_owned(),
        limit,
        amount,
        ttl_ms: 60_000,
        seeded: false,
    }
}

macro_rules! on_both_limiters {
    ($($name:ident),* $(,)?) => {
        mod memory {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() { super::$name(std::sync::Arc::new(super::MemoryLimiter::default())).await }
            )*
        }
        mod redis {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() { super::$name(std::sync::Arc::new(super::redis().await)).await }
            )*
        }
    };
}

on_both_limiters!(
    exactly_the_limit_is_admitted_under_concurrency,
    all_counters_or_none,
    seeded_counters_wait_for_their_seed,
    settlement_adjusts_only_live_counters,
    windows_expire,
    reservations_never_overspend_and_settle_exactly,
);

/// 1,000 concurrent admissions against a quota of 100: exactly 100 get in.
async fn exactly_the_limit_is_admitted_under_concurrency<L: Limiter + 'static>(limiter: Arc<L>) {
    let key = format!("{}:q", prefix());
    let tasks: Vec<_> = (0..1000)
        .map(|_| {
            let (limiter, key) = (limiter.clone(), key.clone());
            tokio::spawn(async move {
                limiter
                    .admit(&[counter(&key, 100, 1)], now_ms())
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut admitted = Vec::new();
    for task in tasks {
        if let Admit::Admitted(values) = task.await.unwrap() {
            admitted.push(values[0]);
        }
    }
    admitted.sort_unstable();
    assert_eq!(
        admitted,
        (1..=100).collect::<Vec<i64>>(),
        "each count seen once"
    );
    let after = limiter
        .admit(&[counter(&key, 1000, 0)], now_ms())
        .await
        .unwrap();
    assert_eq!(after, Admit::Admitted(vec![100]));
}

/// A full counter refuses the request and leaves every other counter untouched.
async fn all_counters_or_none<L: Limiter>(limiter: Arc<L>) {
    let p = prefix();
    let (a, b) = (format!("{p}:a"), format!("{p}:b"));
    let both = [counter(&a, 10, 1), counter(&b, 1, 1)];
    assert_eq!(
        limiter.admit(&both, now_ms()).await.unwrap(),
        Admit::Admitted(vec![1, 1])
    );
    assert_eq!(
        limiter.admit(&both, now_ms()).await.unwrap(),
        Admit::Rejected {
            index: 1,
            values: vec![1, 1]
        }
    );
    // `a` was not charged for the refused request.
    let peek = [counter(&a, 10, 0)];
    assert_eq!(
        limiter.admit(&peek, now_ms()).await.unwrap(),
        Admit::Admitted(vec![1])
    );
    // An amount larger than the whole limit is refused even on an empty counter.
    let big = [counter(&format!("{p}:c"), 5, 6)];
    assert!(matches!(
        limiter.admit(&big, now_ms()).await.unwrap(),
        Admit::Rejected { index: 0, .. }
    ));
}

/// A monthly counter starts from the database's count: until seeded it is not used, and a
/// second seed (a concurrent replica) does not overwrite the first.
async fn seeded_counters_wait_for_their_seed<L: Limiter>(limiter: Arc<L>) {
    let p = prefix();
    let quota = Counter {
        seeded: true,
        ..counter(&format!("{p}:q"), 10, 1)
    };
    let rpm = counter(&format!("{p}:rpm"), 10, 1);
    let both = [rpm.clone(), quota.clone()];
    assert_eq!(
        limiter.admit(&both, now_ms()).await.unwrap(),
        Admit::Unseeded(1)
    );
    limiter.seed(&quota.key, 9, 60_000, now_ms()).await.unwrap();
    limiter.seed(&quota.key, 0, 60_000, now_ms()).await.unwrap();
    assert_eq!(
        limiter.admit(&both, now_ms()).await.unwrap(),
        Admit::Admitted(vec![1, 10])
    );
    assert_eq!(
        limiter.admit(&both, now_ms()).await.unwrap(),
        Admit::Rejected {
            index: 1,
            values: vec![1, 10]
        }
    );
}

/// Settlement charges or refunds live counters and never revives an expired one.
async fn settlement_adjusts_only_live_counters<L: Limiter>(limiter: Arc<L>) {
    let p = prefix();
    let live = format!("{p}:live");
    let short = Counter {
        ttl_ms: 100,
        ..counter(&format!("{p}:short"), 100, 10)
    };
    let t0 = now_ms();
    limiter
        .admit(&[counter(&live, 100, 40), short.clone()], t0)
        .await
        .unwrap();
    limiter.adjust(&[(live.clone(), -15)], t0).await.unwrap();
    limiter.adjust(&[(live.clone(), 5)], t0).await.unwrap();
    tokio::time::sleep(Duration::from_millis(250)).await;
    let later = now_ms();
    limiter
        .adjust(&[(short.key.clone(), 50)], later)
        .await
        .unwrap();
    let peek = [counter(&live, 100, 0), Counter { amount: 0, ..short }];
    assert_eq!(
        limiter.admit(&peek, later).await.unwrap(),
        Admit::Admitted(vec![30, 0])
    );
}

/// A window's counter ends with its time to live; the next window starts empty.
async fn windows_expire<L: Limiter>(limiter: Arc<L>) {
    let key = format!("{}:rpm", prefix());
    let c = Counter {
        ttl_ms: 200,
        ..counter(&key, 1, 1)
    };
    let t0 = now_ms();
    assert_eq!(
        limiter.admit(std::slice::from_ref(&c), t0).await.unwrap(),
        Admit::Admitted(vec![1])
    );
    assert!(matches!(
        limiter.admit(std::slice::from_ref(&c), t0).await.unwrap(),
        Admit::Rejected { .. }
    ));
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert_eq!(
        limiter.admit(&[c], now_ms()).await.unwrap(),
        Admit::Admitted(vec![1])
    );
}

/// 200 concurrent requests each reserve an estimate of 1,000 tokens against a budget of
/// 20,000, then settle with what they really used (600..=1,400). No admission ever sees the
/// spend past the budget plus one request's estimate error, the settled spend passes the
/// budget by at most the admitted requests' overruns, and after settlement the counter is
/// exactly the sum of what the admitted requests used.
async fn reservations_never_overspend_and_settle_exactly<L: Limiter + 'static>(limiter: Arc<L>) {
    const BUDGET: i64 = 20_000;
    const ESTIMATE: i64 = 1_000;
    const MAX_ERROR: i64 = 400;
    let key = format!("{}:tpm", prefix());
    let tasks: Vec<_> = (0..200i64)
        .map(|i| {
            let (limiter, key) = (limiter.clone(), key.clone());
            tokio::spawn(async move {
                let admitted = limiter
                    .admit(&[counter(&key, BUDGET, ESTIMATE)], now_ms())
                    .await
                    .unwrap();
                let Admit::Admitted(values) = admitted else {
                    return None;
                };
                let used = 600 + (i * 37) % 801;
                tokio::time::sleep(Duration::from_millis((i % 7) as u64)).await;
                limiter
                    .adjust(&[(key, used - ESTIMATE)], now_ms())
                    .await
                    .unwrap();
                Some((values[0], used))
            })
        })
        .collect();
    let mut spent = 0;
    let mut admitted = 0;
    for task in tasks {
        if let Some((seen, used)) = task.await.unwrap() {
            assert!(seen <= BUDGET + MAX_ERROR, "spend {seen} passed the budget");
            spent += used;
            admitted += 1;
        }
    }
    assert!(admitted >= 14, "only {admitted} admitted");
    let peek = [counter(&key, i64::MAX, 0)];
    assert_eq!(
        limiter.admit(&peek, now_ms()).await.unwrap(),
        Admit::Admitted(vec![spent])
    );
    // Reservations never pass the budget; what settles past it is at most each admitted
    // request's overrun of its estimate (requests admitted together cannot see each other's).
    assert!(
        spent <= BUDGET + admitted * MAX_ERROR,
        "settled spend {spent} passed the budget plus the estimates' error"
    );
}
