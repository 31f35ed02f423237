//! What a team's owner and admins set: members' limits, the team's budget, its Slack webhook
//! and (Enterprise) the Google Workspace domain its members sign in from.

use entities::seal::Sealer;
use entities::team_audit::action;
use entities::team_members;
use entities::team_notices::{self, Notice};
use entities::{RepoError, teams};
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Actor, audit, user};
use crate::ServiceError;

/// Sets (or clears) the Google Workspace domain an enterprise team's members sign in from.
/// The owner sets it from a session signed in with Google from that domain, so nobody is
/// locked out by a typo.
pub async fn set_google_domain(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Uuid,
    domain: Option<&str>,
    google_hd: Option<&str>,
) -> Result<teams::Model, ServiceError> {
    let team = teams::find(db, team_id).await?;
    let domain = domain
        .map(|d| d.trim().to_lowercase())
        .filter(|d| !d.is_empty());
    if let Some(domain) = &domain {
        if team.plan_id != "enterprise" {
            return Err(ServiceError::rejected(
                "google_domain_enterprise",
                "Requiring Google sign-in comes with the Enterprise plan.",
            ));
        }
        if google_hd.is_none_or(|hd| !hd.eq_ignore_ascii_case(domain)) {
            return Err(ServiceError::rejected(
                "google_domain_unproven",
                format!(
                    "Sign in with Google from {domain} first, so the team does not lock you out."
                ),
            ));
        }
    }
    let before = json!({"google_domain": team.google_domain});
    let team = teams::set_google_domain(db, team_id, domain.as_deref()).await?;
    let after = json!({"google_domain": team.google_domain});
    audit(
        db,
        team_id,
        Some(actor),
        action::GOOGLE_DOMAIN,
        None,
        Some(before),
        Some(after),
    )
    .await;
    Ok(team)
}

/// Sets what an admin allows one member.
pub async fn set_member_limits(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    user_id: Uuid,
    limits: team_members::MemberLimits,
) -> Result<team_members::Model, ServiceError> {
    let member = user(db, user_id).await?;
    let before = team_members::find(db, team_id, user_id)
        .await
        .map_err(RepoError::from)?;
    let after = team_members::set_limits(db, team_id, user_id, limits).await?;
    let before = before.map(|m| limits_json(m.limits()));
    let changed = Some(limits_json(after.limits()));
    audit(
        db,
        team_id,
        actor,
        action::MEMBER_LIMITS,
        Some(member.email),
        before,
        changed,
    )
    .await;
    Ok(after)
}

/// Sets or clears the team's monthly cost budget (nano-USD).
pub async fn set_budget(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    budget_nanos: Option<i64>,
) -> Result<teams::Model, ServiceError> {
    let before = teams::find(db, team_id).await?;
    let team = teams::set_budget(db, team_id, budget_nanos).await?;
    let (before, after) = (
        json!({"budget_usd": before.budget_nanos.map(dollars)}),
        json!({"budget_usd": team.budget_nanos.map(dollars)}),
    );
    audit(
        db,
        team_id,
        actor,
        action::BUDGET_CHANGED,
        None,
        Some(before),
        Some(after),
    )
    .await;
    Ok(team)
}

fn limits_json(l: team_members::MemberLimits) -> Value {
    json!({
        "monthly_requests": l.monthly_requests,
        "rpm": l.rpm,
        "budget_usd": l.budget_nanos.map(dollars),
    })
}

/// Audit entries show budgets in dollars, as people set them (nano-dollars are for counting).
fn dollars(nanos: i64) -> f64 {
    // Budgets stay far below 2^53 nano-dollars, so the conversion is exact to the cent.
    nanos as f64 / 1e9
}

/// Sets (`Some`) or clears the team's Slack incoming-webhook URL, sealed like credentials.
/// It must be https to a public host (plain http and private hosts only where the operator
/// allows private upstreams, for tests and local setups). Errors never repeat the URL: its
/// path is a secret.
pub async fn set_slack_webhook(
    db: &DatabaseConnection,
    sealer: &Sealer,
    team_id: Uuid,
    actor: Actor,
    url: Option<&str>,
    allow_private: bool,
) -> Result<teams::Model, ServiceError> {
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    if let Some(url) = url {
        check_webhook(url, allow_private)?;
    }
    let before = teams::find(db, team_id)
        .await?
        .slack_webhook_sealed
        .is_some();
    let team = teams::set_slack_webhook(db, sealer, team_id, url).await?;
    let (before, after) = (
        json!({"configured": before}),
        json!({"configured": url.is_some()}),
    );
    audit(
        db,
        team_id,
        actor,
        action::SLACK_CHANGED,
        None,
        Some(before),
        Some(after),
    )
    .await;
    Ok(team)
}

fn check_webhook(url: &str, allow_private: bool) -> Result<(), ServiceError> {
    let refused = |message: &str| ServiceError::rejected("slack_webhook_invalid", message);
    let checked =
        proxy::upstream_guard::check_base_url(url, allow_private).map_err(|e| match e {
            proxy::upstream_guard::UrlError::Private(_) => {
                refused("The webhook URL points at a private or loopback address.")
            }
            _ => refused("The webhook URL is not a valid https address."),
        })?;
    if checked.scheme() != "https" && !allow_private {
        return Err(refused("The webhook URL must start with https://."));
    }
    Ok(())
}

/// Queues a test message to the team's webhook; false when it has none.
pub async fn send_slack_test(db: &DatabaseConnection, team_id: Uuid) -> Result<bool, ServiceError> {
    let dedupe = format!("slack_test:{team_id}:{}", Uuid::new_v4());
    Ok(team_notices::notify(db, team_id, Notice::Test, dedupe).await?)
}
