//! What one client can hold open: a half-sent request is cut after the header timeout, the
//! connection cap holds the rest in the backlog, and a websocket must say `connection_init`
//! in time, keep its messages small and share a per-user cap.

use std::time::{Duration, Instant};

use entities::sessions::{self, SessionMeta};
use futures::{SinkExt, StreamExt};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;

use crate::support::ws::{self, Socket};
use crate::support::{Backend, spawn_app};

/// The server's behaviour is the same on both databases: SQLite is enough.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_sent_requests_are_cut_and_connections_are_capped() {
    let app = spawn_app(
        Backend::Sqlite,
        "http://127.0.0.1:9",
        &[
            ("SATU__SERVER__HEADER_READ_TIMEOUT_SECS", "1"),
            ("SATU__SERVER__MAX_CONNECTIONS", "2"),
        ],
    )
    .await;
    // A slowloris request: headers started, never finished.
    let mut slow = TcpStream::connect(app.addr).await.unwrap();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: satu\r\nX-Slow: ")
        .await
        .unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 256];
    let read = tokio::time::timeout(Duration::from_secs(5), slow.read(&mut buf))
        .await
        .expect("the server should close a half-sent request");
    assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
    assert!(started.elapsed() >= Duration::from_millis(900));

    // Two open connections fill the cap: a third waits until one closes.
    let hold_a = TcpStream::connect(app.addr).await.unwrap();
    let _hold_b = TcpStream::connect(app.addr).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let http = reqwest::Client::new();
    let waiting = http
        .get(app.url("/healthz"))
        .timeout(Duration::from_millis(500))
        .send()
        .await;
    assert!(waiting.is_err(), "{waiting:?}");
    drop(hold_a);
    let served = http
        .get(app.url("/healthz"))
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .unwrap();
    assert_eq!(served.status(), 200);
    app.stop().await;
}

/// Reads until the socket ends (close frame, error or EOF); false if it is still open after
/// `within`.
async fn ends_within(socket: &mut Socket, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, socket.next()).await {
            Err(_) => return false,
            Ok(None | Some(Err(_)) | Some(Ok(Message::Close(_)))) => return true,
            Ok(Some(Ok(_))) => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn websockets_must_init_in_time_stay_small_and_share_a_cap() {
    let app = spawn_app(
        Backend::Sqlite,
        "http://127.0.0.1:9",
        &[("SATU__API__LIVE_SOCKETS_PER_CLIENT", "2")],
    )
    .await;
    let addr = app.addr.to_string();
    let caller = app.create_caller().await;
    let meta = SessionMeta {
        user_agent: None,
        ip: None,
        ..Default::default()
    };
    let token = sessions::create(&app.db, caller.user_id, chrono::Duration::hours(1), meta)
        .await
        .unwrap()
        .token;
    let init = json!({"type": "connection_init", "payload": {"token": token}}).to_string();

    // Never says connection_init: dropped after 10 s.
    let mut silent = ws::open(&addr).await;
    let started = Instant::now();
    assert!(ends_within(&mut silent, Duration::from_secs(15)).await);
    assert!(started.elapsed() >= Duration::from_secs(9));

    // Two sockets per user; the third is refused at init, and admitted once one closes.
    let mut sockets = Vec::new();
    for _ in 0..2 {
        let mut socket = ws::open(&addr).await;
        socket.send(Message::text(init.clone())).await.unwrap();
        let ack = socket.next().await.unwrap().unwrap();
        assert!(ack.to_text().unwrap().contains("connection_ack"), "{ack:?}");
        sockets.push(socket);
    }
    let mut third = ws::open(&addr).await;
    third.send(Message::text(init.clone())).await.unwrap();
    assert!(ends_within(&mut third, Duration::from_secs(5)).await);
    sockets.pop().unwrap().close(None).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut fourth = ws::open(&addr).await;
    fourth.send(Message::text(init.clone())).await.unwrap();
    let ack = fourth.next().await.unwrap().unwrap();
    assert!(ack.to_text().unwrap().contains("connection_ack"), "{ack:?}");

    // A message over 64 KiB ends the socket.
    let big = json!({"id": "1", "type": "subscribe", "payload": {"query": "x".repeat(100_000)}});
    let _ = fourth.send(Message::text(big.to_string())).await;
    assert!(ends_within(&mut fourth, Duration::from_secs(5)).await);
    app.stop().await;
}
