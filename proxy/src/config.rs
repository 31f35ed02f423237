//! Settings of the data plane. Deserialized by the `satu` binary as the `[proxy]` and
//! `[providers]` sections of the layered configuration.

use std::time::Duration;

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProxyConfig {
    /// Let accounts reach loopback/private addresses (local gateways, tests). Off in production.
    pub allow_private_upstreams: bool,
    /// Largest request body accepted, in bytes (images make bodies big).
    pub max_body_bytes: usize,
    pub connect_timeout_ms: u64,
    /// Time allowed until the upstream's first byte (headers and first chunk).
    pub first_byte_timeout_secs: u64,
    /// Longest silence allowed between two upstream chunks of a stream.
    pub idle_timeout_secs: u64,
    /// Interval of SSE comments sent to the client while the upstream is silent.
    pub keepalive_secs: u64,
    /// How long a looked-up API key or a user's account list is trusted before re-reading.
    pub cache_ttl_secs: u64,
    pub usage_queue_capacity: usize,
    /// Refused requests (bad bodies, unknown models, quota refusals) recorded per API key
    /// and minute; the rest are answered and counted in `satu_refusals_unrecorded_total`.
    pub refusals_recorded_per_key_per_minute: u32,
    pub usage_batch_size: usize,
    pub usage_flush_interval_ms: u64,
    /// Requests in flight per upstream connection before another connection is opened: at or
    /// below the providers' HTTP/2 `SETTINGS_MAX_CONCURRENT_STREAMS` (100 is the common floor).
    pub upstream_streams_per_connection: usize,
    /// Speak HTTP/2 to plain-http upstreams without negotiation (h2c). TLS upstreams choose
    /// HTTP/2 by ALPN either way; this is for local gateways and benchmark mocks.
    pub upstream_h2c: bool,
}

impl Default for ProxyConfig {
    fn default() -> Self {
        Self {
            allow_private_upstreams: false,
            max_body_bytes: 32 * 1024 * 1024,
            connect_timeout_ms: 10_000,
            first_byte_timeout_secs: 300,
            idle_timeout_secs: 300,
            keepalive_secs: 15,
            cache_ttl_secs: 10,
            usage_queue_capacity: 10_000,
            refusals_recorded_per_key_per_minute: 1_000,
            usage_batch_size: 500,
            usage_flush_interval_ms: 200,
            upstream_streams_per_connection: 100,
            upstream_h2c: false,
        }
    }
}

impl ProxyConfig {
    pub fn connect_timeout(&self) -> Duration {
        Duration::from_millis(self.connect_timeout_ms)
    }
    pub fn first_byte_timeout(&self) -> Duration {
        Duration::from_secs(self.first_byte_timeout_secs)
    }
    pub fn idle_timeout(&self) -> Duration {
        Duration::from_secs(self.idle_timeout_secs)
    }
    pub fn keepalive(&self) -> Duration {
        Duration::from_secs(self.keepalive_secs.max(1))
    }
    pub fn cache_ttl(&self) -> Duration {
        Duration::from_secs(self.cache_ttl_secs)
    }
}

/// Base URLs of each provider's API. Every one defaults to the real service; tests and staging
/// point them at mocks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ProvidersConfig {
    pub openai: ProviderEndpoint,
    pub anthropic: ProviderEndpoint,
    pub gemini: ProviderEndpoint,
    pub qwen: ProviderEndpoint,
    /// ChatGPT subscriptions (Codex backend, Responses API).
    pub codex: ProviderEndpoint,
    /// Gemini CLI subscriptions (Code Assist).
    pub code_assist: ProviderEndpoint,
    /// Qwen OAuth accounts call `{scheme}://{resource_url}/v1`; the host comes with the token.
    pub qwen_oauth: QwenOAuthEndpoint,
    /// The `originator` header sent to the Codex backend: who is calling.
    pub codex_originator: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct QwenOAuthEndpoint {
    pub scheme: String,
    /// Used when the token came without a `resource_url`.
    pub default_host: String,
    /// The hosts a token's `resource_url` may name (besides `default_host`). The host comes
    /// from a token or an uploaded file, so anything else is refused: it could point a
    /// user's requests, and their bearer token, at an address of Satu's own network.
    pub allowed_hosts: Vec<String>,
}

impl Default for QwenOAuthEndpoint {
    fn default() -> Self {
        Self {
            scheme: "https".to_owned(),
            default_host: "portal.qwen.ai".to_owned(),
            allowed_hosts: [
                "portal.qwen.ai",
                "chat.qwen.ai",
                "dashscope.aliyuncs.com",
                "dashscope-intl.aliyuncs.com",
            ]
            .map(str::to_owned)
            .to_vec(),
        }
    }
}

impl QwenOAuthEndpoint {
    /// The API base of a Qwen OAuth account: `{scheme}://{host}/v1`, where the host is the
    /// token's `resource_url` (given with or without scheme and `/v1`) when it is allowed.
    pub fn base_url(&self, resource_url: Option<&str>) -> Result<String, String> {
        let host = resource_url.map_or(self.default_host.as_str(), qwen_host);
        let allowed = host.eq_ignore_ascii_case(&self.default_host)
            || self
                .allowed_hosts
                .iter()
                .any(|h| h.eq_ignore_ascii_case(host));
        if !allowed {
            let shown: String = host.chars().take(100).collect();
            return Err(format!(
                "the Qwen token names `{shown}` as its API host, which is not one of Qwen's \
                 (providers.qwen_oauth.allowed_hosts)"
            ));
        }
        Ok(format!("{}://{host}/v1", self.scheme))
    }
}

/// `https://portal.qwen.ai/v1/` → `portal.qwen.ai`.
fn qwen_host(resource_url: &str) -> &str {
    let host = resource_url.trim();
    let host = host
        .strip_prefix("https://")
        .or_else(|| host.strip_prefix("http://"))
        .unwrap_or(host);
    let host = host.trim_end_matches('/');
    host.strip_suffix("/v1").unwrap_or(host)
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderEndpoint {
    pub base_url: String,
}

impl ProviderEndpoint {
    fn new(base_url: &str) -> Self {
        Self {
            base_url: base_url.to_owned(),
        }
    }
}

impl Default for ProvidersConfig {
    fn default() -> Self {
        Self {
            openai: ProviderEndpoint::new("https://api.openai.com/v1"),
            anthropic: ProviderEndpoint::new("https://api.anthropic.com/v1"),
            gemini: ProviderEndpoint::new("https://generativelanguage.googleapis.com/v1beta"),
            qwen: ProviderEndpoint::new("https://dashscope-intl.aliyuncs.com/compatible-mode/v1"),
            codex: ProviderEndpoint::new("https://chatgpt.com/backend-api/codex"),
            code_assist: ProviderEndpoint::new("https://cloudcode-pa.googleapis.com/v1internal"),
            qwen_oauth: QwenOAuthEndpoint::default(),
            codex_originator: "satu".to_owned(),
        }
    }
}

impl ProvidersConfig {
    /// The default API base of a provider; `None` for `openai-compatible`, which has no default.
    pub fn base_url(&self, provider: entities::Provider) -> Option<&str> {
        use entities::Provider::*;
        match provider {
            OpenAi => Some(&self.openai.base_url),
            Anthropic => Some(&self.anthropic.base_url),
            Gemini => Some(&self.gemini.base_url),
            Qwen => Some(&self.qwen.base_url),
            OpenAiCompatible => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qwen_tokens_may_only_name_qwen_hosts() {
        let qwen = QwenOAuthEndpoint::default();
        assert_eq!(qwen.base_url(None).unwrap(), "https://portal.qwen.ai/v1");
        for given in [
            "portal.qwen.ai",
            "https://portal.qwen.ai/v1/",
            "DASHSCOPE-INTL.aliyuncs.com",
        ] {
            assert!(qwen.base_url(Some(given)).is_ok(), "{given}");
        }
        for given in [
            "10.0.0.1",
            "169.254.169.254",
            "portal.qwen.ai@10.0.0.1",
            "portal.qwen.ai.evil.example",
            "portal.qwen.ai:8080",
            "evil.example/portal.qwen.ai",
            "",
        ] {
            let refused = qwen.base_url(Some(given)).unwrap_err();
            assert!(refused.contains("allowed_hosts"), "{given}: {refused}");
        }
    }
}
