//! Layered configuration: defaults → `satu.toml` (optional) → environment.
//!
//! Environment keys are `SATU__SECTION__KEY` (e.g. `SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS=true`);
//! `SATU__SECTION__KEY_FILE=/path` reads the value from a mounted file (secrets). `DATABASE_URL`
//! and `REDIS_URL` are accepted as the conventional short forms. Unknown keys and invalid values
//! stop start-up with a message naming the key.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::secret::Secret;

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub redis: RedisConfig,
    pub security: SecurityConfig,
    pub proxy: proxy::ProxyConfig,
    pub providers: proxy::ProvidersConfig,
    pub oauth: proxy::oauth::OAuthConfig,
    pub limits: proxy::limits::LimitsConfig,
    pub api: api::graphql::ApiConfig,
    pub log: LogConfig,
    pub usage: UsageConfig,
    pub models: ModelsConfig,
    pub teams: TeamsConfig,
    pub web: WebConfig,
    pub email: EmailConfig,
    pub billing: BillingConfig,
}

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

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    ReadFile {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid TOML: {message}")]
    Toml { path: PathBuf, message: String },
    #[error("cannot read {var} (a *_FILE secret) from {path}: {source}")]
    SecretFile {
        var: String,
        path: String,
        source: std::io::Error,
    },
    #[error("configuration key `{key}`: {message}")]
    Invalid { key: String, message: String },
}

impl Config {
    /// Loads from an explicit file (must exist) or `./satu.toml` (if present), then `env`.
    pub fn load(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Self, ConfigError> {
        let mut tree = toml::Table::new();
        let default_file = Path::new("satu.toml");
        match file {
            Some(path) => merge(&mut tree, read_file(path)?),
            None if default_file.exists() => merge(&mut tree, read_file(default_file)?),
            None => {}
        }
        apply_env(&mut tree, env)?;
        let config: Config =
            serde_path_to_error::deserialize(toml::Value::Table(tree)).map_err(|e| {
                ConfigError::Invalid {
                    key: e.path().to_string(),
                    message: e.inner().message().to_owned(),
                }
            })?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if let Some(url) = &self.database.url {
            let url = url.expose();
            if !(url.starts_with("sqlite:")
                || url.starts_with("postgres://")
                || url.starts_with("postgresql://"))
            {
                return Err(invalid(
                    "database.url",
                    "must start with sqlite:, postgres:// or postgresql://",
                ));
            }
        }
        let b = &self.billing;
        if b.tax_base_denominator <= 0 || b.tax_base_numerator < 0 || b.tax_rate_percent < 0 {
            return Err(invalid(
                "billing.tax_*",
                "the rate and numerator must be ≥ 0 and the denominator > 0",
            ));
        }
        let rate = self.api.idr_per_usd;
        if !(rate.is_finite() && rate > 0.0) {
            return Err(invalid("api.idr_per_usd", "must be a positive number"));
        }
        if self.database.max_connections == 0 {
            return Err(invalid("database.max_connections", "must be at least 1"));
        }
        for (name, endpoint) in [
            ("openai", &self.providers.openai),
            ("anthropic", &self.providers.anthropic),
            ("gemini", &self.providers.gemini),
            ("qwen", &self.providers.qwen),
            ("codex", &self.providers.codex),
            ("code_assist", &self.providers.code_assist),
        ] {
            proxy::upstream_guard::check_base_url(&endpoint.base_url, true)
                .map_err(|e| invalid(&format!("providers.{name}.base_url"), &e.to_string()))?;
        }
        Ok(())
    }

    /// Billing's settings when `billing.midtrans.server_key` is set (billing is off otherwise).
    /// The period clock's settings (renewals, period ends, lapses): it runs with billing off
    /// too, issuing no renewal invoices then.
    pub fn period_clock(&self) -> billing::clock::ClockSettings {
        let b = &self.billing;
        billing::clock::ClockSettings {
            tax: self.tax_rule(),
            grace_days: b.grace_days.max(0),
            invoices: b.midtrans.server_key.is_some(),
        }
    }

    fn tax_rule(&self) -> entities::billing::tax::TaxRule {
        let b = &self.billing;
        entities::billing::tax::TaxRule {
            charge_ppn: b.charge_ppn,
            prices_include_tax: b.prices_include_tax,
            rate_percent: b.tax_rate_percent,
            base_numerator: b.tax_base_numerator,
            base_denominator: b.tax_base_denominator,
        }
    }

    pub fn billing_settings(&self) -> Option<billing::BillingSettings> {
        let b = &self.billing;
        let m = &b.midtrans;
        let server_key = m.server_key.as_ref()?.expose().to_owned();
        let (snap, api) = if m.production {
            (
                "https://app.midtrans.com/snap/v1",
                "https://api.midtrans.com",
            )
        } else {
            (
                "https://app.sandbox.midtrans.com/snap/v1",
                "https://api.sandbox.midtrans.com",
            )
        };
        Some(billing::BillingSettings {
            signature_key: m
                .signature_key
                .as_ref()
                .map_or_else(|| server_key.clone(), |k| k.expose().to_owned()),
            server_key,
            snap_url: m.snap_url.clone().unwrap_or_else(|| snap.to_owned()),
            api_url: m.api_url.clone().unwrap_or_else(|| api.to_owned()),
            tax: self.tax_rule(),
            public_url: self.api.public_url.clone(),
            checkout_expiry_hours: b.checkout_expiry_hours,
            retry_backoff: b
                .retry_backoff_secs
                .iter()
                .map(|s| std::time::Duration::from_secs(*s))
                .collect(),
            poll_interval: std::time::Duration::from_millis(b.poll_interval_ms.max(10)),
        })
    }

    /// The seller printed on invoices.
    pub fn seller(&self) -> billing::invoice_pdf::Seller {
        billing::invoice_pdf::Seller {
            name: self.billing.seller_name.clone(),
            npwp: self.billing.seller_npwp.clone(),
            address: self.billing.seller_address.clone(),
        }
    }

    /// The database URL, defaulting to SQLite in the data directory.
    pub fn database_url(&self) -> String {
        match &self.database.url {
            Some(url) => url.expose().to_owned(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.security.data_dir.join("satu.db").display()
            ),
        }
    }
}

fn invalid(key: &str, message: &str) -> ConfigError {
    ConfigError::Invalid {
        key: key.to_owned(),
        message: message.to_owned(),
    }
}

fn read_file(path: &Path) -> Result<toml::Table, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::ReadFile {
        path: path.to_owned(),
        source,
    })?;
    text.parse::<toml::Table>().map_err(|e| ConfigError::Toml {
        path: path.to_owned(),
        message: e.message().to_owned(),
    })
}

fn merge(into: &mut toml::Table, from: toml::Table) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(existing)), toml::Value::Table(incoming)) => {
                merge(existing, incoming)
            }
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

fn apply_env(
    tree: &mut toml::Table,
    env: impl IntoIterator<Item = (String, String)>,
) -> Result<(), ConfigError> {
    let mut conventional = Vec::new();
    let mut explicit = Vec::new();
    for (var, value) in env {
        match var.as_str() {
            "DATABASE_URL" => {
                conventional.push((vec!["database".into(), "url".into()], string(value)))
            }
            "REDIS_URL" => conventional.push((vec!["redis".into(), "url".into()], string(value))),
            _ => {
                if let Some(rest) = var.strip_prefix("SATU__") {
                    explicit.push(env_entry(&var, rest, value)?);
                }
            }
        }
    }
    // SATU__… wins over the conventional short forms.
    for (path, value) in conventional.into_iter().chain(explicit) {
        set_path(tree, &path, value);
    }
    Ok(())
}

fn env_entry(
    var: &str,
    rest: &str,
    value: String,
) -> Result<(Vec<String>, toml::Value), ConfigError> {
    let (rest, value) = match rest.strip_suffix("_FILE") {
        Some(base) => {
            let content =
                std::fs::read_to_string(&value).map_err(|source| ConfigError::SecretFile {
                    var: var.to_owned(),
                    path: value.clone(),
                    source,
                })?;
            (base, string(content.trim().to_owned()))
        }
        None => (rest, typed(&value)),
    };
    let path: Vec<String> = rest.split("__").map(str::to_lowercase).collect();
    if path.iter().any(String::is_empty) {
        return Err(invalid(var, "malformed variable name (empty section)"));
    }
    Ok((path, value))
}

fn string(value: String) -> toml::Value {
    toml::Value::String(value)
}

/// Environment values are strings; booleans, integers, floats and `[…]` arrays are recognised
/// so they reach typed settings. Quote a value ('"123"') to force a string.
fn typed(raw: &str) -> toml::Value {
    let raw = raw.trim();
    match raw {
        "true" => return toml::Value::Boolean(true),
        "false" => return toml::Value::Boolean(false),
        _ => {}
    }
    if let Ok(i) = raw.parse::<i64>() {
        return toml::Value::Integer(i);
    }
    if raw.contains('.')
        && raw
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && let Ok(f) = raw.parse::<f64>()
    {
        return toml::Value::Float(f);
    }
    if (raw.starts_with('[') || raw.starts_with('"'))
        && let Ok(table) = format!("v = {raw}").parse::<toml::Table>()
        && let Some(v) = table.get("v")
    {
        return v.clone();
    }
    toml::Value::String(raw.to_owned())
}

fn set_path(tree: &mut toml::Table, path: &[String], value: toml::Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut node = tree;
    for key in parents {
        let entry = node
            .entry(key.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !entry.is_table() {
            *entry = toml::Value::Table(toml::Table::new());
        }
        let toml::Value::Table(next) = entry else {
            return;
        };
        node = next;
    }
    node.insert(last.clone(), value);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_are_the_embedded_setup() {
        let c = Config::load(None, env(&[])).unwrap();
        assert_eq!(c.server.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url(), "sqlite://./data/satu.db?mode=rwc");
        assert!(!c.proxy.allow_private_upstreams);
        assert_eq!(c.providers.openai.base_url, "https://api.openai.com/v1");
    }

    #[test]
    fn environment_overrides_with_types() {
        let c = Config::load(
            None,
            env(&[
                ("SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS", "true"),
                ("SATU__SERVER__BIND", "0.0.0.0:9000"),
                (
                    "SATU__PROVIDERS__OPENAI__BASE_URL",
                    "http://127.0.0.1:1234/v1",
                ),
                ("DATABASE_URL", "postgres://u@h/db"),
                ("SATU__PROXY__USAGE_BATCH_SIZE", "7"),
                ("UNRELATED", "x"),
            ]),
        )
        .unwrap();
        assert!(c.proxy.allow_private_upstreams);
        assert_eq!(c.server.bind.port(), 9000);
        assert_eq!(c.proxy.usage_batch_size, 7);
        assert_eq!(c.database_url(), "postgres://u@h/db");
        assert_eq!(c.providers.openai.base_url, "http://127.0.0.1:1234/v1");
    }

    #[test]
    fn explicit_database_url_wins_over_conventional() {
        let c = Config::load(
            None,
            env(&[
                ("SATU__DATABASE__URL", "sqlite://a.db"),
                ("DATABASE_URL", "postgres://u@h/db"),
            ]),
        )
        .unwrap();
        assert_eq!(c.database_url(), "sqlite://a.db");
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_key() {
        let err = Config::load(None, env(&[("SATU__PROXY__ALOW_PRIVATE", "true")])).unwrap_err();
        assert!(err.to_string().contains("alow_private"), "{err}");
        let err = Config::load(None, env(&[("SATU__SERVER__BIND", "nonsense")])).unwrap_err();
        assert!(err.to_string().contains("server.bind"), "{err}");
        let err = Config::load(None, env(&[("SATU__DATABASE__URL", "mysql://x")])).unwrap_err();
        assert!(err.to_string().contains("database.url"), "{err}");
    }

    #[test]
    fn file_secrets_are_read_and_never_printed() {
        let dir = std::env::temp_dir().join(format!("satu-cfg-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let key_file = dir.join("key");
        std::fs::write(&key_file, "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=\n").unwrap();
        let toml_file = dir.join("satu.toml");
        std::fs::write(
            &toml_file,
            "[server]\nshutdown_grace_secs = 3\n[log]\nformat = \"json\"\n",
        )
        .unwrap();
        let c = Config::load(
            Some(&toml_file),
            env(&[(
                "SATU__SECURITY__MASTER_KEY_FILE",
                key_file.to_str().unwrap(),
            )]),
        )
        .unwrap();
        assert_eq!(c.server.shutdown_grace_secs, 3);
        assert_eq!(c.log.format, LogFormat::Json);
        let key = c.security.master_key.as_ref().unwrap();
        assert_eq!(key.expose(), "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=");
        assert!(!format!("{c:?}").contains("c2VjcmV0"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
