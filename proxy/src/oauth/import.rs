//! Import of the credential files the official CLIs write: Claude Code
//! (`~/.claude/.credentials.json`), Codex (`~/.codex/auth.json`), Gemini CLI
//! (`~/.gemini/oauth_creds.json`) and Qwen Code (`~/.qwen/oauth_creds.json`).

use chrono::Utc;
use entities::Provider;
use entities::provider_accounts::{self, Credentials};
use serde_json::Value;
use uuid::Uuid;

use super::identity::{self, Identity};
use super::token::{self, Body, TokenSet};
use super::{Connections, OAuthError};

/// What a credential file holds.
pub struct Imported {
    pub credentials: Credentials,
    pub identity: Identity,
}

impl std::fmt::Debug for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Imported")
            .field("identity", &self.identity)
            .finish_non_exhaustive()
    }
}

fn expected(provider: Provider) -> &'static str {
    match provider {
        Provider::Anthropic => {
            "a Claude Code credentials file (~/.claude/.credentials.json with claudeAiOauth.accessToken)"
        }
        Provider::OpenAi => "a Codex auth file (~/.codex/auth.json with tokens.access_token)",
        Provider::Gemini => {
            "a Gemini CLI credentials file (~/.gemini/oauth_creds.json with access_token)"
        }
        Provider::Qwen => {
            "a Qwen Code credentials file (~/.qwen/oauth_creds.json with access_token)"
        }
        Provider::OpenAiCompatible => "a provider with a subscription sign-in",
    }
}

/// Reads a CLI's credential file for `provider`.
pub fn parse(provider: Provider, bytes: &[u8]) -> Result<Imported, OAuthError> {
    let not_it = || OAuthError::Import(format!("this is not {}", expected(provider)));
    let value: Value = serde_json::from_slice(bytes).map_err(|_| {
        OAuthError::Import(format!(
            "the file is not JSON; expected {}",
            expected(provider)
        ))
    })?;
    let text = |v: &Value, k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let millis = |v: &Value, k: &str| v.get(k).and_then(Value::as_i64).map(|ms| ms / 1000);
    let imported = match provider {
        Provider::Anthropic => {
            let oauth = value.get("claudeAiOauth").ok_or_else(not_it)?;
            Imported {
                credentials: Credentials {
                    access_token: Some(text(oauth, "accessToken").ok_or_else(not_it)?),
                    refresh_token: text(oauth, "refreshToken"),
                    expires_at: millis(oauth, "expiresAt"),
                    ..Default::default()
                },
                identity: Identity {
                    plan_type: text(oauth, "subscriptionType"),
                    ..Default::default()
                },
            }
        }
        Provider::OpenAi => {
            let tokens = value.get("tokens").filter(|t| t.is_object()).ok_or_else(|| {
                if text(&value, "OPENAI_API_KEY").is_some() {
                    OAuthError::Import(
                        "this Codex auth file holds an API key, not a ChatGPT sign-in; add it as an API-key connection".to_owned(),
                    )
                } else {
                    not_it()
                }
            })?;
            let access = text(tokens, "access_token").ok_or_else(not_it)?;
            let mut identity = match text(tokens, "id_token") {
                Some(id_token) => identity::codex(&id_token)?,
                None => Identity::default(),
            };
            if identity.account_id.is_none() {
                identity.account_id = text(tokens, "account_id");
            }
            let expires_at =
                identity::jwt_claims(&access).and_then(|c| c.get("exp").and_then(Value::as_i64));
            Imported {
                credentials: Credentials {
                    access_token: Some(access),
                    refresh_token: text(tokens, "refresh_token"),
                    expires_at,
                    account_id: identity.account_id.clone(),
                    ..Default::default()
                },
                identity,
            }
        }
        Provider::Gemini | Provider::Qwen => {
            let access = text(&value, "access_token").ok_or_else(not_it)?;
            let email = text(&value, "id_token")
                .and_then(|t| identity::jwt_claims(&t))
                .and_then(|c| c.get("email").and_then(Value::as_str).map(str::to_owned));
            Imported {
                credentials: Credentials {
                    access_token: Some(access),
                    refresh_token: text(&value, "refresh_token"),
                    expires_at: millis(&value, "expiry_date"),
                    resource_url: text(&value, "resource_url"),
                    project_id: text(&value, "project_id"),
                    ..Default::default()
                },
                identity: Identity {
                    email,
                    ..Default::default()
                },
            }
        }
        Provider::OpenAiCompatible => return Err(not_it()),
    };
    if imported.credentials.refresh_token.is_none() {
        tracing::warn!(%provider, "imported credentials have no refresh token; the connection expires with its access token");
    }
    Ok(imported)
}

impl Connections {
    /// Stores the connection a CLI's credential file describes.
    pub async fn import(
        &self,
        user_id: Uuid,
        provider: Provider,
        bytes: &[u8],
        label: Option<String>,
    ) -> Result<provider_accounts::Model, OAuthError> {
        // A connection Satu cannot refresh would die with its access token.
        self.client(provider)?;
        let Imported {
            mut credentials,
            mut identity,
        } = parse(provider, bytes)?;
        match provider {
            Provider::Anthropic => {
                let client = self.client(provider)?;
                let probe = token_set(&credentials);
                let found =
                    identity::claude(&self.http, client.profile_url.as_deref(), &probe).await;
                identity.email = found.email;
                identity.plan_type = found.plan_type.or(identity.plan_type);
            }
            Provider::Gemini if credentials.project_id.is_none() => {
                // Provisioning needs a live token: renew an expired one first.
                if credentials
                    .expires_at
                    .is_some_and(|t| t < Utc::now().timestamp() + 60)
                {
                    self.renew_unstored(provider, &mut credentials).await?;
                }
                let access = credentials.access_token.clone().unwrap_or_default();
                if identity.email.is_none() {
                    let client = self.client(provider)?;
                    identity.email =
                        identity::google_email(&self.http, client.profile_url.as_deref(), &access)
                            .await;
                }
                let (project, tier) = identity::code_assist_project(
                    &self.http,
                    &self.code_assist_base,
                    &access,
                    std::time::Duration::from_millis(self.config.onboard_poll_ms),
                    self.config.onboard_max_polls,
                )
                .await?;
                credentials.project_id = Some(project);
                identity.project_id = credentials.project_id.clone();
                identity.plan_type = tier;
            }
            _ => {}
        }
        self.save_credentials(user_id, provider, credentials, identity, label)
            .await
    }

    /// Refreshes tokens that are not stored yet (no lease needed: nobody else has them).
    async fn renew_unstored(
        &self,
        provider: Provider,
        credentials: &mut Credentials,
    ) -> Result<(), OAuthError> {
        let client = self.client(provider)?;
        let refresh = credentials.refresh_token.clone().ok_or_else(|| {
            OAuthError::Import(
                "the credentials expired and hold no refresh token; sign in with the CLI again"
                    .to_owned(),
            )
        })?;
        let mut fields = vec![
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh.as_str()),
            ("client_id", client.client_id.as_str()),
        ];
        if let Some(secret) = &client.client_secret {
            fields.push(("client_secret", secret.as_str()));
        }
        let tokens = token::request(
            &self.http,
            &client.token_url,
            Body::for_client(client, fields),
        )
        .await
        .map_err(|e| {
            OAuthError::Provider(format!("{provider} refused the imported credentials: {e}"))
        })?;
        credentials.access_token = Some(tokens.access_token);
        if let Some(rotated) = tokens.refresh_token {
            credentials.refresh_token = Some(rotated);
        }
        credentials.expires_at = tokens.expires_in.map(|s| Utc::now().timestamp() + s);
        Ok(())
    }
}

fn token_set(credentials: &Credentials) -> TokenSet {
    TokenSet {
        access_token: credentials.access_token.clone().unwrap_or_default(),
        refresh_token: None,
        expires_in: None,
        id_token: None,
        resource_url: None,
        account: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claude_code_credentials_are_read() {
        let file = br#"{"claudeAiOauth":{"accessToken":"sk-ant-oat01-a","refreshToken":"sk-ant-ort01-r","expiresAt":1764000000000,"scopes":["user:inference"],"subscriptionType":"max"}}"#;
        let imported = parse(Provider::Anthropic, file).unwrap();
        assert_eq!(
            imported.credentials.access_token.as_deref(),
            Some("sk-ant-oat01-a")
        );
        assert_eq!(
            imported.credentials.refresh_token.as_deref(),
            Some("sk-ant-ort01-r")
        );
        assert_eq!(imported.credentials.expires_at, Some(1_764_000_000));
        assert_eq!(imported.identity.plan_type.as_deref(), Some("max"));
    }

    #[test]
    fn qwen_and_gemini_files_are_read() {
        let qwen = br#"{"access_token":"q","refresh_token":"r","token_type":"Bearer","resource_url":"portal.qwen.ai","expiry_date":1764000000000}"#;
        let imported = parse(Provider::Qwen, qwen).unwrap();
        assert_eq!(
            imported.credentials.resource_url.as_deref(),
            Some("portal.qwen.ai")
        );
        let gemini = br#"{"access_token":"ya29.a","refresh_token":"1//r","scope":"x","token_type":"Bearer","expiry_date":1764000000000}"#;
        let imported = parse(Provider::Gemini, gemini).unwrap();
        assert_eq!(imported.credentials.expires_at, Some(1_764_000_000));
    }

    #[test]
    fn malformed_and_mismatched_files_say_what_was_expected() {
        let err = parse(Provider::Anthropic, b"not json")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not JSON") && err.contains("Claude Code"),
            "{err}"
        );
        let codex_file = br#"{"OPENAI_API_KEY":null,"tokens":{"access_token":"a"}}"#;
        let err = parse(Provider::Anthropic, codex_file)
            .unwrap_err()
            .to_string();
        assert!(err.contains("claudeAiOauth"), "{err}");
        let key_only = br#"{"OPENAI_API_KEY":"sk-abc","tokens":null}"#;
        let err = parse(Provider::OpenAi, key_only).unwrap_err().to_string();
        assert!(err.contains("API key") && !err.contains("sk-abc"), "{err}");
    }
}
