//! Codex's device sign-in: a user code from its own endpoint, then polling until approval
//! yields an authorization code and its verifier, exchanged as a normal code.

use entities::Provider;
use futures::future::BoxFuture;
use serde_json::{Value, json};

use crate::oauth::OAuthClient;
use crate::oauth::OAuthError;
use crate::oauth::device::{DeviceCode, DeviceFlow, DeviceGrant, json_call, number};
use crate::oauth::token::{self, Body, TokenError, TokenSet};

pub struct CodexDevice;

impl DeviceFlow for CodexDevice {
    fn kind(&self) -> &'static str {
        "codex_device"
    }

    fn start<'a>(
        &'a self,
        http: &'a reqwest::Client,
        provider: Provider,
        client: &'a OAuthClient,
    ) -> BoxFuture<'a, Result<DeviceGrant, OAuthError>> {
        Box::pin(async move {
            let (Some(url), Some(verify)) = (&client.device_code_url, &client.device_verify_url)
            else {
                return Err(OAuthError::NotConfigured(
                    "oauth.openai.device_code_url".to_owned(),
                ));
            };
            let body = Body::Json(json!({ "client_id": client.client_id }));
            let answer = json_call(http, url, body, provider).await?;
            let text = |k: &str| answer.get(k).and_then(Value::as_str).map(str::to_owned);
            let (Some(device_auth_id), Some(user_code)) = (
                text("device_auth_id"),
                text("user_code").or_else(|| text("usercode")),
            ) else {
                return Err(OAuthError::Provider(
                    "OpenAI's device endpoint answered without a user code".to_owned(),
                ));
            };
            Ok(DeviceGrant {
                device_code: device_auth_id,
                user_code,
                polls_with_user_code: true,
                verifier: None,
                verification_uri: verify.clone(),
                verification_uri_complete: None,
                interval: number(answer.get("interval")).unwrap_or(5).max(1),
                expires_in: None,
            })
        })
    }

    fn poll<'a>(
        &'a self,
        http: &'a reqwest::Client,
        client: &'a OAuthClient,
        code: DeviceCode<'a>,
    ) -> BoxFuture<'a, Result<TokenSet, TokenError>> {
        Box::pin(poll(http, client, code))
    }
}

async fn poll(
    http: &reqwest::Client,
    client: &OAuthClient,
    code: DeviceCode<'_>,
) -> Result<TokenSet, TokenError> {
    let url = client.device_token_url.as_deref().unwrap_or_default();
    let body = Body::Json(json!({
        "device_auth_id": code.device_code,
        "user_code": code.user_code,
    }));
    let response = token::send(http, url, body).await?;
    let status = response.status().as_u16();
    if matches!(status, 403 | 404) {
        return Err(TokenError::Pending);
    }
    let retry_after = token::retry_after(response.headers());
    let bytes = response.bytes().await.map_err(|_| TokenError::Transient {
        reason: "the device endpoint broke off".to_owned(),
        retry_after: None,
    })?;
    if status == 429 || status >= 500 {
        return Err(TokenError::Transient {
            reason: format!("the device endpoint answered {status}"),
            retry_after,
        });
    }
    if !(200..300).contains(&status) {
        let (code, _) = token::error_fields(&bytes);
        return Err(match code.as_str() {
            "access_denied" => TokenError::Denied,
            "expired_token" => TokenError::DeviceExpired,
            _ => TokenError::Rejected(format!("device endpoint answered {status} {code}")),
        });
    }
    let answer: Value = serde_json::from_slice(&bytes).unwrap_or_default();
    let text = |k: &str| answer.get(k).and_then(Value::as_str).unwrap_or_default();
    let (code, verifier) = (text("authorization_code"), text("code_verifier"));
    if code.is_empty() {
        return Err(TokenError::Rejected(
            "the device endpoint answered without an authorization code".to_owned(),
        ));
    }
    let redirect = client.device_redirect_uri.as_deref().unwrap_or_default();
    let fields = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect),
        ("client_id", client.client_id.as_str()),
        ("code_verifier", verifier),
    ];
    token::request(http, &client.token_url, Body::Form(fields)).await
}
