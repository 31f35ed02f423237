//! Qwen Code subscriptions: Qwen's device sign-in (RFC 8628 with PKCE; no identity comes
//! back, so the user names the connection), the API host that comes with the token, and Qwen
//! Code's credential file (`~/.qwen/oauth_creds.json`, the Gemini CLI's format).

use std::collections::BTreeMap;

use entities::provider_accounts::Credentials;
use serde_json::Value;

use super::QwenCode;
use crate::oauth::config::{BodyEncoding, strings};
use crate::oauth::device::Rfc8628;
use crate::oauth::import::Imported;
use crate::oauth::{Connections, OAuthClient, OAuthConfig, OAuthError};
use crate::providers::code_assist::read_oauth_creds;
use crate::providers::{Flow, Spoke, Subscription};

const CREDENTIALS_FILE: &str =
    "a Qwen Code credentials file (~/.qwen/oauth_creds.json with access_token)";

impl Subscription for QwenCode {
    fn product(&self) -> &'static str {
        "Qwen"
    }

    fn default_client(&self) -> OAuthClient {
        OAuthClient {
            client_id: "f0304373b74a44d2b584a3fb70ca9e56".to_owned(),
            client_secret: None,
            authorize_url: None,
            authorize_params: BTreeMap::new(),
            redirect_uri: None,
            token_url: "https://chat.qwen.ai/api/v1/oauth2/token".to_owned(),
            token_body: BodyEncoding::Form,
            scopes: strings(&["openid", "profile", "email", "model.completion"]),
            device_code_url: Some("https://chat.qwen.ai/api/v1/oauth2/device/code".to_owned()),
            device_token_url: None,
            device_verify_url: None,
            device_redirect_uri: None,
            profile_url: None,
            refresh_lead_secs: 20 * 60,
        }
    }

    fn client<'a>(&self, config: &'a OAuthConfig) -> &'a OAuthClient {
        &config.qwen
    }

    /// Qwen signs in with a device code only.
    fn flow(&self, _device: bool) -> Option<Flow> {
        Some(Flow::Device(&Rfc8628))
    }

    fn credentials_file(&self) -> &'static str {
        CREDENTIALS_FILE
    }

    fn read_credentials_file(&self, file: &Value) -> Result<Imported, OAuthError> {
        read_oauth_creds(file, CREDENTIALS_FILE)
    }

    /// A token naming an API host that is not Qwen's is refused (it would never be routed).
    fn check_credentials(
        &self,
        hub: &Connections,
        credentials: &Credentials,
    ) -> Result<(), OAuthError> {
        self.default_base(&hub.providers, credentials)
            .map(drop)
            .map_err(OAuthError::Provider)
    }
}
