//! Teams: shared workspaces. A team has a plan of its own (its quota is shared by its members),
//! members with a role and their own limits, and owns connections, routing and API keys. Keys,
//! connections and usage rows name their team in `team_id` (NULL: the personal workspace).
//! Rollups keep their `user_id` column but hold the workspace there: the team for team rows.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000018_teams"
    }
}

fn teams() -> TableCreateStatement {
    Table::create()
        .table("teams")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(string("name"))
        .col(string("plan_id"))
        .col(timestamp_with_time_zone("billing_anchor_at"))
        // An operator's overrides of the plan, like `users`' (NULL: the plan's value).
        .col(big_integer_null("monthly_requests_limit"))
        .col(big_integer_null("rpm_limit"))
        .col(big_integer_null("tpm_limit"))
        .col(json_null("routing"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(
            ForeignKey::create()
                .from("teams", "plan_id")
                .to("plans", "id")
                .on_delete(ForeignKeyAction::Restrict),
        )
        .to_owned()
}

fn team_members() -> TableCreateStatement {
    Table::create()
        .table("team_members")
        .if_not_exists()
        .col(uuid("team_id"))
        .col(uuid("user_id"))
        .col(string("role"))
        .col(timestamp_with_time_zone("joined_at"))
        .primary_key(Index::create().col("team_id").col("user_id"))
        .foreign_key(
            ForeignKey::create()
                .from("team_members", "team_id")
                .to("teams", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .foreign_key(
            ForeignKey::create()
                .from("team_members", "user_id")
                .to("users", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

/// Tables whose rows may belong to a team.
const TEAM_OWNED: [&str; 4] = [
    "api_keys",
    "provider_accounts",
    "usage_events",
    "oauth_flows",
];

/// (name, table, columns) of the indexes this migration adds.
const INDEXES: [(&str, &str, &[&str]); 4] = [
    ("idx_team_members_user", "team_members", &["user_id"]),
    ("idx_api_keys_team", "api_keys", &["team_id"]),
    (
        "idx_provider_accounts_team",
        "provider_accounts",
        &["team_id"],
    ),
    // The team's logs and period counts, like `idx_usage_events_user_time_id`.
    (
        "idx_usage_events_team_time_id",
        "usage_events",
        &["team_id", "created_at", "id"],
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(teams()).await?;
        manager.create_table(team_members()).await?;
        for table in TEAM_OWNED {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .add_column(uuid_null("team_id"))
                        .to_owned(),
                )
                .await?;
        }
        for (name, table, columns) in INDEXES {
            let mut index = Index::create().name(name).table(table).to_owned();
            for column in columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table, _) in INDEXES {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        for table in TEAM_OWNED {
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column("team_id")
                        .to_owned(),
                )
                .await?;
        }
        for table in ["team_members", "teams"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
