//! Gemini with an API key: `models/{model}:generateContent` (or `:streamGenerateContent`
//! with `alt=sse`), the key in `x-goog-api-key`.

use axum::http::header::HeaderName;
use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;
use serde_json::Value;

use super::headers::{insert_secret, parse_uri};
use super::{ModelsCall, Spoke, UpstreamCall};
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
        call: &ModelsCall<'_>,
    ) -> reqwest::RequestBuilder {
        http.get(format!(
            "{}?pageSize=1000",
            super::models_url(call.base_url)
        ))
        .header("x-goog-api-key", call.secret)
    }

    /// `models[].name` as `models/{id}`; embedding and other models that cannot generate
    /// content are left out.
    fn model_ids(&self, body: &Value) -> Vec<String> {
        let generates = |m: &&Value| {
            m.get("supportedGenerationMethods")
                .and_then(Value::as_array)
                .is_none_or(|methods| methods.iter().any(|x| x == "generateContent"))
        };
        let models = body
            .get("models")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        let mut ids: Vec<String> = Vec::new();
        for name in models
            .filter(generates)
            .filter_map(|m| m.get("name").and_then(Value::as_str))
        {
            let id = name.strip_prefix("models/").unwrap_or(name);
            if !id.is_empty() && !ids.iter().any(|known| known == id) {
                ids.push(id.to_owned());
            }
        }
        ids
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
