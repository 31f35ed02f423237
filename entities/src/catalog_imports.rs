//! Which catalog files were applied: the file shipped with the binary is applied at start when
//! it is newer than every file applied before, so an operator's newer file is never undone by
//! a restart.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, QueryOrder, QuerySelect, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalog_imports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub version: String,
    /// `shipped`, or the file's path.
    pub source: String,
    pub models: i32,
    pub applied_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The newest version applied so far.
pub async fn newest(db: &impl ConnectionTrait) -> Result<Option<String>, DbErr> {
    Entity::find()
        .select_only()
        .column(Column::Version)
        .order_by_desc(Column::Version)
        .into_tuple()
        .one(db)
        .await
}

pub async fn record(
    db: &impl ConnectionTrait,
    version: &str,
    source: &str,
    models: usize,
) -> Result<(), DbErr> {
    let row = ActiveModel {
        version: Set(version.to_owned()),
        source: Set(source.to_owned()),
        models: Set(i32::try_from(models).unwrap_or(i32::MAX)),
        applied_at: Set(Utc::now()),
    };
    Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::Version)
                .update_columns([Column::Source, Column::Models, Column::AppliedAt])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}
