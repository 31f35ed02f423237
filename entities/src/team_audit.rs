//! A team's audit log: who did what, when, with the values before and after. Written in the
//! same transaction as the change where there is one, so the log never claims a change that
//! did not happen (or misses one that did).

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, QuerySelect, entity::prelude::*};
use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "team_audit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: Uuid,
    /// Who did it; `None` for Satu itself (an operator's command).
    pub actor_id: Option<Uuid>,
    pub action: String,
    /// What it was done to: a member's email, a key's or connection's name.
    pub target: Option<String>,
    #[sea_orm(column_type = "Json", nullable)]
    pub before: Option<Value>,
    #[sea_orm(column_type = "Json", nullable)]
    pub after: Option<Value>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The actions recorded, as stored.
pub mod action {
    pub const TEAM_CREATED: &str = "team.created";
    pub const TEAM_RENAMED: &str = "team.renamed";
    pub const INVITE_SENT: &str = "invite.sent";
    pub const INVITE_RESENT: &str = "invite.resent";
    pub const INVITE_REVOKED: &str = "invite.revoked";
    pub const MEMBER_JOINED: &str = "member.joined";
    pub const MEMBER_ROLE: &str = "member.role_changed";
    pub const MEMBER_REMOVED: &str = "member.removed";
    pub const MEMBER_LEFT: &str = "member.left";
    pub const MEMBER_LIMITS: &str = "member.limits_changed";
    pub const OWNER_CHANGED: &str = "team.owner_changed";
    pub const CONNECTION_ADDED: &str = "connection.added";
    pub const CONNECTION_CHANGED: &str = "connection.changed";
    pub const CONNECTION_REMOVED: &str = "connection.removed";
    pub const KEY_CREATED: &str = "key.created";
    pub const KEY_ROTATED: &str = "key.rotated";
    pub const KEY_REVOKED: &str = "key.revoked";
    pub const ROUTING_CHANGED: &str = "routing.changed";
    pub const BUDGET_CHANGED: &str = "budget.changed";
    pub const SLACK_CHANGED: &str = "slack.changed";
    pub const GOOGLE_DOMAIN: &str = "team.google_domain_changed";
}

/// One entry to record.
pub struct Entry<'a> {
    pub team_id: Uuid,
    pub actor_id: Option<Uuid>,
    pub action: &'a str,
    pub target: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub async fn record(db: &impl ConnectionTrait, entry: Entry<'_>) -> Result<(), DbErr> {
    ActiveModel {
        team_id: Set(entry.team_id),
        actor_id: Set(entry.actor_id),
        action: Set(entry.action.to_owned()),
        target: Set(entry.target),
        before: Set(entry.before),
        after: Set(entry.after),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Up to `limit` entries older than `before_id` (all when `None`), newest first.
pub async fn page(
    db: &impl ConnectionTrait,
    team_id: Uuid,
    before_id: Option<i64>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    let mut query = Entity::find().filter(Column::TeamId.eq(team_id));
    if let Some(id) = before_id {
        query = query.filter(Column::Id.lt(id));
    }
    query.order_by_desc(Column::Id).limit(limit).all(db).await
}
