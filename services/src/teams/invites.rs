//! Team invites: mailed links, accepted once by the invited address (signed in, or signing up
//! on the way), with seats counted at sending and at accepting.

use entities::email_outbox::{self, NewEmail};
use entities::mail::Mail;
use entities::seal::Sealer;
use entities::team_audit::action;
use entities::team_invites::{self, AcceptError};
use entities::{RepoError, teams, users};
use sea_orm::DatabaseConnection;
use serde_json::json;
use uuid::Uuid;

use super::{Actor, audit, invitable, user};
use crate::ServiceError;

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
