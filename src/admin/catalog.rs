//! `satu admin catalog`: the model catalog as routing and pricing see it, and applying a
//! catalog file (running servers read the catalog again within a minute).

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use entities::model_catalog;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

use super::service;

pub async fn apply_file(
    db: &DatabaseConnection,
    file: &Path,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let catalog = services::catalog::parse(&text)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), e.message()))?;
    let version = catalog.version.clone();
    let applied = services::catalog::apply(db, catalog, &file.display().to_string())
        .await
        .map_err(service)?;
    Ok(writeln!(
        out,
        "catalog {version} applied: {} added, {} updated, {} unchanged (servers use it within a minute)",
        applied.added, applied.updated, applied.unchanged
    )?)
}

pub async fn print(db: &DatabaseConnection, out: &mut impl Write) -> anyhow::Result<()> {
    let models = model_catalog::Entity::find()
        .order_by_asc(model_catalog::Column::Provider)
        .order_by_asc(model_catalog::Column::Id)
        .all(db)
        .await?;
    writeln!(
        out,
        "{:<28} {:<18} {:>9} {:>9} {:>9} {:>9}  status",
        "model", "provider", "input", "output", "cached", "context"
    )?;
    let now = chrono::Utc::now();
    for m in models {
        let status = match (m.enabled, m.deprecated_at, &m.replaced_by) {
            (false, _, _) => "disabled".to_owned(),
            (true, Some(at), next) => {
                let when = if at <= now { "retired" } else { "retires" };
                let next = next.as_ref().map(|n| format!(" → {n}")).unwrap_or_default();
                format!("{when} {}{next}", at.date_naive())
            }
            (true, None, _) => "current".to_owned(),
        };
        writeln!(
            out,
            "{:<28} {:<18} {:>9} {:>9} {:>9} {:>9}  {status}",
            m.id,
            m.provider,
            usd(m.input_price_micros),
            usd(m.output_price_micros),
            usd(m.cached_input_price_micros),
            m.context_window
        )?;
    }
    Ok(())
}

/// Micro-USD per million tokens as dollars per million.
fn usd(micros: i64) -> String {
    format!("{}.{:04}", micros / 1_000_000, (micros % 1_000_000) / 100)
}
