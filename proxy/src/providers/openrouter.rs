//! OpenRouter: an OpenAI-compatible gateway with its own quirks, recognised by its host on an
//! `openai-compatible` connection. Requests carry OpenRouter's app-attribution headers, and ask
//! for its usage accounting so the usage it reports includes cached tokens and cost.

use axum::http::header::HeaderName;
use axum::http::{HeaderMap, HeaderValue, Uri};
use entities::provider_accounts::Credentials;
use serde_json::{Map, Value, json};
use url::Url;

use super::openai::bearer_endpoint;
use super::{Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;

const HOST: &str = "openrouter.ai";
/// Attribution: the app's name in OpenRouter's analytics (the old and the current header).
const TITLE: HeaderValue = HeaderValue::from_static("Satu");
const X_TITLE: HeaderName = HeaderName::from_static("x-title");
const X_OPENROUTER_TITLE: HeaderName = HeaderName::from_static("x-openrouter-title");

pub struct OpenRouter;

/// Whether a base URL is OpenRouter's API.
pub fn serves(base_url: &Url) -> bool {
    base_url
        .host_str()
        .is_some_and(|h| h == HOST || h.ends_with(".openrouter.ai"))
}

/// Usage accounting on: OpenRouter then reports cached tokens and the cost it charged.
fn ask_for_usage_accounting(body: &mut Map<String, Value>) {
    match body.get_mut("usage") {
        Some(Value::Object(usage)) => {
            usage.insert("include".into(), Value::Bool(true));
        }
        _ => {
            body.insert("usage".into(), json!({"include": true}));
        }
    }
}

impl Spoke for OpenRouter {
    fn format(&self, _: Dialect) -> Format {
        Format::OpenAiChat
    }

    fn default_base(&self, _: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(format!("https://{HOST}/api/v1"))
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        headers.insert(X_TITLE, TITLE);
        headers.insert(X_OPENROUTER_TITLE, TITLE);
        bearer_endpoint(call, headers)
    }

    fn adjust_body(&self, body: &mut Map<String, Value>, _: &UpstreamCall<'_>) {
        ask_for_usage_accounting(body);
    }

    /// The body is always adjusted, so it is never the client's bytes as they came.
    fn forwards_verbatim(&self, _: entities::AccountKind) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_accounting_is_asked_for_without_losing_the_callers_fields() {
        let mut body = Map::new();
        ask_for_usage_accounting(&mut body);
        assert_eq!(Value::Object(body), json!({"usage": {"include": true}}));
        let mut body = json!({"usage": {"include": false, "other": 1}});
        ask_for_usage_accounting(body.as_object_mut().unwrap());
        assert_eq!(body, json!({"usage": {"include": true, "other": 1}}));
    }
}
