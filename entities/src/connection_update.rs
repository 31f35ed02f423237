//! Changes a user may make to their own connection: label, routing weight and priority,
//! whether it is used, and which models it serves.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use crate::provider_accounts::{self, ModelList};
use crate::{AccountStatus, RepoError};

/// `None` leaves a field as it is.
#[derive(Debug, Default, Clone)]
pub struct ConnectionUpdate {
    pub label: Option<String>,
    pub weight: Option<i32>,
    pub priority: Option<i32>,
    pub enabled: Option<bool>,
    pub models: Option<Vec<String>>,
}

const MAX_MODELS: usize = 500;

pub async fn update_in(
    db: &impl ConnectionTrait,
    workspace: crate::Workspace,
    id: Uuid,
    update: ConnectionUpdate,
) -> Result<provider_accounts::Model, RepoError> {
    let current = provider_accounts::find_in(db, workspace, id).await?;
    let status = current.status();
    if status == Some(AccountStatus::Revoked) {
        return Err(RepoError::NotFound("provider account"));
    }
    let mut row: provider_accounts::ActiveModel = current.clone().into();
    if let Some(label) = update.label {
        row.label = Set(checked_label(&label)?);
    }
    if let Some(weight) = update.weight {
        row.weight = Set(in_range("weight", weight, 1, 1000)?);
    }
    if let Some(priority) = update.priority {
        row.priority = Set(in_range("priority", priority, -1000, 1000)?);
    }
    if let Some(enabled) = update.enabled {
        match (enabled, status) {
            (false, _) => row.status = Set(AccountStatus::Disabled.as_str().to_owned()),
            (true, Some(AccountStatus::Disabled | AccountStatus::Paused)) => {
                crate::plan_caps::check_room(db, &current).await?;
                row.status = Set(AccountStatus::Active.as_str().to_owned());
            }
            (true, _) => {}
        }
    }
    if let Some(models) = update.models {
        row.models = Set(ModelList(checked_models(models)?));
    }
    row.updated_at = Set(Utc::now());
    Ok(row.update(db).await?)
}

fn checked_label(label: &str) -> Result<String, RepoError> {
    let label = label.trim();
    if label.is_empty() || label.chars().count() > 100 {
        return Err(RepoError::Invalid {
            field: "label",
            reason: "must be 1 to 100 characters".to_owned(),
        });
    }
    Ok(label.to_owned())
}

fn in_range(field: &'static str, value: i32, min: i32, max: i32) -> Result<i32, RepoError> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(RepoError::Invalid {
            field,
            reason: format!("{value} is outside {min}..={max}"),
        })
    }
}

/// Model names, trimmed and de-duplicated; an empty list means "the provider's catalog".
fn checked_models(models: Vec<String>) -> Result<Vec<String>, RepoError> {
    let mut out: Vec<String> = Vec::with_capacity(models.len());
    for model in models {
        let model = model.trim().to_owned();
        if model.is_empty() || model.len() > 200 || model.chars().any(char::is_whitespace) {
            return Err(RepoError::Invalid {
                field: "models",
                reason: format!("`{model}` is not a model name"),
            });
        }
        if !out.contains(&model) {
            out.push(model);
        }
    }
    if out.len() > MAX_MODELS {
        return Err(RepoError::Invalid {
            field: "models",
            reason: format!("at most {MAX_MODELS} names"),
        });
    }
    Ok(out)
}
