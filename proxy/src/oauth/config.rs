//! OAuth settings of each provider: every endpoint, client id, scope and lead time, with the
//! public CLIs' values (../shared/PROVIDERS.md) as defaults, which each provider's spoke
//! states (`Subscription::default_client`). Client secrets have no default:
//! the operator configures them (`SATU__OAUTH__GEMINI__CLIENT_SECRET_FILE`).

use std::collections::BTreeMap;
use std::time::Duration;

use entities::Provider;
use serde::Deserialize;

use crate::providers::subscription::{Anthropic, CodeAssist, Codex, QwenCode};
use crate::providers::{Subscription, subscription};

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct OAuthConfig {
    #[serde(deserialize_with = "anthropic_patch")]
    pub anthropic: OAuthClient,
    #[serde(deserialize_with = "openai_patch")]
    pub openai: OAuthClient,
    #[serde(deserialize_with = "gemini_patch")]
    pub gemini: OAuthClient,
    #[serde(deserialize_with = "qwen_patch")]
    pub qwen: OAuthClient,
    /// How long a started sign-in may wait for its paste-back or device approval.
    pub flow_ttl_secs: u64,
    /// How long one replica may hold an account's refresh lease.
    pub lease_secs: u64,
    /// How often the worker looks for tokens nearing expiry.
    pub scan_interval_secs: u64,
    /// Added to a device flow's polling interval on `slow_down` (RFC 8628 says 5).
    pub slow_down_step_secs: u64,
    /// Attempts at a token endpoint answering 429/5xx within one refresh.
    pub token_attempts: u32,
    /// Longest Retry-After waited inside one refresh; longer waits end the attempt and the
    /// schedule tries again then.
    pub max_retry_after_secs: u64,
    /// First delay before retrying a refresh that failed transiently (doubles, capped at 1 h).
    pub retry_backoff_secs: u64,
    pub http_timeout_secs: u64,
    /// Gemini CLI sign-ins: delay between `onboardUser` polls, and how many.
    pub onboard_poll_ms: u64,
    pub onboard_max_polls: u32,
}

impl Default for OAuthConfig {
    fn default() -> Self {
        Self {
            anthropic: Anthropic.default_client(),
            openai: Codex.default_client(),
            gemini: CodeAssist.default_client(),
            qwen: QwenCode.default_client(),
            flow_ttl_secs: 600,
            lease_secs: 60,
            scan_interval_secs: 60,
            slow_down_step_secs: 5,
            token_attempts: 3,
            max_retry_after_secs: 20,
            retry_backoff_secs: 60,
            http_timeout_secs: 20,
            onboard_poll_ms: 5_000,
            onboard_max_polls: 12,
        }
    }
}

impl std::fmt::Debug for OAuthConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthConfig")
            .field("anthropic", &self.anthropic)
            .field("openai", &self.openai)
            .field("gemini", &self.gemini)
            .field("qwen", &self.qwen)
            .finish_non_exhaustive()
    }
}

impl OAuthConfig {
    /// The client of `provider`'s subscription sign-in; `None` when it has none.
    pub fn client(&self, provider: Provider) -> Option<&OAuthClient> {
        subscription(provider).map(|s| s.client(self))
    }

    pub fn lease(&self) -> Duration {
        Duration::from_secs(self.lease_secs.max(5))
    }

    pub fn flow_ttl(&self) -> Duration {
        Duration::from_secs(self.flow_ttl_secs.max(60))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyEncoding {
    Form,
    Json,
}

#[derive(Clone)]
pub struct OAuthClient {
    pub client_id: String,
    pub client_secret: Option<String>,
    /// Authorization-code sign-in; `None` when the provider only has a device flow.
    pub authorize_url: Option<String>,
    /// Extra query parameters the provider's authorize page expects.
    pub authorize_params: BTreeMap<String, String>,
    pub redirect_uri: Option<String>,
    pub token_url: String,
    pub token_body: BodyEncoding,
    pub scopes: Vec<String>,
    /// Device sign-in: where the user code is asked for.
    pub device_code_url: Option<String>,
    /// Codex's device variant: where the approval is polled, the page the user opens, and the
    /// redirect URI its authorization code is exchanged with.
    pub device_token_url: Option<String>,
    pub device_verify_url: Option<String>,
    pub device_redirect_uri: Option<String>,
    /// Who signed in: Claude's profile or Google's userinfo.
    pub profile_url: Option<String>,
    /// Refresh this long before the access token expires.
    pub refresh_lead_secs: u64,
}

/// A configuration section overrides only the keys it names; the rest keep the provider's
/// defaults.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OAuthClientPatch {
    client_id: Option<String>,
    client_secret: Option<String>,
    authorize_url: Option<String>,
    authorize_params: Option<BTreeMap<String, String>>,
    redirect_uri: Option<String>,
    token_url: Option<String>,
    token_body: Option<BodyEncoding>,
    scopes: Option<Vec<String>>,
    device_code_url: Option<String>,
    device_token_url: Option<String>,
    device_verify_url: Option<String>,
    device_redirect_uri: Option<String>,
    profile_url: Option<String>,
    refresh_lead_secs: Option<u64>,
}

impl OAuthClientPatch {
    fn apply(self, mut base: OAuthClient) -> OAuthClient {
        fn set<T>(slot: &mut T, value: Option<T>) {
            if let Some(v) = value {
                *slot = v;
            }
        }
        fn set_opt<T>(slot: &mut Option<T>, value: Option<T>) {
            if value.is_some() {
                *slot = value;
            }
        }
        set(&mut base.client_id, self.client_id);
        set_opt(&mut base.client_secret, self.client_secret);
        set_opt(&mut base.authorize_url, self.authorize_url);
        set(&mut base.authorize_params, self.authorize_params);
        set_opt(&mut base.redirect_uri, self.redirect_uri);
        set(&mut base.token_url, self.token_url);
        set(&mut base.token_body, self.token_body);
        set(&mut base.scopes, self.scopes);
        set_opt(&mut base.device_code_url, self.device_code_url);
        set_opt(&mut base.device_token_url, self.device_token_url);
        set_opt(&mut base.device_verify_url, self.device_verify_url);
        set_opt(&mut base.device_redirect_uri, self.device_redirect_uri);
        set_opt(&mut base.profile_url, self.profile_url);
        set(&mut base.refresh_lead_secs, self.refresh_lead_secs);
        base
    }
}

fn patched<'de, D: serde::Deserializer<'de>>(
    d: D,
    base: OAuthClient,
) -> Result<OAuthClient, D::Error> {
    Ok(OAuthClientPatch::deserialize(d)?.apply(base))
}

fn anthropic_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, Anthropic.default_client())
}
fn openai_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, Codex.default_client())
}
fn gemini_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, CodeAssist.default_client())
}
fn qwen_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, QwenCode.default_client())
}

impl std::fmt::Debug for OAuthClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OAuthClient")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("token_url", &self.token_url)
            .finish_non_exhaustive()
    }
}

impl OAuthClient {
    pub fn refresh_lead(&self) -> Duration {
        Duration::from_secs(self.refresh_lead_secs)
    }
}

/// Strings out of a provider's literal defaults.
pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// Authorize parameters out of a provider's literal defaults.
pub fn params(items: &[(&str, &str)]) -> BTreeMap<String, String> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
