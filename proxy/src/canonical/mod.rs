//! The canonical model every dialect and provider converts to and from (hub and spoke): one
//! adapter per client dialect and one per provider, never a translator per pair.
//!
//! It mirrors the richest dialect (Anthropic Messages): messages of typed parts, tools, sampling
//! and reasoning settings, and a stream of typed events where one block is open at a time.

mod collect;
mod events;

pub use collect::Collector;
pub use events::{BlockKind, Event};

use serde_json::Value;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    pub model: String,
    /// System prompt blocks, in order.
    pub system: Vec<String>,
    pub messages: Vec<Message>,
    pub tools: Vec<Tool>,
    pub tool_choice: Option<ToolChoice>,
    pub max_tokens: Option<u64>,
    pub temperature: Option<f64>,
    pub top_p: Option<f64>,
    pub top_k: Option<u64>,
    pub stop: Vec<String>,
    pub stream: bool,
    pub reasoning: Option<Reasoning>,
    pub parallel_tool_calls: Option<bool>,
    /// End-user id for abuse tracking, passed on where the provider takes one.
    pub user: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    User,
    Assistant,
    /// A system turn among the messages (Claude Code sends one for models it does not know).
    /// Targets with a system or developer role keep it in place; the others hoist it.
    System,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub role: Role,
    pub parts: Vec<Part>,
}

impl Message {
    /// The text parts, one per line.
    pub fn text(&self) -> String {
        text_lines(&self.parts)
    }
}

/// The text parts, one per line (the rest has no place in a text-only field).
pub fn text_lines(parts: &[Part]) -> String {
    parts
        .iter()
        .filter_map(|p| match p {
            Part::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    Image(Media),
    /// A document (PDF or plain text) given as a file.
    Document(Media),
    ToolCall {
        id: String,
        name: String,
        /// The arguments as JSON text, exactly as the model produced them.
        arguments: String,
    },
    ToolResult {
        call_id: String,
        content: Vec<Part>,
        is_error: bool,
    },
    /// Model reasoning. The signature is only meaningful to the provider that made it.
    Thinking {
        text: String,
        signature: Option<String>,
    },
    RedactedThinking {
        data: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Media {
    Base64 { media_type: String, data: String },
    Url(String),
}

impl Media {
    /// Parses `data:<type>;base64,<data>` into base64 media; anything else is a URL.
    pub fn from_url(url: &str) -> Self {
        if let Some(rest) = url.strip_prefix("data:")
            && let Some((meta, data)) = rest.split_once(',')
            && let Some(media_type) = meta.strip_suffix(";base64")
        {
            return Media::Base64 {
                media_type: media_type.to_owned(),
                data: data.to_owned(),
            };
        }
        Media::Url(url.to_owned())
    }

    pub fn to_url(&self) -> String {
        match self {
            Media::Base64 { media_type, data } => format!("data:{media_type};base64,{data}"),
            Media::Url(url) => url.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tool {
    pub name: String,
    pub description: Option<String>,
    /// JSON Schema of the arguments.
    pub parameters: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ToolChoice {
    Auto,
    None,
    Required,
    Tool(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    Minimal,
    Low,
    Medium,
    High,
}

impl Effort {
    pub fn as_str(self) -> &'static str {
        match self {
            Effort::Minimal => "minimal",
            Effort::Low => "low",
            Effort::Medium => "medium",
            Effort::High => "high",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "minimal" => Some(Effort::Minimal),
            "low" => Some(Effort::Low),
            "medium" => Some(Effort::Medium),
            "high" => Some(Effort::High),
            _ => None,
        }
    }

    /// A thinking budget for providers that take tokens instead of an effort.
    pub fn budget_tokens(self) -> u64 {
        match self {
            Effort::Minimal => 1_024,
            Effort::Low => 2_048,
            Effort::Medium => 8_192,
            Effort::High => 24_576,
        }
    }

    pub fn from_budget(tokens: u64) -> Self {
        match tokens {
            0..=1_024 => Effort::Minimal,
            1_025..=4_096 => Effort::Low,
            4_097..=16_384 => Effort::Medium,
            _ => Effort::High,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reasoning {
    pub effort: Option<Effort>,
    pub budget_tokens: Option<u64>,
}

impl Reasoning {
    pub fn effort(&self) -> Effort {
        self.effort
            .or_else(|| self.budget_tokens.map(Effort::from_budget))
            .unwrap_or(Effort::Medium)
    }

    pub fn budget(&self) -> u64 {
        self.budget_tokens
            .unwrap_or_else(|| self.effort().budget_tokens())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StopReason {
    #[default]
    EndTurn,
    MaxTokens,
    StopSequence,
    ToolUse,
    ContentFilter,
    Refusal,
}

/// Token counts. `input` counts every prompt token, cached ones included (OpenAI's convention);
/// adapters for providers that report cache reads separately add them in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    pub input: i64,
    pub output: i64,
    pub cached_input: i64,
    pub cache_creation: i64,
    pub reasoning: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Response {
    pub id: String,
    pub model: String,
    pub parts: Vec<Part>,
    pub stop: StopReason,
    pub usage: Usage,
}

impl Request {
    /// The whole system prompt for targets with a single system slot: the system blocks, then
    /// every system turn's text in order.
    pub fn hoisted_system(&self) -> Vec<String> {
        let inline = self
            .messages
            .iter()
            .filter(|m| m.role == Role::System)
            .map(Message::text)
            .filter(|text| !text.is_empty());
        self.system.iter().cloned().chain(inline).collect()
    }

    /// Drops reasoning signatures (and redacted thinking) that another provider made: they are
    /// rejected when replayed anywhere else.
    pub fn drop_foreign_thinking(&mut self) {
        for message in &mut self.messages {
            message.parts.retain_mut(|part| match part {
                Part::Thinking { signature, text } => {
                    *signature = None;
                    !text.is_empty()
                }
                Part::RedactedThinking { .. } => false,
                _ => true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_become_base64_media_and_back() {
        let m = Media::from_url("data:image/png;base64,iVBORw0KGgo=");
        assert_eq!(
            m,
            Media::Base64 {
                media_type: "image/png".into(),
                data: "iVBORw0KGgo=".into()
            }
        );
        assert_eq!(m.to_url(), "data:image/png;base64,iVBORw0KGgo=");
        assert_eq!(
            Media::from_url("https://example.com/a.png"),
            Media::Url("https://example.com/a.png".into())
        );
    }

    #[test]
    fn efforts_and_budgets_convert_both_ways() {
        for e in [Effort::Minimal, Effort::Low, Effort::Medium, Effort::High] {
            assert_eq!(Effort::from_budget(e.budget_tokens()), e);
        }
    }
}
