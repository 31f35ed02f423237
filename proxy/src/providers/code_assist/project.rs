//! The Code Assist project of a Gemini CLI sign-in, found or provisioned after the sign-in.

use std::time::Duration;

use serde_json::{Value, json};

use crate::oauth::{Connections, OAuthError};

/// The project and tier of the account `access_token` signs in, with the hub's settings.
pub async fn provision(
    hub: &Connections,
    access_token: &str,
) -> Result<(String, Option<String>), OAuthError> {
    code_assist_project(
        &hub.http,
        &hub.providers.code_assist.base_url,
        access_token,
        Duration::from_millis(hub.config.onboard_poll_ms),
        hub.config.onboard_max_polls,
    )
    .await
}

/// The Code Assist project of a Gemini CLI sign-in, provisioned when the user has none:
/// `loadCodeAssist`, then `onboardUser` polled until the operation is done. Returns the
/// project and the tier.
async fn code_assist_project(
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
