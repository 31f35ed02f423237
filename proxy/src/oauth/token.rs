//! Calls to a provider's token endpoint (code exchange, device polling, refresh) and what
//! their answers mean. Error texts carry the provider's error code and description, never a
//! token.

use std::time::Duration;

use reqwest::StatusCode;
use serde::Deserialize;
use serde_json::Value;

use super::config::{BodyEncoding, OAuthClient};

/// Tokens as a token endpoint returns them (with the extras some providers add).
#[derive(Clone, Deserialize)]
pub struct TokenSet {
    pub access_token: String,
    #[serde(default)]
    pub refresh_token: Option<String>,
    #[serde(default, deserialize_with = "lenient_seconds")]
    pub expires_in: Option<i64>,
    #[serde(default)]
    pub id_token: Option<String>,
    /// Qwen: the host that serves this account.
    #[serde(default)]
    pub resource_url: Option<String>,
    /// Claude: who signed in.
    #[serde(default)]
    pub account: Option<ClaudeAccount>,
}

#[derive(Clone, Deserialize)]
pub struct ClaudeAccount {
    #[serde(default)]
    pub email_address: Option<String>,
    #[serde(default)]
    pub uuid: Option<String>,
}

impl TokenSet {
    /// Absolute expiry (unix seconds) of the access token.
    pub fn expires_at(&self, now: i64) -> Option<i64> {
        self.expires_in.map(|s| now + s)
    }
}

/// Providers send numbers as numbers or strings.
fn lenient_seconds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.parse().ok(),
        _ => None,
    })
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum TokenError {
    /// Device flow: the user has not approved yet.
    #[error("authorization pending")]
    Pending,
    /// Device flow: poll less often.
    #[error("slow down")]
    SlowDown,
    #[error("the sign-in was denied")]
    Denied,
    #[error("the device code expired")]
    DeviceExpired,
    /// The grant is refused for good (`invalid_grant`, `refresh_token_reused`, …).
    #[error("{0}")]
    Rejected(String),
    /// Worth trying again later (429, 5xx, network).
    #[error("{reason}")]
    Transient {
        reason: String,
        retry_after: Option<Duration>,
    },
}

pub enum Body<'a> {
    Form(Vec<(&'a str, &'a str)>),
    Json(Value),
}

impl<'a> Body<'a> {
    /// The token request in the encoding this provider's endpoint takes.
    pub fn for_client(client: &OAuthClient, fields: Vec<(&'a str, &'a str)>) -> Self {
        match client.token_body {
            BodyEncoding::Form => Body::Form(fields),
            BodyEncoding::Json => Body::Json(Value::Object(
                fields
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), Value::String(v.to_owned())))
                    .collect(),
            )),
        }
    }
}

/// POSTs `body` to `url` and reads a token set, or classifies the failure.
pub async fn request(
    http: &reqwest::Client,
    url: &str,
    body: Body<'_>,
) -> Result<TokenSet, TokenError> {
    let response = send(http, url, body).await?;
    let status = response.status();
    let retry_after = retry_after(response.headers());
    let bytes = response.bytes().await.map_err(|e| transient(&e))?;
    if status.is_success() {
        return serde_json::from_slice::<TokenSet>(&bytes)
            .ok()
            .filter(|t| !t.access_token.is_empty())
            .ok_or_else(|| TokenError::Transient {
                reason: "the token endpoint answered without an access token".to_owned(),
                retry_after: None,
            });
    }
    Err(classify(status, retry_after, &bytes))
}

pub async fn send(
    http: &reqwest::Client,
    url: &str,
    body: Body<'_>,
) -> Result<reqwest::Response, TokenError> {
    let request = match body {
        Body::Form(fields) => {
            let encoded = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(fields)
                .finish();
            http.post(url)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(encoded)
        }
        Body::Json(value) => http.post(url).json(&value),
    };
    request
        .header("accept", "application/json")
        .send()
        .await
        .map_err(|e| transient(&e))
}

fn transient(e: &reqwest::Error) -> TokenError {
    TokenError::Transient {
        reason: if e.is_timeout() {
            "the token endpoint timed out".to_owned()
        } else {
            "the token endpoint could not be reached".to_owned()
        },
        retry_after: None,
    }
}

pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
}

/// The error code and description of an OAuth error body: standard `{"error": "code",
/// "error_description": …}` or OpenAI's `{"error": {"code"|"type", "message"}}`.
pub fn error_fields(body: &[u8]) -> (String, String) {
    let Ok(value) = serde_json::from_slice::<Value>(body) else {
        return (String::new(), String::new());
    };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    match value.get("error") {
        Some(Value::String(code)) => (code.clone(), text(value.get("error_description"))),
        Some(obj @ Value::Object(_)) => {
            let code = obj
                .get("code")
                .and_then(Value::as_str)
                .or_else(|| obj.get("type").and_then(Value::as_str))
                .unwrap_or_default()
                .to_owned();
            (code, text(obj.get("message")))
        }
        _ => (String::new(), text(value.get("error_description"))),
    }
}

fn classify(status: StatusCode, retry_after: Option<Duration>, body: &[u8]) -> TokenError {
    let (code, description) = error_fields(body);
    match code.as_str() {
        "authorization_pending" => return TokenError::Pending,
        "slow_down" => return TokenError::SlowDown,
        "access_denied" => return TokenError::Denied,
        "expired_token" => return TokenError::DeviceExpired,
        _ => {}
    }
    let detail = describe(status, &code, &description);
    if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
        return TokenError::Transient {
            reason: detail,
            retry_after,
        };
    }
    TokenError::Rejected(detail)
}

fn describe(status: StatusCode, code: &str, description: &str) -> String {
    let description: String = description.chars().take(200).collect();
    match (code.is_empty(), description.is_empty()) {
        (true, _) => format!("token endpoint answered {}", status.as_u16()),
        (false, true) => format!("{code} ({})", status.as_u16()),
        (false, false) => format!("{code}: {description} ({})", status.as_u16()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oauth_errors_are_classified() {
        let rejected = classify(
            StatusCode::BAD_REQUEST,
            None,
            br#"{"error":"invalid_grant","error_description":"Refresh token revoked"}"#,
        );
        assert!(
            matches!(rejected, TokenError::Rejected(ref m) if m == "invalid_grant: Refresh token revoked (400)")
        );
        let reused = classify(
            StatusCode::UNAUTHORIZED,
            None,
            br#"{"error":{"message":"Your refresh token has already been used","type":"invalid_request_error","code":"refresh_token_reused"}}"#,
        );
        assert!(
            matches!(reused, TokenError::Rejected(ref m) if m.starts_with("refresh_token_reused:"))
        );
        assert!(matches!(
            classify(
                StatusCode::BAD_REQUEST,
                None,
                br#"{"error":"authorization_pending"}"#
            ),
            TokenError::Pending
        ));
        assert!(matches!(
            classify(StatusCode::TOO_MANY_REQUESTS, Some(Duration::from_secs(3)), b"{}"),
            TokenError::Transient { retry_after: Some(d), .. } if d.as_secs() == 3
        ));
        assert!(matches!(
            classify(StatusCode::BAD_GATEWAY, None, b"<html>"),
            TokenError::Transient { .. }
        ));
    }

    #[test]
    fn token_sets_read_numbers_and_strings() {
        let t: TokenSet = serde_json::from_str(
            r#"{"access_token":"a","refresh_token":"r","expires_in":"3600","resource_url":"portal.qwen.ai"}"#,
        )
        .unwrap();
        assert_eq!(t.expires_at(100), Some(3700));
        assert_eq!(t.resource_url.as_deref(), Some("portal.qwen.ai"));
    }
}
