//! Model name → the user's accounts that can serve it, in round-robin order.

use std::sync::Arc;

use entities::model_catalog::Model as CatalogModel;

use crate::catalog::CatalogSnapshot;
use crate::dialect::Format;
use crate::directory::{Account, UserAccounts};
use crate::error::ProxyError;

pub struct Target {
    pub account: Arc<Account>,
    /// The model name sent upstream (the account's own spelling when it lists one).
    pub upstream_model: String,
}

pub struct RoutePlan {
    /// The model as recorded in usage: the catalog id when known, else the requested name.
    pub model: String,
    pub catalog: Option<Arc<CatalogModel>>,
    pub targets: Vec<Target>,
}

/// Which accounts can take `requested`.
///
/// An account with a model list serves exactly those names (or their catalog entry); one
/// without serves its provider's catalog models; an `openai-compatible` account without a list
/// serves any name, since Satu cannot know what a custom upstream offers.
pub fn plan(
    accounts: &UserAccounts,
    catalog: &CatalogSnapshot,
    requested: &str,
) -> Result<RoutePlan, ProxyError> {
    let entry = catalog.resolve(requested).cloned();
    let mut targets: Vec<Target> = accounts
        .accounts
        .iter()
        .filter(|a| Format::of_provider(a.provider).is_some())
        .filter_map(|a| target_for(a, entry.as_deref(), requested))
        .collect();
    if targets.is_empty() {
        return Err(not_served(requested, entry.as_deref(), accounts));
    }
    let offset = accounts.next_offset() % targets.len();
    targets.rotate_left(offset);
    Ok(RoutePlan {
        model: entry
            .as_ref()
            .map_or_else(|| requested.to_owned(), |m| m.id.clone()),
        catalog: entry,
        targets,
    })
}

fn target_for(
    account: &Arc<Account>,
    entry: Option<&CatalogModel>,
    requested: &str,
) -> Option<Target> {
    let listed = |name: &str| account.models.iter().any(|m| m == name);
    let upstream_model = if !account.models.is_empty() {
        if listed(requested) {
            requested.to_owned()
        } else {
            entry.filter(|e| listed(&e.id)).map(|e| e.id.clone())?
        }
    } else {
        match entry {
            Some(e) if e.provider == account.provider.as_str() => e.id.clone(),
            Some(_) => return None,
            None if account.provider == entities::Provider::OpenAiCompatible => {
                requested.to_owned()
            }
            None => return None,
        }
    };
    Some(Target {
        account: account.clone(),
        upstream_model,
    })
}

fn not_served(
    requested: &str,
    entry: Option<&CatalogModel>,
    accounts: &UserAccounts,
) -> ProxyError {
    let message = match entry {
        Some(e)
            if accounts
                .accounts
                .iter()
                .any(|a| a.provider.as_str() == e.provider) =>
        {
            format!(
                "The model `{requested}` is served by your {} account, which this endpoint cannot reach yet (it needs format translation).",
                e.provider
            )
        }
        Some(e) => format!(
            "The model `{requested}` needs a connected {} account; you have none that is active.",
            e.provider
        ),
        None => format!("The model `{requested}` does not exist or you do not have access to it."),
    };
    ProxyError::ModelNotFound(message)
}
