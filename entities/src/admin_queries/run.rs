//! Runs one saved query so that it cannot write, cannot run for long and cannot return more
//! than a page: on Postgres inside a READ ONLY transaction with a local statement timeout; on
//! SQLite on a connection of its own opened read-only, interrupted at the deadline. Either way
//! the SQL is wrapped as `SELECT … FROM (sql) LIMIT cap + 1`, so it must be one query, and the
//! extra row tells the caller the answer was cut.

use std::time::{Duration, Instant};

// The SQL is the operator's on purpose (a super admin's saved query); what keeps it harmless
// is the read-only transaction or connection, not escaping.
use sea_orm::sqlx::{self, AssertSqlSafe, Column, Executor, Row, SqlSafeStr, Statement, ValueRef};
use sea_orm::{DatabaseConnection, DbBackend};

use super::one_statement;

/// How far a query may go.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_rows: u32,
    pub timeout: Duration,
    /// Longer cells are cut (and end with "…"): a page stays a page.
    pub max_cell_chars: usize,
}

/// The answer: column names, and each row's cells as text (`None` for NULL).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
    /// More rows than `max_rows` matched; the rest were not read.
    pub truncated: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The SQL itself: not one statement, a syntax error, a write refused, a missing table.
    #[error("{0}")]
    Query(String),
    #[error("the query ran longer than {0:?} and was stopped")]
    TimedOut(Duration),
    /// Anything else: the database is not reachable, or not one saved queries can run on.
    #[error("{0}")]
    Database(String),
}

pub async fn run(db: &DatabaseConnection, sql: &str, limits: Limits) -> Result<Table, RunError> {
    let sql = one_statement(sql).map_err(|m| RunError::Query(m.to_owned()))?;
    let table = match db.get_database_backend() {
        DbBackend::Postgres => on_postgres(db, sql, limits).await?,
        DbBackend::Sqlite => on_sqlite(db, sql, limits).await?,
        other => return Err(RunError::Database(format!("no saved queries on {other:?}"))),
    };
    Ok(cut(table, limits))
}

/// The columns (as `c1…cn`) cast to text in Postgres itself, so every type reads back the way
/// psql shows it.
async fn on_postgres(
    db: &DatabaseConnection,
    sql: &str,
    limits: Limits,
) -> Result<Table, RunError> {
    let mut tx = db
        .get_postgres_connection_pool()
        .begin()
        .await
        .map_err(|e| RunError::Database(e.to_string()))?;
    let timeout_ms = limits.timeout.as_millis().max(1);
    for setting in [
        "SET TRANSACTION READ ONLY".to_owned(),
        format!("SET LOCAL statement_timeout = {timeout_ms}"),
    ] {
        tx.execute(AssertSqlSafe(setting))
            .await
            .map_err(|e| RunError::Database(e.to_string()))?;
    }
    let wrapped = format!("SELECT * FROM (\n{sql}\n) AS satu_query LIMIT $1");
    let prepared = tx
        .prepare(AssertSqlSafe(wrapped.as_str()).into_sql_str())
        .await
        .map_err(|e| pg_error(e, limits))?;
    let columns: Vec<String> = prepared
        .columns()
        .iter()
        .map(|c| c.name().to_owned())
        .collect();
    if columns.is_empty() {
        return Err(RunError::Query("The query returns no columns.".to_owned()));
    }
    let aliases: Vec<String> = (1..=columns.len()).map(|i| format!("c{i}")).collect();
    let as_text: Vec<String> = aliases.iter().map(|a| format!("{a}::text")).collect();
    let cast = format!(
        "SELECT {} FROM (\n{sql}\n) AS satu_query({}) LIMIT $1",
        as_text.join(", "),
        aliases.join(", ")
    );
    let rows = sqlx::query(AssertSqlSafe(cast))
        .bind(i64::from(limits.max_rows) + 1)
        .fetch_all(&mut *tx)
        .await
        .map_err(|e| pg_error(e, limits))?;
    // Nothing was written (nothing could be); end the transaction without a commit.
    tx.rollback()
        .await
        .map_err(|e| RunError::Database(e.to_string()))?;
    let rows = rows
        .iter()
        .map(|row| {
            (0..columns.len())
                .map(|i| row.try_get::<Option<String>, _>(i))
                .collect::<Result<Vec<_>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| RunError::Database(e.to_string()))?;
    Ok(Table {
        columns,
        rows,
        truncated: false,
    })
}

fn pg_error(e: sqlx::Error, limits: Limits) -> RunError {
    match e.as_database_error() {
        // 57014: query_canceled, which is what statement_timeout raises.
        Some(db) if db.code().as_deref() == Some("57014") => RunError::TimedOut(limits.timeout),
        Some(db) => RunError::Query(db.message().to_owned()),
        None => RunError::Database(e.to_string()),
    }
}

/// A connection of its own, opened read-only: no statement on it can write, whatever it says.
async fn on_sqlite(db: &DatabaseConnection, sql: &str, limits: Limits) -> Result<Table, RunError> {
    use sqlx::ConnectOptions;
    use sqlx::sqlite::SqliteConnectOptions;
    let shared = db.get_sqlite_connection_pool().connect_options();
    let file = shared.get_filename();
    if file.as_os_str().is_empty() || file == std::path::Path::new(":memory:") {
        return Err(RunError::Database(
            "saved queries need a database file, not an in-memory database".to_owned(),
        ));
    }
    let mut conn = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .busy_timeout(limits.timeout)
        .connect()
        .await
        .map_err(|e| RunError::Database(e.to_string()))?;
    let deadline = Instant::now() + limits.timeout;
    conn.lock_handle()
        .await
        .map_err(|e| RunError::Database(e.to_string()))?
        .set_progress_handler(1_000, move || Instant::now() < deadline);
    let wrapped = format!("SELECT * FROM (\n{sql}\n) LIMIT ?");
    let read = async {
        let prepared = (&mut conn)
            .prepare(AssertSqlSafe(wrapped.as_str()).into_sql_str())
            .await?;
        let columns: Vec<String> = prepared
            .columns()
            .iter()
            .map(|c| c.name().to_owned())
            .collect();
        let rows = sqlx::query(AssertSqlSafe(wrapped.as_str()))
            .bind(i64::from(limits.max_rows) + 1)
            .fetch_all(&mut conn)
            .await?;
        Ok::<_, sqlx::Error>((columns, rows))
    };
    let (columns, rows) = read.await.map_err(|e| sqlite_error(e, deadline, limits))?;
    let rows = rows.iter().map(sqlite_cells).collect();
    Ok(Table {
        columns,
        rows,
        truncated: false,
    })
}

fn sqlite_error(e: sqlx::Error, deadline: Instant, limits: Limits) -> RunError {
    match e.as_database_error() {
        _ if Instant::now() >= deadline => RunError::TimedOut(limits.timeout),
        Some(db) => RunError::Query(db.message().to_owned()),
        None => RunError::Database(e.to_string()),
    }
}

/// SQLite types each value, not each column: read it as what it is.
fn sqlite_cells(row: &sqlx::sqlite::SqliteRow) -> Vec<Option<String>> {
    (0..row.len())
        .map(|i| {
            let raw = row.try_get_raw(i).ok()?;
            if raw.is_null() {
                return None;
            }
            let kind = raw.type_info().to_string();
            let text = match kind.as_str() {
                "INTEGER" => row.try_get_unchecked::<i64, _>(i).map(|v| v.to_string()),
                "REAL" => row.try_get_unchecked::<f64, _>(i).map(|v| v.to_string()),
                "BLOB" => row
                    .try_get_unchecked::<Vec<u8>, _>(i)
                    .map(|v| format!("\\x{}", hex(&v))),
                _ => row.try_get_unchecked::<String, _>(i),
            };
            Some(text.unwrap_or_else(|e| format!("(unreadable: {e})")))
        })
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// At most `max_rows` rows of cells of at most `max_cell_chars`.
fn cut(mut table: Table, limits: Limits) -> Table {
    let max_rows = limits.max_rows as usize;
    table.truncated = table.rows.len() > max_rows;
    table.rows.truncate(max_rows);
    for cell in table.rows.iter_mut().flatten().flatten() {
        if cell.chars().count() > limits.max_cell_chars {
            *cell = cell.chars().take(limits.max_cell_chars).collect::<String>() + "…";
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_cells_are_cut_to_the_limits() {
        let limits = Limits {
            max_rows: 2,
            timeout: Duration::from_secs(1),
            max_cell_chars: 3,
        };
        let table = Table {
            columns: vec!["a".to_owned()],
            rows: vec![
                vec![Some("abcdef".to_owned())],
                vec![None],
                vec![Some("x".to_owned())],
            ],
            truncated: false,
        };
        let cut = cut(table, limits);
        assert!(cut.truncated);
        assert_eq!(cut.rows, vec![vec![Some("abc…".to_owned())], vec![None]]);
    }
}
