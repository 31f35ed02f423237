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
}

impl Default for QwenOAuthEndpoint {
    fn default() -> Self {
        Self {
            scheme: "https".to_owned(),
            default_host: "portal.qwen.ai".to_owned(),
        }
    }
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
