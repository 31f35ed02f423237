//! The sign-in flows. Authorization code + PKCE: `start` makes the authorize URL and keeps the
//! verifier and state sealed server-side; `complete` takes what the user pasted back. Device
//! flows: `start` asks for a user code; `poll` is one polling step (the caller waits the
//! returned interval between steps).

use entities::Provider;
use entities::oauth_flows::{self, NewFlow};
use entities::provider_accounts;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use url::Url;
use uuid::Uuid;

use super::config::OAuthClient;
use super::identity::{self, Identity};
use super::token::{self, Body, TokenError, TokenSet};
use super::{Connections, OAuthError, pkce};

const CODE: &str = "code";
const DEVICE: &str = "device";
const CODEX_DEVICE: &str = "codex_device";
const DEVICE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Started {
    /// Open `authorize_url`, sign in, then paste the final address back.
    Browser {
        flow_id: Uuid,
        authorize_url: String,
    },
    /// Open `verification_uri` and enter `user_code`; poll every `interval_secs`.
    Device {
        flow_id: Uuid,
        user_code: String,
        verification_uri: String,
        verification_uri_complete: Option<String>,
        interval_secs: u64,
        expires_in_secs: u64,
    },
}

#[derive(Debug)]
pub enum DevicePoll {
    Pending { interval_secs: u64 },
    Connected(Box<provider_accounts::Model>),
}

/// What the second half of a flow needs; sealed in the flow's row.
#[derive(Serialize, Deserialize, Default)]
struct Payload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    verifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    device_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    user_code: Option<String>,
    #[serde(default)]
    interval: u64,
}

impl Connections {
    pub(super) fn client(&self, provider: Provider) -> Result<&OAuthClient, OAuthError> {
        let client = self.config.client(provider).ok_or_else(|| {
            OAuthError::Unsupported(format!(
                "{provider} has no subscription sign-in; connect it with an API key"
            ))
        })?;
        if client.client_id.is_empty() {
            return Err(OAuthError::NotConfigured(format!(
                "oauth.{provider}.client_id"
            )));
        }
        Ok(client)
    }

    pub async fn start(
        &self,
        user_id: Uuid,
        provider: Provider,
        device: bool,
        label: Option<String>,
    ) -> Result<Started, OAuthError> {
        let client = self.client(provider)?;
        match (provider, device) {
            (Provider::Qwen, _) => self.start_device(user_id, provider, client, label).await,
            (Provider::OpenAi, true) => self.start_codex_device(user_id, client, label).await,
            (_, true) => Err(OAuthError::Unsupported(format!(
                "{provider} has no device sign-in; use the browser sign-in"
            ))),
            (_, false) => self.start_browser(user_id, provider, client, label).await,
        }
    }

    async fn remember(
        &self,
        user_id: Uuid,
        provider: Provider,
        flow: &'static str,
        label: Option<String>,
        payload: &Payload,
    ) -> Result<Uuid, OAuthError> {
        let bytes = serde_json::to_vec(payload).map_err(|_| OAuthError::Internal("payload"))?;
        let ttl = chrono::Duration::from_std(self.config.flow_ttl())
            .map_err(|_| OAuthError::Internal("flow ttl"))?;
        let row = oauth_flows::create(
            &self.db,
            &self.sealer,
            NewFlow {
                user_id,
                provider,
                flow,
                label,
                payload: &bytes,
                ttl,
            },
        )
        .await?;
        Ok(row.id)
    }

    async fn recall(
        &self,
        user_id: Uuid,
        flow_id: Uuid,
    ) -> Result<(oauth_flows::Model, Provider, Payload), OAuthError> {
        let (row, bytes) = oauth_flows::open(&self.db, &self.sealer, user_id, flow_id)
            .await
            .map_err(|e| match e {
                entities::RepoError::NotFound(_) => OAuthError::FlowNotFound,
                other => OAuthError::Repo(other),
            })?;
        let provider: Provider = row
            .provider
            .parse()
            .map_err(|_| OAuthError::Internal("flow provider"))?;
        let payload = serde_json::from_slice(&bytes).map_err(|_| OAuthError::FlowNotFound)?;
        Ok((row, provider, payload))
    }

    async fn start_browser(
        &self,
        user_id: Uuid,
        provider: Provider,
        client: &OAuthClient,
        label: Option<String>,
    ) -> Result<Started, OAuthError> {
        let (Some(authorize), Some(redirect)) = (&client.authorize_url, &client.redirect_uri)
        else {
            return Err(OAuthError::Unsupported(format!(
                "{provider} has no browser sign-in; use the device sign-in"
            )));
        };
        let state = pkce::state()?;
        let verifier = pkce::verifier()?;
        let mut url = Url::parse(authorize)
            .map_err(|_| OAuthError::NotConfigured(format!("oauth.{provider}.authorize_url")))?;
        {
            let mut query = url.query_pairs_mut();
            for (k, v) in &client.authorize_params {
                query.append_pair(k, v);
            }
            query
                .append_pair("client_id", &client.client_id)
                .append_pair("response_type", "code")
                .append_pair("redirect_uri", redirect)
                .append_pair("scope", &client.scopes.join(" "))
                .append_pair("code_challenge", &pkce::challenge(&verifier))
                .append_pair("code_challenge_method", "S256")
                .append_pair("state", &state);
        }
        let payload = Payload {
            state: Some(state),
            verifier: Some(verifier),
            ..Default::default()
        };
        let flow_id = self
            .remember(user_id, provider, CODE, label, &payload)
            .await?;
        Ok(Started::Browser {
            flow_id,
            authorize_url: url.into(),
        })
    }

    /// Exchanges what the user pasted: the final redirect address, its query, or `code#state`.
    pub async fn complete(
        &self,
        user_id: Uuid,
        flow_id: Uuid,
        pasted: &str,
    ) -> Result<provider_accounts::Model, OAuthError> {
        let (row, provider, payload) = self.recall(user_id, flow_id).await?;
        if row.flow != CODE {
            return Err(OAuthError::Unsupported(
                "this sign-in is a device sign-in: poll it instead".to_owned(),
            ));
        }
        let client = self.client(provider)?;
        let (code, state) = parse_paste(pasted)?;
        let expected = payload.state.as_deref().unwrap_or_default();
        if !constant_time_eq(state.as_bytes(), expected.as_bytes()) {
            return Err(OAuthError::StateMismatch);
        }
        let verifier = payload.verifier.unwrap_or_default();
        let redirect = client.redirect_uri.clone().unwrap_or_default();
        let mut fields = vec![
            ("grant_type", "authorization_code"),
            ("code", code.as_str()),
            ("redirect_uri", redirect.as_str()),
            ("client_id", client.client_id.as_str()),
            ("code_verifier", verifier.as_str()),
        ];
        if provider == Provider::Anthropic {
            fields.push(("state", state.as_str()));
        }
        if let Some(secret) = &client.client_secret {
            fields.push(("client_secret", secret.as_str()));
        }
        let tokens = token::request(
            &self.http,
            &client.token_url,
            Body::for_client(client, fields),
        )
        .await
        .map_err(|e| exchange_error(provider, e))?;
        // The code is spent: the flow cannot be completed twice.
        oauth_flows::delete(&self.db, flow_id).await?;
        let identity = self.identify(provider, client, &tokens).await?;
        self.save(user_id, provider, &tokens, identity, row.label)
            .await
    }

    async fn identify(
        &self,
        provider: Provider,
        client: &OAuthClient,
        tokens: &TokenSet,
    ) -> Result<Identity, OAuthError> {
        Ok(match provider {
            Provider::Anthropic => {
                identity::claude(&self.http, client.profile_url.as_deref(), tokens).await
            }
            Provider::OpenAi => {
                let id_token = tokens.id_token.as_deref().ok_or_else(|| {
                    OAuthError::Provider("OpenAI returned no id_token".to_owned())
                })?;
                identity::codex(id_token)?
            }
            Provider::Gemini => {
                let email = identity::google_email(
                    &self.http,
                    client.profile_url.as_deref(),
                    &tokens.access_token,
                )
                .await;
                let (project, tier) = identity::code_assist_project(
                    &self.http,
                    &self.code_assist_base,
                    &tokens.access_token,
                    std::time::Duration::from_millis(self.config.onboard_poll_ms),
                    self.config.onboard_max_polls,
                )
                .await?;
                Identity {
                    email,
                    plan_type: tier,
                    project_id: Some(project),
                    account_id: None,
                }
            }
            Provider::Qwen | Provider::OpenAiCompatible => Identity::default(),
        })
    }

    async fn start_device(
        &self,
        user_id: Uuid,
        provider: Provider,
        client: &OAuthClient,
        label: Option<String>,
    ) -> Result<Started, OAuthError> {
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
        let answer = json_call(&self.http, url, Body::Form(fields), provider).await?;
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
        let interval = number(answer.get("interval")).unwrap_or(5).max(1);
        let expires_in = number(answer.get("expires_in")).unwrap_or(600);
        let payload = Payload {
            verifier: Some(verifier),
            device_code: Some(device_code),
            interval,
            ..Default::default()
        };
        let flow_id = self
            .remember(user_id, provider, DEVICE, label, &payload)
            .await?;
        Ok(Started::Device {
            flow_id,
            user_code,
            verification_uri,
            verification_uri_complete: text("verification_uri_complete"),
            interval_secs: interval,
            expires_in_secs: expires_in.min(self.config.flow_ttl().as_secs()),
        })
    }

    async fn start_codex_device(
        &self,
        user_id: Uuid,
        client: &OAuthClient,
        label: Option<String>,
    ) -> Result<Started, OAuthError> {
        let provider = Provider::OpenAi;
        let (Some(url), Some(verify)) = (&client.device_code_url, &client.device_verify_url) else {
            return Err(OAuthError::NotConfigured(
                "oauth.openai.device_code_url".to_owned(),
            ));
        };
        let body = Body::Json(json!({ "client_id": client.client_id }));
        let answer = json_call(&self.http, url, body, provider).await?;
        let text = |k: &str| answer.get(k).and_then(Value::as_str).map(str::to_owned);
        let (Some(device_auth_id), Some(user_code)) = (
            text("device_auth_id"),
            text("user_code").or_else(|| text("usercode")),
        ) else {
            return Err(OAuthError::Provider(
                "OpenAI's device endpoint answered without a user code".to_owned(),
            ));
        };
        let interval = number(answer.get("interval")).unwrap_or(5).max(1);
        let payload = Payload {
            device_code: Some(device_auth_id),
            user_code: Some(user_code.clone()),
            interval,
            ..Default::default()
        };
        let flow_id = self
            .remember(user_id, provider, CODEX_DEVICE, label, &payload)
            .await?;
        Ok(Started::Device {
            flow_id,
            user_code,
            verification_uri: verify.clone(),
            verification_uri_complete: None,
            interval_secs: interval,
            expires_in_secs: self.config.flow_ttl().as_secs(),
        })
    }

    /// One polling step of a device sign-in.
    pub async fn poll(&self, user_id: Uuid, flow_id: Uuid) -> Result<DevicePoll, OAuthError> {
        let (row, provider, mut payload) = self.recall(user_id, flow_id).await?;
        let client = self.client(provider)?;
        let polled = match row.flow.as_str() {
            DEVICE => self.poll_device(client, &payload).await,
            CODEX_DEVICE => self.poll_codex(client, &payload).await,
            _ => {
                return Err(OAuthError::Unsupported(
                    "this sign-in is a browser sign-in: paste the address back instead".to_owned(),
                ));
            }
        };
        match polled {
            Ok(tokens) => {
                oauth_flows::delete(&self.db, flow_id).await?;
                let identity = self.identify(provider, client, &tokens).await?;
                let account = self
                    .save(user_id, provider, &tokens, identity, row.label)
                    .await?;
                Ok(DevicePoll::Connected(Box::new(account)))
            }
            Err(TokenError::Pending) => Ok(DevicePoll::Pending {
                interval_secs: payload.interval,
            }),
            Err(TokenError::SlowDown) => {
                payload.interval += self.config.slow_down_step_secs;
                let bytes =
                    serde_json::to_vec(&payload).map_err(|_| OAuthError::Internal("payload"))?;
                oauth_flows::update_payload(&self.db, &self.sealer, flow_id, &bytes).await?;
                Ok(DevicePoll::Pending {
                    interval_secs: payload.interval,
                })
            }
            Err(TokenError::Transient { .. }) => Ok(DevicePoll::Pending {
                interval_secs: payload.interval,
            }),
            Err(TokenError::Denied) => {
                oauth_flows::delete(&self.db, flow_id).await?;
                Err(OAuthError::Denied)
            }
            Err(TokenError::DeviceExpired) => {
                oauth_flows::delete(&self.db, flow_id).await?;
                Err(OAuthError::DeviceExpired)
            }
            Err(TokenError::Rejected(reason)) => {
                oauth_flows::delete(&self.db, flow_id).await?;
                Err(OAuthError::Provider(format!(
                    "{provider} refused the sign-in: {reason}"
                )))
            }
        }
    }

    async fn poll_device(
        &self,
        client: &OAuthClient,
        payload: &Payload,
    ) -> Result<TokenSet, TokenError> {
        let device_code = payload.device_code.as_deref().unwrap_or_default();
        let verifier = payload.verifier.as_deref().unwrap_or_default();
        let fields = vec![
            ("grant_type", DEVICE_GRANT),
            ("client_id", client.client_id.as_str()),
            ("device_code", device_code),
            ("code_verifier", verifier),
        ];
        token::request(&self.http, &client.token_url, Body::Form(fields)).await
    }

    /// Codex's device variant: approval yields an authorization code and its verifier, then
    /// a normal code exchange.
    async fn poll_codex(
        &self,
        client: &OAuthClient,
        payload: &Payload,
    ) -> Result<TokenSet, TokenError> {
        let url = client.device_token_url.as_deref().unwrap_or_default();
        let body = Body::Json(json!({
            "device_auth_id": payload.device_code,
            "user_code": payload.user_code,
        }));
        let response = token::send(&self.http, url, body).await?;
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
        token::request(&self.http, &client.token_url, Body::Form(fields)).await
    }
}

fn exchange_error(provider: Provider, e: TokenError) -> OAuthError {
    match e {
        TokenError::Transient { reason, .. } => OAuthError::Unavailable(format!(
            "{provider} could not complete the sign-in now ({reason}); try again"
        )),
        TokenError::Denied => OAuthError::Denied,
        other => OAuthError::Provider(format!("{provider} refused the sign-in: {other}")),
    }
}

async fn json_call(
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

fn number(value: Option<&Value>) -> Option<u64> {
    match value? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// `(code, state)` from a pasted redirect address, its query string, or Claude's `code#state`.
fn parse_paste(pasted: &str) -> Result<(String, String), OAuthError> {
    let pasted = pasted.trim();
    if pasted.is_empty() {
        return Err(OAuthError::BadPaste("nothing was pasted".to_owned()));
    }
    let query = if let Ok(url) = Url::parse(pasted) {
        url.query().map(str::to_owned).unwrap_or_default()
    } else if pasted.contains("code=") {
        pasted.trim_start_matches('?').to_owned()
    } else if let Some((code, state)) = pasted.split_once('#') {
        return Ok((code.to_owned(), state.to_owned()));
    } else {
        return Err(OAuthError::BadPaste(
            "paste the whole address of the page the sign-in ended on (it contains code= and state=), or the code#state the provider showed".to_owned(),
        ));
    };
    let mut code = None;
    let mut state = None;
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "code" => code = Some(v.into_owned()),
            "state" => state = Some(v.into_owned()),
            "error" if v == "access_denied" => return Err(OAuthError::Denied),
            "error" => {
                return Err(OAuthError::Provider(format!(
                    "the provider ended the sign-in with `{v}`"
                )));
            }
            _ => {}
        }
    }
    match (code, state) {
        (Some(code), Some(state)) if !code.is_empty() => Ok((code, state)),
        (Some(_), _) => Err(OAuthError::BadPaste(
            "the pasted address has no state; paste the whole address".to_owned(),
        )),
        _ => Err(OAuthError::BadPaste(
            "the pasted address has no code; paste the address of the page the sign-in ended on"
                .to_owned(),
        )),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len()
        && !a.is_empty()
        && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_addresses_and_codes_are_read() {
        let (c, s) = parse_paste("http://localhost:1455/auth/callback?code=abc&state=xyz").unwrap();
        assert_eq!((c.as_str(), s.as_str()), ("abc", "xyz"));
        let (c, s) = parse_paste("  code=abc&state=xyz ").unwrap();
        assert_eq!((c.as_str(), s.as_str()), ("abc", "xyz"));
        let (c, s) = parse_paste("abc#xyz").unwrap();
        assert_eq!((c.as_str(), s.as_str()), ("abc", "xyz"));
        assert!(matches!(
            parse_paste("http://localhost:54545/callback?error=access_denied&state=x"),
            Err(OAuthError::Denied)
        ));
        assert!(matches!(
            parse_paste("justacode"),
            Err(OAuthError::BadPaste(_))
        ));
        assert!(matches!(
            parse_paste("http://localhost/cb?code=abc"),
            Err(OAuthError::BadPaste(_))
        ));
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"", b""));
    }

    #[test]
    fn device_intervals_read_numbers_and_strings() {
        assert_eq!(number(Some(&json!(5))), Some(5));
        assert_eq!(number(Some(&json!("7"))), Some(7));
        assert_eq!(number(None), None);
    }
}
