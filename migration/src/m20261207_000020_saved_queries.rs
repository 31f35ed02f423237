//! Saved read-only SQL queries for super admins (`admin_saved_queries`), and each replica's
//! heartbeat (`replica_heartbeats`: its role and the depth of its in-memory usage queue), so
//! the admin panel sees every proxy's queue without reaching into the processes.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000020_saved_queries"
    }
}

fn saved_queries() -> TableCreateStatement {
    Table::create()
        .table("admin_saved_queries")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(string_uniq("name"))
        .col(text("description"))
        .col(text("sql"))
        // Kept as text: the operator may be gone, the query stays theirs in the trail.
        .col(string("updated_by"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .to_owned()
}

fn replica_heartbeats() -> TableCreateStatement {
    Table::create()
        .table("replica_heartbeats")
        .if_not_exists()
        .col(string("replica_id").primary_key())
        .col(string("role"))
        .col(big_integer("usage_queue_depth"))
        .col(big_integer("usage_queue_capacity"))
        .col(timestamp_with_time_zone("started_at"))
        .col(timestamp_with_time_zone("seen_at"))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(saved_queries()).await?;
        manager.create_table(replica_heartbeats()).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["replica_heartbeats", "admin_saved_queries"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
