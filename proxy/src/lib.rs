//! Satu's data plane: authenticates Satu API keys, routes each request to one of the caller's
//! own provider accounts, streams the answer back and records usage.

mod aggregate;
pub mod auth;
mod body_head;
pub mod bus;
mod call;
pub mod canonical;
pub mod catalog;
mod codec;
pub mod config;
pub mod cooldown;
mod count_tokens;
pub mod dialect;
pub mod directory;
pub mod error;
pub mod formats;
#[doc(hidden)]
pub mod fuzzing;
mod inbound;
mod ingress;
pub mod key_check;
pub mod lanes;
pub mod latency;
pub mod limits;
mod meter;
pub mod model_lists;
mod models;
pub mod oauth;
pub mod providers;
mod pump;
mod refusals;
mod retry_hint;
pub mod route;
pub mod routes;
pub mod sse;
pub mod state;
pub mod traces;
mod transform;
mod upstream;
pub mod upstream_client;
pub mod upstream_guard;
mod upstream_metrics;
pub mod usage;

pub use config::{ProvidersConfig, ProxyConfig};
pub use routes::router;
pub use state::{ProxyDeps, ProxyState};

/// The maps on the request path: keys are ids, hashes and model names that Satu stores, so a
/// fast seeded hash serves better than SipHash's resistance to chosen keys.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
