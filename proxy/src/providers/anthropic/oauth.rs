//! Claude subscriptions: Claude Code's OAuth client (authorization code + PKCE, a JSON token
//! endpoint that repeats the state), the profile that tells who signed in, and Claude Code's
//! credential file (`~/.claude/.credentials.json`).

use entities::provider_accounts::Credentials;
use futures::future::BoxFuture;
use serde_json::Value;

use super::{Anthropic, OAUTH_BETA};
use crate::oauth::config::{BodyEncoding, params, strings};
use crate::oauth::identity::{Identity, get_json};
use crate::oauth::import::{Imported, millis, not_it, text};
use crate::oauth::token::TokenSet;
use crate::oauth::{Connections, OAuthClient, OAuthConfig, OAuthError};
use crate::providers::Subscription;

const CREDENTIALS_FILE: &str =
    "a Claude Code credentials file (~/.claude/.credentials.json with claudeAiOauth.accessToken)";

impl Subscription for Anthropic {
    fn product(&self) -> &'static str {
        "Claude"
    }

    fn default_client(&self) -> OAuthClient {
        OAuthClient {
            client_id: "9d1c250a-e61b-44d9-88ed-5944d1962f5e".to_owned(),
            client_secret: None,
            authorize_url: Some("https://claude.ai/oauth/authorize".to_owned()),
            authorize_params: params(&[("code", "true")]),
            redirect_uri: Some("http://localhost:54545/callback".to_owned()),
            token_url: "https://platform.claude.com/v1/oauth/token".to_owned(),
            token_body: BodyEncoding::Json,
            scopes: strings(&[
                "user:profile",
                "user:inference",
                "user:sessions:claude_code",
                "user:mcp_servers",
                "user:file_upload",
            ]),
            device_code_url: None,
            device_token_url: None,
            device_verify_url: None,
            device_redirect_uri: None,
            profile_url: Some("https://api.anthropic.com/api/oauth/profile".to_owned()),
            refresh_lead_secs: 4 * 3600,
        }
    }

    fn client<'a>(&self, config: &'a OAuthConfig) -> &'a OAuthClient {
        &config.anthropic
    }

    fn exchange_sends_state(&self) -> bool {
        true
    }

    fn identify<'a>(
        &'a self,
        hub: &'a Connections,
        client: &'a OAuthClient,
        tokens: &'a TokenSet,
    ) -> BoxFuture<'a, Result<Identity, OAuthError>> {
        Box::pin(async move { Ok(profile(&hub.http, client.profile_url.as_deref(), tokens).await) })
    }

    fn credentials_file(&self) -> &'static str {
        CREDENTIALS_FILE
    }

    fn read_credentials_file(&self, file: &Value) -> Result<Imported, OAuthError> {
        let not_it = || not_it(CREDENTIALS_FILE);
        let oauth = file.get("claudeAiOauth").ok_or_else(not_it)?;
        Ok(Imported {
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
        })
    }

    /// The file does not say who signed in: the profile does.
    fn complete_import<'a>(
        &'a self,
        hub: &'a Connections,
        credentials: &'a mut Credentials,
        identity: &'a mut Identity,
    ) -> BoxFuture<'a, Result<(), OAuthError>> {
        Box::pin(async move {
            let client = self.client(&hub.config);
            let probe = token_set(credentials);
            let found = profile(&hub.http, client.profile_url.as_deref(), &probe).await;
            identity.email = found.email;
            identity.plan_type = found.plan_type.or(identity.plan_type.take());
            Ok(())
        })
    }
}

/// The email comes with the token; the plan from the profile (best effort).
async fn profile(http: &reqwest::Client, profile_url: Option<&str>, tokens: &TokenSet) -> Identity {
    let mut identity = Identity {
        email: tokens
            .account
            .as_ref()
            .and_then(|a| a.email_address.clone()),
        ..Default::default()
    };
    let Some(url) = profile_url else {
        return identity;
    };
    let profile = get_json(
        http.get(url)
            .bearer_auth(&tokens.access_token)
            .header("anthropic-beta", OAUTH_BETA),
    )
    .await;
    if let Some(profile) = profile {
        let account = profile.get("account");
        if identity.email.is_none() {
            identity.email = account
                .and_then(|a| a.get("email"))
                .and_then(Value::as_str)
                .map(str::to_owned);
        }
        let flag =
            |name: &str| account.and_then(|a| a.get(name)).and_then(Value::as_bool) == Some(true);
        identity.plan_type = if flag("has_claude_max") {
            Some("max".to_owned())
        } else if flag("has_claude_pro") {
            Some("pro".to_owned())
        } else {
            None
        };
    }
    identity
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
