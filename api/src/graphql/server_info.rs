//! What the web app needs to know about this server before anyone signs in.

use async_graphql::{Context, Object, SimpleObject};

use super::context::deps;

/// Public facts about this Satu server.
#[derive(SimpleObject)]
pub struct ServerInfo {
    /// Where users reach Satu (`api.public_url`): the base of every snippet and link.
    public_url: String,
    /// Whether "Sign in with Google" is configured.
    google_sign_in: bool,
    /// Rupiah per US dollar (`api.idr_per_usd`): costs and budgets are shown in both.
    idr_per_usd: f64,
}

#[derive(Default)]
pub struct ServerInfoQuery;

#[Object]
impl ServerInfoQuery {
    /// Public: the sign-in page and the snippets read it.
    async fn server_info(&self, ctx: &Context<'_>) -> ServerInfo {
        let config = &deps(ctx).config;
        let google = &config.google;
        ServerInfo {
            public_url: config.public_url.trim_end_matches('/').to_owned(),
            google_sign_in: google.client_id.is_some() && google.client_secret.is_some(),
            idr_per_usd: config.idr_per_usd,
        }
    }
}
