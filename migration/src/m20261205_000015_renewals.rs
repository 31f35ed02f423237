//! Renewals: the invoice issued for a plan period's next month, and when a period lapsed unpaid
//! (its user dropped to Free after the grace days).

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000015_renewals"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in [
            uuid_null("renewal_invoice_id"),
            timestamp_with_time_zone_null("lapsed_at"),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table("plan_periods")
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["renewal_invoice_id", "lapsed_at"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("plan_periods")
                        .drop_column(name)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
