//! The SMTP test server (maildev, started by scripts/maildev.sh): the address Satu sends to,
//! and its HTTP API to read delivered mail back. Tests share it: each uses its own recipients.

use std::time::Duration;

use serde_json::Value;

/// `email.smtp_url` for Satu under test.
pub fn smtp_url() -> String {
    std::env::var("SATU_TEST_SMTP").unwrap_or_else(|_| "smtp://127.0.0.1:1025".to_owned())
}

pub struct Mailbox {
    http: reqwest::Client,
    api: String,
}

impl Mailbox {
    pub fn new() -> Self {
        let api = std::env::var("SATU_TEST_MAILDEV")
            .unwrap_or_else(|_| "http://127.0.0.1:1080".to_owned());
        Self {
            http: reqwest::Client::new(),
            api,
        }
    }

    /// Every message delivered to `to` so far.
    pub async fn messages(&self, to: &str) -> Vec<Value> {
        let answer = self
            .http
            .get(format!("{}/api/email?to.address={to}", self.api))
            .send()
            .await
            .expect("the SMTP test server answers (bash scripts/maildev.sh start)");
        answer.json().await.unwrap()
    }

    /// Waits (up to 20 s) until `n` messages reached `to`; returns them.
    pub async fn wait_for(&self, to: &str, n: usize) -> Vec<Value> {
        for _ in 0..200 {
            let got = self.messages(to).await;
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{n} messages to {to} did not arrive");
    }

    /// The message as it travelled (every header), MIME and all.
    pub async fn source(&self, message: &Value) -> String {
        let id = message["id"].as_str().unwrap();
        self.http
            .get(format!("{}/api/email/{id}/source", self.api))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}
