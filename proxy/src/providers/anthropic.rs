//! Anthropic: the Messages API with an API key, and Claude subscriptions (OAuth), which take
//! a bearer token with the OAuth beta and requests that present themselves as Claude Code.

use axum::http::header::HeaderName;
use axum::http::{HeaderMap, HeaderValue, Uri};
use entities::AccountKind;
use entities::provider_accounts::Credentials;
use serde_json::{Map, Value, json};

use super::headers::{bearer, endpoint_uri, insert_secret, value};
use super::{ModelsCall, Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::upstream::Mode;

const ANTHROPIC_VERSION: &str = "2023-06-01";
const OAUTH_BETA: &str = "oauth-2025-04-20";
/// Claude subscriptions take requests that present themselves as Claude Code.
const CLAUDE_CODE_IDENTITY: &str = "You are Claude Code, Anthropic's official CLI for Claude.";
const VERSION_HEADER: HeaderName = HeaderName::from_static("anthropic-version");
const BETA_HEADER: HeaderName = HeaderName::from_static("anthropic-beta");
const X_API_KEY: HeaderName = HeaderName::from_static("x-api-key");

pub struct Anthropic;

impl Spoke for Anthropic {
    fn format(&self, _: Dialect) -> Format {
        Format::Anthropic
    }

    fn default_base(&self, p: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(p.anthropic.base_url.clone())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        let account = &call.target.account;
        // The client's version and betas travel with its own body, not with a translation.
        let same = call.mode == Mode::Passthrough;
        let version = call
            .inbound
            .anthropic_version
            .clone()
            .filter(|_| same)
            .unwrap_or(HeaderValue::from_static(ANTHROPIC_VERSION));
        headers.insert(VERSION_HEADER, version);
        let client_beta = call
            .inbound
            .anthropic_beta
            .as_ref()
            .filter(|_| same)
            .and_then(|b| b.to_str().ok());
        match account.kind {
            AccountKind::ApiKey => {
                insert_secret(headers, X_API_KEY, &account.secret)?;
                if let Some(beta) = client_beta {
                    headers.insert(BETA_HEADER, value(beta)?);
                }
            }
            AccountKind::OAuth => {
                bearer(headers, &account.secret)?;
                headers.insert(BETA_HEADER, value(&with_oauth_beta(client_beta))?);
            }
        }
        endpoint_uri(&account.base_url, "/messages")
    }

    fn adjust_body(&self, body: &mut Map<String, Value>, call: &UpstreamCall<'_>) {
        if call.target.account.kind == AccountKind::OAuth {
            claude_code_identity(body);
        }
    }

    /// A subscription's 429 carries the unified windows' reset times.
    fn retry_hint(&self, headers: &HeaderMap, _: &[u8], now_unix: i64) -> Option<u64> {
        crate::retry_hint::anthropic_unified_reset(headers, now_unix)
    }

    /// Up to 1000 per page: one page holds every model Anthropic offers.
    fn models_request(
        &self,
        http: &reqwest::Client,
        call: &ModelsCall<'_>,
    ) -> reqwest::RequestBuilder {
        let request = http
            .get(format!("{}?limit=1000", super::models_url(call.base_url)))
            .header("anthropic-version", ANTHROPIC_VERSION);
        match call.kind {
            AccountKind::ApiKey => request.header("x-api-key", call.secret),
            AccountKind::OAuth => request
                .bearer_auth(call.secret)
                .header("anthropic-beta", OAUTH_BETA),
        }
    }
}

fn with_oauth_beta(client_beta: Option<&str>) -> String {
    match client_beta {
        Some(b) if b.split(',').any(|x| x.trim() == OAUTH_BETA) => b.to_owned(),
        Some(b) => format!("{OAUTH_BETA},{b}"),
        None => OAUTH_BETA.to_owned(),
    }
}

/// Prepends Claude Code's identity line to the system prompt unless it is already there.
fn claude_code_identity(body: &mut Map<String, Value>) {
    let identity = json!({"type": "text", "text": CLAUDE_CODE_IDENTITY});
    let system = match body.remove("system") {
        None => vec![identity],
        Some(Value::String(s)) if s.starts_with(CLAUDE_CODE_IDENTITY) => {
            vec![json!({"type": "text", "text": s})]
        }
        Some(Value::String(s)) => vec![identity, json!({"type": "text", "text": s})],
        Some(Value::Array(blocks)) => {
            let present = blocks.iter().any(|b| {
                b["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with(CLAUDE_CODE_IDENTITY))
            });
            if present {
                blocks
            } else {
                std::iter::once(identity).chain(blocks).collect()
            }
        }
        Some(other) => vec![identity, other],
    };
    body.insert("system".into(), Value::Array(system));
}

/// The subscription sign-in (Claude Code's OAuth client and credential file).
mod oauth;
