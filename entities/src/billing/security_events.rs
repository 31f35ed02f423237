//! Security events worth an operator's look: refused payment notifications (a bad or missing
//! signature), with what arrived and from where.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryOrder, QuerySelect, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "security_events")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub kind: String,
    #[sea_orm(column_type = "Text")]
    pub detail: String,
    pub ip: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub async fn record(
    db: &impl ConnectionTrait,
    kind: &str,
    detail: &str,
    ip: Option<&str>,
) -> Result<(), DbErr> {
    // Bounded: the body of a forged request is the attacker's choice.
    let detail: String = detail.chars().take(2000).collect();
    ActiveModel {
        id: Set(Uuid::new_v4()),
        kind: Set(kind.to_owned()),
        detail: Set(detail),
        ip: Set(ip.map(str::to_owned)),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub async fn recent(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .order_by_desc(Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await
}
