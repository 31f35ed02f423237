//! `satu admin connect` and `import-credentials`: the operator's way into the sign-in flows the
//! dashboard also uses.

use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use entities::Provider;
use proxy::oauth::{Connections, DevicePoll, Owner, Started};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use crate::config::Config;
use crate::master_key;

fn connections(config: &Config, db: &DatabaseConnection) -> anyhow::Result<Connections> {
    let sealer = Arc::new(master_key::sealer(config)?);
    Connections::new(
        db.clone(),
        sealer,
        config.oauth.clone(),
        &config.providers,
        config.proxy.allow_private_upstreams,
    )
    .context("building the OAuth client")
}

/// Runs a sign-in to the end; returns the connection's id.
pub async fn connect(
    config: &Config,
    db: &DatabaseConnection,
    user_id: Uuid,
    provider: &str,
    device: bool,
    label: Option<String>,
) -> anyhow::Result<Uuid> {
    let provider: Provider = provider.parse()?;
    let connections = connections(config, db)?;
    let started = connections
        .start(Owner::personal(user_id), provider, device, label)
        .await?;
    let mut out = std::io::stdout().lock();
    match started {
        Started::Browser {
            flow_id,
            authorize_url,
        } => {
            writeln!(out, "{authorize_url}")?;
            out.flush()?;
            writeln!(
                std::io::stderr(),
                "Open the address above and sign in. The browser then lands on a page that does not load: copy that page's whole address (or the code the provider shows) and paste it here."
            )?;
            let pasted = read_line().await?;
            let account = connections
                .complete(Owner::personal(user_id), flow_id, &pasted)
                .await?;
            Ok(account.id)
        }
        Started::Device {
            flow_id,
            user_code,
            verification_uri,
            verification_uri_complete,
            interval_secs,
            expires_in_secs,
        } => {
            writeln!(
                out,
                "open: {}",
                verification_uri_complete
                    .as_deref()
                    .unwrap_or(&verification_uri)
            )?;
            writeln!(out, "user code: {user_code}")?;
            out.flush()?;
            writeln!(
                std::io::stderr(),
                "Waiting for the sign-in to be approved (up to {} minutes)…",
                expires_in_secs.div_ceil(60)
            )?;
            let mut interval = interval_secs;
            loop {
                tokio::time::sleep(Duration::from_secs(interval.max(1))).await;
                match connections.poll(Owner::personal(user_id), flow_id).await? {
                    DevicePoll::Pending { interval_secs } => interval = interval_secs,
                    DevicePoll::Connected(account) => return Ok(account.id),
                }
            }
        }
    }
}

async fn read_line() -> anyhow::Result<String> {
    tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok::<_, std::io::Error>(line)
    })
    .await
    .context("reading stdin")?
    .context("reading stdin")
    .and_then(|line| {
        if line.trim().is_empty() {
            bail!("nothing was pasted; the sign-in was not completed")
        }
        Ok(line)
    })
}

pub async fn import(
    config: &Config,
    db: &DatabaseConnection,
    user_id: Uuid,
    provider: &str,
    file: &Path,
    label: Option<String>,
) -> anyhow::Result<Uuid> {
    let provider: Provider = provider.parse()?;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let connections = connections(config, db)?;
    let account = connections
        .import(Owner::personal(user_id), provider, &bytes, label)
        .await?;
    Ok(account.id)
}
