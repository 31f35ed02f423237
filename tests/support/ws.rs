//! A graphql-transport-ws client for subscription tests.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

pub type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A graphql-transport-ws socket to `ws://{addr}/graphql`, upgraded and nothing said yet.
pub async fn open(addr: &str) -> Socket {
    upgrade(addr, &[]).await
}

/// The upgrade, with `headers` on its request.
async fn upgrade(addr: &str, headers: &[(&str, &str)]) -> Socket {
    let mut request = format!("ws://{addr}/graphql")
        .into_client_request()
        .unwrap();
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    for (k, v) in headers {
        request.headers_mut().insert(
            tokio_tungstenite::tungstenite::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    let (socket, response) = tokio_tungstenite::connect_async(request).await.unwrap();
    assert_eq!(
        response.headers()["sec-websocket-protocol"],
        "graphql-transport-ws"
    );
    socket
}

pub struct Subscription {
    socket: Socket,
}

impl Subscription {
    /// Connects to `ws://{addr}/graphql`, sends `connection_init` with `payload`, waits for the
    /// ack and subscribes to `query` (id "1"). `headers` go on the upgrade request.
    pub async fn start(addr: &str, headers: &[(&str, &str)], payload: Value, query: &str) -> Self {
        let mut socket = upgrade(addr, headers).await;
        let init = json!({"type": "connection_init", "payload": payload});
        socket.send(Message::text(init.to_string())).await.unwrap();
        let mut this = Self { socket };
        let ack = this.next_message().await;
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        let subscribe = json!({"id": "1", "type": "subscribe", "payload": {"query": query}});
        this.socket
            .send(Message::text(subscribe.to_string()))
            .await
            .unwrap();
        this
    }

    /// The next protocol message (pings answered), within 10 s.
    pub async fn next_message(&mut self) -> Value {
        loop {
            let frame = tokio::time::timeout(Duration::from_secs(10), self.socket.next())
                .await
                .expect("no message within 10 s")
                .expect("socket closed")
                .unwrap();
            match frame {
                Message::Text(text) => {
                    let value: Value = serde_json::from_str(&text).unwrap();
                    if value["type"] == "ping" {
                        let pong = json!({"type": "pong"}).to_string();
                        self.socket.send(Message::text(pong)).await.unwrap();
                        continue;
                    }
                    return value;
                }
                Message::Ping(_) | Message::Pong(_) => continue,
                other => panic!("unexpected frame {other:?}"),
            }
        }
    }

    /// The payload of the next `next` message.
    pub async fn next_payload(&mut self) -> Value {
        let message = self.next_message().await;
        assert_eq!(message["type"], "next", "{message}");
        message["payload"].clone()
    }

    /// Whether a message arrives within `wait` (for "nothing else was delivered").
    pub async fn quiet_for(&mut self, wait: Duration) -> bool {
        tokio::time::timeout(wait, self.socket.next())
            .await
            .is_err()
    }
}
