//! API-key connections: the base-URL rule, the key check with the provider, and adding one.

use entities::provider_accounts::{self, NewApiKeyAccount};
use entities::seal::Sealer;
use entities::{Provider, Workspace};
use proxy::key_check::{KeyCheckError, check_api_key};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::ServiceError;

/// What checking a key connection needs: the providers' default API bases, a client for the
/// check, and whether private addresses may be upstreams (tests and self-hosting).
#[derive(Clone)]
pub struct KeyChecks {
    pub http: reqwest::Client,
    pub providers: proxy::ProvidersConfig,
    pub allow_private_upstreams: bool,
}

/// What a key connection is, before any check; whose it is comes with [`add_api_key`].
pub struct NewKeyConnection<'a> {
    pub provider: Provider,
    pub api_key: &'a str,
    pub base_url: Option<&'a str>,
    pub label: Option<&'a str>,
    pub models: Vec<String>,
    /// Store without asking the provider (it may be down, or the key only works elsewhere).
    pub skip_check: bool,
}

impl KeyChecks {
    /// The connection's own API base, normalised (no trailing slash); `None` uses the
    /// provider's default. OpenAI-compatible servers have no default.
    pub fn base_url(
        &self,
        provider: Provider,
        raw: Option<&str>,
    ) -> Result<Option<String>, ServiceError> {
        match raw.map(str::trim).filter(|r| !r.is_empty()) {
            Some(raw) => {
                let url = proxy::upstream_guard::check_base_url(raw, self.allow_private_upstreams)
                    .map_err(|e| {
                        ServiceError::rejected(
                            "base_url_invalid",
                            format!("Invalid base URL: {e}."),
                        )
                    })?;
                Ok(Some(url.to_string().trim_end_matches('/').to_owned()))
            }
            None if provider == Provider::OpenAiCompatible => Err(ServiceError::rejected(
                "base_url_required",
                "An OpenAI-compatible connection needs its base URL.",
            )),
            None => Ok(None),
        }
    }

    /// Asks the provider whether `key` works (one free model-list call).
    pub async fn check_key(
        &self,
        provider: Provider,
        base_url: Option<&str>,
        key: &str,
    ) -> Result<(), ServiceError> {
        let base = match base_url {
            Some(own) => own,
            None => self.providers.base_url(provider).ok_or_else(|| {
                ServiceError::rejected(
                    "base_url_required",
                    format!("{provider} has no default base URL."),
                )
            })?,
        };
        check_api_key(&self.http, provider, base, key)
            .await
            // Messages start with the provider's id ("openai rejected…"), kept as it is.
            .map_err(|e| match e {
                KeyCheckError::Unreachable(_) => ServiceError::Unreachable(e.to_string()),
                rejected => ServiceError::rejected("api_key_rejected", rejected.to_string()),
            })
    }
}

/// A key connection that passed every check, ready to store (only [`KeyChecks::check`] makes
/// one, so nothing unchecked is stored).
pub struct CheckedKeyConnection {
    provider: Provider,
    api_key: String,
    base_url: Option<String>,
    label: Option<String>,
    models: Vec<String>,
}

impl KeyChecks {
    /// The base URL, a non-empty key, the provider's answer to it (unless skipped), and the
    /// model names trimmed.
    pub async fn check(
        &self,
        new: NewKeyConnection<'_>,
    ) -> Result<CheckedKeyConnection, ServiceError> {
        let base_url = self.base_url(new.provider, new.base_url)?;
        let api_key = new.api_key.trim();
        if api_key.is_empty() {
            return Err(ServiceError::rejected(
                "api_key_empty",
                "The API key is empty.",
            ));
        }
        if !new.skip_check {
            self.check_key(new.provider, base_url.as_deref(), api_key)
                .await?;
        }
        Ok(CheckedKeyConnection {
            provider: new.provider,
            api_key: api_key.to_owned(),
            base_url,
            label: new.label.map(str::to_owned),
            models: new
                .models
                .iter()
                .map(|m| m.trim().to_owned())
                .filter(|m| !m.is_empty())
                .collect(),
        })
    }
}

/// Stores a checked key connection in `workspace` (added by `user_id`), its key sealed.
pub async fn add_api_key(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    workspace: Workspace,
    user_id: Uuid,
    checked: CheckedKeyConnection,
) -> Result<provider_accounts::Model, ServiceError> {
    let account = provider_accounts::create_api_key_account(
        db,
        sealer,
        NewApiKeyAccount {
            user_id,
            team_id: workspace.team_id(),
            provider: checked.provider,
            api_key: &checked.api_key,
            base_url: checked.base_url,
            label: checked.label.as_deref(),
            models: checked.models,
        },
    )
    .await?;
    Ok(account)
}
