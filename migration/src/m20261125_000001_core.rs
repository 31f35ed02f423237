//! Users, sessions, API keys, provider accounts, plans and the model catalog.

use sea_orm_migration::{prelude::*, schema::*};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261125_000001_core"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(plans()).await?;
        manager.create_table(users()).await?;
        manager.create_table(sessions()).await?;
        manager.create_table(api_keys()).await?;
        manager.create_table(provider_accounts()).await?;
        manager.create_table(model_catalog()).await?;
        for index in indexes() {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "model_catalog",
            "provider_accounts",
            "api_keys",
            "sessions",
            "users",
            "plans",
        ] {
            manager
                .drop_table(Table::drop().table(table).if_exists().to_owned())
                .await?;
        }
        Ok(())
    }
}

fn plans() -> TableCreateStatement {
    Table::create()
        .table("plans")
        .if_not_exists()
        .col(string("id").primary_key())
        .col(string("name"))
        .col(big_integer_null("price_idr"))
        .col(big_integer_null("price_usd_cents"))
        .col(big_integer_null("monthly_requests"))
        .col(integer_null("max_oauth_accounts"))
        .col(integer_null("max_providers"))
        .col(integer_null("max_members"))
        .col(big_integer_null("requests_per_minute"))
        .col(big_integer_null("tokens_per_minute"))
        .col(integer("sort_order"))
        .to_owned()
}

fn users() -> TableCreateStatement {
    Table::create()
        .table("users")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(string_uniq("email"))
        .col(string_null("password_hash"))
        .col(string("plan_id"))
        .col(string_null("platform_role"))
        .col(boolean("email_verified").default(false))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(
            ForeignKey::create()
                .from("users", "plan_id")
                .to("plans", "id")
                .on_delete(ForeignKeyAction::Restrict),
        )
        .to_owned()
}

fn sessions() -> TableCreateStatement {
    Table::create()
        .table("sessions")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("user_id"))
        .col(string_uniq("token_hash"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("expires_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .col(string_null("user_agent"))
        .col(string_null("ip"))
        .foreign_key(&mut owner_fk("sessions"))
        .to_owned()
}

fn api_keys() -> TableCreateStatement {
    Table::create()
        .table("api_keys")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("user_id"))
        .col(string("name"))
        .col(string("prefix"))
        .col(string_uniq("key_hash"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone_null("last_used_at"))
        .col(timestamp_with_time_zone_null("revoked_at"))
        .col(timestamp_with_time_zone_null("expires_at"))
        .foreign_key(&mut owner_fk("api_keys"))
        .to_owned()
}

fn provider_accounts() -> TableCreateStatement {
    Table::create()
        .table("provider_accounts")
        .if_not_exists()
        .col(pk_uuid("id"))
        .col(uuid("user_id"))
        .col(string("provider"))
        .col(string("kind"))
        .col(string("label"))
        .col(string("status"))
        .col(text_null("sealed_credentials"))
        .col(string_null("base_url"))
        .col(json("models"))
        .col(integer("weight").default(1))
        .col(integer("priority").default(0))
        .col(text_null("last_error"))
        .col(timestamp_with_time_zone_null("last_used_at"))
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .foreign_key(&mut owner_fk("provider_accounts"))
        .to_owned()
}

fn model_catalog() -> TableCreateStatement {
    Table::create()
        .table("model_catalog")
        .if_not_exists()
        .col(string("id").primary_key())
        .col(string("provider"))
        .col(string("display_name"))
        .col(json("aliases"))
        .col(big_integer("input_price_micros"))
        .col(big_integer("output_price_micros"))
        .col(big_integer("cached_input_price_micros"))
        .col(big_integer("context_window"))
        .col(boolean("enabled").default(true))
        .col(timestamp_with_time_zone("updated_at"))
        .to_owned()
}

fn owner_fk(table: &'static str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, "user_id")
        .to("users", "id")
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn indexes() -> Vec<IndexCreateStatement> {
    let by_user = |table: &'static str| {
        Index::create()
            .name(format!("idx_{table}_user"))
            .table(table)
            .col("user_id")
            .if_not_exists()
            .to_owned()
    };
    vec![
        by_user("sessions"),
        by_user("api_keys"),
        by_user("provider_accounts"),
    ]
}
