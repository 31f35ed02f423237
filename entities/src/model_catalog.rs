//! The model catalog: ids, aliases, providers, prices (micro-USD per million tokens), context.

use sea_orm::{FromJsonQueryResult, QueryFilter, entity::prelude::*};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Aliases(pub Vec<String>);

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "model_catalog")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub provider: String,
    pub display_name: String,
    #[sea_orm(column_type = "Json")]
    pub aliases: Aliases,
    pub input_price_micros: i64,
    pub output_price_micros: i64,
    pub cached_input_price_micros: i64,
    pub context_window: i64,
    pub enabled: bool,
    pub updated_at: DateTimeUtc,
    /// When the provider retires (or retired) the model.
    pub deprecated_at: Option<DateTimeUtc>,
    /// The catalog id that takes its place.
    pub replaced_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// Token counts a price applies to. `prompt` includes `cached` (as every provider reports it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenCounts {
    pub prompt: i64,
    pub cached: i64,
    pub completion: i64,
}

impl Model {
    /// The provider no longer serves it at `now`.
    pub fn retired_at(&self, now: DateTimeUtc) -> Option<DateTimeUtc> {
        self.deprecated_at.filter(|at| *at <= now)
    }

    /// Cost in nano-USD. Prices are micro-USD per million tokens, so
    /// tokens × price / 1 000 is exact in nano-USD.
    pub fn cost_nanos(&self, t: TokenCounts) -> i64 {
        let cached = t.cached.clamp(0, t.prompt.max(0));
        let uncached = t.prompt.max(0) - cached;
        let micros_per_m = uncached.saturating_mul(self.input_price_micros)
            + cached.saturating_mul(self.cached_input_price_micros)
            + t.completion.max(0).saturating_mul(self.output_price_micros);
        micros_per_m / 1_000
    }
}

pub async fn list_enabled(db: &impl ConnectionTrait) -> Result<Vec<Model>, DbErr> {
    Entity::find()
        .filter(Column::Enabled.eq(true))
        .all(db)
        .await
}

/// What applying a catalog file changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// Inserts new models and updates changed ones (rows not in `models` stay as they are), in
/// the caller's transaction.
pub async fn apply(db: &impl ConnectionTrait, models: Vec<Model>) -> Result<Applied, DbErr> {
    let mut applied = Applied::default();
    for mut model in models {
        let existing = Entity::find_by_id(model.id.clone()).one(db).await?;
        match existing {
            Some(old) if same_entry(&old, &model) => applied.unchanged += 1,
            Some(_) => {
                model.updated_at = chrono::Utc::now();
                ActiveModel::from(model).reset_all().update(db).await?;
                applied.updated += 1;
            }
            None => {
                model.updated_at = chrono::Utc::now();
                ActiveModel::from(model).insert(db).await?;
                applied.added += 1;
            }
        }
    }
    Ok(applied)
}

fn same_entry(a: &Model, b: &Model) -> bool {
    Model {
        updated_at: b.updated_at,
        ..a.clone()
    } == *b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_charges_cached_tokens_at_the_cached_price() {
        let m = Model {
            id: "gpt-4o".into(),
            provider: "openai".into(),
            display_name: "GPT-4o".into(),
            aliases: Aliases::default(),
            input_price_micros: 2_500_000,
            output_price_micros: 10_000_000,
            cached_input_price_micros: 1_250_000,
            context_window: 128_000,
            enabled: true,
            updated_at: chrono::Utc::now(),
            deprecated_at: None,
            replaced_by: None,
        };
        // 1000 prompt (400 cached) + 200 completion:
        // (600 × $2.50 + 400 × $1.25 + 200 × $10) / 1M = $0.004 = 4 000 000 nano-USD
        let t = TokenCounts {
            prompt: 1000,
            cached: 400,
            completion: 200,
        };
        assert_eq!(m.cost_nanos(t), 4_000_000);
    }
}
