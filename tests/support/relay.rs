//! A TCP relay with faults on demand, for the fault tests: placed between Satu and a real
//! server (Postgres, a mock upstream), it can cut every open connection and refuse new ones
//! for a while (a restart, as the client sees it), or accept and then say nothing (a black
//! hole).

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

const PASS: u8 = 0;
const REFUSE: u8 = 1;
const BLACK_HOLE: u8 = 2;

pub struct Relay {
    pub port: u16,
    mode: Arc<AtomicU8>,
    /// Bumped to cut every open connection.
    cut: watch::Sender<u64>,
    _accept: tokio::task::JoinHandle<()>,
}

impl Relay {
    /// Relays 127.0.0.1:{port} to `target` (host:port).
    pub async fn start(target: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mode = Arc::new(AtomicU8::new(PASS));
        let (cut, _) = watch::channel(0u64);
        let accept = tokio::spawn(accept_loop(
            listener,
            target.to_owned(),
            mode.clone(),
            cut.clone(),
        ));
        Self {
            port,
            mode,
            cut,
            _accept: accept,
        }
    }

    /// Cuts every connection and refuses new ones for `down`, then relays again.
    pub async fn outage(&self, down: Duration) {
        self.mode.store(REFUSE, Ordering::SeqCst);
        self.cut.send_modify(|n| *n += 1);
        tokio::time::sleep(down).await;
        self.mode.store(PASS, Ordering::SeqCst);
    }

    /// From now on connections are accepted and never answered; open ones are cut.
    pub fn black_hole(&self) {
        self.mode.store(BLACK_HOLE, Ordering::SeqCst);
        self.cut.send_modify(|n| *n += 1);
    }

    pub fn heal(&self) {
        self.mode.store(PASS, Ordering::SeqCst);
    }
}

async fn accept_loop(
    listener: TcpListener,
    target: String,
    mode: Arc<AtomicU8>,
    cut: watch::Sender<u64>,
) {
    loop {
        let Ok((mut client, _)) = listener.accept().await else {
            continue;
        };
        let mut cut = cut.subscribe();
        match mode.load(Ordering::SeqCst) {
            REFUSE => drop(client),
            BLACK_HOLE => {
                // Read and discard until the client gives up (or a cut).
                tokio::spawn(async move {
                    let mut sink = tokio::io::sink();
                    tokio::select! {
                        _ = tokio::io::copy(&mut client, &mut sink) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
            _ => {
                let target = target.clone();
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(&target).await else {
                        return;
                    };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        _ = cut.changed() => {}
                    }
                });
            }
        }
    }
}
