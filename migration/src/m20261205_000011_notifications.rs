//! Which emails a user wants: quota warnings at 80 %, the quota reached at 100 %, and a
//! connection that needs a new sign-in. All on by default (the behaviour before).

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000011_notifications"
    }
}

const COLUMNS: [&str; 3] = [
    "notify_quota_80",
    "notify_quota_100",
    "notify_connection_expired",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for name in COLUMNS {
            let mut column = boolean(name);
            column.default(true);
            manager
                .alter_table(
                    Table::alter()
                        .table("users")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in COLUMNS {
            manager
                .alter_table(Table::alter().table("users").drop_column(name).to_owned())
                .await?;
        }
        Ok(())
    }
}
