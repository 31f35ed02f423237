//! Models kept current: each connection's model list as its provider last reported it (and
//! when it was asked, so one replica asks per day), catalog retirements with their
//! replacements, and which catalog file versions were applied.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000017_model_lists"
    }
}

fn columns() -> Vec<(&'static str, ColumnDef)> {
    vec![
        (
            "model_catalog",
            timestamp_with_time_zone_null("deprecated_at"),
        ),
        ("model_catalog", string_null("replaced_by")),
        ("provider_accounts", json_null("reachable_models")),
        (
            "provider_accounts",
            timestamp_with_time_zone_null("models_checked_at"),
        ),
        (
            "provider_accounts",
            timestamp_with_time_zone_null("models_refreshed_at"),
        ),
        ("provider_accounts", text_null("models_error")),
    ]
}

fn catalog_imports() -> TableCreateStatement {
    Table::create()
        .table("catalog_imports")
        .if_not_exists()
        .col(string("version").primary_key())
        .col(string("source"))
        .col(integer("models"))
        .col(timestamp_with_time_zone("applied_at"))
        .to_owned()
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
        manager.create_table(catalog_imports()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_provider_accounts_models_checked")
                    .table("provider_accounts")
                    .col("models_checked_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_provider_accounts_models_checked")
                    .table("provider_accounts")
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table("catalog_imports").to_owned())
            .await?;
        for (table, column) in columns() {
            let name = column.get_column_name();
            manager
                .alter_table(Table::alter().table(table).drop_column(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
