//! Routing rules per user, and the cooldowns the proxy put accounts in (a persisted view for
//! operators and dashboards; the proxy decides from memory). Cooldowns carry no foreign key: they
//! are written in the usage writer's transaction, which a vanished account must not abort.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261125_000004_routing"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("routing_rules")
                    .if_not_exists()
                    .col(uuid("user_id").primary_key())
                    .col(json("config"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .foreign_key(
                        ForeignKey::create()
                            .from("routing_rules", "user_id")
                            .to("users", "id")
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("account_cooldowns")
                    .if_not_exists()
                    .col(uuid("account_id"))
                    .col(string("model"))
                    .col(timestamp_with_time_zone("until"))
                    .col(string("reason"))
                    .col(integer("failures"))
                    .col(timestamp_with_time_zone("updated_at"))
                    .primary_key(Index::create().col("account_id").col("model"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["account_cooldowns", "routing_rules"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
