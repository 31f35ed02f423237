//! Benchmark client for what wrk cannot measure: time to first byte of streamed answers, and
//! many concurrent open streams. Prints one JSON line.
//!
//!     bench-client ttfb    --url URL --key K --body JSON [--auth bearer|x-api-key] [--n 2000]
//!     bench-client streams --url URL --key K --body JSON [--n 10000] [--connections 60]

use satu_bench::arg;
use std::io::Write;
use std::time::{Duration, Instant};

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use serde_json::json;

fn required(name: &str) -> anyhow::Result<String> {
    arg(name).ok_or_else(|| anyhow::anyhow!("{name} is required"))
}

struct Target {
    url: String,
    key: String,
    body: String,
    x_api_key: bool,
}

impl Target {
    fn from_args() -> anyhow::Result<Self> {
        Ok(Self {
            url: required("--url")?,
            key: required("--key")?,
            body: required("--body")?,
            x_api_key: arg("--auth").as_deref() == Some("x-api-key"),
        })
    }

    fn request(&self, client: &reqwest::Client) -> reqwest::RequestBuilder {
        let r = client
            .post(&self.url)
            .header("content-type", "application/json")
            .body(self.body.clone());
        if self.x_api_key {
            r.header("x-api-key", &self.key)
                .header("anthropic-version", "2023-06-01")
        } else {
            r.bearer_auth(&self.key)
        }
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let target = Target::from_args()?;
    let result = match mode.as_str() {
        "ttfb" => ttfb(&target, arg("--n").map_or(Ok(2000), |n| n.parse())?).await?,
        "streams" => {
            let n = arg("--n").map_or(Ok(10_000), |n| n.parse())?;
            let connections = arg("--connections").map_or(Ok(60), |n| n.parse())?;
            streams(&target, n, connections).await?
        }
        other => anyhow::bail!("unknown mode `{other}` (ttfb | streams)"),
    };
    writeln!(std::io::stdout(), "{result}")?;
    Ok(())
}

/// Sequential streamed requests on one kept-alive connection: time until the first body
/// chunk, after a warm-up of 200.
async fn ttfb(target: &Target, n: usize) -> anyhow::Result<serde_json::Value> {
    let client = reqwest::Client::builder().tcp_nodelay(true).build()?;
    let mut samples = Vec::with_capacity(n);
    for i in 0..(n + 200) {
        let start = Instant::now();
        let response = target.request(&client).send().await?;
        anyhow::ensure!(
            response.status().is_success(),
            "status {}",
            response.status()
        );
        let mut body = response.bytes_stream();
        body.next().await.transpose()?;
        let first = start.elapsed();
        while body.next().await.transpose()?.is_some() {}
        if i >= 200 {
            samples.push(first);
        }
    }
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    Ok(json!({
        "n": n,
        "p50_us": pct(0.5).as_secs_f64() * 1e6,
        "p99_us": pct(0.99).as_secs_f64() * 1e6,
    }))
}

/// `n` streamed requests open at once over `connections` HTTP/2 connections (a server allows a
/// few hundred streams per connection); counts the ones that reach their end.
async fn streams(
    target: &Target,
    n: usize,
    connections: usize,
) -> anyhow::Result<serde_json::Value> {
    let clients = (0..connections.max(1))
        .map(|_| {
            reqwest::Client::builder()
                .http2_prior_knowledge()
                .timeout(Duration::from_secs(300))
                .build()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let start = Instant::now();
    let mut open: FuturesUnordered<_> = (0..n)
        .map(|i| {
            let request = target.request(&clients[i % clients.len()]);
            async move {
                let response = request.send().await.ok()?;
                if !response.status().is_success() {
                    return None;
                }
                let text = response.text().await.ok()?;
                Some(text.contains("[DONE]") || text.contains("message_stop"))
            }
        })
        .collect();
    let (mut completed, mut failed) = (0usize, 0usize);
    while let Some(done) = open.next().await {
        if done == Some(true) {
            completed += 1;
        } else {
            failed += 1;
        }
    }
    Ok(json!({
        "n": n,
        "completed": completed,
        "failed": failed,
        "seconds": start.elapsed().as_secs_f64(),
    }))
}
