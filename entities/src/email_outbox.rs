//! Emails waiting to be sent. Writers enqueue with a dedupe key naming the event (e.g. the
//! connection and the refresh generation that expired it), so a retried job or a second replica
//! cannot queue the same email twice. Delivery (SMTP) reads the unsent rows.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, QuerySelect, entity::prelude::*};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub to_address: String,
    pub template: String,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    #[sea_orm(unique)]
    pub dedupe_key: String,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub struct NewEmail {
    pub user_id: Option<Uuid>,
    pub to_address: String,
    pub template: &'static str,
    pub subject: String,
    pub body: String,
    pub dedupe_key: String,
}

/// Queues an email once per dedupe key. Returns whether this call queued it.
pub async fn enqueue(db: &impl ConnectionTrait, email: NewEmail) -> Result<bool, DbErr> {
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(email.user_id),
        to_address: Set(email.to_address),
        template: Set(email.template.to_owned()),
        subject: Set(email.subject),
        body: Set(email.body),
        dedupe_key: Set(email.dedupe_key),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
    };
    let inserted = Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

pub async fn for_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_asc(Column::CreatedAt)
        .all(db)
        .await
}

/// The newest `limit` emails, to one address when `to` is given (normalised like sign-up's).
pub async fn recent(
    db: &impl ConnectionTrait,
    to: Option<&str>,
    limit: u64,
) -> Result<Vec<Model>, DbErr> {
    let mut query = Entity::find().order_by_desc(Column::CreatedAt).limit(limit);
    if let Some(to) = to {
        query = query.filter(Column::ToAddress.eq(to.trim().to_lowercase()));
    }
    query.all(db).await
}
