//! Cooldowns of (account, model) pairs as last decided by a proxy: a view for operators and
//! dashboards. Written by the usage writer in batches, never on the request path.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryFilter, entity::prelude::*, sea_query::OnConflict};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "account_cooldowns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub model: String,
    pub until: DateTimeUtc,
    pub reason: String,
    pub failures: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// A cooldown starting (`until` set) or ending (`until` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CooldownChange {
    pub account_id: Uuid,
    pub model: String,
    pub until: Option<DateTimeUtc>,
    pub reason: &'static str,
    pub failures: u32,
}

pub async fn apply(db: &impl ConnectionTrait, change: &CooldownChange) -> Result<(), DbErr> {
    let Some(until) = change.until else {
        Entity::delete_many()
            .filter(Column::AccountId.eq(change.account_id))
            .filter(Column::Model.eq(change.model.clone()))
            .exec(db)
            .await?;
        return Ok(());
    };
    let row = ActiveModel {
        account_id: Set(change.account_id),
        model: Set(change.model.clone()),
        until: Set(until),
        reason: Set(change.reason.to_owned()),
        failures: Set(i32::try_from(change.failures).unwrap_or(i32::MAX)),
        updated_at: Set(Utc::now()),
    };
    Entity::insert(row)
        .on_conflict(
            OnConflict::columns([Column::AccountId, Column::Model])
                .update_columns([
                    Column::Until,
                    Column::Reason,
                    Column::Failures,
                    Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn active_for_accounts(
    db: &impl ConnectionTrait,
    accounts: &[Uuid],
) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::AccountId.is_in(accounts.iter().copied()))
        .filter(Column::Until.gt(Utc::now()))
        .all(db)
        .await
}
