//! The sections of `satu.toml` Satu itself owns (the proxy's and the API's live with them), with
//! their defaults.

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::Deserialize;

use crate::secret::Secret;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    pub bind: SocketAddr,
    /// How long open requests and streams may run on after SIGTERM before they are cut.
    pub shutdown_grace_secs: u64,
    /// Time a client has to send a request's headers before its connection is closed; also
    /// how long an idle keep-alive connection stays open. Keep it above the idle timeout of a
    /// load balancer in front (they reuse idle connections: 60 s for nginx and AWS ALB).
    pub header_read_timeout_secs: u64,
    /// Connections open at once; more wait in the listen backlog until one closes.
    pub max_connections: usize,
    /// Bearer token `/metrics` asks for; without one it answers only on loopback.
    pub metrics_token: Option<Secret>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            shutdown_grace_secs: 30,
            header_read_timeout_secs: 75,
            max_connections: 10_000,
            metrics_token: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://path?mode=rwc` or `postgres://…`; default: SQLite in the data directory.
    pub url: Option<Secret>,
    pub max_connections: u32,
    /// Run migrations when a command starts (the embedded default); production may run
    /// `satu migrate` as a separate step and turn this off.
    pub auto_migrate: bool,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self {
            url: None,
            max_connections: 10,
            auto_migrate: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RedisConfig {
    /// Optional: when set, quotas and rate limits are counted in Redis and live events travel
    /// through it, shared by every replica; without it each process works alone.
    pub url: Option<Secret>,
    /// The pub/sub channel of the live bus (usage events, key revocations).
    pub bus_channel: String,
}

impl Default for RedisConfig {
    fn default() -> Self {
        Self {
            url: None,
            bus_channel: "satu:bus".to_owned(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// 32 bytes, base64 or hex. Without it Satu keeps a generated key in `data_dir/master.key`.
    pub master_key: Option<Secret>,
    /// Keys of earlier rotations: they still open old credentials, never seal new ones.
    pub previous_master_keys: Vec<Secret>,
    pub data_dir: PathBuf,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        Self {
            master_key: None,
            previous_master_keys: Vec::new(),
            data_dir: PathBuf::from("./data"),
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// A tracing filter; `RUST_LOG` wins when set.
    pub filter: String,
    pub format: LogFormat,
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            filter: "info,sqlx=warn,sea_orm=warn".to_owned(),
            format: LogFormat::Text,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UsageConfig {
    /// Raw usage rows are kept this long; hourly rollups are kept.
    pub retention_days: u32,
}

impl Default for UsageConfig {
    fn default() -> Self {
        Self { retention_days: 90 }
    }
}

/// Each connection's model list, asked of its provider by the worker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ModelsConfig {
    pub refresh: bool,
    /// How old a connection's list may get before it is asked again.
    pub refresh_hours: u64,
    /// How soon a failed check is tried again.
    pub retry_minutes: u64,
    /// How often due connections are looked for (a new connection waits at most this long).
    pub scan_interval_secs: u64,
}

impl Default for ModelsConfig {
    fn default() -> Self {
        Self {
            refresh: true,
            refresh_hours: 24,
            retry_minutes: 60,
            scan_interval_secs: 15,
        }
    }
}

impl ModelsConfig {
    pub fn staleness(&self) -> entities::model_lists::Staleness {
        let hours = i64::try_from(self.refresh_hours.max(1)).unwrap_or(24);
        let minutes = i64::try_from(self.retry_minutes.max(1)).unwrap_or(60);
        entities::model_lists::Staleness {
            refresh_every: chrono::Duration::hours(hours),
            retry_after: chrono::Duration::minutes(minutes),
        }
    }
}

/// Teams' Slack notices, delivered by the worker.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TeamsConfig {
    /// How often due notices are looked for.
    pub slack_interval_secs: u64,
    /// The wait before a failed delivery's first retry; each later one waits four times
    /// longer (30 s, 2 min, 8 min, 32 min, …).
    pub slack_retry_secs: u64,
}

impl Default for TeamsConfig {
    fn default() -> Self {
        Self {
            slack_interval_secs: 2,
            slack_retry_secs: 30,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WebConfig {
    /// The Next.js static export served at `/` (by the `all` and `api` roles).
    pub dir: PathBuf,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            dir: PathBuf::from("web/out"),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailConfig {
    /// `smtp://host:25`, `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://…:465`.
    /// Without it mail stays queued (`satu admin emails` shows it).
    pub smtp_url: Option<Secret>,
    /// The sender: `Satu <noreply@your-domain>` (its domain needs SPF and DKIM, see docs).
    pub from: String,
    /// Waits before each retry of a mail the server did not take (4xx, no connection); after
    /// the last one the mail is marked failed.
    pub retry_backoff_secs: Vec<u64>,
    /// How often the worker looks for mail to send.
    pub poll_interval_ms: u64,
}

impl Default for EmailConfig {
    fn default() -> Self {
        Self {
            smtp_url: None,
            from: "Satu <noreply@localhost>".to_owned(),
            retry_backoff_secs: vec![60, 300, 1800, 7200, 21600],
            poll_interval_ms: 1000,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct MidtransConfig {
    /// Billing is on when this is set (`SB-Mid-server-…` in the sandbox).
    pub server_key: Option<Secret>,
    pub client_key: Option<Secret>,
    /// What notifications are signed with, when the dashboard sets one apart from the server key.
    pub signature_key: Option<Secret>,
    /// False: the sandbox.
    pub production: bool,
    /// Overrides of the hosts (`https://app.sandbox.midtrans.com/snap/v1`, …); tests use a mock.
    pub snap_url: Option<String>,
    pub api_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BillingConfig {
    pub midtrans: MidtransConfig,
    /// The listed prices (Rp 49.000) already include PPN.
    pub prices_include_tax: bool,
    /// Whether the seller charges PPN (is a PKP).
    pub charge_ppn: bool,
    /// PPN in percent of the tax base, and the base as a fraction of the price (12 %, 11/12).
    pub tax_rate_percent: i64,
    pub tax_base_numerator: i64,
    pub tax_base_denominator: i64,
    pub seller_name: String,
    pub seller_npwp: String,
    pub seller_address: String,
    pub grace_days: i64,
    /// How long a checkout stays payable.
    pub checkout_expiry_hours: i64,
    /// Waits before each retry of a notification that could not be confirmed.
    pub retry_backoff_secs: Vec<u64>,
    pub poll_interval_ms: u64,
}

impl Default for BillingConfig {
    fn default() -> Self {
        Self {
            midtrans: MidtransConfig::default(),
            prices_include_tax: true,
            charge_ppn: true,
            tax_rate_percent: 12,
            tax_base_numerator: 11,
            tax_base_denominator: 12,
            seller_name: "Satu".to_owned(),
            seller_npwp: String::new(),
            seller_address: String::new(),
            grace_days: 3,
            checkout_expiry_hours: 24,
            retry_backoff_secs: vec![60, 300, 1800, 7200],
            poll_interval_ms: 1000,
        }
    }
}
