//! An SMTP server that refuses every recipient with a chosen reply (`550 …` for good, `451 …`
//! for now): the mail servers that say no, which the SMTP test server never does. It speaks
//! just enough SMTP for a client to get to `RCPT TO`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

pub struct RefusingSmtp {
    pub port: u16,
    /// `RCPT TO` commands answered with the refusal.
    pub refusals: Arc<AtomicUsize>,
    _accept: tokio::task::JoinHandle<()>,
}

impl RefusingSmtp {
    pub async fn start(reply: &'static str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let refusals = Arc::new(AtomicUsize::new(0));
        let counted = refusals.clone();
        let accept = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, reply, counted.clone()));
            }
        });
        Self {
            port,
            refusals,
            _accept: accept,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn refused(&self) -> usize {
        self.refusals.load(Ordering::SeqCst)
    }
}

async fn session(stream: tokio::net::TcpStream, reply: &str, refusals: Arc<AtomicUsize>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    if write
        .write_all(b"220 refusing.test ESMTP\r\n")
        .await
        .is_err()
    {
        return;
    }
    while let Ok(Some(line)) = lines.next_line().await {
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let answer = match verb.as_str() {
            "EHLO" | "HELO" => "250 refusing.test".to_owned(),
            "RCPT" => {
                refusals.fetch_add(1, Ordering::SeqCst);
                reply.to_owned()
            }
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => "250 ok".to_owned(),
        };
        if write
            .write_all(format!("{answer}\r\n").as_bytes())
            .await
            .is_err()
        {
            return;
        }
    }
}
