//! Client dialects (what the caller speaks) and wire formats (what an upstream speaks).

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
