//! Saved read-only SQL queries (super admins): saving checks the SQL by running it for one
//! row; every save, delete and run is in the audit trail with the SQL it concerned.

use std::time::Duration;

use entities::RepoError;
use entities::admin_audit::{self, Actor, Entry, action};
use entities::admin_queries::{self, Draft, Limits, RunError, Table};
use sea_orm::DatabaseConnection;
use serde_json::json;
use uuid::Uuid;

use super::users::in_transaction;
use crate::ServiceError;

/// What one run may read and take: a page of rows, five seconds, cells of 2,000 characters.
pub const LIMITS: Limits = Limits {
    max_rows: 1_000,
    timeout: Duration::from_secs(5),
    max_cell_chars: 2_000,
};

const MAX_SQL_CHARS: usize = 20_000;

/// Creates (`id` None) or rewrites a saved query, once its SQL ran.
pub async fn save(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Option<Uuid>,
    draft: &Draft<'_>,
) -> Result<admin_queries::Model, ServiceError> {
    let draft = Draft {
        name: draft.name.trim(),
        description: draft.description.trim(),
        sql: draft.sql.trim(),
    };
    checked(&draft)?;
    // The SQL must run before it is kept: a saved query that fails helps nobody.
    admin_queries::run::run(
        db,
        draft.sql,
        Limits {
            max_rows: 1,
            ..LIMITS
        },
    )
    .await
    .map_err(refused)?;
    in_transaction(db, |txn| {
        let actor = actor.clone();
        let (name, description, sql) = (draft.name, draft.description, draft.sql);
        Box::pin(async move {
            let draft = Draft {
                name,
                description,
                sql,
            };
            let taken = admin_queries::find_by_name(&txn, name).await?;
            if taken.as_ref().is_some_and(|t| Some(t.id) != id) {
                return Err(ServiceError::rejected(
                    "query_name_taken",
                    "Another saved query has this name.",
                ));
            }
            let (before, saved) = match id {
                Some(id) => {
                    let before = admin_queries::find(&txn, id)
                        .await?
                        .ok_or(ServiceError::Repo(RepoError::NotFound("query")))?;
                    let saved = admin_queries::update(&txn, id, &draft, &actor.email).await?;
                    (Some(described(&before)), saved)
                }
                None => (
                    None,
                    admin_queries::insert(&txn, &draft, &actor.email).await?,
                ),
            };
            let entry = Entry {
                before,
                after: Some(described(&saved)),
                ..entry(action::QUERY_SAVED, &saved)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, saved))
        })
    })
    .await
}

pub async fn delete(db: &DatabaseConnection, actor: &Actor, id: Uuid) -> Result<(), ServiceError> {
    in_transaction(db, |txn| {
        let actor = actor.clone();
        Box::pin(async move {
            let query = admin_queries::find(&txn, id)
                .await?
                .ok_or(ServiceError::Repo(RepoError::NotFound("query")))?;
            admin_queries::delete(&txn, id).await?;
            let entry = Entry {
                before: Some(described(&query)),
                ..entry(action::QUERY_DELETED, &query)
            };
            admin_audit::record(&txn, &actor, entry).await?;
            Ok((txn, ()))
        })
    })
    .await
}

/// Runs a saved query; the trail records who ran which SQL and how many rows came back.
pub async fn run(
    db: &DatabaseConnection,
    actor: &Actor,
    id: Uuid,
) -> Result<(admin_queries::Model, Table), ServiceError> {
    let query = admin_queries::find(db, id)
        .await?
        .ok_or(ServiceError::Repo(RepoError::NotFound("query")))?;
    let outcome = admin_queries::run::run(db, &query.sql, LIMITS).await;
    let after = match &outcome {
        Ok(table) => json!({ "rows": table.rows.len(), "truncated": table.truncated }),
        Err(e) => json!({ "error": e.to_string() }),
    };
    let entry = Entry {
        before: Some(described(&query)),
        after: Some(after),
        ..entry(action::QUERY_RAN, &query)
    };
    admin_audit::record(db, actor, entry).await?;
    Ok((query, outcome.map_err(refused)?))
}

fn checked(draft: &Draft<'_>) -> Result<(), ServiceError> {
    let chars = |s: &str| s.chars().count();
    if !(1..=80).contains(&chars(draft.name)) {
        return Err(ServiceError::rejected(
            "query_name",
            "Name the query in 1 to 80 characters.",
        ));
    }
    if chars(draft.description) > 500 {
        return Err(ServiceError::rejected(
            "query_description",
            "Describe the query in at most 500 characters.",
        ));
    }
    if chars(draft.sql) > MAX_SQL_CHARS {
        return Err(ServiceError::rejected(
            "query_too_long",
            format!("A saved query has at most {MAX_SQL_CHARS} characters."),
        ));
    }
    Ok(())
}

fn refused(e: RunError) -> ServiceError {
    match e {
        RunError::Query(message) => ServiceError::rejected("query_failed", message),
        RunError::TimedOut(_) => ServiceError::rejected("query_timed_out", e.to_string()),
        RunError::Database(message) => ServiceError::Internal(message),
    }
}

fn described(query: &admin_queries::Model) -> serde_json::Value {
    json!({ "name": query.name, "description": query.description, "sql": query.sql })
}

fn entry<'a>(action: &'a str, query: &admin_queries::Model) -> Entry<'a> {
    Entry {
        action,
        target_kind: "query",
        target_id: Some(query.id.to_string()),
        target_label: Some(query.name.clone()),
        before: None,
        after: None,
        reason: None,
    }
}
