//! Operating the platform: a user can be suspended (`users.suspended_at`: their keys and
//! sessions stop) or granted extra requests for their current period (`users.extra_requests`
//! until `extra_requests_until`, the period's end); support can view a user's dashboard for a while (`impersonations`, each
//! with a read-only session of the user's marked `impersonation_id`); every operator action
//! lands in `admin_audit`, which the database itself keeps append-only (triggers refuse
//! UPDATE, DELETE and, on Postgres, TRUNCATE), so no role and no bug in Satu can rewrite it.

use sea_orm::DatabaseBackend;
use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000019_admin"
    }
}

fn admin_audit() -> TableCreateStatement {
    Table::create()
        .table("admin_audit")
        .if_not_exists()
        .col(pk_auto("id").big_integer())
        .col(timestamp_with_time_zone("created_at"))
        // No foreign keys: the trail outlives the accounts it names.
        .col(uuid_null("actor_id"))
        .col(string("actor_email"))
        .col(string("actor_role"))
        .col(string("action"))
        .col(string("target_kind"))
        .col(string_null("target_id"))
        .col(string_null("target_label"))
        .col(json_null("before"))
        .col(json_null("after"))
        .col(text_null("reason"))
        .col(string_null("ip"))
        .to_owned()
}

fn impersonations() -> TableCreateStatement {
    Table::create()
        .table("impersonations")
        .if_not_exists()
        .col(pk_uuid("id"))
        // Who looks (kept as they were then: the trail outlives accounts) and at whom.
        .col(uuid("admin_id"))
        .col(string("admin_email"))
        .col(string("admin_role"))
        .col(uuid("user_id"))
        .col(text("reason"))
        .col(timestamp_with_time_zone("started_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone_null("ended_at"))
        // The last page recorded in the audit trail (a page is recorded once per visit).
        .col(string_null("last_page"))
        .col(string_null("ip"))
        .foreign_key(
            ForeignKey::create()
                .from("impersonations", "user_id")
                .to("users", "id")
                .on_delete(ForeignKeyAction::Cascade),
        )
        .to_owned()
}

const INDEXES: &[(&str, &str, &[&str])] = &[
    ("idx_impersonations_user", "impersonations", &["user_id"]),
    ("idx_impersonations_admin", "impersonations", &["admin_id"]),
    ("idx_admin_audit_created", "admin_audit", &["created_at"]),
    ("idx_admin_audit_target", "admin_audit", &["target_id"]),
    ("idx_admin_audit_actor", "admin_audit", &["actor_id"]),
];

const POSTGRES_GUARD: &str = "
CREATE OR REPLACE FUNCTION admin_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'admin_audit is append-only';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER admin_audit_no_change BEFORE UPDATE OR DELETE ON admin_audit
  FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only();
CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
  FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_append_only();
";

const SQLITE_GUARD: &str = "
CREATE TRIGGER admin_audit_no_update BEFORE UPDATE ON admin_audit
  BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
CREATE TRIGGER admin_audit_no_delete BEFORE DELETE ON admin_audit
  BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        for column in [
            timestamp_with_time_zone_null("suspended_at"),
            big_integer_null("extra_requests"),
            timestamp_with_time_zone_null("extra_requests_until"),
        ] {
            manager
                .alter_table(Table::alter().table("users").add_column(column).to_owned())
                .await?;
        }
        manager.create_table(admin_audit()).await?;
        manager.create_table(impersonations()).await?;
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .add_column(uuid_null("impersonation_id"))
                    .to_owned(),
            )
            .await?;
        for (name, table, columns) in INDEXES {
            let mut index = Index::create().name(*name).table(*table).to_owned();
            for column in *columns {
                index.col(*column);
            }
            manager.create_index(index).await?;
        }
        let guard = match manager.get_database_backend() {
            DatabaseBackend::Postgres => POSTGRES_GUARD,
            _ => SQLITE_GUARD,
        };
        manager.get_connection().execute_unprepared(guard).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS admin_audit_append_only() CASCADE")
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table("sessions")
                    .drop_column("impersonation_id")
                    .to_owned(),
            )
            .await?;
        for table in ["impersonations", "admin_audit"] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        for column in ["suspended_at", "extra_requests", "extra_requests_until"] {
            manager
                .alter_table(Table::alter().table("users").drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
