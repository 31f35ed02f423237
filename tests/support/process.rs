//! `satu serve` as a separate process on port 0, with its log collected.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

use super::TestDb;

pub struct ServeProcess {
    pub child: Child,
    pub addr: String,
    pub log: Arc<Mutex<String>>,
}

/// Starts `satu serve` on `db` with `extra` settings and `RUST_LOG=rust_log`; returns once it
/// logged its address.
pub fn serve(db: &TestDb, extra: &[(String, String)], rust_log: &str) -> ServeProcess {
    serve_as(db, extra, rust_log, "all")
}

/// `satu serve --role role`.
pub fn serve_as(
    db: &TestDb,
    extra: &[(String, String)],
    rust_log: &str,
    role: &str,
) -> ServeProcess {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_satu"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SATU") || k == "DATABASE_URL" || k == "REDIS_URL" {
            cmd.env_remove(k);
        }
    }
    let mut child = cmd
        .envs(db.env())
        .envs(extra.iter().cloned())
        .env("RUST_LOG", rust_log)
        .args(["serve", "--bind", "127.0.0.1:0", "--role", role])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let addr = loop {
        let line = lines.next().expect("satu exited before listening").unwrap();
        log.lock().unwrap().push_str(&line);
        if line.contains("listening")
            && let Some(rest) = line.split("addr=").nth(1)
        {
            break rest.split_whitespace().next().unwrap().to_owned();
        }
    };
    // Keep draining the log so the process never blocks on a full pipe.
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let mut log = sink.lock().unwrap();
            log.push_str(&line);
            log.push('\n');
        }
    });
    ServeProcess { child, addr, log }
}
