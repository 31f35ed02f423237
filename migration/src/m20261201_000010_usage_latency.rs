//! The usage dashboard's storage: a latency histogram in the hourly rollups (36 fixed log-scale
//! bucket counters, see `entities::usage_latency`), so p50/p95 over any range come from the
//! rollups; and an index that serves request-log pages in (created_at, id) order.
//!
//! Rollups written before this migration have empty histograms: their percentiles cover the
//! requests recorded since (the events they summed may already be pruned).

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000010_usage_latency"
    }
}

const BUCKETS: usize = 36;

fn bucket_columns() -> impl Iterator<Item = String> {
    (0..BUCKETS).map(|i| format!("lat_b{i:02}"))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for name in bucket_columns() {
            let mut column = big_integer(name).default(0).to_owned();
            manager
                .alter_table(
                    Table::alter()
                        .table("usage_hourly")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        // Log pages seek on (created_at, id) within a user; the new index also serves everything
        // the (user_id, created_at) one did.
        manager.create_index(log_index()).await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_usage_events_user_time")
                    .table("usage_events")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("idx_usage_events_user_time")
                    .table("usage_events")
                    .col("user_id")
                    .col("created_at")
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_usage_events_user_time_id")
                    .table("usage_events")
                    .to_owned(),
            )
            .await?;
        for name in bucket_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("usage_hourly")
                        .drop_column(name)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

fn log_index() -> IndexCreateStatement {
    Index::create()
        .name("idx_usage_events_user_time_id")
        .table("usage_events")
        .col("user_id")
        .col("created_at")
        .col("id")
        .if_not_exists()
        .to_owned()
}
