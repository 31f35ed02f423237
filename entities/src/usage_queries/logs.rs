//! Request logs: the user's usage events, newest first, with filters and keyset pagination on
//! `(created_at, id)`, so a page costs the same at any depth and rows never repeat or go missing
//! between pages while new requests arrive.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use super::Filter;
use crate::usage_events::{Column, Entity, Model};
use crate::{RepoError, Workspace};

/// Answered (below 400, no error) or failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusClass {
    Ok,
    Error,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogFilter {
    pub usage: Filter,
    pub status: Option<StatusClass>,
    /// `[from, to)` on the request's time.
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
}

/// Where a page ends: the last row's time and id. Opaque to clients (base64 of both).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub created_at: DateTime<Utc>,
    pub id: i64,
}

impl Cursor {
    pub fn of(row: &Model) -> Self {
        Self {
            created_at: row.created_at,
            id: row.id,
        }
    }

    pub fn encode(&self) -> String {
        let time = self.created_at.to_rfc3339_opts(SecondsFormat::Nanos, true);
        URL_SAFE_NO_PAD.encode(format!("{time}|{}", self.id))
    }

    pub fn decode(text: &str) -> Result<Self, RepoError> {
        let invalid = || RepoError::Invalid {
            field: "cursor",
            reason: "it is not a cursor this API returned".to_owned(),
        };
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| invalid())?;
        let text = String::from_utf8(bytes).map_err(|_| invalid())?;
        let (time, id) = text.split_once('|').ok_or_else(invalid)?;
        Ok(Self {
            created_at: DateTime::parse_from_rfc3339(time)
                .map_err(|_| invalid())?
                .with_timezone(&Utc),
            id: id.parse().map_err(|_| invalid())?,
        })
    }
}

pub struct LogPage {
    pub rows: Vec<Model>,
    /// Present when more rows follow.
    pub next: Option<Cursor>,
}

/// Up to `limit` rows after `after`, newest first.
pub async fn logs_page(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    filter: &LogFilter,
    after: Option<Cursor>,
    limit: u64,
) -> Result<LogPage, DbErr> {
    let mut query = Entity::find()
        .filter(workspace.owns(Column::UserId, Column::TeamId))
        .filter(conditions(filter));
    if let Some(c) = after {
        // A row comparison, which both databases serve from the (user_id or team_id,
        // created_at, id) indexes.
        query = query.filter(
            Expr::tuple([Expr::col(Column::CreatedAt), Expr::col(Column::Id)])
                .lt(Expr::tuple([Expr::val(c.created_at), Expr::val(c.id)])),
        );
    }
    let mut rows = query
        .order_by_desc(Column::CreatedAt)
        .order_by_desc(Column::Id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let next = if more {
        rows.last().map(Cursor::of)
    } else {
        None
    };
    Ok(LogPage { rows, next })
}

/// One of the workspace's requests by its request id.
pub async fn find_log(
    db: &impl ConnectionTrait,
    workspace: Workspace,
    request_id: Uuid,
) -> Result<Model, RepoError> {
    Entity::find()
        .filter(workspace.owns(Column::UserId, Column::TeamId))
        .filter(Column::RequestId.eq(request_id))
        .one(db)
        .await?
        .ok_or(RepoError::NotFound("request log"))
}

fn conditions(filter: &LogFilter) -> Condition {
    let f = &filter.usage;
    let mut all = Condition::all()
        .add_option(f.model.clone().map(|m| Column::Model.eq(m)))
        .add_option(f.provider.clone().map(|p| Column::Provider.eq(p)))
        .add_option(f.api_key_id.map(|k| Column::ApiKeyId.eq(k)))
        .add_option(f.account_id.map(|a| Column::AccountId.eq(a)))
        .add_option(f.keys.clone().map(|keys| Column::ApiKeyId.is_in(keys)))
        .add_option(filter.from.map(|t| Column::CreatedAt.gte(t)))
        .add_option(filter.to.map(|t| Column::CreatedAt.lt(t)));
    // The same rule as `NewUsage::is_error`.
    let failed = Condition::any()
        .add(Column::StatusCode.gte(400))
        .add(Column::ErrorKind.is_not_null());
    all = match filter.status {
        None => all,
        Some(StatusClass::Error) => all.add(failed),
        Some(StatusClass::Ok) => all.add(failed.not()),
    };
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        let c = Cursor {
            created_at: DateTime::parse_from_rfc3339("2026-11-25T10:00:00.123456789Z")
                .unwrap()
                .with_timezone(&Utc),
            id: 42,
        };
        assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        assert!(Cursor::decode("nope!").is_err());
        assert!(Cursor::decode(&URL_SAFE_NO_PAD.encode("x|1")).is_err());
        assert!(Cursor::decode(&URL_SAFE_NO_PAD.encode("2026-11-25T10:00:00Z|x")).is_err());
    }
}
