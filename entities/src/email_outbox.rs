//! Emails waiting to be sent, and their delivery state. Writers enqueue a `Mail` (data, rendered
//! when sent) with a dedupe key naming the event (e.g. the connection and the refresh generation
//! that expired it), so a retried job or a second replica cannot queue the same email twice. A
//! link's secret is sealed to its row and wiped once the email is sent. Delivery:
//! `email_delivery`.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, QueryFilter, QueryOrder, QuerySelect, entity::prelude::*};

use crate::RepoError;
use crate::mail::Mail;
use crate::seal::Sealer;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "email_outbox")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Option<Uuid>,
    pub to_address: String,
    pub template: String,
    /// Rows queued before mail was rendered at send time carry their finished text here;
    /// newer rows leave both empty and carry `params`.
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    #[sea_orm(unique)]
    pub dedupe_key: String,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
    /// `id` or `en`: the language it is rendered in.
    pub locale: Option<String>,
    /// The `Mail`, as JSON.
    #[sea_orm(column_type = "Text", nullable)]
    pub params: Option<String>,
    /// The link's secret, sealed to this row (`aad`); `None` once sent.
    #[sea_orm(column_type = "Text", nullable)]
    pub sealed_secret: Option<String>,
    /// `queued`, `sent` or `failed`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// A replica holds the row for sending until then.
    pub lease_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub const QUEUED: &str = "queued";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

pub struct NewEmail {
    pub user_id: Option<Uuid>,
    pub to_address: String,
    /// The recipient's language (`id` when unknown).
    pub locale: Option<String>,
    pub mail: Mail,
    pub dedupe_key: String,
}

/// What a row's sealed secret is bound to: it opens for this row only.
pub fn secret_aad(id: Uuid) -> Vec<u8> {
    format!("email_outbox:{id}").into_bytes()
}

/// Queues an email once per dedupe key. Returns whether this call queued it.
pub async fn enqueue(db: &impl ConnectionTrait, email: NewEmail) -> Result<bool, RepoError> {
    insert(db, Uuid::new_v4(), email, None).await
}

/// Queues an email whose link carries `secret` (a sign-up, reset or verification token),
/// sealed so the outbox never holds it in clear.
pub async fn enqueue_with_secret(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    email: NewEmail,
    secret: &str,
) -> Result<bool, RepoError> {
    let id = Uuid::new_v4();
    let sealed = sealer.seal(secret.as_bytes(), &secret_aad(id))?;
    insert(db, id, email, Some(sealed)).await
}

async fn insert(
    db: &impl ConnectionTrait,
    id: Uuid,
    email: NewEmail,
    sealed_secret: Option<String>,
) -> Result<bool, RepoError> {
    let params = serde_json::to_string(&email.mail).map_err(|e| RepoError::Invalid {
        field: "email",
        reason: e.to_string(),
    })?;
    let row = ActiveModel {
        id: Set(id),
        user_id: Set(email.user_id),
        to_address: Set(email.to_address),
        template: Set(email.mail.template().to_owned()),
        subject: Set(String::new()),
        body: Set(String::new()),
        dedupe_key: Set(email.dedupe_key),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
        locale: Set(email.locale),
        params: Set(Some(params)),
        sealed_secret: Set(sealed_secret),
        status: Set(QUEUED.to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(None),
        last_error: Set(None),
        lease_until: Set(None),
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

impl Model {
    /// The `Mail` this row carries; `None` for rows queued as finished text.
    pub fn mail(&self) -> Option<Mail> {
        serde_json::from_str(self.params.as_deref()?).ok()
    }

    /// The link's secret, opened; `None` when there is none (or it was wiped once sent).
    pub fn secret(&self, sealer: &Sealer) -> Result<Option<String>, RepoError> {
        let Some(sealed) = &self.sealed_secret else {
            return Ok(None);
        };
        let plain = sealer.open(sealed, &secret_aad(self.id))?;
        Ok(Some(String::from_utf8_lossy(&plain).into_owned()))
    }
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
