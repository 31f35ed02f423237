//! The OpenAI Responses format (`/v1/responses`; what Codex CLI speaks), as a client dialect and
//! as a provider.

pub mod request;
pub mod response;
pub mod stream;
pub mod wire;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod wire_tests;
