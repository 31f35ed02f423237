//! Who is calling: a Satu API key → principal, from an in-memory cache keyed by the key's SHA-256.
//! A key is read from the database at most once per cache TTL, never per request.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, header};
use entities::Workspace;
use entities::secret_token::{looks_like_api_key, sha256_hex};
use sea_orm::{DatabaseConnection, EntityTrait};
use uuid::Uuid;

use crate::FastMap;
use crate::error::ProxyError;
use crate::limits::Allowance;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// The key's user: in a team, the member the request is attributed to.
    pub user_id: Uuid,
    /// The team whose connections, routing and quota the key uses.
    pub team_id: Option<Uuid>,
    pub api_key_id: Uuid,
    pub plan_id: String,
    pub allowance: Allowance,
    /// The key's user is suspended: the key is refused with its own message.
    pub suspended: bool,
}

impl Principal {
    /// Whose connections, routing and quota serve the request.
    pub fn workspace(&self) -> Workspace {
        Workspace::of_row(self.user_id, self.team_id)
    }
}

/// Entries kept; bounds memory under a flood of random keys. When full, unknown keys are
/// dropped first, so such a flood does not push the real keys out.
const MAX_ENTRIES: usize = 100_000;

struct Entry {
    principal: Option<Arc<Principal>>,
    loaded: Instant,
}

pub struct KeyCache {
    db: DatabaseConnection,
    ttl: Duration,
    entries: RwLock<FastMap<String, Entry>>,
}

/// The key from `Authorization: Bearer`, `x-api-key` or `x-goog-api-key`.
pub fn key_from_headers(headers: &HeaderMap) -> Option<&str> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        });
    bearer
        .or_else(|| headers.get("x-api-key").and_then(|v| v.to_str().ok()))
        .or_else(|| headers.get("x-goog-api-key").and_then(|v| v.to_str().ok()))
        .map(str::trim)
        .filter(|k| !k.is_empty())
}

impl KeyCache {
    pub fn new(db: DatabaseConnection, ttl: Duration) -> Self {
        Self {
            db,
            ttl,
            entries: RwLock::new(FastMap::default()),
        }
    }

    /// The caller behind the key in the headers or, failing that, the `?key=` query parameter;
    /// a suspended account's key is refused.
    pub async fn authenticate(
        &self,
        headers: &HeaderMap,
        query_key: Option<&str>,
    ) -> Result<Arc<Principal>, ProxyError> {
        let principal = self.identify(headers, query_key).await?;
        if principal.suspended {
            return Err(ProxyError::Suspended);
        }
        Ok(principal)
    }

    /// The caller behind the key, suspended or not (the proxy records a suspended key's use
    /// before refusing it).
    pub async fn identify(
        &self,
        headers: &HeaderMap,
        query_key: Option<&str>,
    ) -> Result<Arc<Principal>, ProxyError> {
        let secret = key_from_headers(headers)
            .or(query_key.map(str::trim).filter(|k| !k.is_empty()))
            .ok_or(ProxyError::MissingKey)?;
        if !looks_like_api_key(secret) {
            return Err(ProxyError::InvalidKey);
        }
        let hash = sha256_hex(secret);
        let principal = match self.cached(&hash) {
            Some(p) => p,
            None => match self.load(hash.clone()).await {
                Ok(p) => p,
                // The database is unreachable: the last answer read serves until it is back
                // (a key revoked meanwhile still leaves every cache through the bus).
                Err(e) => self.stale(&hash).ok_or(e)?,
            },
        };
        principal.ok_or(ProxyError::InvalidKey)
    }

    /// Drops a key (revoked or rotated away) so its next use reads the database.
    pub fn forget(&self, hash: &str) {
        if let Ok(mut entries) = self.entries.write() {
            entries.remove(hash);
        }
    }

    /// Drops every key of a user or of a team (their plan changed, a member left) so the
    /// next request reads it again.
    pub fn forget_user(&self, id: Uuid) {
        if let Ok(mut entries) = self.entries.write() {
            entries.retain(|_, entry| {
                entry
                    .principal
                    .as_ref()
                    .is_none_or(|p| p.user_id != id && p.team_id != Some(id))
            });
        }
    }

    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }

    fn stale(&self, hash: &str) -> Option<Option<Arc<Principal>>> {
        let entries = self.entries.read().ok()?;
        entries.get(hash).map(|entry| entry.principal.clone())
    }

    fn cached(&self, hash: &str) -> Option<Option<Arc<Principal>>> {
        let entries = self.entries.read().ok()?;
        let entry = entries.get(hash)?;
        (entry.loaded.elapsed() < self.ttl).then(|| entry.principal.clone())
    }

    async fn load(&self, hash: String) -> Result<Option<Arc<Principal>>, ProxyError> {
        let principal = self.read_principal(&hash).await.map_err(|e| {
            tracing::error!(error = %e, "api key lookup failed");
            ProxyError::Internal
        })?;
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.retain(|_, e| e.principal.is_some());
            }
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(
                hash,
                Entry {
                    principal: principal.clone(),
                    loaded: Instant::now(),
                },
            );
        }
        Ok(principal)
    }

    async fn read_principal(&self, hash: &str) -> Result<Option<Arc<Principal>>, sea_orm::DbErr> {
        let Some(key) = entities::api_keys::find_active_by_hash(&self.db, hash).await? else {
            return Ok(None);
        };
        let Some(user) = entities::users::Entity::find_by_id(key.user_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let team = match key.team_id {
            None => None,
            Some(team_id) => match self.read_team(team_id, user.id).await? {
                Some(team) => Some(team),
                // The member left or the team is gone: the key serves nothing.
                None => return Ok(None),
            },
        };
        let plan_id = team.as_ref().map_or(&user.plan_id, |(t, _)| &t.plan_id);
        let Some(plan) = entities::plans::find(&self.db, plan_id).await? else {
            tracing::error!(user_id = %user.id, plan = %plan_id, "the plan does not exist");
            return Ok(None);
        };
        let allowance = match &team {
            Some((team, member)) => Allowance::of_team(&plan, team, member, &key),
            None => Allowance::of(&plan, &user, &key),
        };
        Ok(Some(Arc::new(Principal {
            user_id: user.id,
            team_id: team.as_ref().map(|(t, _)| t.id),
            api_key_id: key.id,
            allowance,
            plan_id: plan.id,
            suspended: user.suspended_at.is_some(),
        })))
    }

    /// The team and the membership, if `user_id` is still one of its members.
    async fn read_team(
        &self,
        team_id: Uuid,
        user_id: Uuid,
    ) -> Result<Option<(entities::teams::Model, entities::team_members::Model)>, sea_orm::DbErr>
    {
        let Some(member) = entities::team_members::find(&self.db, team_id, user_id).await? else {
            return Ok(None);
        };
        let team = entities::teams::Entity::find_by_id(team_id)
            .one(&self.db)
            .await?;
        Ok(team.map(|team| (team, member)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_from_every_supported_header() {
        let mut h = HeaderMap::new();
        assert_eq!(key_from_headers(&h), None);
        h.insert("x-api-key", "sk-satu-b".parse().unwrap());
        assert_eq!(key_from_headers(&h), Some("sk-satu-b"));
        h.insert(header::AUTHORIZATION, "Bearer sk-satu-a".parse().unwrap());
        assert_eq!(key_from_headers(&h), Some("sk-satu-a"));
        let mut g = HeaderMap::new();
        g.insert("x-goog-api-key", "sk-satu-c".parse().unwrap());
        assert_eq!(key_from_headers(&g), Some("sk-satu-c"));
    }
}
