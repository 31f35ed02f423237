//! `[api]`: the control plane's settings.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, Deserialize, Default, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CookieSecure {
    /// `Secure` when a trusted proxy (`trusted_proxy_hops` > 0) says the client came over https
    /// (`x-forwarded-proto`).
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ApiConfig {
    /// Schema introspection (GraphiQL needs it); production may turn it off.
    pub introspection: bool,
    /// Serve GraphiQL at `/graphiql` (it loads pinned, integrity-checked scripts from unpkg).
    pub graphiql: bool,
    pub session_ttl_hours: i64,
    pub cookie_secure: CookieSecure,
    /// Largest GraphQL request body.
    pub max_body_bytes: usize,
    pub max_depth: usize,
    pub max_complexity: usize,
    /// Sign-in and sign-up attempts allowed per client address and per email in 10 minutes.
    pub attempts_per_ip: i64,
    pub attempts_per_email: i64,
    /// Proxies in front of Satu that append to `x-forwarded-for` (0: use the peer address).
    pub trusted_proxy_hops: usize,
    /// Where users reach the dashboard: the base of links in emails.
    pub public_url: String,
    /// `Strict-Transport-Security` max-age sent when `public_url` is https (0: never).
    pub hsts_max_age_secs: u64,
    /// Live (websocket) connections one user, or one address when signed out, may hold.
    pub live_sockets_per_client: usize,
    /// Rupiah per US dollar: the dashboard shows estimated costs and budgets (kept in USD,
    /// as the catalog prices them) in Rupiah too, at this rate.
    pub idr_per_usd: f64,
    pub google: GoogleConfig,
    /// When the admin panel marks a provider degraded or down.
    pub health: HealthThresholds,
}

/// `[api.health]`: judged on the last 5 minutes of each provider's requests.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HealthThresholds {
    /// Fewer requests than this say nothing: the provider is shown idle.
    pub min_requests: i64,
    /// Error share (0–1) from which a provider is degraded, and down.
    pub degraded_error_rate: f64,
    pub down_error_rate: f64,
    /// p95 latency from which a provider is degraded.
    pub degraded_p95_ms: i64,
}

impl Default for HealthThresholds {
    fn default() -> Self {
        Self {
            min_requests: 10,
            degraded_error_rate: 0.05,
            down_error_rate: 0.5,
            degraded_p95_ms: 30_000,
        }
    }
}

/// Google sign-in (OpenID Connect). Off until the operator sets a client id and secret.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct GoogleConfig {
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub authorize_url: String,
    pub token_url: String,
    pub userinfo_url: String,
    /// Default: `{public_url}/auth/google/callback`.
    pub redirect_uri: Option<String>,
}

/// By hand, so the client secret never reaches a log line or an error (`{:?}` of the config).
impl std::fmt::Debug for GoogleConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GoogleConfig")
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("authorize_url", &self.authorize_url)
            .field("token_url", &self.token_url)
            .field("userinfo_url", &self.userinfo_url)
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

impl Default for GoogleConfig {
    fn default() -> Self {
        Self {
            client_id: None,
            client_secret: None,
            authorize_url: "https://accounts.google.com/o/oauth2/v2/auth".to_owned(),
            token_url: "https://oauth2.googleapis.com/token".to_owned(),
            userinfo_url: "https://openidconnect.googleapis.com/v1/userinfo".to_owned(),
            redirect_uri: None,
        }
    }
}

impl Default for ApiConfig {
    fn default() -> Self {
        Self {
            introspection: true,
            graphiql: false,
            session_ttl_hours: 24 * 30,
            cookie_secure: CookieSecure::Auto,
            max_body_bytes: 1024 * 1024,
            max_depth: 12,
            max_complexity: 2000,
            attempts_per_ip: 30,
            attempts_per_email: 10,
            trusted_proxy_hops: 0,
            public_url: "http://localhost:8080".to_owned(),
            live_sockets_per_client: 16,
            hsts_max_age_secs: 31_536_000,
            idr_per_usd: 16_500.0,
            google: GoogleConfig::default(),
            health: HealthThresholds::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_google_secret_never_prints() {
        let config = GoogleConfig {
            client_id: Some("id-123".to_owned()),
            client_secret: Some("GOCSPX-very-secret".to_owned()),
            ..GoogleConfig::default()
        };
        let printed = format!(
            "{config:?} {:?}",
            ApiConfig {
                google: config.clone(),
                ..ApiConfig::default()
            }
        );
        assert!(!printed.contains("GOCSPX"), "{printed}");
        assert!(printed.contains("id-123") && printed.contains("[redacted]"));
    }
}
