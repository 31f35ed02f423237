//! Teams: shared workspaces. A team has a plan of its own (its quota is shared by its members),
//! members with a role and their own limits, and owns connections, routing and API keys. Keys,
//! connections and usage rows name their team in `team_id` (NULL: the personal workspace).
//! Rollups keep their `user_id` column but hold the workspace there: the team for team rows.
//! Invites wait in `team_invites` (the mailed token's digest only); `team_audit` records who
//! changed what; `team_notices` holds messages for a team's Slack webhook until delivered.

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
        // The team's monthly cost budget, nano-USD (NULL: none).
        .col(big_integer_null("budget_nanos"))
        // A Slack incoming-webhook URL, sealed like credentials.
        .col(text_null("slack_webhook_sealed"))
        // Enterprise: members sign in with Google from this Workspace domain (`hd`).
        .col(string_null("google_domain"))
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

fn sessions_google_hd() -> TableAlterStatement {
    Table::alter()
        .table("sessions")
        .add_column(string_null("google_hd"))
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
        // Limits an admin sets per member (NULL: none beyond the team's).
        .col(big_integer_null("monthly_requests_limit"))
        .col(big_integer_null("rpm_limit"))
        .col(big_integer_null("budget_nanos"))
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

fn team_invites() -> TableCreateStatement {
    Table::create()
        .table("team_invites")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("team_id"))
        .col(string("email"))
        .col(string("role"))
        .col(string_uniq("token_hash"))
        .col(uuid("invited_by"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone_null("accepted_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .foreign_key(
            ForeignKey::create()
                .from("team_invites", "team_id")
                .to("teams", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

/// Who did what to a team, with the values before and after. Kept without foreign keys: the
/// record outlives the people it names.
fn team_audit() -> TableCreateStatement {
    Table::create()
        .table("team_audit")
        .if_not_exists()
        .col(big_pk_auto("id"))
        .col(uuid("team_id"))
        .col(uuid_null("actor_id"))
        .col(string("action"))
        .col(string_null("target"))
        .col(json_null("before"))
        .col(json_null("after"))
        .col(timestamp_with_time_zone("created_at"))
        .to_owned()
}

/// Messages to a team's Slack webhook, delivered by the worker with retries (like emails).
fn team_notices() -> TableCreateStatement {
    Table::create()
        .table("team_notices")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("team_id"))
        .col(string("kind"))
        .col(text("text"))
        .col(string_uniq("dedupe_key"))
        .col(string("status"))
        .col(integer("attempts").default(0))
        .col(timestamp_with_time_zone_null("next_attempt_at"))
        .col(timestamp_with_time_zone_null("lease_until"))
        .col(text_null("last_error"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone_null("sent_at"))
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
const INDEXES: [(&str, &str, &[&str]); 8] = [
    (
        "idx_team_notices_due",
        "team_notices",
        &["status", "next_attempt_at"],
    ),
    (
        "idx_team_notices_team",
        "team_notices",
        &["team_id", "created_at"],
    ),
    ("idx_team_members_user", "team_members", &["user_id"]),
    ("idx_team_invites_team", "team_invites", &["team_id"]),
    (
        "idx_team_audit_team_time",
        "team_audit",
        &["team_id", "created_at"],
    ),
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
        manager.create_table(team_invites()).await?;
        manager.create_table(team_audit()).await?;
        manager.create_table(team_notices()).await?;
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
        // Which Google Workspace domain a session signed in from (`hd`), for teams that
        // require one.
        manager.alter_table(sessions_google_hd()).await?;
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
        for table in [
            "team_notices",
            "team_audit",
            "team_invites",
            "team_members",
            "teams",
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}
