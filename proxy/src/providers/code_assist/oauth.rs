//! Gemini CLI subscriptions: Google's installed-app client (authorization code + PKCE, a
//! client secret, offline access), the userinfo email and Code Assist project of who signed
//! in, and the Gemini CLI's credential file (`~/.gemini/oauth_creds.json`), whose format Qwen
//! Code shares.

use chrono::Utc;
use entities::Provider;
use entities::provider_accounts::Credentials;
use futures::future::BoxFuture;
use serde_json::Value;

use super::CodeAssist;
use super::project::provision;
use crate::oauth::config::{BodyEncoding, params, strings};
use crate::oauth::identity::{Identity, get_json, jwt_claims};
use crate::oauth::import::{Imported, millis, not_it, text};
use crate::oauth::token::TokenSet;
use crate::oauth::{Connections, OAuthClient, OAuthConfig, OAuthError};
use crate::providers::Subscription;

const CREDENTIALS_FILE: &str =
    "a Gemini CLI credentials file (~/.gemini/oauth_creds.json with access_token)";

impl Subscription for CodeAssist {
    fn product(&self) -> &'static str {
        "Gemini"
    }

    fn default_client(&self) -> OAuthClient {
        OAuthClient {
            // The Gemini CLI's installed-app client is operator configuration.
            client_id: String::new(),
            client_secret: None,
            authorize_url: Some("https://accounts.google.com/o/oauth2/v2/auth".to_owned()),
            authorize_params: params(&[("access_type", "offline"), ("prompt", "consent")]),
            redirect_uri: Some("http://localhost:8085/oauth2callback".to_owned()),
            token_url: "https://oauth2.googleapis.com/token".to_owned(),
            token_body: BodyEncoding::Form,
            scopes: strings(&[
                "https://www.googleapis.com/auth/cloud-platform",
                "https://www.googleapis.com/auth/userinfo.email",
                "https://www.googleapis.com/auth/userinfo.profile",
            ]),
            device_code_url: None,
            device_token_url: None,
            device_verify_url: None,
            device_redirect_uri: None,
            profile_url: Some("https://www.googleapis.com/oauth2/v2/userinfo".to_owned()),
            refresh_lead_secs: 600,
        }
    }

    fn client<'a>(&self, config: &'a OAuthConfig) -> &'a OAuthClient {
        &config.gemini
    }

    fn identify<'a>(
        &'a self,
        hub: &'a Connections,
        client: &'a OAuthClient,
        tokens: &'a TokenSet,
    ) -> BoxFuture<'a, Result<Identity, OAuthError>> {
        Box::pin(async move {
            let access = &tokens.access_token;
            let email = google_email(&hub.http, client.profile_url.as_deref(), access).await;
            let (project, tier) = provision(hub, access).await?;
            Ok(Identity {
                email,
                plan_type: tier,
                project_id: Some(project),
                account_id: None,
            })
        })
    }

    fn credentials_file(&self) -> &'static str {
        CREDENTIALS_FILE
    }

    fn read_credentials_file(&self, file: &Value) -> Result<Imported, OAuthError> {
        read_oauth_creds(file, CREDENTIALS_FILE)
    }

    /// The file holds no Code Assist project: find or provision it, which needs a live token.
    fn complete_import<'a>(
        &'a self,
        hub: &'a Connections,
        credentials: &'a mut Credentials,
        identity: &'a mut Identity,
    ) -> BoxFuture<'a, Result<(), OAuthError>> {
        Box::pin(async move {
            if credentials.project_id.is_some() {
                return Ok(());
            }
            if credentials
                .expires_at
                .is_some_and(|t| t < Utc::now().timestamp() + 60)
            {
                hub.renew_unstored(Provider::Gemini, credentials).await?;
            }
            let access = credentials.access_token.clone().unwrap_or_default();
            if identity.email.is_none() {
                let client = self.client(&hub.config);
                identity.email =
                    google_email(&hub.http, client.profile_url.as_deref(), &access).await;
            }
            let (project, tier) = provision(hub, &access).await?;
            credentials.project_id = Some(project);
            identity.project_id = credentials.project_id.clone();
            identity.plan_type = tier;
            Ok(())
        })
    }
}

/// The `oauth_creds.json` the Gemini CLI writes, and Qwen Code (its fork) too.
pub fn read_oauth_creds(file: &Value, expected: &str) -> Result<Imported, OAuthError> {
    let access = text(file, "access_token").ok_or_else(|| not_it(expected))?;
    let email = text(file, "id_token")
        .and_then(|t| jwt_claims(&t))
        .and_then(|c| c.get("email").and_then(Value::as_str).map(str::to_owned));
    Ok(Imported {
        credentials: Credentials {
            access_token: Some(access),
            refresh_token: text(file, "refresh_token"),
            expires_at: millis(file, "expiry_date"),
            resource_url: text(file, "resource_url"),
            project_id: text(file, "project_id"),
            ..Default::default()
        },
        identity: Identity {
            email,
            ..Default::default()
        },
    })
}

/// Google: the email from userinfo (best effort).
async fn google_email(
    http: &reqwest::Client,
    userinfo_url: Option<&str>,
    access_token: &str,
) -> Option<String> {
    let info = get_json(http.get(userinfo_url?).bearer_auth(access_token)).await?;
    info.get("email").and_then(Value::as_str).map(str::to_owned)
}
