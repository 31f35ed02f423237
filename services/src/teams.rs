//! Teams: creating one, invites, members and their roles and limits, the rules the admin CLI
//! and GraphQL share. Every change is written to the team's audit log. Callers tell every
//! replica what changed (keys revoked, members gone) through the bus.

use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::seal::Sealer;
use entities::team_audit::{self, Entry, action};
use entities::team_invites::{self, AcceptError};
use entities::team_members::{self, Role};
use entities::team_notices::{self, Notice};
use entities::{RepoError, teams, users};
use sea_orm::{DatabaseConnection, EntityTrait};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::ServiceError;

/// Who makes a change: a member, or an operator's command (`None`).
pub type Actor = Option<Uuid>;

/// The plan a new team gets: the operator's pick, or else its owner's own plan, which must be
/// one sold with seats (a user on Team or Enterprise creates their team from the dashboard).
pub async fn create(
    db: &DatabaseConnection,
    owner_id: Uuid,
    name: &str,
    plan: Option<&str>,
) -> Result<teams::Model, ServiceError> {
    let owner = user(db, owner_id).await?;
    let plan_id = match plan {
        Some(plan) => plan.to_owned(),
        None if teams::TEAM_PLANS.contains(&owner.plan_id.as_str()) => owner.plan_id.clone(),
        None => {
            return Err(ServiceError::rejected(
                "team_plan_required",
                "Teams come with the Team and Enterprise plans; upgrade first.",
            ));
        }
    };
    let team = teams::create(db, owner_id, name, &plan_id).await?;
    let after = json!({"name": team.name, "plan": team.plan_id, "owner": owner.email});
    audit(
        db,
        team.id,
        Some(owner_id),
        action::TEAM_CREATED,
        None,
        None,
        Some(after),
    )
    .await;
    Ok(team)
}

pub async fn rename(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    name: &str,
) -> Result<teams::Model, ServiceError> {
    let before = teams::find(db, team_id).await?;
    let team = teams::rename(db, team_id, name).await?;
    let (before, after) = (json!({"name": before.name}), json!({"name": team.name}));
    audit(
        db,
        team_id,
        actor,
        action::TEAM_RENAMED,
        None,
        Some(before),
        Some(after),
    )
    .await;
    Ok(team)
}

/// Invites `email` and mails the link (in the invitee's language when they have an account,
/// else the inviter's).
pub async fn invite(
    db: &DatabaseConnection,
    sealer: &Sealer,
    team_id: Uuid,
    inviter_id: Uuid,
    email: &str,
    role: &str,
) -> Result<team_invites::Model, ServiceError> {
    let role = invitable(role)?;
    let (invite, token) = team_invites::create(db, team_id, email, role, inviter_id).await?;
    mail_invite(db, sealer, &invite, &token).await?;
    let after = json!({"role": invite.role});
    let target = Some(invite.email.clone());
    audit(
        db,
        team_id,
        Some(inviter_id),
        action::INVITE_SENT,
        target,
        None,
        Some(after),
    )
    .await;
    Ok(invite)
}

/// A fresh link (7 more days) mailed again; the old link stops working.
pub async fn resend_invite(
    db: &DatabaseConnection,
    sealer: &Sealer,
    team_id: Uuid,
    actor: Actor,
    id: Uuid,
) -> Result<team_invites::Model, ServiceError> {
    let (invite, token) = team_invites::resend(db, team_id, id).await?;
    mail_invite(db, sealer, &invite, &token).await?;
    let target = Some(invite.email.clone());
    audit(
        db,
        team_id,
        actor,
        action::INVITE_RESENT,
        target,
        None,
        None,
    )
    .await;
    Ok(invite)
}

pub async fn revoke_invite(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    id: Uuid,
) -> Result<team_invites::Model, ServiceError> {
    let invite = team_invites::revoke(db, team_id, id).await?;
    let target = Some(invite.email.clone());
    audit(
        db,
        team_id,
        actor,
        action::INVITE_REVOKED,
        target,
        None,
        None,
    )
    .await;
    Ok(invite)
}

/// The signed-in `user` accepts: the invite must be for their address and a seat free, and a
/// team that requires Google sign-in from its domain needs a session signed in so (`google_hd`).
pub async fn accept(
    db: &DatabaseConnection,
    token: &str,
    user_id: Uuid,
    google_hd: Option<&str>,
) -> Result<team_invites::Model, ServiceError> {
    let user = user(db, user_id).await?;
    check_google_domain(db, token, google_hd).await?;
    let invite = team_invites::accept(db, token, &user)
        .await
        .map_err(accept_error)?;
    joined(db, &invite, &user).await;
    Ok(invite)
}

/// Accepts and signs the invitee up on the way, with the invited address.
pub async fn accept_as_new_user(
    db: &DatabaseConnection,
    token: &str,
    password: String,
    profile: users::Profile,
) -> Result<(users::Model, team_invites::Model), ServiceError> {
    let invite = team_invites::peek(db, token)
        .await
        .map_err(RepoError::from)?
        .ok_or_else(|| accept_error(AcceptError::Invalid))?;
    check_google_domain(db, token, None).await?;
    let hash = crate::passwords::checked_hash(password, &invite.email).await?;
    let (user, invite) = team_invites::accept_as_new_user(db, token, hash, profile)
        .await
        .map_err(accept_error)?;
    joined(db, &invite, &user).await;
    Ok((user, invite))
}

/// Refuses an invite to a team that requires Google sign-in from its domain, unless the
/// session signed in so.
async fn check_google_domain(
    db: &DatabaseConnection,
    token: &str,
    google_hd: Option<&str>,
) -> Result<(), ServiceError> {
    let Some(invite) = team_invites::peek(db, token)
        .await
        .map_err(RepoError::from)?
    else {
        return Ok(());
    };
    let team = teams::find(db, invite.team_id).await?;
    match team.google_domain {
        Some(domain) if google_hd.is_none_or(|hd| !hd.eq_ignore_ascii_case(&domain)) => {
            Err(ServiceError::rejected(
                "invite_google_required",
                format!(
                    "This team requires signing in with Google from {domain}; continue with Google, then accept."
                ),
            ))
        }
        _ => Ok(()),
    }
}

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

/// Removes a member (never the owner) and revokes their keys of the team; answers the revoked
/// keys' digests, which callers announce so every replica drops them at once.
pub async fn remove_member(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    user_id: Uuid,
) -> Result<Vec<String>, ServiceError> {
    let member = user(db, user_id).await?;
    let revoked = team_members::remove(db, team_id, user_id).await?;
    let what = if actor == Some(user_id) {
        action::MEMBER_LEFT
    } else {
        action::MEMBER_REMOVED
    };
    let after = json!({"keys_revoked": revoked.len()});
    audit(
        db,
        team_id,
        actor,
        what,
        Some(member.email),
        None,
        Some(after),
    )
    .await;
    Ok(revoked)
}

/// Changes a member's role; `role` is `admin` or `member`.
pub async fn set_role(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    user_id: Uuid,
    role: &str,
) -> Result<team_members::Model, ServiceError> {
    let role = invitable(role)?;
    let member = user(db, user_id).await?;
    let before = team_members::find(db, team_id, user_id)
        .await
        .map_err(RepoError::from)?;
    let after = team_members::set_role(db, team_id, user_id, role).await?;
    let before = before.map(|m| json!({"role": m.role}));
    let changed = Some(json!({"role": after.role}));
    audit(
        db,
        team_id,
        actor,
        action::MEMBER_ROLE,
        Some(member.email),
        before,
        changed,
    )
    .await;
    Ok(after)
}

pub async fn transfer_ownership(
    db: &DatabaseConnection,
    team_id: Uuid,
    from: Uuid,
    to: Uuid,
) -> Result<(), ServiceError> {
    let new_owner = user(db, to).await?;
    team_members::transfer_ownership(db, team_id, from, to).await?;
    let target = Some(new_owner.email);
    audit(
        db,
        team_id,
        Some(from),
        action::OWNER_CHANGED,
        target,
        None,
        None,
    )
    .await;
    Ok(())
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
        json!({"budget_nanos": before.budget_nanos}),
        json!({"budget_nanos": team.budget_nanos}),
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
        "budget_nanos": l.budget_nanos,
    })
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

/// Records a change to the team's audit log. The change is already made: a failure to record
/// it is logged loudly rather than undoing it.
pub async fn audit(
    db: &DatabaseConnection,
    team_id: Uuid,
    actor: Actor,
    what: &str,
    target: Option<String>,
    before: Option<Value>,
    after: Option<Value>,
) {
    let entry = Entry {
        team_id,
        actor_id: actor,
        action: what,
        target,
        before,
        after,
    };
    if let Err(e) = team_audit::record(db, entry).await {
        tracing::error!(error = %e, %team_id, action = what, "writing the team audit log failed");
    }
}

async fn joined(db: &DatabaseConnection, invite: &team_invites::Model, user: &users::Model) {
    let after = Some(json!({"role": invite.role}));
    let target = Some(user.email.clone());
    audit(
        db,
        invite.team_id,
        Some(user.id),
        action::MEMBER_JOINED,
        target,
        None,
        after,
    )
    .await;
}

async fn mail_invite(
    db: &DatabaseConnection,
    sealer: &Sealer,
    invite: &team_invites::Model,
    token: &str,
) -> Result<(), ServiceError> {
    let team = teams::find(db, invite.team_id).await?;
    let inviter = user(db, invite.invited_by).await?;
    let invitee = users::find_by_email(db, &invite.email).await.ok();
    let email = NewEmail {
        user_id: invitee.as_ref().map(|u| u.id),
        to_address: invite.email.clone(),
        locale: invitee.and_then(|u| u.locale).or(inviter.locale.clone()),
        mail: Mail::TeamInvite {
            team: team.name,
            inviter: inviter.display_name.unwrap_or(inviter.email),
            role: invite.role.clone(),
        },
        // A resend is a new link: a new email.
        dedupe_key: format!("team_invite:{}:{}", invite.id, invite.token_hash),
    };
    email_outbox::enqueue_with_secret(db, sealer, email, token).await?;
    Ok(())
}

fn invitable(role: &str) -> Result<Role, ServiceError> {
    match Role::parse(role) {
        Some(role @ (Role::Admin | Role::Member)) => Ok(role),
        _ => Err(ServiceError::rejected(
            "role_invalid",
            "A member's role is admin or member; ownership moves by a transfer.",
        )),
    }
}

async fn user(db: &DatabaseConnection, id: Uuid) -> Result<users::Model, ServiceError> {
    Ok(users::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(RepoError::from)?
        .ok_or(RepoError::NotFound("user"))?)
}

fn accept_error(e: AcceptError) -> ServiceError {
    match e {
        AcceptError::Invalid => ServiceError::rejected(
            "invite_invalid",
            "This invite is unknown, was already used or revoked, or has expired; ask for a new one.",
        ),
        AcceptError::OtherEmail { invited } => ServiceError::rejected(
            "invite_other_email",
            format!("This invite is for {invited}; sign in with that address to accept it."),
        ),
        AcceptError::Repo(RepoError::Duplicate(_)) => ServiceError::rejected(
            "invite_account_exists",
            "An account with the invited address exists: sign in, then accept the invite.",
        ),
        AcceptError::Repo(e) => ServiceError::Repo(e),
    }
}
