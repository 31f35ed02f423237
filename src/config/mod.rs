//! Layered configuration: defaults → `satu.toml` (optional) → environment.
//!
//! Environment keys are `SATU__SECTION__KEY` (e.g. `SATU__PROXY__ALLOW_PRIVATE_UPSTREAMS=true`);
//! `SATU__SECTION__KEY_FILE=/path` reads the value from a mounted file (secrets). `DATABASE_URL`
//! and `REDIS_URL` are accepted as the conventional short forms. Unknown keys and invalid values
//! stop start-up with a message naming the key.

mod sections;
mod sources;

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use sections::*;
use sources::{apply_env, merge, read_file};

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
    pub telemetry: proxy::traces::TelemetryConfig,
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
        if let Some(endpoint) = &self.telemetry.otlp_endpoint
            && reqwest::Url::parse(endpoint)
                .map_or(true, |u| !matches!(u.scheme(), "http" | "https"))
        {
            return Err(invalid(
                "telemetry.otlp_endpoint",
                "must be an http:// or https:// URL (the collector's OTLP/HTTP port, 4318)",
            ));
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
        let h = &self.api.health;
        let rate_ok = |r: f64| r.is_finite() && (0.0..=1.0).contains(&r);
        if !rate_ok(h.degraded_error_rate)
            || !rate_ok(h.down_error_rate)
            || h.degraded_error_rate > h.down_error_rate
        {
            return Err(invalid(
                "api.health.*_error_rate",
                "must be shares between 0 and 1, degraded not above down",
            ));
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

pub(super) fn invalid(key: &str, message: &str) -> ConfigError {
    ConfigError::Invalid {
        key: key.to_owned(),
        message: message.to_owned(),
    }
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
