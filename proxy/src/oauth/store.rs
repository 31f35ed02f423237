//! Turns what a sign-in or import yielded into a stored connection.

use chrono::Utc;
use entities::Provider;
use entities::provider_accounts::{self, Credentials, NewOAuthAccount};

use super::identity::Identity;
use super::token::TokenSet;
use super::{Connections, OAuthError, Owner};
use crate::providers::subscription;

impl Connections {
    pub(super) async fn save(
        &self,
        owner: Owner,
        provider: Provider,
        tokens: &TokenSet,
        identity: Identity,
        label: Option<String>,
    ) -> Result<provider_accounts::Model, OAuthError> {
        let credentials = Credentials {
            access_token: Some(tokens.access_token.clone()),
            refresh_token: tokens.refresh_token.clone().filter(|t| !t.is_empty()),
            expires_at: tokens.expires_at(Utc::now().timestamp()),
            account_id: identity.account_id.clone(),
            project_id: identity.project_id.clone(),
            resource_url: tokens.resource_url.clone(),
            api_key: None,
        };
        self.save_credentials(owner, provider, credentials, identity, label)
            .await
    }

    pub(super) async fn save_credentials(
        &self,
        owner: Owner,
        provider: Provider,
        credentials: Credentials,
        identity: Identity,
        label: Option<String>,
    ) -> Result<provider_accounts::Model, OAuthError> {
        // Refused now, with the reason, rather than stored and never usable.
        if let Some(sub) = subscription(provider) {
            sub.check_credentials(self, &credentials)?;
        }
        let label = label
            .filter(|l| !l.trim().is_empty())
            .or_else(|| identity.email.clone())
            .unwrap_or_else(|| format!("{provider} subscription"));
        let account = provider_accounts::connect_oauth(
            &self.db,
            &self.sealer,
            NewOAuthAccount {
                user_id: owner.user_id,
                team_id: owner.team_id,
                provider,
                credentials,
                label: &label,
                base_url: None,
                identity_email: identity.email,
                plan_type: identity.plan_type,
            },
        )
        .await?;
        tracing::info!(account_id = %account.id, %provider, "provider connection stored");
        Ok(account)
    }
}
