//! The usage dashboard's storage: a latency histogram in the hourly rollups (36 fixed log-scale
//! bucket counters, see `entities::usage_latency`), so p50/p95 over any range come from the
//! rollups; daily rollups with the same columns, which long ranges read instead of 24 hourly
//! rows a day, for UTC, WIB (UTC+7) and UTC−8 days; and an index that serves
//! request-log pages in (created_at, id) order.
//!
//! Rollups written before this migration have empty histograms: their percentiles cover the
//! requests recorded since (the events they summed may already be pruned). Daily rollups are
//! filled from the hourly ones.

use sea_orm_migration::sea_orm::DbBackend;
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
        manager.create_table(usage_daily()).await?;
        manager.create_index(daily_key()).await?;
        backfill_daily(manager).await?;
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
            .drop_table(Table::drop().table("usage_daily").if_exists().to_owned())
            .await?;
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

/// `usage_hourly`'s columns with `day` for `hour`, and the day boundary (minutes east of UTC)
/// the row's day follows.
fn usage_daily() -> TableCreateStatement {
    let mut table = Table::create()
        .table("usage_daily")
        .if_not_exists()
        .col(big_pk_auto("id"))
        .col(uuid("user_id"))
        .col(integer("utc_offset_minutes"))
        .col(timestamp_with_time_zone("day"))
        .col(uuid("api_key_id"))
        .col(uuid("account_id"))
        .col(string("provider"))
        .col(string("model"))
        .to_owned();
    for name in SUMMED
        .into_iter()
        .map(str::to_owned)
        .chain(bucket_columns())
    {
        table.col(big_integer(name).default(0).to_owned());
    }
    table
}

const SUMMED: [&str; 8] = [
    "requests",
    "errors",
    "prompt_tokens",
    "completion_tokens",
    "cached_tokens",
    "reasoning_tokens",
    "cost_nanos",
    "latency_ms_sum",
];

fn daily_key() -> IndexCreateStatement {
    Index::create()
        .name("uq_usage_daily_key")
        .table("usage_daily")
        .col("user_id")
        .col("utc_offset_minutes")
        .col("day")
        .col("api_key_id")
        .col("account_id")
        .col("provider")
        .col("model")
        .unique()
        .if_not_exists()
        .to_owned()
}

/// The day boundaries daily rollups are kept for (`entities::usage_daily::DAY_OFFSETS`).
const DAY_OFFSETS: [i32; 3] = [0, 7 * 60, -8 * 60];

/// Sums the existing hourly rows per day, for each day boundary. The day's start is written in
/// each database's own form of a UTC timestamp (SQLite: the text sqlx writes for a
/// `DateTime<Utc>`).
async fn backfill_daily(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let sums: Vec<String> = SUMMED
        .into_iter()
        .map(str::to_owned)
        .chain(bucket_columns())
        .collect();
    let totals: Vec<String> = sums.iter().map(|c| format!("SUM({c})")).collect();
    for offset in DAY_OFFSETS {
        let day = match manager.get_database_backend() {
            DbBackend::Sqlite => format!(
                "strftime('%Y-%m-%dT%H:%M:%S+00:00', hour, '{offset:+} minutes', 'start of day', '{:+} minutes')",
                -offset
            ),
            _ => format!(
                "(date_trunc('day', (hour AT TIME ZONE 'UTC') + interval '{offset} minutes') - interval '{offset} minutes') AT TIME ZONE 'UTC'"
            ),
        };
        let sql = format!(
            "INSERT INTO usage_daily (user_id, utc_offset_minutes, day, api_key_id, account_id, provider, model, {cols}) \
             SELECT user_id, {offset}, {day}, api_key_id, account_id, provider, model, {totals} \
             FROM usage_hourly GROUP BY user_id, {day}, api_key_id, account_id, provider, model",
            cols = sums.join(", "),
            totals = totals.join(", "),
        );
        manager.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}
