//! Support viewing a user's dashboard: a time-boxed impersonation and the read-only session
//! of the user's it runs on. The user sees it among their sessions (and can end it); the
//! operator ends it with one click or it expires; every page it shows is audited.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, entity::prelude::*};

use crate::admin_audit::Actor;
use crate::sessions::{self, NewSession, SessionMeta};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "impersonations")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub admin_id: Uuid,
    pub admin_email: String,
    pub admin_role: String,
    pub user_id: Uuid,
    pub reason: String,
    pub started_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
    pub last_page: Option<String>,
    pub ip: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn is_active(&self, at: DateTime<Utc>) -> bool {
        self.ended_at.is_none() && self.expires_at > at
    }
}

/// How long one impersonation lasts.
pub const TTL_MINUTES: i64 = 30;

/// Starts `admin` viewing `user_id`'s dashboard: the impersonation and its session (the token
/// is the operator's to send as a bearer).
pub async fn start(
    db: &impl ConnectionTrait,
    admin: &Actor,
    admin_id: Uuid,
    user_id: Uuid,
    reason: &str,
) -> Result<(Model, NewSession), crate::RepoError> {
    let now = Utc::now();
    let ttl = chrono::Duration::minutes(TTL_MINUTES);
    let row = ActiveModel {
        id: Set(Uuid::new_v4()),
        admin_id: Set(admin_id),
        admin_email: Set(admin.email.clone()),
        admin_role: Set(admin.role.clone()),
        user_id: Set(user_id),
        reason: Set(reason.to_owned()),
        started_at: Set(now),
        expires_at: Set(now + ttl),
        ended_at: Set(None),
        last_page: Set(None),
        ip: Set(admin.ip.clone()),
    }
    .insert(db)
    .await?;
    let meta = SessionMeta {
        user_agent: Some("Satu support (read-only view)"),
        ip: admin.ip.as_deref(),
        google_hd: None,
        impersonation_id: Some(row.id),
    };
    let session = sessions::create(db, user_id, ttl, meta).await?;
    Ok((row, session))
}

/// Ends it now (its session too); false when it had already ended.
pub async fn end(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    let now = Utc::now();
    let ended = Entity::update_many()
        .col_expr(Column::EndedAt, Expr::value(now))
        .filter(Column::Id.eq(id))
        .filter(Column::EndedAt.is_null())
        .exec(db)
        .await?;
    sessions::Entity::update_many()
        .col_expr(sessions::Column::RevokedAt, Expr::value(now))
        .filter(sessions::Column::ImpersonationId.eq(id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(ended.rows_affected == 1)
}

/// Ends every running impersonation by `admin_id` (the operator was suspended).
pub async fn end_all_by(db: &impl ConnectionTrait, admin_id: Uuid) -> Result<(), DbErr> {
    let running = Entity::find()
        .filter(Column::AdminId.eq(admin_id))
        .filter(Column::EndedAt.is_null())
        .all(db)
        .await?;
    for row in running {
        end(db, row.id).await?;
    }
    Ok(())
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<Model>, DbErr> {
    Entity::find_by_id(id).one(db).await
}

/// Records `page` as the one being shown; true when it differs from the last one recorded
/// (so each visit is audited once, whichever replica serves it).
pub async fn note_page(db: &impl ConnectionTrait, id: Uuid, page: &str) -> Result<bool, DbErr> {
    let changed = Entity::update_many()
        .col_expr(Column::LastPage, Expr::value(page))
        .filter(Column::Id.eq(id))
        .filter(
            sea_orm::Condition::any()
                .add(Column::LastPage.is_null())
                .add(Column::LastPage.ne(page)),
        )
        .exec(db)
        .await?;
    Ok(changed.rows_affected == 1)
}

/// The times support viewed the user's account, newest first.
pub async fn of_user(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::UserId.eq(user_id))
        .order_by_desc(Column::StartedAt)
        .all(db)
        .await
}

/// Impersonations `admin_id` has running now.
pub async fn running_by(db: &impl ConnectionTrait, admin_id: Uuid) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::AdminId.eq(admin_id))
        .filter(Column::EndedAt.is_null())
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(Column::StartedAt)
        .all(db)
        .await
}

/// Ends the user's impersonations whose session they signed out (from their sessions list).
pub async fn end_signed_out(db: &impl ConnectionTrait, user_id: Uuid) -> Result<(), DbErr> {
    let signed_out: Vec<Uuid> = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id))
        .filter(sessions::Column::RevokedAt.is_not_null())
        .filter(sessions::Column::ImpersonationId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| s.impersonation_id)
        .collect();
    Entity::update_many()
        .col_expr(Column::EndedAt, Expr::value(Utc::now()))
        .filter(Column::Id.is_in(signed_out))
        .filter(Column::EndedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}
