//! Usage events (one row per proxied request) and their hourly rollups.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261125_000002_usage"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(usage_events()).await?;
        manager.create_table(usage_hourly()).await?;
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["usage_hourly", "usage_events"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

/// Usage rows outlive the keys and accounts they mention (they are kept, anonymised, when a
/// user leaves), so they carry ids without foreign keys.
fn usage_events() -> TableCreateStatement {
    Table::create()
        .table("usage_events")
        .if_not_exists()
        .col(big_pk_auto("id"))
        .col(uuid("request_id").unique_key())
        .col(uuid_null("user_id"))
        .col(uuid_null("api_key_id"))
        .col(uuid_null("account_id"))
        .col(string_null("provider"))
        .col(string("model"))
        .col(string("endpoint"))
        .col(boolean("stream"))
        .col(integer("status_code"))
        .col(string_null("error_kind"))
        .col(big_integer("prompt_tokens"))
        .col(big_integer("completion_tokens"))
        .col(big_integer("cached_tokens"))
        .col(big_integer("reasoning_tokens"))
        .col(big_integer("cost_nanos"))
        .col(big_integer("latency_ms"))
        .col(big_integer_null("ttft_ms"))
        .col(timestamp_with_time_zone("created_at"))
        .to_owned()
}

/// One row per (user, hour, key, account, provider, model). "No key/account/provider" is stored as
/// the nil uuid / empty string so the unique index works the same on both databases (NULLs are
/// distinct in unique indexes).
fn usage_hourly() -> TableCreateStatement {
    Table::create()
        .table("usage_hourly")
        .if_not_exists()
        .col(big_pk_auto("id"))
        .col(uuid("user_id"))
        .col(timestamp_with_time_zone("hour"))
        .col(uuid("api_key_id"))
        .col(uuid("account_id"))
        .col(string("provider"))
        .col(string("model"))
        .col(big_integer("requests"))
        .col(big_integer("errors"))
        .col(big_integer("prompt_tokens"))
        .col(big_integer("completion_tokens"))
        .col(big_integer("cached_tokens"))
        .col(big_integer("reasoning_tokens"))
        .col(big_integer("cost_nanos"))
        .col(big_integer("latency_ms_sum"))
        .to_owned()
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        Index::create()
            .name("idx_usage_events_user_time")
            .table("usage_events")
            .col("user_id")
            .col("created_at")
            .if_not_exists()
            .to_owned(),
        Index::create()
            .name("idx_usage_events_time")
            .table("usage_events")
            .col("created_at")
            .if_not_exists()
            .to_owned(),
        Index::create()
            .name("uq_usage_hourly_key")
            .table("usage_hourly")
            .col("user_id")
            .col("hour")
            .col("api_key_id")
            .col("account_id")
            .col("provider")
            .col("model")
            .unique()
            .if_not_exists()
            .to_owned(),
    ]
}
