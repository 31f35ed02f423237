//! Wire formats and their converters to and from the canonical model.

pub mod anthropic;
pub mod gemini;
pub mod openai_chat;
pub mod openai_completions;
pub mod openai_responses;

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
