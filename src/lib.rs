//! The `satu` binary as a library: the CLI, configuration and the app composition, so tests
//! build exactly what the binary runs.

pub mod admin;
pub mod app;
pub mod cli;
pub mod config;
pub mod db;
mod heartbeat;
mod http_server;
pub mod master_key;
pub mod secret;
pub mod telemetry;
