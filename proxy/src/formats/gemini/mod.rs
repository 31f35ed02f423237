//! The Gemini `generateContent` format, both as a client dialect and as a provider.

pub mod request;
pub mod response;
pub mod stream;
pub mod wire;

#[cfg(test)]
mod tests;
