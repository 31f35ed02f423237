//! A user's routing configuration: the default strategy, session affinity, and rules mapping
//! model patterns to ordered targets (the first is primary, the rest are fallbacks).

use chrono::Utc;
use sea_orm::{ActiveValue::Set, FromJsonQueryResult, entity::prelude::*, sea_query::OnConflict};
use serde::{Deserialize, Serialize};

use crate::{Provider, RepoError};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// Rotate over the accounts.
    #[default]
    RoundRobin,
    /// Random, in proportion to each account's weight.
    Weighted,
    /// Highest priority first; round-robin within a priority.
    Priority,
    /// The same account until it fails or cools down.
    FillFirst,
    /// Lowest catalog price first (across a rule's targets).
    Cheapest,
    /// Lowest recent time to first token first.
    Fastest,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
#[serde(deny_unknown_fields)]
pub struct RoutingConfig {
    #[serde(default)]
    pub strategy: Strategy,
    /// Keep one conversation on one account (provider prompt caches stay warm).
    #[serde(default)]
    pub session_affinity: bool,
    /// A request for a retired model goes to the model the catalog names as its replacement
    /// (instead of an error naming it).
    #[serde(default)]
    pub follow_replacements: bool,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// A model name; `*` matches any run of characters (`claude-*`, `*`).
    pub pattern: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<Strategy>,
    pub targets: Vec<RuleTarget>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTarget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    pub model: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<Uuid>,
}

impl RoutingConfig {
    pub fn validate(&self) -> Result<(), RepoError> {
        let invalid = |reason: String| RepoError::Invalid {
            field: "routing rules",
            reason,
        };
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.pattern.trim().is_empty() {
                return Err(invalid(format!("rule {} has an empty pattern", i + 1)));
            }
            if rule.targets.is_empty() {
                return Err(invalid(format!("rule `{}` has no targets", rule.pattern)));
            }
            for target in &rule.targets {
                if target.model.trim().is_empty() {
                    return Err(invalid(format!(
                        "rule `{}` has a target without a model",
                        rule.pattern
                    )));
                }
                if let Some(p) = &target.provider {
                    p.parse::<Provider>().map_err(|e| invalid(e.to_string()))?;
                }
            }
        }
        Ok(())
    }

    /// The first rule whose pattern matches `model`.
    pub fn rule_for(&self, model: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| glob_match(&r.pattern, model))
    }
}

/// `*` matches any run of characters; everything else matches itself.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first)
        || !text[first.len()..].ends_with(last)
        || text.len() < first.len() + last.len()
    {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(at) => rest = &rest[at + middle.len()..],
            None => return false,
        }
    }
    true
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "routing_rules")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(column_type = "Json")]
    pub config: RoutingConfig,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

pub async fn get(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<RoutingConfig>, DbErr> {
    Ok(Entity::find_by_id(user_id).one(db).await?.map(|m| m.config))
}

pub async fn set(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    config: RoutingConfig,
) -> Result<(), RepoError> {
    config.validate()?;
    let row = ActiveModel {
        user_id: Set(user_id),
        config: Set(config),
        updated_at: Set(Utc::now()),
    };
    Entity::insert(row)
        .on_conflict(
            OnConflict::column(Column::UserId)
                .update_columns([Column::Config, Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// The routing of a workspace: a user's from this table, a team's from its row.
pub async fn get_in(
    db: &impl ConnectionTrait,
    workspace: crate::Workspace,
) -> Result<Option<RoutingConfig>, DbErr> {
    match workspace {
        crate::Workspace::Personal(user_id) => get(db, user_id).await,
        crate::Workspace::Team(team_id) => crate::teams::routing(db, team_id).await,
    }
}

pub async fn set_in(
    db: &impl ConnectionTrait,
    workspace: crate::Workspace,
    config: RoutingConfig,
) -> Result<(), RepoError> {
    match workspace {
        crate::Workspace::Personal(user_id) => set(db, user_id, config).await,
        crate::Workspace::Team(team_id) => crate::teams::set_routing(db, team_id, config).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_like_shells_do() {
        for (p, t, ok) in [
            ("*", "anything", true),
            ("claude-*", "claude-sonnet-4-5", true),
            ("claude-*", "gpt-4o", false),
            ("*-mini", "gpt-4o-mini", true),
            ("gpt-*-mini", "gpt-4o-mini", true),
            ("gpt-*-mini", "gpt-mini", false),
            ("gpt-4o", "gpt-4o", true),
            ("gpt-4o", "gpt-4o-mini", false),
        ] {
            assert_eq!(glob_match(p, t), ok, "{p} ~ {t}");
        }
    }

    #[test]
    fn rules_parse_from_toml_and_validate() {
        let config: RoutingConfig = serde_json::from_value(serde_json::json!({
            "strategy": "fastest",
            "session_affinity": true,
            "rules": [{"pattern": "claude-*", "strategy": "cheapest",
                       "targets": [{"provider": "anthropic", "model": "claude-sonnet-4-5"}, {"model": "gpt-5"}]}]
        }))
        .unwrap();
        assert!(config.validate().is_ok());
        assert_eq!(config.rule_for("claude-opus-4-5").unwrap().targets.len(), 2);
        assert!(config.rule_for("gpt-4o").is_none());
        let bad = RoutingConfig {
            rules: vec![Rule {
                pattern: "x".into(),
                strategy: None,
                targets: vec![RuleTarget {
                    provider: Some("azure".into()),
                    model: "m".into(),
                    account: None,
                }],
            }],
            ..Default::default()
        };
        assert!(bad.validate().is_err());
    }
}
