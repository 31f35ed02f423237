//! Who signed in, and what the account needs besides its tokens. Each provider finds out its
//! own way (`Subscription::identify`); these are the pieces they share.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

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

/// A JSON answer to a GET, or `None` (identity lookups are best effort).
pub async fn get_json(request: reqwest::RequestBuilder) -> Option<Value> {
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
