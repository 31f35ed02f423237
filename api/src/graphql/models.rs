//! The models the signed-in user can reach through their connections, with catalog prices.

use std::collections::BTreeMap;

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entities::model_catalog;
use proxy::catalog::CatalogSnapshot;

use super::context::{deps, reader};
use super::error::ApiError;

#[derive(SimpleObject)]
pub struct ModelInfo {
    /// The name to send as `model`.
    pub id: String,
    pub provider: String,
    pub display_name: String,
    pub context_window: i64,
    /// Prices in micro-dollars per million tokens (0: not in the catalog).
    pub input_price_micros: i64,
    pub output_price_micros: i64,
    pub cached_input_price_micros: i64,
    /// When its provider retires (or retired) it; null: no date announced.
    pub deprecated_at: Option<DateTime<Utc>>,
    /// The model to move to.
    pub replaced_by: Option<String>,
    /// How many of your usable connections serve it.
    pub connections: i32,
}

#[derive(Default)]
pub struct ModelsQuery;

#[Object]
impl ModelsQuery {
    /// Models your usable connections serve, by name.
    async fn models(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ModelInfo>> {
        let user = reader(ctx)?;
        // The catalog is reference data, no user's rows.
        let catalog = model_catalog::list_enabled(&deps(ctx).db)
            .await
            .map_err(ApiError::from)?;
        let catalog = CatalogSnapshot::from_models(catalog);
        let accounts = user.accounts().await?;
        let now = Utc::now();
        let mut reachable: BTreeMap<String, ModelInfo> = BTreeMap::new();
        for account in accounts
            .iter()
            .filter(|a| a.status().is_some_and(|s| s.is_routable()))
        {
            let names = catalog.names_served(
                &account.provider,
                &account.models.0,
                account.reachable_models.as_ref().map(|l| l.0.as_slice()),
                now,
            );
            for name in names {
                let entry = catalog.resolve(name);
                let info = reachable
                    .entry(name.to_owned())
                    .or_insert_with(|| ModelInfo {
                        id: name.to_owned(),
                        provider: account.provider.clone(),
                        display_name: entry
                            .map_or_else(|| name.to_owned(), |m| m.display_name.clone()),
                        context_window: entry.map_or(0, |m| m.context_window),
                        input_price_micros: entry.map_or(0, |m| m.input_price_micros),
                        output_price_micros: entry.map_or(0, |m| m.output_price_micros),
                        cached_input_price_micros: entry.map_or(0, |m| m.cached_input_price_micros),
                        deprecated_at: entry.and_then(|m| m.deprecated_at),
                        replaced_by: entry.and_then(|m| m.replaced_by.clone()),
                        connections: 0,
                    });
                info.connections += 1;
            }
        }
        Ok(reachable.into_values().collect())
    }
}
