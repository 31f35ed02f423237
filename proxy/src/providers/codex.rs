//! ChatGPT subscriptions, through the Codex backend: the Responses API only, always streamed,
//! never stored, with instructions, and the `originator` and `chatgpt-account-id` headers.

use axum::http::header::HeaderName;
use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;
use serde_json::{Map, Value};

use super::headers::{bearer, endpoint_uri, value};
use super::{ModelsCall, Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;

const ORIGINATOR: HeaderName = HeaderName::from_static("originator");
const CHATGPT_ACCOUNT_ID: HeaderName = HeaderName::from_static("chatgpt-account-id");

/// The Codex CLI release whose model list is asked for: the backend leaves out models that
/// need a newer client.
const CLIENT_VERSION: &str = "0.171.0";

pub struct Codex;

impl Spoke for Codex {
    fn format(&self, _: Dialect) -> Format {
        Format::OpenAiResponses
    }

    fn default_base(&self, p: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(p.codex.base_url.clone())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        let account = &call.target.account;
        bearer(headers, &account.secret)?;
        headers.insert(ORIGINATOR, value(&call.settings.codex_originator)?);
        if let Some(id) = &account.chatgpt_account_id {
            headers.insert(CHATGPT_ACCOUNT_ID, value(id)?);
        }
        endpoint_uri(&account.base_url, "/responses")
    }

    fn adjust_body(&self, body: &mut Map<String, Value>, _: &UpstreamCall<'_>) {
        body.insert("stream".into(), Value::Bool(true));
        body.insert("store".into(), Value::Bool(false));
        body.entry("instructions")
            .or_insert_with(|| Value::String(String::new()));
        for unsupported in ["max_output_tokens", "temperature", "top_p"] {
            body.remove(unsupported);
        }
    }

    fn always_streams(&self) -> bool {
        true
    }

    /// The backend's own list, `models[].slug`, filtered by the client version asking.
    fn models_request(
        &self,
        http: &reqwest::Client,
        call: &ModelsCall<'_>,
    ) -> reqwest::RequestBuilder {
        let request = http
            .get(format!(
                "{}?client_version={CLIENT_VERSION}",
                super::models_url(call.base_url)
            ))
            .bearer_auth(call.secret)
            .header(ORIGINATOR, call.settings.codex_originator.as_str());
        match call.chatgpt_account_id {
            Some(id) => request.header(CHATGPT_ACCOUNT_ID, id),
            None => request,
        }
    }

    fn model_ids(&self, body: &Value) -> Vec<String> {
        super::ids_at(body, "models", "slug")
    }

    /// A usage limit answers `{"error": {"resets_in_seconds": …}}`.
    fn retry_hint(&self, _: &HeaderMap, body: &[u8], _: i64) -> Option<u64> {
        crate::retry_hint::resets_in_seconds(body)
    }
}

/// The subscription sign-in (the Codex CLI's OAuth client, device flow and auth file).
mod device;
mod oauth;
