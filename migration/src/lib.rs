//! Database migrations. Every migration runs on SQLite (the embedded default) and Postgres.

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_core;
mod m20261125_000002_usage;
mod m20261125_000003_seed;
mod m20261125_000004_routing;
mod m20261125_000005_connections;
mod m20261201_000006_limits;
mod m20261201_000007_profiles;
mod m20261201_000008_user_tokens;
mod m20261201_000010_usage_latency;
mod m20261205_000011_notifications;
mod m20261205_000012_pending_signups;
mod m20261205_000013_email_delivery;
mod m20261205_000014_billing;
mod m20261205_000015_renewals;
mod m20261205_000016_plan_changes;
mod m20261206_000017_model_lists;
mod m20261206_000018_teams;
mod m20261206_000019_admin;
mod m20261207_000020_saved_queries;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_core::Migration),
            Box::new(m20261125_000002_usage::Migration),
            Box::new(m20261125_000003_seed::Migration),
            Box::new(m20261125_000004_routing::Migration),
            Box::new(m20261125_000005_connections::Migration),
            Box::new(m20261201_000006_limits::Migration),
            Box::new(m20261201_000007_profiles::Migration),
            Box::new(m20261201_000008_user_tokens::Migration),
            Box::new(m20261201_000010_usage_latency::Migration),
            Box::new(m20261205_000011_notifications::Migration),
            Box::new(m20261205_000012_pending_signups::Migration),
            Box::new(m20261205_000013_email_delivery::Migration),
            Box::new(m20261205_000014_billing::Migration),
            Box::new(m20261205_000015_renewals::Migration),
            Box::new(m20261205_000016_plan_changes::Migration),
            Box::new(m20261206_000017_model_lists::Migration),
            Box::new(m20261206_000018_teams::Migration),
            Box::new(m20261206_000019_admin::Migration),
            Box::new(m20261207_000020_saved_queries::Migration),
        ]
    }
}
