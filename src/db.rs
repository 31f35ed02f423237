//! Database connection and migrations.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};

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
        .sqlx_logging(false);
    let db = Database::connect(options)
        .await
        .context("cannot connect to the database (check database.url / DATABASE_URL)")?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // WAL lets readers run beside the usage writer; the setting persists in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;")
            .await
            .context("configuring SQLite")?;
    }
    Ok(db)
}

pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("running database migrations")
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
