//! Wire formats and their converters to and from the canonical model.

pub mod anthropic;
pub mod gemini;
pub mod openai_chat;
pub mod openai_completions;
pub mod openai_responses;
