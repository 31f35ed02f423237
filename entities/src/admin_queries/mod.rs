//! Saved read-only SQL queries for super admins: the named queries (this module) and the
//! runner that executes one without any way to write (`run`).

pub mod run;
mod statement;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

pub use run::{Limits, RunError, Table};
pub use statement::one_statement;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "admin_saved_queries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub name: String,
    pub description: String,
    pub sql: String,
    pub updated_by: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// What an operator writes: a name, what it answers, and the SQL.
pub struct Draft<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub sql: &'a str,
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<Model>, DbErr> {
    Entity::find().order_by_asc(Column::Name).all(db).await
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(id).one(db).await
}

pub async fn find_by_name(db: &impl ConnectionTrait, name: &str) -> Result<Option<Model>, DbErr> {
    Entity::find().filter(Column::Name.eq(name)).one(db).await
}

pub async fn insert(
    db: &impl ConnectionTrait,
    draft: &Draft<'_>,
    by: &str,
) -> Result<Model, DbErr> {
    let now = Utc::now();
    ActiveModel {
        id: Set(Uuid::new_v4()),
        name: Set(draft.name.to_owned()),
        description: Set(draft.description.to_owned()),
        sql: Set(draft.sql.to_owned()),
        updated_by: Set(by.to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

pub async fn update(
    db: &impl ConnectionTrait,
    id: Uuid,
    draft: &Draft<'_>,
    by: &str,
) -> Result<Model, DbErr> {
    ActiveModel {
        id: Set(id),
        name: Set(draft.name.to_owned()),
        description: Set(draft.description.to_owned()),
        sql: Set(draft.sql.to_owned()),
        updated_by: Set(by.to_owned()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .update(db)
    .await
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    Ok(Entity::delete_by_id(id).exec(db).await?.rows_affected > 0)
}
