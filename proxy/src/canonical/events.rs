//! The canonical stream: typed events with one block open at a time.

use super::{StopReason, Usage};

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    Text,
    ToolCall { id: String, name: String },
    Thinking,
    RedactedThinking { data: String },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// First event. `usage` carries what is known up front (Anthropic reports input tokens here).
    Start {
        id: String,
        model: String,
        usage: Usage,
    },
    BlockStart {
        index: usize,
        kind: BlockKind,
    },
    TextDelta {
        index: usize,
        text: String,
    },
    ToolArgsDelta {
        index: usize,
        json: String,
    },
    ThinkingDelta {
        index: usize,
        text: String,
    },
    SignatureDelta {
        index: usize,
        signature: String,
    },
    BlockStop {
        index: usize,
    },
    /// The end of the message, with the final usage.
    Finish {
        stop: StopReason,
        usage: Usage,
    },
    /// The upstream reported an error mid-stream.
    Error {
        message: String,
    },
}
