//! Who signed in, and what the account needs besides its tokens: Codex's id_token claims,
//! Claude's profile, Google's userinfo and the Gemini CLI's Code Assist project.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::OAuthError;
use super::token::TokenSet;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub email: Option<String>,
    /// ChatGPT account id (Codex backend header).
    pub account_id: Option<String>,
    pub plan_type: Option<String>,
    /// Code Assist project (Gemini CLI).
    pub project_id: Option<String>,
}

/// The claims of a JWT, read without verifying its signature: only ever applied to an
/// id_token received directly from the token endpoint over TLS (OIDC core §3.1.3.7).
pub fn jwt_claims(token: &str) -> Option<Value> {
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Codex: email, ChatGPT account id and plan from the id_token.
pub fn codex(id_token: &str) -> Result<Identity, OAuthError> {
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

/// Claude: the email comes with the token; the plan from the profile (best effort).
pub async fn claude(
    http: &reqwest::Client,
    profile_url: Option<&str>,
    tokens: &TokenSet,
) -> Identity {
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
            .header("anthropic-beta", "oauth-2025-04-20"),
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

/// Google: the email from userinfo (best effort).
pub async fn google_email(
    http: &reqwest::Client,
    userinfo_url: Option<&str>,
    access_token: &str,
) -> Option<String> {
    let info = get_json(http.get(userinfo_url?).bearer_auth(access_token)).await?;
    info.get("email").and_then(Value::as_str).map(str::to_owned)
}

async fn get_json(request: reqwest::RequestBuilder) -> Option<Value> {
    let response = request.send().await.ok()?;
    if !response.status().is_success() {
        tracing::debug!(
            status = response.status().as_u16(),
            "identity lookup failed"
        );
        return None;
    }
    response.json().await.ok()
}

/// The Code Assist project of a Gemini CLI sign-in, provisioned when the user has none:
/// `loadCodeAssist`, then `onboardUser` polled until the operation is done. Returns the
/// project and the tier.
pub async fn code_assist_project(
    http: &reqwest::Client,
    base: &str,
    access_token: &str,
    poll_every: Duration,
    max_polls: u32,
) -> Result<(String, Option<String>), OAuthError> {
    let metadata = json!({
        "ideType": "IDE_UNSPECIFIED",
        "platform": "PLATFORM_UNSPECIFIED",
        "pluginType": "GEMINI",
    });
    let base = base.trim_end_matches('/');
    let loaded = code_assist_call(
        http,
        &format!("{base}:loadCodeAssist"),
        access_token,
        &json!({ "metadata": metadata }),
    )
    .await?;
    let current_tier = loaded
        .pointer("/currentTier/id")
        .and_then(Value::as_str)
        .map(str::to_owned);
    if let Some(project) = project_of(loaded.get("cloudaicompanionProject")) {
        return Ok((project, current_tier));
    }
    let tier = loaded
        .get("allowedTiers")
        .and_then(Value::as_array)
        .and_then(|tiers| {
            tiers
                .iter()
                .find(|t| t.get("isDefault").and_then(Value::as_bool) == Some(true))
        })
        .and_then(|t| t.get("id"))
        .and_then(Value::as_str)
        .unwrap_or("free-tier")
        .to_owned();
    let request = json!({ "tierId": tier, "metadata": metadata });
    let url = format!("{base}:onboardUser");
    for _ in 0..max_polls.max(1) {
        let operation = code_assist_call(http, &url, access_token, &request).await?;
        if operation.get("done").and_then(Value::as_bool) == Some(true) {
            return project_of(operation.pointer("/response/cloudaicompanionProject"))
                .map(|p| (p, Some(tier.clone())))
                .ok_or_else(|| {
                    OAuthError::Provider(
                        "Code Assist finished onboarding without a project".to_owned(),
                    )
                });
        }
        tokio::time::sleep(poll_every).await;
    }
    Err(OAuthError::Unavailable(
        "Code Assist is still setting up this account; try connecting again in a minute".to_owned(),
    ))
}

/// A project is a string id or an object `{id, name}`.
fn project_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(id) if !id.is_empty() => Some(id.clone()),
        Value::Object(obj) => obj.get("id").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    }
}

async fn code_assist_call(
    http: &reqwest::Client,
    url: &str,
    access_token: &str,
    body: &Value,
) -> Result<Value, OAuthError> {
    let response = http
        .post(url)
        .bearer_auth(access_token)
        .json(body)
        .send()
        .await
        .map_err(|_| OAuthError::Unavailable("Code Assist could not be reached".to_owned()))?;
    let status = response.status();
    if !status.is_success() {
        return Err(OAuthError::Provider(format!(
            "Code Assist answered {} while setting up the Gemini CLI project",
            status.as_u16()
        )));
    }
    response
        .json()
        .await
        .map_err(|_| OAuthError::Provider("Code Assist answered with invalid JSON".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let identity = codex(&token).unwrap();
        assert_eq!(identity.email.as_deref(), Some("dewi@example.com"));
        assert_eq!(identity.account_id.as_deref(), Some("acct-1"));
        assert_eq!(identity.plan_type.as_deref(), Some("plus"));
        assert!(codex("not-a-jwt").is_err());
    }
}
