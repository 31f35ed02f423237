//! What admission needs beyond the plan: the billing anchor that starts each monthly period, and
//! per-user (operator-set, e.g. enterprise) and per-key overrides of the plan's limits. NULL
//! means "the plan's value".

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
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
