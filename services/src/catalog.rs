//! The model catalog file: parsed, checked, and applied in one transaction. The file shipped
//! with the binary is applied when the database has seen no newer one; an operator applies
//! any file with `satu admin catalog --file`.

use chrono::{DateTime, NaiveDate, Utc};
use entities::Provider;
use entities::model_catalog::{self, Aliases, Applied};
use sea_orm::{DatabaseConnection, EntityTrait, TransactionError, TransactionTrait};
use serde::Deserialize;

use crate::ServiceError;

/// The catalog this build ships.
pub const SHIPPED: &str = include_str!("../catalog/models.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    version: String,
    #[serde(default)]
    models: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    provider: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// USD per million tokens.
    input: f64,
    output: f64,
    /// Defaults to the input price.
    cached_input: Option<f64>,
    context: i64,
    #[serde(default = "enabled")]
    enabled: bool,
    /// `YYYY-MM-DD` (midnight UTC) or an RFC 3339 time.
    deprecated_at: Option<String>,
    replaced_by: Option<String>,
}

fn enabled() -> bool {
    true
}

/// A checked catalog file, ready to apply.
#[derive(Debug)]
pub struct Catalog {
    pub version: String,
    models: Vec<model_catalog::Model>,
}

impl Catalog {
    pub fn models(&self) -> usize {
        self.models.len()
    }
}

/// Parses and checks a catalog file; errors name the model and the field.
pub fn parse(text: &str) -> Result<Catalog, ServiceError> {
    let file: CatalogFile = toml::from_str(text).map_err(|e| {
        ServiceError::rejected("catalog", format!("the catalog file is not valid: {e}"))
    })?;
    let version = file.version.trim().to_owned();
    if version.is_empty() {
        return Err(ServiceError::rejected(
            "catalog",
            "the catalog needs a version",
        ));
    }
    let mut models: Vec<model_catalog::Model> = Vec::with_capacity(file.models.len());
    for entry in file.models {
        let model = checked(entry)?;
        if models.iter().any(|m| m.id == model.id) {
            return Err(invalid(&model.id, "is listed twice"));
        }
        models.push(model);
    }
    Ok(Catalog { version, models })
}

fn checked(entry: Entry) -> Result<model_catalog::Model, ServiceError> {
    let id = entry.id.trim().to_owned();
    if id.is_empty() {
        return Err(ServiceError::rejected("catalog", "a model has an empty id"));
    }
    let provider: Provider = entry.provider.parse().map_err(|_| {
        invalid(
            &id,
            &format!("names an unknown provider `{}`", entry.provider),
        )
    })?;
    if entry.context < 0 {
        return Err(invalid(&id, "has a negative context window"));
    }
    let deprecated_at = entry
        .deprecated_at
        .as_deref()
        .map(|at| moment(at).ok_or_else(|| invalid(&id, "has a deprecated_at that is not a date")))
        .transpose()?;
    Ok(model_catalog::Model {
        provider: provider.as_str().to_owned(),
        display_name: entry.name,
        aliases: Aliases(entry.aliases),
        input_price_micros: micros(&id, "input", entry.input)?,
        output_price_micros: micros(&id, "output", entry.output)?,
        cached_input_price_micros: micros(
            &id,
            "cached_input",
            entry.cached_input.unwrap_or(entry.input),
        )?,
        context_window: entry.context,
        enabled: entry.enabled,
        updated_at: Utc::now(),
        deprecated_at,
        replaced_by: entry.replaced_by.filter(|r| !r.trim().is_empty()),
        id,
    })
}

fn db_error(e: sea_orm::DbErr) -> ServiceError {
    ServiceError::Repo(e.into())
}

fn invalid(id: &str, what: &str) -> ServiceError {
    ServiceError::rejected("catalog", format!("model `{id}` {what}"))
}

/// USD per million tokens → micro-USD per million tokens.
fn micros(id: &str, field: &str, usd: f64) -> Result<i64, ServiceError> {
    let micros = (usd * 1_000_000.0).round();
    if !usd.is_finite() || usd < 0.0 || micros > 1e15 {
        return Err(invalid(id, &format!("has an impossible {field} price")));
    }
    #[allow(clippy::cast_possible_truncation)]
    Ok(micros as i64)
}

fn moment(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day.and_hms_opt(0, 0, 0)?.and_utc());
    }
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|at| at.with_timezone(&Utc))
}

/// Applies a catalog: new models added, changed ones updated, the version recorded. A
/// replacement must name a model of the file or of the catalog already stored.
pub async fn apply(
    db: &DatabaseConnection,
    catalog: Catalog,
    source: &str,
) -> Result<Applied, ServiceError> {
    let known = model_catalog::Entity::find()
        .all(db)
        .await
        .map_err(db_error)?;
    for model in &catalog.models {
        if let Some(next) = &model.replaced_by {
            let exists =
                catalog.models.iter().any(|m| &m.id == next) || known.iter().any(|m| &m.id == next);
            if !exists || next == &model.id {
                return Err(invalid(
                    &model.id,
                    &format!("is replaced by `{next}`, which is not in the catalog"),
                ));
            }
        }
    }
    let count = catalog.models.len();
    let version = catalog.version.clone();
    let source = source.to_owned();
    let applied = db
        .transaction::<_, Applied, sea_orm::DbErr>(|txn| {
            Box::pin(async move {
                let applied = model_catalog::apply(txn, catalog.models).await?;
                entities::catalog_imports::record(txn, &version, &source, count).await?;
                Ok(applied)
            })
        })
        .await
        .map_err(|e| match e {
            TransactionError::Connection(e) | TransactionError::Transaction(e) => db_error(e),
        })?;
    Ok(applied)
}

/// Applies the shipped catalog unless this or a newer version was applied before. `None`:
/// nothing to do.
pub async fn apply_shipped(db: &DatabaseConnection) -> Result<Option<Applied>, ServiceError> {
    let catalog = parse(SHIPPED)?;
    let newest = entities::catalog_imports::newest(db)
        .await
        .map_err(db_error)?;
    if newest.is_some_and(|newest| newest >= catalog.version) {
        return Ok(None);
    }
    apply(db, catalog, "shipped").await.map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_catalog_parses_and_its_replacements_are_in_it() {
        let catalog = parse(SHIPPED).unwrap();
        assert!(catalog.models() >= 30);
        for model in &catalog.models {
            if let Some(next) = &model.replaced_by {
                assert!(catalog.models.iter().any(|m| &m.id == next), "{next}");
                assert!(model.deprecated_at.is_some(), "{}", model.id);
            }
        }
        let gpt4o = catalog.models.iter().find(|m| m.id == "gpt-4o").unwrap();
        assert_eq!(gpt4o.input_price_micros, 2_500_000);
        assert_eq!(gpt4o.cached_input_price_micros, 1_250_000);
    }

    #[test]
    fn mistakes_are_named() {
        let bad_provider = "version = \"1\"\n[[models]]\nid = \"m\"\nprovider = \"azure\"\nname = \"M\"\ninput = 1\noutput = 1\ncontext = 1\n";
        let message = parse(bad_provider).unwrap_err().message();
        assert!(
            message.contains("`m`") && message.contains("azure"),
            "{message}"
        );
        let negative = bad_provider
            .replace("azure", "openai")
            .replace("input = 1", "input = -1");
        assert!(
            parse(&negative)
                .unwrap_err()
                .message()
                .contains("input price")
        );
        let bad_date = bad_provider
            .replace("azure", "openai")
            .replace("context = 1", "context = 1\ndeprecated_at = \"soon\"");
        assert!(
            parse(&bad_date)
                .unwrap_err()
                .message()
                .contains("deprecated_at")
        );
        let day = bad_provider
            .replace("azure", "openai")
            .replace("context = 1", "context = 1\ndeprecated_at = \"2026-02-19\"");
        let at = parse(&day).unwrap().models[0].deprecated_at.unwrap();
        assert_eq!(at.to_rfc3339(), "2026-02-19T00:00:00+00:00");
    }
}
