//! Sign-ups waiting for their emailed link: the account is created only when the mailbox owner
//! opens it, so signing up never tells whether an address is registered, and an unproven
//! registration cannot sit on someone else's address.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000012_pending_signups"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("pending_signups")
                    .if_not_exists()
                    .col(pk_uuid("id"))
                    .col(string("email"))
                    .col(string("password_hash"))
                    .col(string_null("display_name"))
                    .col(string_null("locale"))
                    .col(string_uniq("token_hash"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone("expires_at"))
                    .col(timestamp_with_time_zone_null("used_at"))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_pending_signups_expires")
                    .table("pending_signups")
                    .col("expires_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table("pending_signups")
                    .if_exists()
                    .to_owned(),
            )
            .await
    }
}
