//! Any server speaking OpenAI chat completions at a base URL the user gives (vLLM, Ollama,
//! LiteLLM, a hosted gateway). There is no default address.

use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;

use super::openai::bearer_endpoint;
use super::{Spoke, UpstreamCall};
use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::error::ProxyError;

pub struct OpenAiCompatible;

impl Spoke for OpenAiCompatible {
    fn format(&self, _: Dialect) -> Format {
        Format::OpenAiChat
    }

    fn default_base(&self, _: &ProvidersConfig, _: &Credentials) -> Result<String, String> {
        Err("an OpenAI-compatible connection has no default base URL".to_owned())
    }

    fn endpoint(
        &self,
        call: &UpstreamCall<'_>,
        headers: &mut HeaderMap,
    ) -> Result<Uri, ProxyError> {
        bearer_endpoint(call, headers)
    }

    fn models_list_optional(&self) -> bool {
        true
    }
}
