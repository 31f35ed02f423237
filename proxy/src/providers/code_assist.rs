//! Gemini CLI subscriptions, through Code Assist: the Gemini format inside an envelope
//! (`{model, project, request}` in, `{response}` out, stream events too), a bearer token, and
//! the method on the base URL itself.

use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;
use serde_json::{Value, json};

use super::gemini::action;
use super::headers::{bearer, parse_uri};
use super::{ModelsCall, Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::route::Target;

pub struct CodeAssist;

impl Spoke for CodeAssist {
    fn format(&self, _: Dialect) -> Format {
        Format::Gemini
    }

    fn default_base(&self, p: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(p.code_assist.base_url.clone())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        let account = &call.target.account;
        bearer(headers, &account.secret)?;
        parse_uri(format!(
            "{}:{}",
            account.base_url.as_str(),
            action(call.stream)
        ))
    }

    fn envelope(&self, body: Value, target: &Target) -> Value {
        json!({"model": target.upstream_model, "project": target.account.project_id, "request": body})
    }

    fn unwrap(&self, data: &[u8]) -> Option<Vec<u8>> {
        let mut value: Value = serde_json::from_slice(data).ok()?;
        let inner = value.get_mut("response")?.take();
        serde_json::to_vec(&inner).ok()
    }

    /// Code Assist has no model list; its quota answer has a bucket per model the user's
    /// tier reaches (`buckets[].modelId`).
    fn models_request(
        &self,
        http: &reqwest::Client,
        call: &ModelsCall<'_>,
    ) -> reqwest::RequestBuilder {
        http.post(format!("{}:retrieveUserQuota", call.base_url))
            .bearer_auth(call.secret)
            .json(&json!({"project": call.project_id}))
    }

    fn model_ids(&self, body: &Value) -> Vec<String> {
        super::ids_at(body, "buckets", "modelId")
    }

    fn retry_hint(&self, _: &HeaderMap, body: &[u8], _: i64) -> Option<u64> {
        crate::retry_hint::retry_info(body)
    }
}

/// The subscription sign-in (Google's OAuth client, the Code Assist project, the credential file).
mod oauth;
mod project;
pub(super) use oauth::read_oauth_creds;
