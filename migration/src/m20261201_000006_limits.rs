//! What admission needs beyond the plan: the billing anchor that starts each monthly period, and
//! per-user (operator-set, e.g. enterprise) and per-key overrides of the plan's limits. NULL
//! means "the plan's value". Per-minute plan limits are raised to fit agent traffic: one Claude
//! Code session resending a 150k-token context every few seconds needs ~3M tokens a minute.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000006_limits"
    }
}

const USER_COLUMNS: [&str; 4] = [
    "billing_anchor_at",
    "monthly_requests_limit",
    "rpm_limit",
    "tpm_limit",
];
const KEY_COLUMNS: [&str; 2] = ["rpm_limit", "tpm_limit"];

/// (plan, RPM, TPM) now, and as migration 000003 seeded them.
const PER_MINUTE: [(&str, i64, i64); 4] = [
    ("free", 20, 200_000),
    ("starter", 60, 1_000_000),
    ("pro", 240, 4_000_000),
    ("team", 600, 10_000_000),
];
const SEEDED_PER_MINUTE: [(&str, i64, i64); 4] = [
    ("free", 20, 100_000),
    ("starter", 60, 400_000),
    ("pro", 120, 1_000_000),
    ("team", 300, 3_000_000),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        let users = [
            timestamp_with_time_zone_null("billing_anchor_at"),
            big_integer_null("monthly_requests_limit"),
            big_integer_null("rpm_limit"),
            big_integer_null("tpm_limit"),
        ];
        for column in users {
            add_column(manager, "users", column).await?;
        }
        for column in [big_integer_null("rpm_limit"), big_integer_null("tpm_limit")] {
            add_column(manager, "api_keys", column).await?;
        }
        set_per_minute(manager, &PER_MINUTE).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        set_per_minute(manager, &SEEDED_PER_MINUTE).await?;
        let columns = USER_COLUMNS
            .iter()
            .map(|c| ("users", *c))
            .chain(KEY_COLUMNS.iter().map(|c| ("api_keys", *c)));
        for (table, column) in columns {
            manager
                .alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}

async fn add_column(
    manager: &SchemaManager<'_>,
    table: &'static str,
    mut column: ColumnDef,
) -> Result<(), DbErr> {
    manager
        .alter_table(
            Table::alter()
                .table(table)
                .add_column(&mut column)
                .to_owned(),
        )
        .await
}

async fn set_per_minute(
    manager: &SchemaManager<'_>,
    limits: &[(&str, i64, i64)],
) -> Result<(), DbErr> {
    for (plan, rpm, tpm) in limits {
        let update = Query::update()
            .table("plans")
            .value("requests_per_minute", *rpm)
            .value("tokens_per_minute", *tpm)
            .and_where(Expr::col("id").eq(*plan))
            .to_owned();
        manager.exec_stmt(update).await?;
    }
    Ok(())
}
