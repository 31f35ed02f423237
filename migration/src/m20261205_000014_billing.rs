//! Billing: invoices (a gapless number series per year), payment attempts (one Midtrans order
//! each), every Midtrans notification as received, the plan periods payments buy, and security
//! events (refused notifications).

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000014_billing"
    }
}

fn invoices() -> TableCreateStatement {
    Table::create()
        .table("invoices")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(string_uniq("number"))
        .col(uuid("user_id"))
        .col(string("kind"))
        .col(string_null("plan_id"))
        .col(string("description"))
        .col(big_integer("net"))
        .col(big_integer("tax_base"))
        .col(big_integer("ppn"))
        .col(big_integer("total"))
        .col(string("status"))
        .col(uuid_null("credit_note_for"))
        .col(string("buyer_email"))
        .col(string_null("buyer_name"))
        .col(timestamp_with_time_zone("issued_at"))
        .col(timestamp_with_time_zone("due_at"))
        .col(timestamp_with_time_zone_null("paid_at"))
        .col(string_null("paid_method"))
        .col(string_null("paid_reference"))
        .to_owned()
}

fn counters() -> TableCreateStatement {
    Table::create()
        .table("invoice_counters")
        .if_not_exists()
        .col(string("series").primary_key())
        .col(big_integer("last"))
        .to_owned()
}

fn attempts() -> TableCreateStatement {
    Table::create()
        .table("payment_attempts")
        .if_not_exists()
        .col(string("order_id").primary_key())
        .col(uuid("invoice_id"))
        .col(uuid("user_id"))
        .col(string("state"))
        .col(big_integer("gross_amount"))
        .col(string_null("snap_token"))
        .col(text_null("redirect_url"))
        .col(string_null("transaction_id"))
        .col(string_null("payment_type"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .to_owned()
}

fn notifications() -> TableCreateStatement {
    Table::create()
        .table("payment_notifications")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(string_uniq("dedupe_key"))
        .col(string("order_id"))
        .col(string("transaction_status"))
        .col(boolean("known_order"))
        .col(text("raw"))
        .col(timestamp_with_time_zone("received_at"))
        .col(timestamp_with_time_zone_null("processed_at"))
        .col(timestamp_with_time_zone_null("lease_until"))
        .col(integer("attempts"))
        .col(timestamp_with_time_zone_null("next_attempt_at"))
        .col(text_null("last_error"))
        .to_owned()
}

fn periods() -> TableCreateStatement {
    Table::create()
        .table("plan_periods")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("user_id"))
        .col(string("plan_id"))
        .col(string("previous_plan_id"))
        .col(uuid_uniq("invoice_id"))
        .col(timestamp_with_time_zone("starts_at"))
        .col(timestamp_with_time_zone("ends_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .to_owned()
}

fn security_events() -> TableCreateStatement {
    Table::create()
        .table("security_events")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(string("kind"))
        .col(text("detail"))
        .col(string_null("ip"))
        .col(timestamp_with_time_zone("created_at"))
        .to_owned()
}

const TABLES: [&str; 6] = [
    "invoices",
    "invoice_counters",
    "payment_attempts",
    "payment_notifications",
    "plan_periods",
    "security_events",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            invoices(),
            counters(),
            attempts(),
            notifications(),
            periods(),
            security_events(),
        ] {
            manager.create_table(table).await?;
        }
        for (name, table, column) in [
            ("idx_invoices_user", "invoices", "user_id"),
            (
                "idx_payment_attempts_invoice",
                "payment_attempts",
                "invoice_id",
            ),
            (
                "idx_payment_notifications_order",
                "payment_notifications",
                "order_id",
            ),
            ("idx_plan_periods_user", "plan_periods", "user_id"),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
