//! OAuth settings of each provider: every endpoint, client id, scope and lead time, with the
//! public CLIs' values (../shared/PROVIDERS.md) as defaults. Client secrets have no default:
//! the operator configures them (`SATU__OAUTH__GEMINI__CLIENT_SECRET_FILE`).

use std::collections::BTreeMap;
use std::time::Duration;

use entities::Provider;
use serde::Deserialize;

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
            anthropic: OAuthClient::anthropic(),
            openai: OAuthClient::openai(),
            gemini: OAuthClient::gemini(),
            qwen: OAuthClient::qwen(),
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
    pub fn client(&self, provider: Provider) -> Option<&OAuthClient> {
        match provider {
            Provider::Anthropic => Some(&self.anthropic),
            Provider::OpenAi => Some(&self.openai),
            Provider::Gemini => Some(&self.gemini),
            Provider::Qwen => Some(&self.qwen),
            Provider::OpenAiCompatible => None,
        }
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
    patched(d, OAuthClient::anthropic())
}
fn openai_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, OAuthClient::openai())
}
fn gemini_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, OAuthClient::gemini())
}
fn qwen_patch<'de, D: serde::Deserializer<'de>>(d: D) -> Result<OAuthClient, D::Error> {
    patched(d, OAuthClient::qwen())
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

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn params(items: &[(&str, &str)]) -> BTreeMap<String, String> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

impl OAuthClient {
    pub fn refresh_lead(&self) -> Duration {
        Duration::from_secs(self.refresh_lead_secs)
    }

    fn anthropic() -> Self {
        Self {
            client_id: "9d1c250a-e61b-44d9-88ed-5944d1962f5e".to_owned(),
            client_secret: None,
            authorize_url: Some("https://claude.ai/oauth/authorize".to_owned()),
            authorize_params: params(&[("code", "true")]),
            redirect_uri: Some("http://localhost:54545/callback".to_owned()),
            token_url: "https://platform.claude.com/v1/oauth/token".to_owned(),
            token_body: BodyEncoding::Json,
            scopes: strings(&[
                "user:profile",
                "user:inference",
                "user:sessions:claude_code",
                "user:mcp_servers",
                "user:file_upload",
            ]),
            device_code_url: None,
            device_token_url: None,
            device_verify_url: None,
            device_redirect_uri: None,
            profile_url: Some("https://api.anthropic.com/api/oauth/profile".to_owned()),
            refresh_lead_secs: 4 * 3600,
        }
    }

    fn openai() -> Self {
        Self {
            client_id: "app_EMoamEEZ73f0CkXaXp7hrann".to_owned(),
            client_secret: None,
            authorize_url: Some("https://auth.openai.com/oauth/authorize".to_owned()),
            authorize_params: params(&[
                ("id_token_add_organizations", "true"),
                ("codex_cli_simplified_flow", "true"),
                ("prompt", "login"),
            ]),
            redirect_uri: Some("http://localhost:1455/auth/callback".to_owned()),
            token_url: "https://auth.openai.com/oauth/token".to_owned(),
            token_body: BodyEncoding::Form,
            scopes: strings(&["openid", "email", "profile", "offline_access"]),
            device_code_url: Some(
                "https://auth.openai.com/api/accounts/deviceauth/usercode".to_owned(),
            ),
            device_token_url: Some(
                "https://auth.openai.com/api/accounts/deviceauth/token".to_owned(),
            ),
            device_verify_url: Some("https://auth.openai.com/codex/device".to_owned()),
            device_redirect_uri: Some("https://auth.openai.com/deviceauth/callback".to_owned()),
            profile_url: None,
            refresh_lead_secs: 5 * 24 * 3600,
        }
    }

    fn gemini() -> Self {
        Self {
            // The Gemini CLI's installed-app client is operator configuration.
            client_id: String::new(),
            client_secret: None,
            authorize_url: Some("https://accounts.google.com/o/oauth2/v2/auth".to_owned()),
            authorize_params: params(&[("access_type", "offline"), ("prompt", "consent")]),
            redirect_uri: Some("http://localhost:8085/oauth2callback".to_owned()),
            token_url: "https://oauth2.googleapis.com/token".to_owned(),
            token_body: BodyEncoding::Form,
            scopes: strings(&[
                "https://www.googleapis.com/auth/cloud-platform",
                "https://www.googleapis.com/auth/userinfo.email",
                "https://www.googleapis.com/auth/userinfo.profile",
            ]),
            device_code_url: None,
            device_token_url: None,
            device_verify_url: None,
            device_redirect_uri: None,
            profile_url: Some("https://www.googleapis.com/oauth2/v2/userinfo".to_owned()),
            refresh_lead_secs: 600,
        }
    }

    fn qwen() -> Self {
        Self {
            client_id: "f0304373b74a44d2b584a3fb70ca9e56".to_owned(),
            client_secret: None,
            authorize_url: None,
            authorize_params: BTreeMap::new(),
            redirect_uri: None,
            token_url: "https://chat.qwen.ai/api/v1/oauth2/token".to_owned(),
            token_body: BodyEncoding::Form,
            scopes: strings(&["openid", "profile", "email", "model.completion"]),
            device_code_url: Some("https://chat.qwen.ai/api/v1/oauth2/device/code".to_owned()),
            device_token_url: None,
            device_verify_url: None,
            device_redirect_uri: None,
            profile_url: None,
            refresh_lead_secs: 20 * 60,
        }
    }
}
