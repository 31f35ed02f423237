//! Keeps each connection's model list current: asks the provider through the account's spoke
//! (OpenAI's and Anthropic's `/models`, Gemini's `models`, the Codex backend's own list, Code
//! Assist's quota buckets) and stores what it reaches, so `/v1/models`, the dashboard and
//! routing follow what each user can actually use. Run by the worker; see `jobs`.

use std::sync::Arc;

use entities::model_lists::{self, Staleness};
use entities::provider_accounts;
use futures::StreamExt;
use sea_orm::{DatabaseConnection, DbErr, EntityTrait};
use serde_json::Value;
use uuid::Uuid;

use crate::bus::{Bus, Message};
use crate::directory::{Account, Opener};
use crate::providers::{ModelsCall, SpokeSettings};

/// A model list larger than this is not read (OpenRouter's, the largest, is about 1 MiB).
const MAX_LIST_BYTES: usize = 8 << 20;
/// Connections checked per scan; the rest wait for the next one.
const BATCH: u64 = 50;

pub struct ModelLister {
    pub db: DatabaseConnection,
    pub opener: Opener,
    pub http: reqwest::Client,
    pub settings: SpokeSettings,
    pub bus: Arc<Bus>,
    pub staleness: Staleness,
}

/// What one check came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Checked {
    /// The list was stored; `changed` when it differs from the one before.
    Listed {
        models: usize,
        changed: bool,
    },
    Failed(String),
    /// Another replica took it, or the connection is no longer routable.
    Skipped,
}

impl ModelLister {
    /// Checks every connection that is due; returns how many were checked here.
    pub async fn run_due(&self) -> Result<usize, DbErr> {
        let due = model_lists::due(&self.db, self.staleness, BATCH).await?;
        let mut checked = 0;
        for account_id in due {
            if self.check(account_id).await? != Checked::Skipped {
                checked += 1;
            }
        }
        Ok(checked)
    }

    /// Claims one connection's check and runs it.
    pub async fn check(&self, account_id: Uuid) -> Result<Checked, DbErr> {
        if !model_lists::claim(&self.db, account_id, self.staleness).await? {
            return Ok(Checked::Skipped);
        }
        let Some(row) = provider_accounts::Entity::find_by_id(account_id)
            .one(&self.db)
            .await?
        else {
            return Ok(Checked::Skipped);
        };
        let account = match self.opener.open(&row) {
            Ok(Some(account)) => account,
            Ok(None) => return Ok(Checked::Skipped),
            Err(reason) => return self.failed(account_id, reason).await,
        };
        match self.list(&account).await {
            Ok(models) => {
                let changed = row.reachable_models.map(|list| list.0) != Some(models.clone());
                let count = models.len();
                model_lists::record_list(&self.db, account_id, models).await?;
                if changed {
                    self.bus
                        .publish(Message::AccountsChanged {
                            workspace_id: account.workspace_id,
                        })
                        .await;
                }
                tracing::debug!(%account_id, models = count, changed, "model list refreshed");
                Ok(Checked::Listed {
                    models: count,
                    changed,
                })
            }
            Err(reason) => self.failed(account_id, reason).await,
        }
    }

    async fn failed(&self, account_id: Uuid, reason: String) -> Result<Checked, DbErr> {
        tracing::info!(%account_id, %reason, "model list not refreshed; the last one stays");
        model_lists::record_failure(&self.db, account_id, &reason).await?;
        Ok(Checked::Failed(reason))
    }

    /// The account's models as its provider lists them. Errors are short, secret-free
    /// sentences for the dashboard.
    async fn list(&self, account: &Account) -> Result<Vec<String>, String> {
        let provider = account.provider;
        if account.token_expiring() {
            return Err(format!("the {provider} sign-in is being renewed"));
        }
        let call = ModelsCall::for_account(account, &self.settings);
        let request = account.spoke.models_request(&self.http, &call);
        let response = request.send().await.map_err(|e| {
            if e.is_timeout() {
                format!("{provider} did not answer in time")
            } else {
                format!("{provider} could not be reached")
            }
        })?;
        let status = response.status();
        let body = read_bounded(response).await?;
        if !status.is_success() {
            let detail = crate::key_check::message_of(&body)
                .map(|m| format!(": {}", m.replace(&account.secret, "[redacted]")))
                .unwrap_or_default();
            return Err(format!("{provider} answered {}{detail}", status.as_u16()));
        }
        let value: Value = serde_json::from_slice(&body)
            .map_err(|_| format!("{provider} answered a model list Satu cannot read"))?;
        let models = account.spoke.model_ids(&value);
        if models.is_empty() {
            return Err(format!("{provider} listed no models"));
        }
        Ok(models)
    }
}

async fn read_bounded(response: reqwest::Response) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    let mut chunks = response.bytes_stream();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(|_| "the model list was cut off".to_owned())?;
        if body.len() + chunk.len() > MAX_LIST_BYTES {
            return Err("the model list is too large".to_owned());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}
