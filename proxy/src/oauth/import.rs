//! Import of the credential files the official CLIs write: Claude Code
//! (`~/.claude/.credentials.json`), Codex (`~/.codex/auth.json`), Gemini CLI
//! (`~/.gemini/oauth_creds.json`) and Qwen Code (`~/.qwen/oauth_creds.json`). Each file's
//! reader is its provider's (`Subscription::read_credentials_file`); this is what they share.

use chrono::Utc;
use entities::Provider;
use entities::provider_accounts::{self, Credentials};
use serde_json::Value;

use super::identity::Identity;
use super::token::{self, Body};
use super::{Connections, OAuthError, Owner};
use crate::providers::subscription;

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

/// A parser's answer to a file that is not its CLI's: what was expected instead.
pub fn not_it(expected: &str) -> OAuthError {
    OAuthError::Import(format!("this is not {expected}"))
}

/// A non-empty string field of a credential file.
pub fn text(v: &Value, k: &str) -> Option<String> {
    v.get(k)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A time in milliseconds, in unix seconds.
pub fn millis(v: &Value, k: &str) -> Option<i64> {
    v.get(k).and_then(Value::as_i64).map(|ms| ms / 1000)
}

/// Reads a CLI's credential file for `provider`.
pub fn parse(provider: Provider, bytes: &[u8]) -> Result<Imported, OAuthError> {
    let sub = subscription(provider);
    let expected = sub.map_or("a provider with a subscription sign-in", |s| {
        s.credentials_file()
    });
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|_| OAuthError::Import(format!("the file is not JSON; expected {expected}")))?;
    let imported = sub
        .ok_or_else(|| not_it(expected))?
        .read_credentials_file(&value)?;
    if imported.credentials.refresh_token.is_none() {
        tracing::warn!(%provider, "imported credentials have no refresh token; the connection expires with its access token");
    }
    Ok(imported)
}

impl Connections {
    /// Stores the connection a CLI's credential file describes.
    pub async fn import(
        &self,
        owner: Owner,
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
        if let Some(sub) = subscription(provider) {
            sub.complete_import(self, &mut credentials, &mut identity)
                .await?;
        }
        self.save_credentials(owner, provider, credentials, identity, label)
            .await
    }

    /// Refreshes tokens that are not stored yet (no lease needed: nobody else has them).
    pub(crate) async fn renew_unstored(
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
