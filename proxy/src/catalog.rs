//! The model catalog in memory: ids and aliases → model (provider, prices). Reloaded periodically.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use entities::Provider;
use entities::model_catalog::{self, Model};
use sea_orm::{DatabaseConnection, DbErr};

use crate::FastMap;

#[derive(Default)]
pub struct CatalogSnapshot {
    by_name: FastMap<String, Arc<Model>>,
    pub models: Vec<Arc<Model>>,
}

impl CatalogSnapshot {
    pub fn from_models(models: Vec<Model>) -> Self {
        let models: Vec<Arc<Model>> = models.into_iter().map(Arc::new).collect();
        let mut by_name = FastMap::default();
        for m in &models {
            for alias in &m.aliases.0 {
                by_name.insert(alias.clone(), m.clone());
            }
        }
        // Ids win over aliases of other models.
        for m in &models {
            by_name.insert(m.id.clone(), m.clone());
        }
        Self { by_name, models }
    }

    pub fn resolve(&self, name: &str) -> Option<&Arc<Model>> {
        self.by_name.get(name)
    }

    /// The names a connection offers: the user's own list for it, else what its provider
    /// last listed, else (before the first list) its provider's current catalog models. A
    /// custom OpenAI-compatible server without either offers no name Satu could know.
    pub fn names_served<'a>(
        &'a self,
        provider: &str,
        chosen: &'a [String],
        reachable: Option<&'a [String]>,
        now: DateTime<Utc>,
    ) -> Vec<&'a str> {
        match reachable {
            _ if !chosen.is_empty() => chosen.iter().map(String::as_str).collect(),
            Some(listed) => listed.iter().map(String::as_str).collect(),
            None if provider == Provider::OpenAiCompatible.as_str() => Vec::new(),
            None => self
                .models
                .iter()
                .filter(|m| m.provider == provider && m.retired_at(now).is_none())
                .map(|m| m.id.as_str())
                .collect(),
        }
    }
}

#[derive(Default)]
pub struct Catalog {
    current: RwLock<Arc<CatalogSnapshot>>,
}

impl Catalog {
    pub fn snapshot(&self) -> Arc<CatalogSnapshot> {
        self.current
            .read()
            .map(|s| s.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    pub async fn reload(&self, db: &DatabaseConnection) -> Result<(), DbErr> {
        let snapshot = Arc::new(CatalogSnapshot::from_models(
            model_catalog::list_enabled(db).await?,
        ));
        match self.current.write() {
            Ok(mut current) => *current = snapshot,
            Err(poisoned) => *poisoned.into_inner() = snapshot,
        }
        Ok(())
    }
}
