//! Sign-in flows in progress: what the second half of a flow needs (PKCE verifier, state,
//! device code), sealed and bound to the flow's row, expiring after a few minutes. A flow is
//! used once: completing it deletes it.

use chrono::Utc;
use sea_orm::{ActiveValue::Set, QueryFilter, entity::prelude::*};

use crate::seal::Sealer;
use crate::{Provider, RepoError};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "oauth_flows")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// The team the connection will belong to (`None`: the user's own).
    pub team_id: Option<Uuid>,
    pub provider: String,
    pub flow: String,
    pub label: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub sealed_payload: String,
    pub expires_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub(crate) fn aad(flow_id: Uuid) -> Vec<u8> {
    format!("oauth_flow:{flow_id}").into_bytes()
}

pub struct NewFlow<'a> {
    pub user_id: Uuid,
    pub team_id: Option<Uuid>,
    pub provider: Provider,
    pub flow: &'static str,
    pub label: Option<String>,
    pub payload: &'a [u8],
    pub ttl: chrono::Duration,
}

pub async fn create(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    new: NewFlow<'_>,
) -> Result<Model, RepoError> {
    let id = Uuid::new_v4();
    let now = Utc::now();
    // Abandoned flows of this user go when a new one starts.
    Entity::delete_many()
        .filter(Column::UserId.eq(new.user_id))
        .filter(Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    let row = ActiveModel {
        id: Set(id),
        user_id: Set(new.user_id),
        team_id: Set(new.team_id),
        provider: Set(new.provider.as_str().to_owned()),
        flow: Set(new.flow.to_owned()),
        label: Set(new.label),
        sealed_payload: Set(sealer.seal(new.payload, &aad(id))?),
        expires_at: Set(now + new.ttl),
        created_at: Set(now),
    };
    Ok(row.insert(db).await?)
}

/// The user's unexpired flow and its opened payload; another user's or an expired one is
/// "not found".
pub async fn open(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    user_id: Uuid,
    id: Uuid,
) -> Result<(Model, Vec<u8>), RepoError> {
    let row = Entity::find_by_id(id)
        .filter(Column::UserId.eq(user_id))
        .filter(Column::ExpiresAt.gt(Utc::now()))
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("sign-in flow"))?;
    let payload = sealer.open(&row.sealed_payload, &aad(id))?;
    Ok((row, payload))
}

/// Replaces the payload (a device flow slowing down keeps its new interval).
pub async fn update_payload(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    id: Uuid,
    payload: &[u8],
) -> Result<(), RepoError> {
    Entity::update_many()
        .col_expr(
            Column::SealedPayload,
            sea_orm::sea_query::Expr::value(sealer.seal(payload, &aad(id))?),
        )
        .filter(Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

pub async fn delete(db: &impl ConnectionTrait, id: Uuid) -> Result<(), DbErr> {
    Entity::delete_by_id(id).exec(db).await?;
    Ok(())
}
