//! Wire formats and their converters to and from the canonical model.

pub mod anthropic;
pub mod gemini;
pub mod openai_chat;
pub mod openai_completions;
pub mod openai_responses;

use crate::canonical::{Event, Usage};

/// A request its dialect's converter cannot take (a missing field, an unknown role): the
/// caller gets it as a 400 in its own dialect's error shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct InvalidRequest(pub String);

impl From<&str> for InvalidRequest {
    fn from(message: &str) -> Self {
        Self(message.to_owned())
    }
}

impl From<String> for InvalidRequest {
    fn from(message: String) -> Self {
        Self(message)
    }
}

impl From<InvalidRequest> for crate::error::ProxyError {
    fn from(e: InvalidRequest) -> Self {
        crate::error::ProxyError::BadRequest(e.0)
    }
}

/// One dialect's stream reader: upstream SSE data → canonical events. Every format's decoder
/// has these and only these methods.
pub trait StreamDecoder {
    /// One SSE event's data.
    fn event(&mut self, data: &[u8], out: &mut Vec<Event>);

    /// The upstream closed the stream: what a format only knows at its end.
    fn end(&mut self, _out: &mut Vec<Event>) {}

    /// Whether the message's final event arrived (else the stream was cut).
    fn finished(&self) -> bool;

    fn usage(&self) -> Usage;
}

/// One dialect's stream writer: canonical events → the client's bytes.
pub trait StreamEncoder {
    fn event(&mut self, event: &Event, out: &mut Vec<u8>);

    /// The stream ends: what the dialect writes last (a JSON array's `]`).
    fn end(&mut self, _out: &mut Vec<u8>) {}
}
