//! Usage dashboard benchmark on Postgres: seeds a fresh database with `--rows` usage events
//! (default 10,000,000) and their hourly rollups, then times every dashboard query through the
//! GraphQL schema for the heaviest user (one request in ten) and a typical one, and prints a
//! Markdown table of p50/p95/max. The database is dropped at the end unless `--keep`.
//!
//!     cargo run --release -p satu-bench --bin usage-queries -- \
//!         [--server postgres://postgres@127.0.0.1:5432] [--rows 10000000] [--n 200] \
//!         [--keep] [--reuse DBNAME]

// Executing the whole merged schema nests its resolvers' futures deeper than the default
// limit allows in a release build.
#![recursion_limit = "256"]

mod queries;
mod seed;

use satu_bench::arg;
use std::io::Write;
use std::time::Instant;

use api::graphql::connections::ConnectionServices;
use api::graphql::{ApiConfig, ApiDeps, attempts::Attempts, build_schema};
use entities::seal::{MasterKey, Sealer};
use entities::usage_queries::Cursor;
use migration::MigratorTrait;
use proxy::oauth::Refresher;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, Statement};
use uuid::Uuid;

fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}

fn log(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn bench_uuid(kind: u32, n: u64) -> Uuid {
    Uuid::from_u128((u128::from(kind) << 96) | (0x4000_8000_u128 << 48) | u128::from(n))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let server = arg("--server").unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432".into());
    let rows: i64 = arg("--rows").map_or(Ok(10_000_000), |v| v.parse())?;
    let n: usize = arg("--n").map_or(Ok(200), |v| v.parse())?;
    anyhow::ensure!(n > 0, "--n must be at least 1");
    let reuse = arg("--reuse");
    let name = reuse
        .clone()
        .unwrap_or_else(|| format!("satu_bench_usage_{}", Uuid::new_v4().simple()));
    let admin = Database::connect(format!("{server}/postgres")).await?;
    if reuse.is_none() {
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await?;
    }
    let mut options = ConnectOptions::new(format!("{server}/{name}"));
    options.max_connections(5).sqlx_logging(false);
    let db = Database::connect(options).await?;
    let outcome = run(&db, rows, n, reuse.is_none()).await;
    db.close().await?;
    if flag("--keep") || reuse.is_some() {
        log(&format!("kept database {name} (rerun with --reuse {name})"));
    } else {
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .await?;
    }
    outcome
}

/// The API's handles, as `satu serve` builds them, on the in-process limiter and bus.
async fn deps(db: &DatabaseConnection) -> anyhow::Result<ApiDeps> {
    use std::sync::Arc;
    let sealer = Arc::new(Sealer::new(&MasterKey::generate()?, &[])?);
    let oauth = proxy::oauth::OAuthConfig::default();
    let refresher = Arc::new(Refresher::new(
        db.clone(),
        sealer.clone(),
        oauth.clone(),
        false,
    )?);
    let backend = proxy::limits::Backend::connect(None, &Default::default()).await?;
    Ok(ApiDeps {
        db: db.clone(),
        attempts: Attempts::new(Arc::new(backend), "bench"),
        config: ApiConfig::default(),
        bus: proxy::bus::Bus::local(),
        connections: ConnectionServices::new(
            db,
            sealer,
            refresher,
            oauth,
            proxy::ProvidersConfig::default(),
            false,
        )?,
        billing: None,
        seller: Default::default(),
    })
}

async fn run(db: &DatabaseConnection, rows: i64, n: usize, fresh: bool) -> anyhow::Result<()> {
    if fresh {
        migration::Migrator::up(db, None).await?;
        seed::seed(db, rows, &mut |line| log(line)).await?;
    }
    let counts = facts(db).await?;
    let schema = build_schema(&ApiConfig::default(), Some(deps(db).await?));
    let mut out = std::io::stdout().lock();
    writeln!(out, "{counts}\n")?;
    writeln!(out, "| query | user | p50 | p95 | max |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    let started = Instant::now();
    for (label, user_no) in [("heaviest", 0), ("typical", 1)] {
        let user = bench_uuid(1, user_no);
        let key = bench_uuid(2, user_no * 8 + 1);
        let deep = cursor_halfway(db, user).await?;
        for case in queries::cases(deep, key) {
            let t = queries::time(&schema, user, &case, 10, n).await?;
            writeln!(
                out,
                "| {} | {label} | {:.1} ms | {:.1} ms | {:.1} ms |",
                case.name,
                t.p50.as_secs_f64() * 1e3,
                t.p95.as_secs_f64() * 1e3,
                t.max.as_secs_f64() * 1e3,
            )?;
        }
    }
    log(&format!(
        "timed in {:.0} s",
        started.elapsed().as_secs_f64()
    ));
    Ok(())
}

/// The cursor halfway through the user's requests (45 days back).
async fn cursor_halfway(db: &DatabaseConnection, user: Uuid) -> anyhow::Result<String> {
    let sql = "SELECT created_at, id FROM usage_events WHERE user_id = $1
               ORDER BY created_at DESC, id DESC
               OFFSET (SELECT count(*) / 2 FROM usage_events WHERE user_id = $1) LIMIT 1";
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            db.get_database_backend(),
            sql,
            [user.into()],
        ))
        .await?
        .ok_or_else(|| anyhow::anyhow!("user {user} has no requests"))?;
    let cursor = Cursor {
        created_at: row.try_get("", "created_at")?,
        id: row.try_get("", "id")?,
    };
    Ok(cursor.encode())
}

/// Row counts and table sizes, for the report.
async fn facts(db: &DatabaseConnection) -> anyhow::Result<String> {
    let sql = "SELECT (SELECT count(*) FROM usage_events) AS events,
                      (SELECT count(*) FROM usage_hourly) AS hourly,
                      (SELECT count(*) FROM usage_events WHERE user_id = bench_uuid(1, 0)) AS heavy,
                      (SELECT count(*) FROM usage_events WHERE user_id = bench_uuid(1, 1)) AS typical,
                      pg_size_pretty(pg_total_relation_size('usage_events')) AS events_size,
                      pg_size_pretty(pg_total_relation_size('usage_hourly')) AS hourly_size";
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no counts"))?;
    let count = |c: &str| row.try_get::<i64>("", c);
    let size = |c: &str| row.try_get::<String>("", c);
    Ok(format!(
        "usage_events: {} rows ({}); usage_hourly: {} rows ({}); heaviest user {} events, typical user {} events",
        count("events")?,
        size("events_size")?,
        count("hourly")?,
        size("hourly_size")?,
        count("heavy")?,
        count("typical")?,
    ))
}
