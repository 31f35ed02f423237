//! The one service layer: every rule that both the admin CLI and GraphQL apply lives here once
//! (password policy, base-URL and API-key checks, routing targets), so the two cannot drift.
//! Callers map [`ServiceError`] to their own surface: a GraphQL error with a `reason`, or one line
//! on the operator's terminal.

pub mod admin;
pub mod catalog;
pub mod connections;
mod error;
pub mod passwords;
pub mod routing;
pub mod teams;
pub mod users;

pub use error::ServiceError;
