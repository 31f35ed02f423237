//! The apalis queue on the application's own database: SQLite (embedded) or Postgres. One
//! worker per process runs the queue; the schedule beside it enqueues due refreshes.

use std::sync::Arc;
use std::time::Duration;

use apalis::prelude::*;
use sea_orm::{DatabaseConnection, DbBackend};
use tokio_util::sync::CancellationToken;

use crate::refresh::{self, QUEUE, RefreshToken, Schedule};
use proxy::oauth::Refresher;

pub struct QueueSettings {
    pub scan_interval: Duration,
    pub refresher: Arc<Refresher>,
}

/// Runs the refresh queue until `shutdown`.
pub async fn run(db: DatabaseConnection, settings: QueueSettings, shutdown: CancellationToken) {
    let result = match db.get_database_backend() {
        DbBackend::Sqlite => run_sqlite(&db, settings, shutdown).await,
        DbBackend::Postgres => run_postgres(&db, settings, shutdown).await,
        other => Err(format!("no job storage for {other:?}").into()),
    };
    if let Err(e) = result {
        tracing::error!(error = %e, "the job queue stopped with an error");
    }
}

/// The worker's stop signal.
async fn stopped(shutdown: CancellationToken) -> Result<(), std::io::Error> {
    shutdown.cancelled_owned().await;
    Ok(())
}

fn worker_name() -> String {
    // Names must be unique per process: a restarted worker may not reuse one for ~30 s.
    format!(
        "{QUEUE}-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    )
}

async fn run_sqlite(
    db: &DatabaseConnection,
    settings: QueueSettings,
    shutdown: CancellationToken,
) -> Result<(), BoxDynError> {
    use apalis_sqlite::{Config, SqlitePool, SqlitePoolOptions, SqliteStorage};
    // A pool of its own: apalis' setup changes per-connection PRAGMAs (synchronous=OFF) that
    // must not leak into the connections that write usage.
    let options = db.get_sqlite_connection_pool().connect_options();
    let pool: SqlitePool = SqlitePoolOptions::new()
        .max_connections(2)
        .connect_with((*options).clone())
        .await?;
    SqliteStorage::setup(&pool).await?;
    let storage =
        SqliteStorage::<RefreshToken>::new(&pool).with_config(Config::default().queue(QUEUE));
    let scheduler = schedule(
        db.clone(),
        storage.clone(),
        settings.refresher.clone(),
        settings.scan_interval,
        shutdown.clone(),
    );
    let worker = WorkerBuilder::new(worker_name())
        .backend(storage)
        .data(settings.refresher)
        .build(refresh::run);
    let (worked, ()) = tokio::join!(worker.run_until(stopped(shutdown.clone())), scheduler);
    worked?;
    Ok(())
}

async fn run_postgres(
    db: &DatabaseConnection,
    settings: QueueSettings,
    shutdown: CancellationToken,
) -> Result<(), BoxDynError> {
    use apalis_postgres::{Config, PostgresStorage};
    let pool = db.get_postgres_connection_pool().clone();
    PostgresStorage::setup(&pool).await?;
    let storage =
        PostgresStorage::<RefreshToken>::new(&pool).with_config(Config::default().queue(QUEUE));
    let scheduler = schedule(
        db.clone(),
        storage.clone(),
        settings.refresher.clone(),
        settings.scan_interval,
        shutdown.clone(),
    );
    let worker = WorkerBuilder::new(worker_name())
        .backend(storage)
        .data(settings.refresher)
        .build(refresh::run);
    let (worked, ()) = tokio::join!(worker.run_until(stopped(shutdown.clone())), scheduler);
    worked?;
    Ok(())
}

/// Every `interval`, enqueues a refresh for each connection nearing expiry.
async fn schedule<S, K>(
    db: DatabaseConnection,
    mut sink: S,
    refresher: Arc<Refresher>,
    interval: Duration,
    shutdown: CancellationToken,
) where
    S: TaskSink<RefreshToken, K>,
    S::Error: std::fmt::Display,
{
    let mut plan = Schedule::default();
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => return,
            _ = tick.tick() => {}
        }
        let due = match plan.due(&db, &refresher, interval * 5).await {
            Ok(due) => due,
            Err(e) => {
                tracing::warn!(error = %e, "finding tokens to refresh failed; will retry");
                continue;
            }
        };
        for account_id in due {
            if let Err(e) = sink.push(RefreshToken { account_id }).await {
                tracing::warn!(error = %e, "enqueueing a token refresh failed");
            }
        }
    }
}
