//! Satu's data plane: authenticates Satu API keys, routes each request to one of the caller's
//! own provider accounts, streams the answer back and records usage.

pub mod auth;
mod call;
pub mod canonical;
pub mod catalog;
mod chat;
pub mod config;
pub mod directory;
pub mod error;
pub mod formats;
mod meter;
mod models;
pub mod openai_chat;
pub mod route;
pub mod routes;
pub mod sse;
pub mod state;
pub mod upstream_guard;
pub mod usage;

pub use config::{ProvidersConfig, ProxyConfig};
pub use routes::router;
pub use state::{ProxyDeps, ProxyState};
