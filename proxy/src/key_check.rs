//! The check made when an API-key connection is added: one cheap, free upstream call (list
//! models), so a wrong key is reported at once rather than on the first proxied request.

use entities::{AccountKind, Provider};
use serde_json::Value;

use crate::providers::{ModelsCall, SpokeSettings};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyCheckError {
    #[error("{provider} rejected the API key ({status}){detail}")]
    Rejected {
        provider: Provider,
        status: u16,
        detail: String,
    },
    #[error("could not check the key: {0}")]
    Unreachable(String),
}

/// Lists models with `key` at `base_url` (the account's API base).
pub async fn check_api_key(
    http: &reqwest::Client,
    provider: Provider,
    base_url: &str,
    key: &str,
) -> Result<(), KeyCheckError> {
    let spoke = crate::providers::key_spoke(provider, base_url)
        .ok_or_else(|| KeyCheckError::Unreachable(format!("{provider} takes no API keys")))?;
    let settings = SpokeSettings::default();
    let call = ModelsCall {
        base_url,
        secret: key,
        kind: AccountKind::ApiKey,
        chatgpt_account_id: None,
        project_id: None,
        settings: &settings,
    };
    let request = spoke.models_request(http, &call);
    let response = request.send().await.map_err(|e| {
        KeyCheckError::Unreachable(if e.is_timeout() {
            format!("{provider} did not answer in time")
        } else {
            format!("{provider} could not be reached at {base_url}")
        })
    })?;
    let status = response.status().as_u16();
    match status {
        200..=299 => Ok(()),
        // Some OpenAI-compatible servers have no model list; the key was not refused.
        404 | 405 if spoke.models_list_optional() => Ok(()),
        400 | 401 | 403 => {
            let body = response.bytes().await.unwrap_or_default();
            Err(KeyCheckError::Rejected {
                provider,
                status,
                // Providers may echo the key back: it never reaches a message.
                detail: message_of(&body)
                    .map(|m| format!(": {}", m.replace(key, "[redacted]")))
                    .unwrap_or_default(),
            })
        }
        _ => Err(KeyCheckError::Unreachable(format!(
            "{provider} answered {status} to the check"
        ))),
    }
}

/// The human message of an error body in any of the providers' shapes.
pub(crate) fn message_of(body: &[u8]) -> Option<String> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let message = value
        .pointer("/error/message")
        .or_else(|| value.get("message"))
        .and_then(Value::as_str)?;
    Some(message.chars().take(200).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_are_read_from_each_shape() {
        assert_eq!(
            message_of(br#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}"#).as_deref(),
            Some("Incorrect API key provided")
        );
        assert_eq!(
            message_of(br#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#).as_deref(),
            Some("invalid x-api-key")
        );
        assert_eq!(message_of(b"<html>"), None);
    }
}
