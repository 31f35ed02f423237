//! Gemini with an API key: `models/{model}:generateContent` (or `:streamGenerateContent`
//! with `alt=sse`), the key in `x-goog-api-key`.

use axum::http::header::HeaderName;
use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;

use super::headers::{insert_secret, parse_uri};
use super::{Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;

const X_GOOG_API_KEY: HeaderName = HeaderName::from_static("x-goog-api-key");

pub struct Gemini;

impl Spoke for Gemini {
    fn format(&self, _: Dialect) -> Format {
        Format::Gemini
    }

    fn default_base(&self, p: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(p.gemini.base_url.clone())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        let account = &call.target.account;
        insert_secret(headers, X_GOOG_API_KEY, &account.secret)?;
        let (base, model) = (account.base_url.as_str(), &call.target.upstream_model);
        parse_uri(format!("{base}/models/{model}:{}", action(call.stream)))
    }

    fn retry_hint(&self, _: &HeaderMap, body: &[u8], _: i64) -> Option<u64> {
        crate::retry_hint::retry_info(body)
    }

    fn models_request(
        &self,
        http: &reqwest::Client,
        base_url: &str,
        key: &str,
    ) -> reqwest::RequestBuilder {
        http.get(super::models_url(base_url))
            .header("x-goog-api-key", key)
    }
}

/// The method name: streamed (as SSE) or whole.
pub fn action(stream: bool) -> &'static str {
    if stream {
        "streamGenerateContent?alt=sse"
    } else {
        "generateContent"
    }
}
