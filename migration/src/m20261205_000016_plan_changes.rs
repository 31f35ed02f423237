//! Plan changes: a period's scheduled next plan (a downgrade, or Free for a cancel, taking
//! effect at its end), whether a period waits to start (a paid downgrade begins when the
//! current period ends), and an upgrade invoice's credit for the unused days of the period it
//! replaces.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000016_plan_changes"
    }
}

fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        ("plan_periods", string_null("next_plan_id")),
        ("plan_periods", boolean("scheduled").default(false).take()),
        ("invoices", big_integer("credit").default(0).take()),
        ("invoices", integer("credit_days").default(0).take()),
        ("invoices", uuid_null("credit_period_id")),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, mut column) in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in columns() {
            let name = column.get_column_name();
            manager
                .alter_table(Table::alter().table(table).drop_column(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
