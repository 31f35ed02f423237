//! What keeping subscriptions alive needs: identity and token state on each connection, the
//! refresh lease (single-flight across replicas, fenced by a generation), sign-in flows in
//! progress, and the email outbox.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261125_000005_connections"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one column per ALTER TABLE.
        for column in account_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table("provider_accounts")
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager.create_table(oauth_flows()).await?;
        manager.create_table(email_outbox()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_provider_accounts_token_expiry")
                    .table("provider_accounts")
                    .col("kind")
                    .col("token_expires_at")
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_email_outbox_unsent")
                    .table("email_outbox")
                    .col("sent_at")
                    .col("created_at")
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["email_outbox", "oauth_flows"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        for column in [
            "identity_email",
            "plan_type",
            "token_expires_at",
            "last_refreshed_at",
            "last_error_at",
            "next_attempt_at",
            "refresh_failures",
            "refresh_lease_holder",
            "refresh_lease_until",
            "refresh_generation",
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("provider_accounts")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

fn account_columns() -> Vec<ColumnDef> {
    vec![
        string_null("identity_email"),
        string_null("plan_type"),
        timestamp_with_time_zone_null("token_expires_at"),
        timestamp_with_time_zone_null("last_refreshed_at"),
        timestamp_with_time_zone_null("last_error_at"),
        timestamp_with_time_zone_null("next_attempt_at"),
        integer("refresh_failures").default(0).to_owned(),
        string_null("refresh_lease_holder"),
        timestamp_with_time_zone_null("refresh_lease_until"),
        big_integer("refresh_generation").default(0).to_owned(),
    ]
}

fn oauth_flows() -> TableCreateStatement {
    Table::create()
        .table("oauth_flows")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("user_id"))
        .col(string("provider"))
        .col(string("flow"))
        .col(string_null("label"))
        .col(text("sealed_payload"))
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone("created_at"))
        .foreign_key(
            ForeignKey::create()
                .from("oauth_flows", "user_id")
                .to("users", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

fn email_outbox() -> TableCreateStatement {
    Table::create()
        .table("email_outbox")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid_null("user_id"))
        .col(string("to_address"))
        .col(string("template"))
        .col(string("subject"))
        .col(text("body"))
        // One email per event: a retried job or a second replica cannot send it twice.
        .col(string_uniq("dedupe_key"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone_null("sent_at"))
        .to_owned()
}
