//! Qwen: DashScope's OpenAI-compatible API with an API key, and Qwen Code subscriptions,
//! whose API host comes with the token (`resource_url`, checked against an allow-list).

use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;

use super::openai::bearer_endpoint;
use super::{Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;

/// An API key.
pub struct Qwen;

/// A Qwen Code subscription (OAuth).
pub struct QwenCode;

impl Spoke for Qwen {
    fn format(&self, _: Dialect) -> Format {
        Format::OpenAiChat
    }

    fn default_base(&self, p: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(p.qwen.base_url.clone())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        bearer_endpoint(call, headers)
    }
}

impl Spoke for QwenCode {
    fn format(&self, _: Dialect) -> Format {
        Format::OpenAiChat
    }

    fn default_base(
        &self,
        p: &ProvidersConfig,
        credentials: &Credentials,
    ) -> Result<String, String> {
        p.qwen_oauth.base_url(credentials.resource_url.as_deref())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        Qwen.endpoint(call, headers)
    }
}

/// The subscription sign-in (Qwen's device flow and Qwen Code's credential file).
mod oauth;
