//! OpenAI with an API key: chat completions, and the Responses API for Responses callers.

use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;

use super::headers::{bearer, endpoint_uri};
use super::{Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;
use crate::formats::openai_chat::request::MaxTokensField;

pub struct OpenAi;

impl Spoke for OpenAi {
    fn format(&self, dialect: Dialect) -> Format {
        match dialect {
            Dialect::OpenAiResponses => Format::OpenAiResponses,
            _ => Format::OpenAiChat,
        }
    }

    fn default_base(&self, p: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Ok(p.openai.base_url.clone())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        bearer_endpoint(call, headers)
    }

    /// Reasoning models reject `max_tokens`.
    fn max_tokens_field(&self) -> MaxTokensField {
        MaxTokensField::MaxCompletionTokens
    }
}

/// The OpenAI way, which compatible servers share: a bearer key, and `/chat/completions` or
/// `/responses` under the account's base by the call's format.
pub fn bearer_endpoint(
    call: &UpstreamCall<'_>,
    headers: &mut HeaderMap,
) -> Result<Uri, ProxyError> {
    bearer(headers, &call.target.account.secret)?;
    let base = &call.target.account.base_url;
    match call.format {
        Format::OpenAiResponses => endpoint_uri(base, "/responses"),
        _ => endpoint_uri(base, "/chat/completions"),
    }
}
