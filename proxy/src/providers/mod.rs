//! Providers as spokes: everything Satu knows about one upstream lives in its module — the
//! wire format it speaks, where it is reached and how it authenticates, what its endpoint
//! requires of a body, its envelope, its rate-limit hints and its model-list call. The hub
//! (request → canonical → route → call → stream) asks the account's spoke and carries no
//! provider flags. A new provider is one module here plus its catalog rows.

mod anthropic;
mod code_assist;
mod codex;
mod gemini;
mod headers;
mod openai;
mod openai_compatible;
mod openrouter;
mod qwen;

use axum::http::{HeaderMap, Uri};
use entities::provider_accounts::Credentials;
use entities::{AccountKind, Provider};
use serde_json::{Map, Value};
use url::Url;

use crate::config::ProvidersConfig;
use crate::dialect::{Dialect, Format};
use crate::directory::Account;
use crate::error::ProxyError;
use crate::formats::openai_chat::request::MaxTokensField;
use crate::inbound::Inbound;
use crate::route::Target;
use crate::upstream::Mode;

/// One upstream call, as a spoke sees it when it names the endpoint.
pub struct UpstreamCall<'a> {
    pub inbound: &'a Inbound,
    pub target: &'a Target,
    pub format: Format,
    pub mode: Mode,
    /// The upstream is asked to stream.
    pub stream: bool,
    pub settings: &'a SpokeSettings,
}

/// Who a model list is asked for: a key being checked, or a connected account.
pub struct ModelsCall<'a> {
    pub base_url: &'a str,
    /// The API key, or the OAuth access token.
    pub secret: &'a str,
    pub kind: AccountKind,
    pub chatgpt_account_id: Option<&'a str>,
    pub project_id: Option<&'a str>,
    pub settings: &'a SpokeSettings,
}

impl<'a> ModelsCall<'a> {
    pub fn for_account(account: &'a Account, settings: &'a SpokeSettings) -> Self {
        Self {
            base_url: account.base_url.as_str(),
            secret: &account.secret,
            kind: account.kind,
            chatgpt_account_id: account.chatgpt_account_id.as_deref(),
            project_id: account.project_id.as_deref(),
            settings,
        }
    }
}

/// What spokes take from configuration beyond an account's own base URL.
#[derive(Debug, Clone, Default)]
pub struct SpokeSettings {
    /// The `originator` header sent to the Codex backend: who is calling.
    pub codex_originator: String,
}

impl SpokeSettings {
    pub fn new(providers: &ProvidersConfig) -> Self {
        Self {
            codex_originator: providers.codex_originator.clone(),
        }
    }
}

pub trait Spoke: Send + Sync {
    /// The wire format used for a caller of `dialect`.
    fn format(&self, dialect: Dialect) -> Format;

    /// Where an account without its own base URL is reached.
    fn default_base(
        &self,
        providers: &ProvidersConfig,
        credentials: &Credentials,
    ) -> Result<String, String>;

    /// The endpoint's URI; credentials and required headers go into `headers`.
    fn endpoint(&self, call: &UpstreamCall<'_>, headers: &mut HeaderMap)
    -> Result<Uri, ProxyError>;

    /// What the endpoint requires of the body (after passthrough or translation).
    fn adjust_body(&self, _body: &mut Map<String, Value>, _call: &UpstreamCall<'_>) {}

    /// Whether a passthrough body may go on as the client's bytes (nothing to adjust).
    fn forwards_verbatim(&self, kind: AccountKind) -> bool {
        kind == AccountKind::ApiKey
    }

    /// The upstream answers as a stream even when the client did not ask (Codex).
    fn always_streams(&self) -> bool {
        false
    }

    /// Which field a translated chat request carries its output cap in.
    fn max_tokens_field(&self) -> MaxTokensField {
        MaxTokensField::MaxTokens
    }

    /// The request body inside the upstream's envelope, if it has one.
    fn envelope(&self, body: Value, _target: &Target) -> Value {
        body
    }

    /// An answer, or one stream event's data, out of the upstream's envelope; `None` when
    /// there is none to remove.
    fn unwrap(&self, _data: &[u8]) -> Option<Vec<u8>> {
        None
    }

    /// When a rate-limited upstream takes requests again, in seconds, beyond `retry-after`.
    fn retry_hint(&self, _headers: &HeaderMap, _body: &[u8], _now_unix: i64) -> Option<u64> {
        None
    }

    /// The model-list request: checks a key when it is added, and tells the worker which
    /// models a connection reaches.
    fn models_request(
        &self,
        http: &reqwest::Client,
        call: &ModelsCall<'_>,
    ) -> reqwest::RequestBuilder {
        http.get(models_url(call.base_url)).bearer_auth(call.secret)
    }

    /// The model ids in the answer to `models_request` (`data[].id`, as OpenAI and
    /// Anthropic list them).
    fn model_ids(&self, body: &Value) -> Vec<String> {
        ids_at(body, "data", "id")
    }

    /// A model-list 404 means "no list here", not "bad key" (some compatible servers).
    fn models_list_optional(&self) -> bool {
        false
    }
}

/// The spoke of an account; `None` when no adapter serves that kind of account.
pub fn spoke(
    provider: Provider,
    kind: AccountKind,
    base_url: Option<&Url>,
) -> Option<&'static dyn Spoke> {
    Some(match (provider, kind) {
        (Provider::Anthropic, _) => &anthropic::Anthropic,
        (Provider::OpenAi, AccountKind::OAuth) => &codex::Codex,
        (Provider::OpenAi, AccountKind::ApiKey) => &openai::OpenAi,
        (Provider::Gemini, AccountKind::OAuth) => &code_assist::CodeAssist,
        (Provider::Gemini, AccountKind::ApiKey) => &gemini::Gemini,
        (Provider::Qwen, AccountKind::ApiKey) => &qwen::Qwen,
        (Provider::Qwen, AccountKind::OAuth) => &qwen::QwenCode,
        (Provider::OpenAiCompatible, AccountKind::OAuth) => return None,
        (Provider::OpenAiCompatible, AccountKind::ApiKey) => {
            if base_url.is_some_and(openrouter::serves) {
                &openrouter::OpenRouter
            } else {
                &openai_compatible::OpenAiCompatible
            }
        }
    })
}

/// The spoke used to check an API key of `provider` at `base_url`.
pub fn key_spoke(provider: Provider, base_url: &str) -> Option<&'static dyn Spoke> {
    let url = Url::parse(base_url).ok();
    spoke(provider, AccountKind::ApiKey, url.as_ref())
}

fn models_url(base_url: &str) -> String {
    format!("{}/models", base_url.trim_end_matches('/'))
}

/// The strings at `body[list][*][field]`, in order, without repeats.
fn ids_at(body: &Value, list: &str, field: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let items = body
        .get(list)
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    for id in items.filter_map(|item| item.get(field).and_then(Value::as_str)) {
        if !id.is_empty() && !ids.iter().any(|known| known == id) {
            ids.push(id.to_owned());
        }
    }
    ids
}

pub mod subscription;
pub use subscription::{Flow, Subscription, subscription};

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        text.parse().unwrap()
    }

    #[test]
    fn every_account_kind_has_its_spoke_and_format() {
        use Dialect::*;
        let cases = [
            (
                Provider::OpenAi,
                AccountKind::ApiKey,
                OpenAiResponses,
                Format::OpenAiResponses,
            ),
            (
                Provider::OpenAi,
                AccountKind::ApiKey,
                Anthropic,
                Format::OpenAiChat,
            ),
            (
                Provider::OpenAi,
                AccountKind::OAuth,
                OpenAiChat,
                Format::OpenAiResponses,
            ),
            (
                Provider::Anthropic,
                AccountKind::OAuth,
                OpenAiChat,
                Format::Anthropic,
            ),
            (
                Provider::Gemini,
                AccountKind::OAuth,
                Anthropic,
                Format::Gemini,
            ),
            (
                Provider::Qwen,
                AccountKind::OAuth,
                Gemini,
                Format::OpenAiChat,
            ),
            (
                Provider::OpenAiCompatible,
                AccountKind::ApiKey,
                OpenAiResponses,
                Format::OpenAiChat,
            ),
        ];
        for (provider, kind, dialect, format) in cases {
            let spoke = spoke(provider, kind, None).unwrap();
            assert_eq!(
                spoke.format(dialect),
                format,
                "{provider} {kind:?} {dialect:?}"
            );
        }
        assert!(spoke(Provider::OpenAiCompatible, AccountKind::OAuth, None).is_none());
        assert!(
            spoke(Provider::OpenAi, AccountKind::OAuth, None)
                .unwrap()
                .always_streams()
        );
    }

    #[test]
    fn openrouter_is_known_by_its_host_and_asks_for_usage_accounting() {
        let hosted = url("https://openrouter.ai/api/v1");
        let own = url("https://llm.example.com/v1");
        assert!(openrouter::serves(&hosted));
        assert!(!openrouter::serves(&own));
        let spoke = spoke(
            Provider::OpenAiCompatible,
            AccountKind::ApiKey,
            Some(&hosted),
        )
        .unwrap();
        assert!(
            !spoke.forwards_verbatim(AccountKind::ApiKey),
            "its body is always adjusted"
        );
        let plain = super::spoke(Provider::OpenAiCompatible, AccountKind::ApiKey, Some(&own));
        assert!(plain.unwrap().forwards_verbatim(AccountKind::ApiKey));
        assert!(plain.unwrap().models_list_optional());
    }

    #[test]
    fn only_code_assist_has_an_envelope() {
        let wrapped = br#"{"response":{"candidates":[]}}"#;
        let code_assist = spoke(Provider::Gemini, AccountKind::OAuth, None).unwrap();
        assert_eq!(
            code_assist.unwrap(wrapped).unwrap(),
            br#"{"candidates":[]}"#
        );
        let gemini = spoke(Provider::Gemini, AccountKind::ApiKey, None).unwrap();
        assert!(gemini.unwrap(wrapped).is_none());
    }

    #[test]
    fn model_lists_are_read_in_each_providers_shape() {
        let of = |provider, kind| spoke(provider, kind, None).unwrap();
        let openai: Value = serde_json::from_str(
            r#"{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},{"id":"gpt-4o","object":"model"},{"id":"o3","object":"model"}]}"#,
        )
        .unwrap();
        assert_eq!(
            of(Provider::OpenAi, AccountKind::ApiKey).model_ids(&openai),
            ["gpt-4o", "o3"]
        );
        let anthropic: Value = serde_json::from_str(
            r#"{"data":[{"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],"has_more":false,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-sonnet-4-5-20250929"}"#,
        )
        .unwrap();
        assert_eq!(
            of(Provider::Anthropic, AccountKind::OAuth).model_ids(&anthropic),
            ["claude-sonnet-4-5-20250929"]
        );
        let gemini: Value = serde_json::from_str(
            r#"{"models":[{"name":"models/gemini-2.5-flash","version":"001","displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,"supportedGenerationMethods":["generateContent","countTokens","createCachedContent","batchGenerateContent"]},{"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]}],"nextPageToken":""}"#,
        )
        .unwrap();
        assert_eq!(
            of(Provider::Gemini, AccountKind::ApiKey).model_ids(&gemini),
            ["gemini-2.5-flash"]
        );
        let codex: Value = serde_json::from_str(
            r#"{"models":[{"slug":"gpt-5.1-codex","display_name":"gpt-5.1-codex","supported_reasoning_levels":[{"effort":"low"}],"visibility":"list"},{"slug":"gpt-5.1-codex-mini"}]}"#,
        )
        .unwrap();
        assert_eq!(
            of(Provider::OpenAi, AccountKind::OAuth).model_ids(&codex),
            ["gpt-5.1-codex", "gpt-5.1-codex-mini"]
        );
        let quota: Value = serde_json::from_str(
            r#"{"buckets":[{"modelId":"gemini-2.5-pro","tokenType":"REQUESTS","remainingFraction":1,"resetTime":"2026-12-07T00:00:00Z"},{"modelId":"gemini-2.5-pro","tokenType":"TOKENS","remainingFraction":0.5}]}"#,
        )
        .unwrap();
        assert_eq!(
            of(Provider::Gemini, AccountKind::OAuth).model_ids(&quota),
            ["gemini-2.5-pro"]
        );
        assert!(
            of(Provider::OpenAi, AccountKind::OAuth)
                .model_ids(&openai)
                .is_empty()
        );
    }
}
