//! The sign-in flows. Authorization code + PKCE: `start` makes the authorize URL and keeps the
//! verifier and state sealed server-side; `complete` takes what the user pasted back. Device
//! flows: `start` asks for a user code; `poll` is one polling step (the caller waits the
//! returned interval between steps).

use entities::Provider;
use entities::oauth_flows::{self, NewFlow};
use entities::provider_accounts;
use serde::{Deserialize, Serialize};
use url::Url;
use uuid::Uuid;

use super::config::OAuthClient;
use super::device::{DeviceCode, DeviceFlow};
use super::identity::Identity;
use super::token::{self, Body, TokenError, TokenSet};
use super::{Connections, OAuthError, Owner, pkce};
use crate::providers::{Flow, subscription};

const CODE: &str = "code";

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
        owner: Owner,
        provider: Provider,
        device: bool,
        label: Option<String>,
    ) -> Result<Started, OAuthError> {
        let client = self.client(provider)?;
        match subscription(provider).and_then(|s| s.flow(device)) {
            Some(Flow::Browser) => self.start_browser(owner, provider, client, label).await,
            Some(Flow::Device(flow)) => {
                self.start_device(owner, provider, client, flow, label)
                    .await
            }
            None => Err(OAuthError::Unsupported(format!(
                "{provider} has no device sign-in; use the browser sign-in"
            ))),
        }
    }

    async fn remember(
        &self,
        owner: Owner,
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
                user_id: owner.user_id,
                team_id: owner.team_id,
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
        owner: Owner,
        flow_id: Uuid,
    ) -> Result<(oauth_flows::Model, Provider, Payload), OAuthError> {
        let (row, bytes) = oauth_flows::open(&self.db, &self.sealer, owner.user_id, flow_id)
            .await
            .map_err(|e| match e {
                entities::RepoError::NotFound(_) => OAuthError::FlowNotFound,
                other => OAuthError::Repo(other),
            })?;
        // A sign-in started for a team finishes in that team, and a personal one outside it.
        if row.team_id != owner.team_id {
            return Err(OAuthError::FlowNotFound);
        }
        let provider: Provider = row
            .provider
            .parse()
            .map_err(|_| OAuthError::Internal("flow provider"))?;
        let payload = serde_json::from_slice(&bytes).map_err(|_| OAuthError::FlowNotFound)?;
        Ok((row, provider, payload))
    }

    async fn start_browser(
        &self,
        owner: Owner,
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
            .remember(owner, provider, CODE, label, &payload)
            .await?;
        Ok(Started::Browser {
            flow_id,
            authorize_url: url.into(),
        })
    }

    /// Exchanges what the user pasted: the final redirect address, its query, or `code#state`.
    pub async fn complete(
        &self,
        owner: Owner,
        flow_id: Uuid,
        pasted: &str,
    ) -> Result<provider_accounts::Model, OAuthError> {
        let (row, provider, payload) = self.recall(owner, flow_id).await?;
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
        if subscription(provider).is_some_and(|s| s.exchange_sends_state()) {
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
        self.save(owner, provider, &tokens, identity, row.label)
            .await
    }

    async fn identify(
        &self,
        provider: Provider,
        client: &OAuthClient,
        tokens: &TokenSet,
    ) -> Result<Identity, OAuthError> {
        match subscription(provider) {
            Some(sub) => sub.identify(self, client, tokens).await,
            None => Ok(Identity::default()),
        }
    }

    async fn start_device(
        &self,
        owner: Owner,
        provider: Provider,
        client: &OAuthClient,
        flow: &'static dyn DeviceFlow,
        label: Option<String>,
    ) -> Result<Started, OAuthError> {
        let grant = flow.start(&self.http, provider, client).await?;
        let payload = Payload {
            verifier: grant.verifier,
            device_code: Some(grant.device_code),
            user_code: grant.polls_with_user_code.then(|| grant.user_code.clone()),
            interval: grant.interval,
            ..Default::default()
        };
        let flow_id = self
            .remember(owner, provider, flow.kind(), label, &payload)
            .await?;
        let ttl = self.config.flow_ttl().as_secs();
        Ok(Started::Device {
            flow_id,
            user_code: grant.user_code,
            verification_uri: grant.verification_uri,
            verification_uri_complete: grant.verification_uri_complete,
            interval_secs: grant.interval,
            expires_in_secs: grant.expires_in.map_or(ttl, |e| e.min(ttl)),
        })
    }

    /// One polling step of a device sign-in.
    pub async fn poll(&self, owner: Owner, flow_id: Uuid) -> Result<DevicePoll, OAuthError> {
        let (row, provider, mut payload) = self.recall(owner, flow_id).await?;
        let client = self.client(provider)?;
        let device = match subscription(provider).and_then(|s| s.flow(true)) {
            Some(Flow::Device(device)) if device.kind() == row.flow => device,
            _ => {
                return Err(OAuthError::Unsupported(
                    "this sign-in is a browser sign-in: paste the address back instead".to_owned(),
                ));
            }
        };
        let code = DeviceCode {
            device_code: payload.device_code.as_deref(),
            user_code: payload.user_code.as_deref(),
            verifier: payload.verifier.as_deref(),
        };
        let polled = device.poll(&self.http, client, code).await;
        match polled {
            Ok(tokens) => {
                oauth_flows::delete(&self.db, flow_id).await?;
                let identity = self.identify(provider, client, &tokens).await?;
                let account = self
                    .save(owner, provider, &tokens, identity, row.label)
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
}
