//! Database connection and migrations.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

use crate::config::Config;

pub async fn connect(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let url = config.database_url();
    if url.starts_with("sqlite:") {
        ensure_sqlite_dir(&url)?;
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(config.database.max_connections)
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(sqlite_options);
    Database::connect(options)
        .await
        .context("cannot connect to the database (check database.url / DATABASE_URL)")
}

/// Settings every SQLite connection of the pool opens with. WAL lets readers run beside the
/// usage writer; with WAL, `synchronous=NORMAL` syncs at checkpoints rather than at every
/// commit (a commit survives a crash of Satu; a power cut may lose the last ones, never the
/// file's consistency); temporary tables and statement journals stay in memory.
fn sqlite_options(options: SqliteConnectOptions) -> SqliteConnectOptions {
    options
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .pragma("temp_store", "MEMORY")
}

/// Migrates, then applies the shipped model catalog when the database has none as new.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("running database migrations")?;
    match services::catalog::apply_shipped(db).await {
        Ok(Some(applied)) => tracing::info!(
            added = applied.added,
            updated = applied.updated,
            "applied the shipped model catalog"
        ),
        Ok(None) => {}
        // Another replica starting at the same moment applies the same file.
        Err(e) => tracing::warn!(
            error = %e.message(),
            "the shipped model catalog was not applied; the next start tries again"
        ),
    }
    Ok(())
}

/// Connects, and migrates when `database.auto_migrate` is on.
pub async fn open(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let db = connect(config).await?;
    if config.database.auto_migrate {
        migrate(&db).await?;
    }
    Ok(db)
}

fn ensure_sqlite_dir(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path.starts_with(":memory:") {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating the database directory {}", parent.display()))?;
    }
    Ok(())
}
