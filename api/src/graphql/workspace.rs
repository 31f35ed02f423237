//! Which workspace a request works in. The dashboard names a team in the `x-satu-workspace`
//! header (a live socket in `connection_init`'s `workspace`); without it, the viewer's own
//! workspace. A team the viewer is not a member of is refused, not silently swapped; so is a
//! team that requires Google sign-in from its Workspace domain, to a session without it.

use axum::http::HeaderMap;
use entities::Workspace;
use entities::team_members::{self, Role};
use entities::teams;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

use super::context::Scope;

pub const HEADER: &str = "x-satu-workspace";

/// The value of the header, if any (empty or `personal`: the viewer's own).
pub fn requested(headers: &HeaderMap) -> Option<&str> {
    headers.get(HEADER).and_then(|v| v.to_str().ok())
}

/// Why a named workspace was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a team id, or a team the viewer is not in.
    NotMember,
    /// The team requires Google sign-in from this domain.
    GoogleDomain(String),
}

/// The workspace `requested` names, for a session of `user_id` signed in with Google from
/// `google_hd` (if at all).
pub async fn resolve(
    db: &DatabaseConnection,
    user_id: Uuid,
    google_hd: Option<&str>,
    requested: Option<&str>,
) -> Result<Scope, Refused> {
    let requested = requested.map(str::trim).unwrap_or_default();
    if requested.is_empty() || requested == "personal" {
        return Ok(Scope::personal(user_id));
    }
    let team_id = Uuid::parse_str(requested).map_err(|_| Refused::NotMember)?;
    let member = match team_members::find(db, team_id, user_id).await {
        Ok(Some(member)) => member,
        Ok(None) => return Err(Refused::NotMember),
        Err(e) => {
            tracing::error!(error = %e, "team membership lookup failed");
            return Err(Refused::NotMember);
        }
    };
    let domain = match teams::find(db, team_id).await {
        Ok(team) => team.google_domain,
        Err(e) => {
            tracing::error!(error = %e, "team lookup failed");
            return Err(Refused::NotMember);
        }
    };
    if let Some(domain) = domain
        && google_hd.is_none_or(|hd| !hd.eq_ignore_ascii_case(&domain))
    {
        return Err(Refused::GoogleDomain(domain));
    }
    Ok(Scope {
        workspace: Workspace::Team(team_id),
        role: Some(member.role()),
    })
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
