//! Each running replica says every few seconds that it is alive, in which role, and how deep
//! its in-memory usage queue is: the admin panel's health page reads the queues of every
//! proxy from here (Prometheus reads the same gauge per pod).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "replica_heartbeats")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub replica_id: String,
    pub role: String,
    pub usage_queue_depth: i64,
    pub usage_queue_capacity: i64,
    pub started_at: DateTimeUtc,
    pub seen_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// One beat: the replica as it is now.
pub struct Beat<'a> {
    pub replica_id: &'a str,
    pub role: &'a str,
    pub queue_depth: usize,
    pub queue_capacity: usize,
    pub started_at: DateTime<Utc>,
}

pub async fn beat(db: &impl ConnectionTrait, beat: &Beat<'_>) -> Result<(), DbErr> {
    let wide = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let row = ActiveModel {
        replica_id: Set(beat.replica_id.to_owned()),
        role: Set(beat.role.to_owned()),
        usage_queue_depth: Set(wide(beat.queue_depth)),
        usage_queue_capacity: Set(wide(beat.queue_capacity)),
        started_at: Set(beat.started_at),
        seen_at: Set(Utc::now()),
    };
    Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::ReplicaId)
                .update_columns([
                    Column::Role,
                    Column::UsageQueueDepth,
                    Column::UsageQueueCapacity,
                    Column::SeenAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A replica that stopped cleanly leaves; one that died ages out (`forget_older_than`).
pub async fn leave(db: &impl ConnectionTrait, replica_id: &str) -> Result<(), DbErr> {
    Entity::delete_by_id(replica_id.to_owned()).exec(db).await?;
    Ok(())
}

pub async fn forget_older_than(
    db: &impl ConnectionTrait,
    before: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Ok(Entity::delete_many()
        .filter(Column::SeenAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}

/// Every replica heard from, the most recent first.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<Model>, DbErr> {
    Entity::find().order_by_desc(Column::SeenAt).all(db).await
}
