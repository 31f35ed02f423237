//! The subscription side of a spoke: everything particular about signing in to a provider's
//! subscription — its OAuth client, which flows it offers, who signed in, the credential file
//! its CLI writes, and what a refresh or a stored connection needs. The OAuth hub
//! (`crate::oauth`) asks `subscription(provider)` and carries no provider arms.

use entities::Provider;
use entities::provider_accounts::Credentials;
use futures::future::BoxFuture;
use serde_json::Value;

use crate::oauth::device::DeviceFlow;
use crate::oauth::identity::Identity;
use crate::oauth::import::Imported;
use crate::oauth::token::TokenSet;
use crate::oauth::{Connections, OAuthClient, OAuthConfig, OAuthError};

/// The spokes with a subscription, named where configuration takes their clients' defaults.
pub use super::anthropic::Anthropic;
pub use super::code_assist::CodeAssist;
pub use super::codex::Codex;
pub use super::qwen::QwenCode;

/// How a sign-in is carried out.
#[derive(Clone, Copy)]
pub enum Flow {
    /// Authorization code + PKCE with paste-back.
    Browser,
    /// A device sign-in, in the provider's variant.
    Device(&'static dyn DeviceFlow),
}

pub trait Subscription: Send + Sync {
    /// What the user knows the subscription as ("Claude", "ChatGPT"), for emails.
    fn product(&self) -> &'static str;

    /// The public CLI's client: the defaults of this provider's `oauth.<provider>` section.
    fn default_client(&self) -> OAuthClient;

    /// This provider's section of the OAuth configuration.
    fn client<'a>(&self, config: &'a OAuthConfig) -> &'a OAuthClient;

    /// The flow for a sign-in, `device` when the user asked for a device sign-in; `None` when
    /// the provider has no device sign-in.
    fn flow(&self, device: bool) -> Option<Flow> {
        (!device).then_some(Flow::Browser)
    }

    /// The code exchange repeats the `state` (Claude).
    fn exchange_sends_state(&self) -> bool {
        false
    }

    /// Who signed in, and what the account needs besides its tokens.
    fn identify<'a>(
        &'a self,
        _hub: &'a Connections,
        _client: &'a OAuthClient,
        _tokens: &'a TokenSet,
    ) -> BoxFuture<'a, Result<Identity, OAuthError>> {
        Box::pin(async { Ok(Identity::default()) })
    }

    /// The credential file its CLI writes, as the user is told when another file is given.
    fn credentials_file(&self) -> &'static str;

    /// Reads that file (already parsed as JSON).
    fn read_credentials_file(&self, file: &Value) -> Result<Imported, OAuthError>;

    /// Completes imported credentials before they are stored (a profile, a project).
    fn complete_import<'a>(
        &'a self,
        _hub: &'a Connections,
        _credentials: &'a mut Credentials,
        _identity: &'a mut Identity,
    ) -> BoxFuture<'a, Result<(), OAuthError>> {
        Box::pin(async { Ok(()) })
    }

    /// What a refreshed token set adds to the stored credentials beyond the tokens.
    fn after_refresh(&self, _credentials: &mut Credentials, _tokens: &TokenSet) {}

    /// Refuses credentials that could never be used, before they are stored.
    fn check_credentials(
        &self,
        _hub: &Connections,
        _credentials: &Credentials,
    ) -> Result<(), OAuthError> {
        Ok(())
    }
}

/// The subscription sign-in of `provider`; `None` when it has none (API keys only).
pub fn subscription(provider: Provider) -> Option<&'static dyn Subscription> {
    Some(match provider {
        Provider::Anthropic => &Anthropic,
        Provider::OpenAi => &Codex,
        Provider::Gemini => &CodeAssist,
        Provider::Qwen => &QwenCode,
        Provider::OpenAiCompatible => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_subscription_reads_its_own_section_and_offers_its_flows() {
        let config = OAuthConfig::default();
        for provider in [
            Provider::Anthropic,
            Provider::OpenAi,
            Provider::Gemini,
            Provider::Qwen,
        ] {
            let sub = subscription(provider).unwrap();
            assert_eq!(
                sub.client(&config).token_url,
                sub.default_client().token_url,
                "{provider}"
            );
        }
        assert!(subscription(Provider::OpenAiCompatible).is_none());
        let device = |provider, asked| match subscription(provider).unwrap().flow(asked) {
            Some(Flow::Device(flow)) => Some(flow.kind()),
            Some(Flow::Browser) => Some("browser"),
            None => None,
        };
        assert_eq!(device(Provider::Qwen, false), Some("device"));
        assert_eq!(device(Provider::OpenAi, true), Some("codex_device"));
        assert_eq!(device(Provider::OpenAi, false), Some("browser"));
        assert_eq!(device(Provider::Anthropic, true), None);
        assert_eq!(device(Provider::Gemini, false), Some("browser"));
    }
}
