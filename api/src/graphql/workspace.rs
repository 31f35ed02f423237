//! Which workspace a request works in. The dashboard names a team in the `x-satu-workspace`
//! header (a live socket in `connection_init`'s `workspace`); without it, the viewer's own
//! workspace. A team the viewer is not a member of is refused, not silently swapped.

use axum::http::HeaderMap;
use entities::Workspace;
use entities::team_members::{self, Role};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::context::Scope;

pub const HEADER: &str = "x-satu-workspace";

/// The value of the header, if any (empty or `personal`: the viewer's own).
pub fn requested(headers: &HeaderMap) -> Option<&str> {
    headers.get(HEADER).and_then(|v| v.to_str().ok())
}

/// `None` when `requested` names a team `user_id` does not belong to (or is not an id).
pub async fn resolve(
    db: &DatabaseConnection,
    user_id: Uuid,
    requested: Option<&str>,
) -> Option<Scope> {
    let requested = requested.map(str::trim).unwrap_or_default();
    if requested.is_empty() || requested == "personal" {
        return Some(Scope::personal(user_id));
    }
    let team_id = Uuid::parse_str(requested).ok()?;
    match team_members::find(db, team_id, user_id).await {
        Ok(Some(member)) => Some(Scope {
            workspace: Workspace::Team(team_id),
            role: Some(member.role()),
        }),
        Ok(None) => None,
        Err(e) => {
            tracing::error!(error = %e, "team membership lookup failed");
            None
        }
    }
}

impl Scope {
    pub fn personal(user_id: Uuid) -> Self {
        Self {
            workspace: Workspace::Personal(user_id),
            role: None,
        }
    }

    /// Anyone in their own workspace; a team's owner and admins.
    pub fn manages(&self) -> bool {
        self.role.is_none_or(Role::manages)
    }
}
