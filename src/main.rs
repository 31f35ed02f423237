use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use satu::cli::{Cli, Command};
use satu::config::Config;
use satu::{admin, app, db, telemetry};

/// mimalloc's thread-local free lists: the proxy allocates and frees small buffers on every
/// request from both worker threads, where glibc's arenas contend (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::load(cli.config.as_deref(), std::env::vars())?;
    telemetry::init(&config.log);
    match cli.command {
        Command::Serve(args) => {
            if let Some(bind) = args.bind {
                config.server.bind = bind;
            }
            let started = std::time::Instant::now();
            let app = app::build(&config, args.role).await?;
            let listener = tokio::net::TcpListener::bind(config.server.bind)
                .await
                .with_context(|| format!("cannot listen on {}", config.server.bind))?;
            let addr = listener.local_addr()?;
            tracing::info!(%addr, role = ?args.role, startup_ms = started.elapsed().as_millis() as u64, "listening");
            // Sign-up and password-reset links travel by email; without delivery they wait here.
            if config.email.smtp_url.is_none() {
                tracing::info!(
                    "no email.smtp_url: emails (sign-up and reset links) stay queued; `satu admin emails` shows them"
                );
            }
            app.serve(listener, app::termination_signal()).await
        }
        Command::Migrate => {
            let conn = db::connect(&config).await?;
            db::migrate(&conn).await?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Schema => {
            use std::io::Write;
            std::io::stdout().write_all(api::graphql::sdl().as_bytes())?;
            Ok(())
        }
        Command::Admin(command) => {
            let conn = db::open(&config).await?;
            admin::run(&config, &conn, command).await
        }
    }
}
