//! Client dialects (what the caller speaks) and wire formats (what an upstream speaks).

use entities::Provider;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    OpenAiChat,
    Anthropic,
    Gemini,
}

impl Dialect {
    /// The `endpoint` recorded in usage rows.
    pub fn endpoint(self) -> &'static str {
        match self {
            Dialect::OpenAiChat => "chat_completions",
            Dialect::Anthropic => "messages",
            Dialect::Gemini => "generate_content",
        }
    }

    pub fn format(self) -> Format {
        match self {
            Dialect::OpenAiChat => Format::OpenAiChat,
            Dialect::Anthropic => Format::Anthropic,
            Dialect::Gemini => Format::Gemini,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    OpenAiChat,
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
}
