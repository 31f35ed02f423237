//! Security events worth an operator's look: refused payment notifications (a bad or missing
//! signature), payments whose amount does not match, failed sign-ins and lockouts, with what
//! arrived and from where.

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

/// Whether an event of `kind` with exactly `detail` was recorded since `since`.
pub async fn seen_since(
    db: &impl ConnectionTrait,
    kind: &str,
    detail: &str,
    since: chrono::DateTime<Utc>,
) -> Result<bool, DbErr> {
    use sea_orm::{PaginatorTrait, QueryFilter};
    let n = Entity::find()
        .filter(Column::Kind.eq(kind))
        .filter(Column::Detail.eq(detail))
        .filter(Column::CreatedAt.gte(since))
        .count(db)
        .await?;
    Ok(n > 0)
}

/// Up to `limit` events older than `before` (all when `None`), newest first, of `kinds` (all
/// when empty).
pub async fn page(
    db: &impl ConnectionTrait,
    kinds: &[String],
    before: Option<chrono::DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    use sea_orm::QueryFilter;
    let mut query = Entity::find();
    if !kinds.is_empty() {
        query = query.filter(Column::Kind.is_in(kinds.iter().cloned()));
    }
    if let Some(before) = before {
        query = query.filter(Column::CreatedAt.lt(before));
    }
    query
        .order_by_desc(Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await
}
