//! The master key that seals provider credentials: from configuration, or generated once and
//! kept in the data directory (the embedded default), with a warning.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use anyhow::Context;
use entities::seal::{MasterKey, Sealer};

use crate::config::Config;

const KEY_FILE: &str = "master.key";

pub fn sealer(config: &Config) -> anyhow::Result<Sealer> {
    let current = match &config.security.master_key {
        Some(key) => MasterKey::parse(key.expose()).context("security.master_key")?,
        None => load_or_create(&config.security.data_dir)?,
    };
    let previous = config
        .security
        .previous_master_keys
        .iter()
        .map(|k| MasterKey::parse(k.expose()))
        .collect::<Result<Vec<_>, _>>()
        .context("security.previous_master_keys")?;
    Sealer::new(&current, &previous).context("building the credential sealer")
}

fn load_or_create(data_dir: &Path) -> anyhow::Result<MasterKey> {
    let path = data_dir.join(KEY_FILE);
    if path.exists() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        return MasterKey::parse(&text)
            .with_context(|| format!("{} is not a valid key", path.display()));
    }
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let key = MasterKey::generate()?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("creating {}", path.display()))?;
    writeln!(file, "{}", key.encode())?;
    tracing::warn!(
        path = %path.display(),
        key_id = %key.id(),
        "generated a new master key; back it up: provider credentials cannot be opened without it. \
         In production set SATU__SECURITY__MASTER_KEY (or _FILE)"
    );
    Ok(key)
}
