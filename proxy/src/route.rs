//! Model name → an ordered list of (account, model) targets: the user's routing rule for the
//! model (targets and fallbacks) or every account that serves it, ordered by the strategy,
//! with session affinity, and without accounts cooling down for that model.

use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};

use entities::Provider;
use entities::model_catalog::Model as CatalogModel;
use entities::routing_rules::{RoutingConfig, Strategy};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::canonical;
use crate::catalog::CatalogSnapshot;
use crate::cooldown::Cooldowns;
use crate::directory::{Account, UserAccounts};
use crate::error::ProxyError;
use crate::latency::Latencies;

pub struct Target {
    pub account: Arc<Account>,
    /// The model name sent upstream (the account's own spelling when it lists one).
    pub upstream_model: String,
    /// The model as recorded in usage: the catalog id when known.
    pub model: String,
    pub catalog: Option<Arc<CatalogModel>>,
}

impl Target {
    /// The same target through another version of its account (a renewed token).
    pub fn with_account(&self, account: Arc<Account>) -> Target {
        Target {
            account,
            upstream_model: self.upstream_model.clone(),
            model: self.model.clone(),
            catalog: self.catalog.clone(),
        }
    }
}

pub struct RoutePlan {
    pub targets: Vec<Target>,
    /// The requested model was retired and the user follows replacements: what it became.
    pub replaced: Option<Replacement>,
}

/// A retired model's request sent to its catalog replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub requested: String,
    pub serving: String,
}

impl Replacement {
    /// The `x-satu-model-replaced` answer header: `{requested} -> {serving}`.
    pub fn header_value(&self) -> String {
        format!("{} -> {}", self.requested, self.serving)
    }
}

/// Replacements followed at most this deep (a replacement retired in turn, and so on).
const MAX_REPLACEMENT_HOPS: usize = 4;

pub struct Router<'a> {
    pub accounts: &'a UserAccounts,
    pub catalog: &'a CatalogSnapshot,
    pub cooldowns: &'a Cooldowns,
    pub latencies: &'a Latencies,
}

/// One target of a rule (or the implicit "whatever serves the requested name").
struct Want<'a> {
    model: &'a str,
    provider: Option<Provider>,
    account: Option<Uuid>,
}

impl Router<'_> {
    pub fn plan(&self, requested: &str, affinity: Option<u64>) -> Result<RoutePlan, ProxyError> {
        let config = &self.accounts.routing;
        let today = Utc::now();
        let replaced = self.replacement(requested, today)?;
        let requested = replaced.as_ref().map_or(requested, |r| r.serving.as_str());
        let (strategy, wants) = self.wants(config, requested);
        let mut groups: Vec<Vec<Target>> =
            wants.iter().map(|w| self.candidates(w, today)).collect();
        if groups.iter().all(Vec::is_empty) {
            return Err(not_served(
                requested,
                self.catalog.resolve(requested).map(|m| &**m),
                self.accounts,
            ));
        }
        if strategy == Strategy::Cheapest {
            groups.sort_by_key(|g| g.first().map_or(i64::MAX, price));
        }
        let offset = self.accounts.next_offset();
        for group in &mut groups {
            self.order(group, strategy, offset);
        }
        if let (true, Some(key), Some(first)) =
            (config.session_affinity, affinity, groups.first_mut())
        {
            pin_affinity(first, key);
        }
        let now = Instant::now();
        let mut soonest: Option<Instant> = None;
        let mut targets = Vec::new();
        for target in groups.into_iter().flatten() {
            if targets.iter().any(|t: &Target| {
                t.account.id == target.account.id && t.upstream_model == target.upstream_model
            }) {
                continue;
            }
            match self
                .cooldowns
                .cooling_until(target.account.id, &target.upstream_model, now)
            {
                Some(until) => soonest = Some(soonest.map_or(until, |s| s.min(until))),
                None => targets.push(target),
            }
        }
        match (targets.is_empty(), soonest) {
            (true, Some(until)) => Err(ProxyError::AccountsCooling {
                retry_after_secs: until.saturating_duration_since(now).as_secs().max(1),
            }),
            _ => Ok(RoutePlan { targets, replaced }),
        }
    }

    /// A request for a model the catalog says is retired: refused with the name of its
    /// replacement, or (when the user follows replacements) sent to it. A model the user
    /// routes by a rule, names in an account's list, or that a provider still lists for them
    /// is not retired for them.
    fn replacement(
        &self,
        requested: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Replacement>, ProxyError> {
        let still_served = |name: &str| {
            self.accounts.routing.rule_for(name).is_some()
                || self.accounts.accounts.iter().any(|a| {
                    a.models.iter().any(|m| m == name)
                        || a.reachable
                            .as_ref()
                            .is_some_and(|l| l.iter().any(|m| m == name))
                })
        };
        let mut serving = requested;
        for _ in 0..MAX_REPLACEMENT_HOPS {
            // Most requests stop at the first lookup: a current model. A `provider/model`
            // name is the model's too.
            let entry = self.catalog.resolve(serving).or_else(|| {
                let (_, model) = serving.split_once('/')?;
                self.catalog.resolve(model)
            });
            let Some(entry) = entry else {
                break;
            };
            let Some(retired_at) = entry.retired_at(now) else {
                break;
            };
            if still_served(serving) {
                break;
            }
            let next = entry
                .replaced_by
                .as_deref()
                .filter(|next| *next != entry.id);
            match next {
                Some(next) if self.accounts.routing.follow_replacements => serving = next,
                _ => {
                    return Err(ProxyError::ModelRetired {
                        model: requested.to_owned(),
                        retired_on: retired_at.date_naive().to_string(),
                        replacement: next.map(str::to_owned),
                    });
                }
            }
        }
        Ok((serving != requested).then(|| Replacement {
            requested: requested.to_owned(),
            serving: serving.to_owned(),
        }))
    }

    fn wants<'c>(
        &self,
        config: &'c RoutingConfig,
        requested: &'c str,
    ) -> (Strategy, Vec<Want<'c>>) {
        if let Some(rule) = config.rule_for(requested) {
            let wants = rule
                .targets
                .iter()
                .map(|t| Want {
                    model: &t.model,
                    provider: t.provider.as_deref().and_then(|p| p.parse().ok()),
                    account: t.account,
                })
                .collect();
            return (rule.strategy.unwrap_or(config.strategy), wants);
        }
        // `provider/model` pins a provider, unless an account lists the whole name itself
        // (OpenRouter-style names contain slashes).
        let listed = self
            .accounts
            .accounts
            .iter()
            .any(|a| a.models.iter().any(|m| m == requested));
        if !listed
            && let Some((prefix, model)) = requested.split_once('/')
            && let Ok(provider) = prefix.parse::<Provider>()
        {
            return (
                config.strategy,
                vec![Want {
                    model,
                    provider: Some(provider),
                    account: None,
                }],
            );
        }
        (
            config.strategy,
            vec![Want {
                model: requested,
                provider: None,
                account: None,
            }],
        )
    }

    fn candidates(&self, want: &Want<'_>, now: DateTime<Utc>) -> Vec<Target> {
        let entry = self.catalog.resolve(want.model).cloned();
        self.accounts
            .accounts
            .iter()
            .filter(|a| want.provider.is_none_or(|p| p == a.provider))
            .filter(|a| want.account.is_none_or(|id| id == a.id))
            .filter_map(|a| target_for(a, entry.as_ref(), want.model, now))
            .collect()
    }

    fn order(&self, group: &mut [Target], strategy: Strategy, offset: usize) {
        if group.is_empty() {
            return;
        }
        match strategy {
            Strategy::RoundRobin | Strategy::Cheapest => group.rotate_left(offset % group.len()),
            Strategy::Priority => {
                group.sort_by_key(|t| t.account.priority);
                let top = group[0].account.priority;
                let tier = group
                    .iter()
                    .take_while(|t| t.account.priority == top)
                    .count();
                group[..tier].rotate_left(offset % tier);
            }
            Strategy::FillFirst => group.sort_by_key(|t| t.account.priority),
            Strategy::Fastest => group.sort_by(|a, b| {
                let ms = |t: &Target| {
                    self.latencies
                        .get(t.account.id, &t.upstream_model)
                        .unwrap_or(0.0)
                };
                ms(a).total_cmp(&ms(b))
            }),
            Strategy::Weighted => weighted_shuffle(group, offset),
        }
    }
}

/// Moves the conversation's account to the front: chosen by key from the group in a fixed
/// (id) order, so the choice does not depend on the strategy's rotation.
fn pin_affinity(group: &mut Vec<Target>, key: u64) {
    let mut ids: Vec<Uuid> = group.iter().map(|t| t.account.id).collect();
    if ids.is_empty() {
        return;
    }
    ids.sort_unstable();
    let chosen = ids[usize::try_from(key % ids.len() as u64).unwrap_or(0)];
    if let Some(at) = group.iter().position(|t| t.account.id == chosen) {
        let target = group.remove(at);
        group.insert(0, target);
    }
}

/// Orders by repeated weighted draws without replacement (weights below 1 count as 1).
fn weighted_shuffle(group: &mut [Target], seed: usize) {
    let mut state = (seed as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ u64::from(Instant::now().elapsed().subsec_nanos());
    for start in 0..group.len() {
        let total: u64 = group[start..]
            .iter()
            .map(|t| t.account.weight.max(1) as u64)
            .sum();
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let mut pick = state % total.max(1);
        let mut chosen = start;
        for (i, t) in group.iter().enumerate().skip(start) {
            let w = t.account.weight.max(1) as u64;
            if pick < w {
                chosen = i;
                break;
            }
            pick -= w;
        }
        group.swap(start, chosen);
    }
}

fn price(target: &Target) -> i64 {
    target
        .catalog
        .as_ref()
        .map_or(i64::MAX, |m| m.input_price_micros + m.output_price_micros)
}

/// A stable key for a conversation: who, the system prompt and the first user turn.
pub fn affinity_key(user: Uuid, request: &canonical::Request) -> u64 {
    let mut hash = Sha256::new();
    hash.update(user.as_bytes());
    for s in &request.system {
        hash.update(s.as_bytes());
    }
    if let Some(first) = request.messages.first() {
        for part in &first.parts {
            if let canonical::Part::Text(t) = part {
                hash.update(t.as_bytes());
            }
        }
    }
    let digest = hash.finalize();
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    u64::from_le_bytes(bytes)
}

/// An account with a model list of the user's serves exactly those names (or their catalog
/// entry). One without serves what its provider last listed for it (names new to the catalog
/// included) or, before the first list, its provider's catalog models. An `openai-compatible`
/// account without a list of the user's serves any name, since Satu cannot know all a custom
/// upstream offers.
fn target_for(
    account: &Arc<Account>,
    entry: Option<&Arc<CatalogModel>>,
    requested: &str,
    now: DateTime<Utc>,
) -> Option<Target> {
    let upstream_model = match (&account.reachable, account.provider) {
        _ if !account.models.is_empty() => listed_name(&account.models, entry, requested)?,
        (_, Provider::OpenAiCompatible) => match entry {
            Some(e) if e.provider == account.provider.as_str() => e.id.clone(),
            Some(_) => return None,
            None => requested.to_owned(),
        },
        (Some(reachable), _) => listed_name(reachable, entry, requested)?,
        (None, _) => match entry {
            Some(e) if e.provider == account.provider.as_str() && e.retired_at(now).is_none() => {
                e.id.clone()
            }
            _ => return None,
        },
    };
    Some(Target {
        account: account.clone(),
        model: entry.map_or_else(|| upstream_model.clone(), |e| e.id.clone()),
        catalog: entry.cloned(),
        upstream_model,
    })
}

/// The name to send for `requested` when an account serves exactly `list`: the requested
/// name itself, else its catalog entry's id or an alias the list uses (providers list dated
/// ids such as `claude-sonnet-4-5-20250929`).
fn listed_name(
    list: &[String],
    entry: Option<&Arc<CatalogModel>>,
    requested: &str,
) -> Option<String> {
    let listed = |name: &str| list.iter().any(|m| m == name);
    if listed(requested) {
        return Some(requested.to_owned());
    }
    let entry = entry?;
    std::iter::once(&entry.id)
        .chain(entry.aliases.0.iter())
        .find(|name| listed(name))
        .cloned()
}

fn not_served(
    requested: &str,
    entry: Option<&CatalogModel>,
    accounts: &UserAccounts,
) -> ProxyError {
    let message = match entry {
        Some(e) => {
            let of_provider = || {
                accounts
                    .accounts
                    .iter()
                    .filter(move |a| a.provider.as_str() == e.provider)
            };
            if of_provider().any(|a| !a.models.is_empty() || a.reachable.is_some()) {
                format!(
                    "Your {} connection does not list `{requested}`; GET /v1/models shows the models your connections offer.",
                    e.provider
                )
            } else if of_provider().next().is_some() {
                format!(
                    "The model `{requested}` is served by your {} account, which Satu cannot reach yet.",
                    e.provider
                )
            } else {
                format!(
                    "The model `{requested}` needs a connected {} account; you have none that is active.",
                    e.provider
                )
            }
        }
        None => format!("The model `{requested}` does not exist or you do not have access to it."),
    };
    ProxyError::ModelNotFound(message)
}
