//! Satu's data: sea-orm entities, the repository functions that read and write them (each takes
//! any connection, so it works on the pool and inside a caller's transaction), and the rules that
//! live on the data (plans, providers, sealing of credentials, API key format, prices).

pub mod account_cooldowns;
pub mod account_deletion;
pub mod account_refresh;
pub mod admin_analytics;
pub mod admin_audit;
pub mod admin_finance;
pub mod admin_health;
pub mod admin_kpis;
pub mod admin_logs;
pub mod admin_queries;
pub mod admin_users;
pub mod api_keys;
pub mod billing;
pub mod catalog_imports;
pub mod connection_update;
pub mod email_delivery;
pub mod email_outbox;
pub mod error;
pub mod impersonations;
pub mod mail;
pub mod model_catalog;
pub mod model_lists;
pub mod oauth_flows;
pub mod password;
pub mod pending_signups;
pub mod plan_caps;
pub mod plans;
pub mod provider;
pub mod provider_accounts;
pub mod replica_heartbeats;
pub mod reseal;
pub mod routing_rules;
pub mod seal;
pub mod secret_token;
pub mod sessions;
pub mod team_audit;
pub mod team_invites;
pub mod team_members;
pub mod team_notices;
pub mod teams;
pub mod unsubscribe;
pub mod usage_daily;
pub mod usage_events;
pub mod usage_hourly;
pub mod usage_latency;
pub mod usage_queries;
pub mod user_tokens;
pub mod users;
pub mod workspace;

pub use error::{AsContention, PlanCap, RepoError, retry_on_contention};
pub use provider::{AccountKind, AccountStatus, Provider};
pub use workspace::Workspace;
