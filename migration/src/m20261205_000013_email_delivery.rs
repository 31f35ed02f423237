//! Email delivery: what an email says is stored as data (`params`, rendered in the recipient's
//! language when sent) with any link secret sealed (`sealed_secret`, wiped once sent); and each
//! row's delivery state: status, attempts, when to try next, the last SMTP reply, and a lease so
//! one replica sends it.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000013_email_delivery"
    }
}

fn columns() -> Vec<ColumnDef> {
    let mut status = string("status");
    status.default("queued");
    let mut attempts = integer("attempts");
    attempts.default(0);
    vec![
        string_null("locale"),
        text_null("params"),
        text_null("sealed_secret"),
        status,
        attempts,
        timestamp_with_time_zone_null("next_attempt_at"),
        text_null("last_error"),
        timestamp_with_time_zone_null("lease_until"),
    ]
}

const NAMES: [&str; 8] = [
    "locale",
    "params",
    "sealed_secret",
    "status",
    "attempts",
    "next_attempt_at",
    "last_error",
    "lease_until",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for mut column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("email_outbox")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .get_connection()
            .execute_unprepared("UPDATE email_outbox SET status = 'sent' WHERE sent_at IS NOT NULL")
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_email_outbox_due")
                    .table("email_outbox")
                    .col("status")
                    .col("next_attempt_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_email_outbox_due")
                    .table("email_outbox")
                    .to_owned(),
            )
            .await?;
        for name in NAMES {
            manager
                .alter_table(
                    Table::alter()
                        .table("email_outbox")
                        .drop_column(name)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
