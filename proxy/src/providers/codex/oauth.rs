//! ChatGPT subscriptions: the Codex CLI's OAuth client (authorization code + PKCE, and its own
//! device flow), the id_token claims that say who signed in and which ChatGPT account to
//! bill, and the Codex CLI's credential file (`~/.codex/auth.json`).

use entities::provider_accounts::Credentials;
use futures::future::BoxFuture;
use serde_json::Value;

use super::Codex;
use super::device::CodexDevice;
use crate::oauth::config::{BodyEncoding, params, strings};
use crate::oauth::identity::{Identity, jwt_claims};
use crate::oauth::import::{Imported, not_it, text};
use crate::oauth::token::TokenSet;
use crate::oauth::{Connections, OAuthClient, OAuthConfig, OAuthError};
use crate::providers::{Flow, Subscription};

const CREDENTIALS_FILE: &str = "a Codex auth file (~/.codex/auth.json with tokens.access_token)";

impl Subscription for Codex {
    fn product(&self) -> &'static str {
        "ChatGPT"
    }

    fn default_client(&self) -> OAuthClient {
        OAuthClient {
            client_id: "app_EMoamEEZ73f0CkXaXp7hrann".to_owned(),
            client_secret: None,
            authorize_url: Some("https://auth.openai.com/oauth/authorize".to_owned()),
            authorize_params: params(&[
                ("id_token_add_organizations", "true"),
                ("codex_cli_simplified_flow", "true"),
                ("prompt", "login"),
            ]),
            redirect_uri: Some("http://localhost:1455/auth/callback".to_owned()),
            token_url: "https://auth.openai.com/oauth/token".to_owned(),
            token_body: BodyEncoding::Form,
            scopes: strings(&["openid", "email", "profile", "offline_access"]),
            device_code_url: Some(
                "https://auth.openai.com/api/accounts/deviceauth/usercode".to_owned(),
            ),
            device_token_url: Some(
                "https://auth.openai.com/api/accounts/deviceauth/token".to_owned(),
            ),
            device_verify_url: Some("https://auth.openai.com/codex/device".to_owned()),
            device_redirect_uri: Some("https://auth.openai.com/deviceauth/callback".to_owned()),
            profile_url: None,
            refresh_lead_secs: 5 * 24 * 3600,
        }
    }

    fn client<'a>(&self, config: &'a OAuthConfig) -> &'a OAuthClient {
        &config.openai
    }

    fn flow(&self, device: bool) -> Option<Flow> {
        Some(if device {
            Flow::Device(&CodexDevice)
        } else {
            Flow::Browser
        })
    }

    fn identify<'a>(
        &'a self,
        _hub: &'a Connections,
        _client: &'a OAuthClient,
        tokens: &'a TokenSet,
    ) -> BoxFuture<'a, Result<Identity, OAuthError>> {
        Box::pin(async move {
            let id_token = tokens
                .id_token
                .as_deref()
                .ok_or_else(|| OAuthError::Provider("OpenAI returned no id_token".to_owned()))?;
            identity(id_token)
        })
    }

    fn credentials_file(&self) -> &'static str {
        CREDENTIALS_FILE
    }

    fn read_credentials_file(&self, file: &Value) -> Result<Imported, OAuthError> {
        let not_it = || not_it(CREDENTIALS_FILE);
        let tokens = file.get("tokens").filter(|t| t.is_object()).ok_or_else(|| {
            if text(file, "OPENAI_API_KEY").is_some() {
                OAuthError::Import(
                    "this Codex auth file holds an API key, not a ChatGPT sign-in; add it as an API-key connection".to_owned(),
                )
            } else {
                not_it()
            }
        })?;
        let access = text(tokens, "access_token").ok_or_else(not_it)?;
        let mut identity = match text(tokens, "id_token") {
            Some(id_token) => self::identity(&id_token)?,
            None => Identity::default(),
        };
        if identity.account_id.is_none() {
            identity.account_id = text(tokens, "account_id");
        }
        let expires_at = jwt_claims(&access).and_then(|c| c.get("exp").and_then(Value::as_i64));
        Ok(Imported {
            credentials: Credentials {
                access_token: Some(access),
                refresh_token: text(tokens, "refresh_token"),
                expires_at,
                account_id: identity.account_id.clone(),
                ..Default::default()
            },
            identity,
        })
    }

    /// A refresh may come with a new id_token, naming the ChatGPT account.
    fn after_refresh(&self, credentials: &mut Credentials, tokens: &TokenSet) {
        if let Some(id) = tokens
            .id_token
            .as_deref()
            .and_then(|t| identity(t).ok())
            .and_then(|i| i.account_id)
        {
            credentials.account_id = Some(id);
        }
    }
}

/// Email, ChatGPT account id and plan from the id_token.
pub fn identity(id_token: &str) -> Result<Identity, OAuthError> {
    let claims = jwt_claims(id_token)
        .ok_or_else(|| OAuthError::Provider("the id_token from OpenAI is not a JWT".to_owned()))?;
    let auth = claims.get("https://api.openai.com/auth");
    let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    let identity = Identity {
        email: text(claims.get("email")),
        account_id: text(auth.and_then(|a| a.get("chatgpt_account_id"))),
        plan_type: text(auth.and_then(|a| a.get("chatgpt_plan_type"))),
        project_id: None,
    };
    if identity.account_id.is_none() {
        return Err(OAuthError::Provider(
            "the OpenAI sign-in has no ChatGPT account (is this a ChatGPT subscription?)"
                .to_owned(),
        ));
    }
    Ok(identity)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use serde_json::json;

    #[test]
    fn codex_identity_comes_from_the_id_token() {
        let claims = json!({
            "email": "dewi@example.com",
            "https://api.openai.com/auth": {"chatgpt_account_id": "acct-1", "chatgpt_plan_type": "plus"}
        });
        let token = format!(
            "e30.{}.sig",
            URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap())
        );
        let identity = identity(&token).unwrap();
        assert_eq!(identity.email.as_deref(), Some("dewi@example.com"));
        assert_eq!(identity.account_id.as_deref(), Some("acct-1"));
        assert_eq!(identity.plan_type.as_deref(), Some("plus"));
        assert!(super::identity("not-a-jwt").is_err());
    }
}
