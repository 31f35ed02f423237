//! Client dialects (what the caller speaks) and wire formats (what an upstream speaks).

use entities::{AccountKind, Provider};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    OpenAiChat,
    /// The legacy Completions API, always served through chat.
    OpenAiCompletions,
    OpenAiResponses,
    Anthropic,
    Gemini,
}

impl Dialect {
    /// The `endpoint` recorded in usage rows.
    pub fn endpoint(self) -> &'static str {
        match self {
            Dialect::OpenAiChat => "chat_completions",
            Dialect::OpenAiCompletions => "completions",
            Dialect::OpenAiResponses => "responses",
            Dialect::Anthropic => "messages",
            Dialect::Gemini => "generate_content",
        }
    }

    pub fn format(self) -> Format {
        match self {
            Dialect::OpenAiChat | Dialect::OpenAiCompletions => Format::OpenAiChat,
            Dialect::OpenAiResponses => Format::OpenAiResponses,
            Dialect::Anthropic => Format::Anthropic,
            Dialect::Gemini => Format::Gemini,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    OpenAiChat,
    OpenAiResponses,
    Anthropic,
    Gemini,
}

impl Format {
    /// The format an account of `provider` is reached with; `None` while no adapter exists.
    pub fn of_provider(provider: Provider) -> Option<Self> {
        match provider {
            Provider::OpenAi | Provider::Qwen | Provider::OpenAiCompatible => {
                Some(Format::OpenAiChat)
            }
            Provider::Anthropic => Some(Format::Anthropic),
            Provider::Gemini => Some(Format::Gemini),
        }
    }

    /// The format used for one request: OpenAI accounts speak both chat completions and
    /// Responses, so a Responses caller is passed through to `/v1/responses`.
    /// A ChatGPT subscription is only reachable through the Codex backend (Responses).
    pub fn for_request(provider: Provider, kind: AccountKind, dialect: Dialect) -> Option<Self> {
        match (provider, kind, dialect) {
            (Provider::OpenAi, AccountKind::OAuth, _) => Some(Format::OpenAiResponses),
            (Provider::OpenAiCompatible, AccountKind::OAuth, _) => None,
            (Provider::OpenAi, _, Dialect::OpenAiResponses) => Some(Format::OpenAiResponses),
            _ => Self::of_provider(provider),
        }
    }
}
