//! ChatGPT subscriptions, through the Codex backend: the Responses API only, always streamed,
//! never stored, with instructions, and the `originator` and `chatgpt-account-id` headers.

use axum::http::header::HeaderName;
use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;
use serde_json::{Map, Value};

use super::headers::{bearer, endpoint_uri, value};
use super::{Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;

const ORIGINATOR: HeaderName = HeaderName::from_static("originator");
const CHATGPT_ACCOUNT_ID: HeaderName = HeaderName::from_static("chatgpt-account-id");

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

    /// A usage limit answers `{"error": {"resets_in_seconds": …}}`.
    fn retry_hint(&self, _: &HeaderMap, body: &[u8], _: i64) -> Option<u64> {
        crate::retry_hint::resets_in_seconds(body)
    }
}

/// The subscription sign-in (the Codex CLI's OAuth client, device flow and auth file).
mod device;
mod oauth;
