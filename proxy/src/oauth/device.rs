//! Device sign-ins: the standard one (RFC 8628, with PKCE as Qwen asks) and the trait a
//! provider's own variant implements (Codex's lives with its spoke).

use entities::Provider;
use futures::future::BoxFuture;
use serde_json::Value;

use super::config::OAuthClient;
use super::token::{self, Body, TokenError, TokenSet};
use super::{OAuthError, pkce};

const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

/// What starting a device sign-in yielded: what the user is shown, and what polling needs.
pub struct DeviceGrant {
    pub device_code: String,
    pub user_code: String,
    /// The user code is sent again when polling (Codex).
    pub polls_with_user_code: bool,
    pub verifier: Option<String>,
    pub verification_uri: String,
    pub verification_uri_complete: Option<String>,
    pub interval: u64,
    /// `None`: as long as a sign-in may wait.
    pub expires_in: Option<u64>,
}

/// What one polling step is given back from the stored sign-in.
pub struct DeviceCode<'a> {
    pub device_code: Option<&'a str>,
    pub user_code: Option<&'a str>,
    pub verifier: Option<&'a str>,
}

pub trait DeviceFlow: Send + Sync {
    /// The flow's name as stored with a started sign-in.
    fn kind(&self) -> &'static str;

    /// Asks the provider for a user code.
    fn start<'a>(
        &'a self,
        http: &'a reqwest::Client,
        provider: Provider,
        client: &'a OAuthClient,
    ) -> BoxFuture<'a, Result<DeviceGrant, OAuthError>>;

    /// One polling step: tokens once approved, `TokenError::Pending` until then.
    fn poll<'a>(
        &'a self,
        http: &'a reqwest::Client,
        client: &'a OAuthClient,
        code: DeviceCode<'a>,
    ) -> BoxFuture<'a, Result<TokenSet, TokenError>>;
}

/// The standard device authorization grant, with PKCE.
pub struct Rfc8628;

impl DeviceFlow for Rfc8628 {
    fn kind(&self) -> &'static str {
        "device"
    }

    fn start<'a>(
        &'a self,
        http: &'a reqwest::Client,
        provider: Provider,
        client: &'a OAuthClient,
    ) -> BoxFuture<'a, Result<DeviceGrant, OAuthError>> {
        Box::pin(async move {
            let url = client.device_code_url.as_deref().ok_or_else(|| {
                OAuthError::NotConfigured(format!("oauth.{provider}.device_code_url"))
            })?;
            let verifier = pkce::verifier()?;
            let challenge = pkce::challenge(&verifier);
            let scope = client.scopes.join(" ");
            let fields = vec![
                ("client_id", client.client_id.as_str()),
                ("scope", scope.as_str()),
                ("code_challenge", challenge.as_str()),
                ("code_challenge_method", "S256"),
            ];
            let answer = json_call(http, url, Body::Form(fields), provider).await?;
            let text = |k: &str| answer.get(k).and_then(Value::as_str).map(str::to_owned);
            let (Some(device_code), Some(user_code), Some(verification_uri)) = (
                text("device_code"),
                text("user_code"),
                text("verification_uri"),
            ) else {
                return Err(OAuthError::Provider(format!(
                    "{provider}'s device endpoint answered without a device code"
                )));
            };
            Ok(DeviceGrant {
                device_code,
                user_code,
                polls_with_user_code: false,
                verifier: Some(verifier),
                verification_uri,
                verification_uri_complete: text("verification_uri_complete"),
                interval: number(answer.get("interval")).unwrap_or(5).max(1),
                expires_in: Some(number(answer.get("expires_in")).unwrap_or(600)),
            })
        })
    }

    fn poll<'a>(
        &'a self,
        http: &'a reqwest::Client,
        client: &'a OAuthClient,
        code: DeviceCode<'a>,
    ) -> BoxFuture<'a, Result<TokenSet, TokenError>> {
        Box::pin(async move {
            let fields = vec![
                ("grant_type", DEVICE_GRANT),
                ("client_id", client.client_id.as_str()),
                ("device_code", code.device_code.unwrap_or_default()),
                ("code_verifier", code.verifier.unwrap_or_default()),
            ];
            token::request(http, &client.token_url, Body::Form(fields)).await
        })
    }
}

/// POSTs to a device endpoint and reads its JSON answer.
pub async fn json_call(
    http: &reqwest::Client,
    url: &str,
    body: Body<'_>,
    provider: Provider,
) -> Result<Value, OAuthError> {
    let response = token::send(http, url, body)
        .await
        .map_err(|e| OAuthError::Unavailable(format!("{provider}: {e}")))?;
    let status = response.status();
    let bytes = response
        .bytes()
        .await
        .map_err(|_| OAuthError::Unavailable(format!("{provider}'s device endpoint broke off")))?;
    if !status.is_success() {
        let (code, description) = token::error_fields(&bytes);
        return Err(OAuthError::Provider(format!(
            "{provider}'s device endpoint answered {}: {code} {description}",
            status.as_u16()
        )));
    }
    serde_json::from_slice(&bytes).map_err(|_| {
        OAuthError::Provider(format!("{provider}'s device endpoint sent invalid JSON"))
    })
}

/// A number sent as a number or a string.
pub fn number(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn device_intervals_read_numbers_and_strings() {
        assert_eq!(number(Some(&json!(5))), Some(5));
        assert_eq!(number(Some(&json!("7"))), Some(7));
        assert_eq!(number(None), None);
    }
}
