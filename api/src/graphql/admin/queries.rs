//! Saved queries (super admins): named read-only SQL, run in a read-only transaction with a
//! statement timeout and a row cap; the answer as a table and as CSV. Saving, deleting and
//! running are mutations (POST, CSRF) and each is in the audit trail.

use std::time::Instant;

use async_graphql::{Context, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::admin_queries::{self, Draft};
use services::admin::saved_queries::{self, LIMITS};
use uuid::Uuid;

use super::access::AdminSection;
use crate::graphql::context::admin::{admin_reader, admin_writer};
use crate::graphql::error::ApiError;
use crate::graphql::export_format::csv_cell;

#[derive(SimpleObject)]
pub struct SavedQuery {
    pub id: Uuid,
    pub name: String,
    pub description: String,
    pub sql: String,
    /// The operator who saved it last.
    pub updated_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<admin_queries::Model> for SavedQuery {
    fn from(q: admin_queries::Model) -> Self {
        Self {
            id: q.id,
            name: q.name,
            description: q.description,
            sql: q.sql,
            updated_by: q.updated_by,
            created_at: q.created_at,
            updated_at: q.updated_at,
        }
    }
}

/// What one run may take.
#[derive(SimpleObject)]
pub struct SavedQueryLimits {
    pub max_rows: u32,
    pub timeout_ms: u64,
    pub max_cell_chars: u64,
}

#[derive(SimpleObject)]
pub struct SavedQueryResult {
    pub query: SavedQuery,
    pub columns: Vec<String>,
    /// Each row's cells as text, NULL as null.
    pub rows: Vec<Vec<Option<String>>>,
    /// More rows matched than `limits.maxRows`; only those were read.
    pub truncated: bool,
    pub elapsed_ms: u64,
    /// The same table as CSV (a header line, then the rows).
    pub csv: String,
}

#[derive(InputObject)]
pub struct SavedQueryInput {
    /// The query to rewrite; a new one without it.
    pub id: Option<Uuid>,
    pub name: String,
    #[graphql(default)]
    pub description: String,
    pub sql: String,
}

#[derive(Default)]
pub struct AdminQueriesQuery;

#[Object]
impl AdminQueriesQuery {
    async fn admin_saved_queries(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<SavedQuery>> {
        let admin = admin_reader(ctx, AdminSection::SavedQueries).await?;
        let queries = admin_queries::list(admin.db())
            .await
            .map_err(ApiError::from)?;
        Ok(queries.into_iter().map(SavedQuery::from).collect())
    }

    async fn admin_saved_query_limits(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<SavedQueryLimits> {
        admin_reader(ctx, AdminSection::SavedQueries).await?;
        Ok(SavedQueryLimits {
            max_rows: LIMITS.max_rows,
            timeout_ms: u64::try_from(LIMITS.timeout.as_millis()).unwrap_or(u64::MAX),
            max_cell_chars: LIMITS.max_cell_chars as u64,
        })
    }
}

#[derive(Default)]
pub struct AdminQueriesMutation;

#[Object]
impl AdminQueriesMutation {
    /// Saves a query once its SQL ran (for one row) without error.
    async fn admin_save_query(
        &self,
        ctx: &Context<'_>,
        input: SavedQueryInput,
    ) -> async_graphql::Result<SavedQuery> {
        let admin = admin_writer(ctx, AdminSection::SavedQueries).await?;
        let draft = Draft {
            name: &input.name,
            description: &input.description,
            sql: &input.sql,
        };
        let saved = saved_queries::save(admin.db(), &admin.actor, input.id, &draft)
            .await
            .map_err(ApiError::from)?;
        Ok(saved.into())
    }

    async fn admin_delete_query(&self, ctx: &Context<'_>, id: Uuid) -> async_graphql::Result<bool> {
        let admin = admin_writer(ctx, AdminSection::SavedQueries).await?;
        saved_queries::delete(admin.db(), &admin.actor, id)
            .await
            .map_err(ApiError::from)?;
        Ok(true)
    }

    /// Runs a saved query: read-only, within the limits (`adminSavedQueryLimits`).
    async fn admin_run_query(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
    ) -> async_graphql::Result<SavedQueryResult> {
        let admin = admin_writer(ctx, AdminSection::SavedQueries).await?;
        let started = Instant::now();
        let (query, table) = saved_queries::run(admin.db(), &admin.actor, id)
            .await
            .map_err(ApiError::from)?;
        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        Ok(SavedQueryResult {
            csv: csv(&table),
            query: query.into(),
            columns: table.columns,
            rows: table.rows,
            truncated: table.truncated,
            elapsed_ms,
        })
    }
}

fn csv(table: &admin_queries::Table) -> String {
    let line = |cells: Vec<String>| cells.join(",") + "\r\n";
    let mut out = line(table.columns.iter().map(|c| csv_cell(c)).collect());
    for row in &table.rows {
        out += &line(
            row.iter()
                .map(|c| c.as_deref().map(csv_cell).unwrap_or_default())
                .collect(),
        );
    }
    out
}
