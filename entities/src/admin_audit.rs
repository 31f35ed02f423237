//! The operators' audit trail: who (and in which platform role) did what to whom, the values
//! before and after, the reason they gave, when and from where. Written in the same
//! transaction as the change, so it never claims a change that did not happen or misses one
//! that did; the database refuses to update or delete its rows (see the migration).

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, Condition, QueryFilter, QueryOrder, QuerySelect, entity::prelude::*,
};
use serde_json::Value;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "admin_audit")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub created_at: DateTimeUtc,
    /// The operator; `None` for the command line (`satu admin …`).
    pub actor_id: Option<Uuid>,
    pub actor_email: String,
    pub actor_role: String,
    pub action: String,
    /// `user`, `payment`, `query`, …
    pub target_kind: String,
    pub target_id: Option<String>,
    /// A readable name for the target (a user's email), kept as it was then.
    pub target_label: Option<String>,
    #[sea_orm(column_type = "Json", nullable)]
    pub before: Option<Value>,
    #[sea_orm(column_type = "Json", nullable)]
    pub after: Option<Value>,
    pub reason: Option<String>,
    pub ip: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The actions recorded, as stored.
pub mod action {
    pub const USER_SUSPENDED: &str = "user.suspended";
    pub const USER_UNSUSPENDED: &str = "user.unsuspended";
    pub const USER_PLAN: &str = "user.plan_changed";
    pub const USER_PERIOD_EXTENDED: &str = "user.period_extended";
    pub const USER_REQUESTS_GRANTED: &str = "user.requests_granted";
    pub const USER_SIGNED_OUT: &str = "user.signed_out";
    pub const USER_VERIFICATION_SENT: &str = "user.verification_sent";
    pub const IMPERSONATION_STARTED: &str = "impersonation.started";
    pub const IMPERSONATION_VIEWED: &str = "impersonation.viewed";
    pub const IMPERSONATION_ENDED: &str = "impersonation.ended";
    pub const PAYMENT_REFUNDED: &str = "payment.refunded";
    pub const INVOICE_DOWNLOADED: &str = "invoice.downloaded";
    pub const QUERY_SAVED: &str = "query.saved";
    pub const QUERY_DELETED: &str = "query.deleted";
    pub const QUERY_RAN: &str = "query.ran";
}

/// Who acts: an operator signed in to the panel, or the command line.
#[derive(Clone, Debug)]
pub struct Actor {
    pub user_id: Option<Uuid>,
    pub email: String,
    pub role: String,
    pub ip: Option<String>,
}

impl Actor {
    /// `satu admin …` on a server: whoever holds the machine (and its database).
    pub fn command_line() -> Self {
        Self {
            user_id: None,
            email: "satu admin (command line)".to_owned(),
            role: "operator".to_owned(),
            ip: None,
        }
    }
}

/// One entry to record.
pub struct Entry<'a> {
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: Option<String>,
    pub target_label: Option<String>,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub reason: Option<&'a str>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    entry: Entry<'_>,
) -> Result<Model, DbErr> {
    ActiveModel {
        created_at: Set(Utc::now()),
        actor_id: Set(actor.user_id),
        actor_email: Set(actor.email.clone()),
        actor_role: Set(actor.role.clone()),
        action: Set(entry.action.to_owned()),
        target_kind: Set(entry.target_kind.to_owned()),
        target_id: Set(entry.target_id),
        target_label: Set(entry.target_label),
        before: Set(entry.before),
        after: Set(entry.after),
        reason: Set(entry.reason.map(str::to_owned)),
        ip: Set(actor.ip.clone()),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// What to list: entries about one target, by one actor, of one action, or matching a text.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub target_id: Option<String>,
    pub actor_id: Option<Uuid>,
    pub action: Option<String>,
    /// Part of the actor's email, the target's label or the reason.
    pub text: Option<String>,
}

/// Up to `limit` entries older than `before_id` (all when `None`), newest first.
pub async fn page(
    db: &impl ConnectionTrait,
    filter: &Filter,
    before_id: Option<i64>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    let mut query = Entity::find();
    if let Some(id) = before_id {
        query = query.filter(Column::Id.lt(id));
    }
    if let Some(target) = &filter.target_id {
        query = query.filter(Column::TargetId.eq(target.as_str()));
    }
    if let Some(actor) = filter.actor_id {
        query = query.filter(Column::ActorId.eq(actor));
    }
    if let Some(action) = &filter.action {
        query = query.filter(Column::Action.eq(action.as_str()));
    }
    if let Some(text) = filter
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        query = query.filter(
            Condition::any()
                .add(Column::ActorEmail.contains(text))
                .add(Column::TargetLabel.contains(text))
                .add(Column::Reason.contains(text)),
        );
    }
    query.order_by_desc(Column::Id).limit(limit).all(db).await
}
