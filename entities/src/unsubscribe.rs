//! One-click unsubscribe links in notification mail: the token names the user and the choice,
//! sealed under the master key (nobody can forge one for another user or another choice), and
//! opening it turns that choice off in Settings → Notifications.

use sea_orm::ConnectionTrait;
use uuid::Uuid;

use crate::RepoError;
use crate::mail::Notification;
use crate::seal::Sealer;
use crate::users::{self, Notifications};

const AAD: &[u8] = b"unsubscribe";

/// The token for `user_id`'s `choice`.
pub fn token(sealer: &Sealer, user_id: Uuid, choice: Notification) -> Result<String, RepoError> {
    let plain = format!("{user_id}:{}", choice.as_str());
    Ok(sealer.seal(plain.as_bytes(), AAD)?)
}

/// The user and choice a token names; `None` when it is not one of ours.
pub fn open(sealer: &Sealer, token: &str) -> Option<(Uuid, Notification)> {
    let plain = sealer.open(token, AAD).ok()?;
    let plain = String::from_utf8(plain).ok()?;
    let (user, choice) = plain.split_once(':')?;
    Some((user.parse().ok()?, Notification::parse(choice)?))
}

/// Turns the choice a token names off. Returns which one, or `None` for a bad token.
pub async fn apply(
    db: &impl ConnectionTrait,
    sealer: &Sealer,
    token: &str,
) -> Result<Option<Notification>, RepoError> {
    let Some((user_id, choice)) = open(sealer, token) else {
        return Ok(None);
    };
    let mut off = Notifications::default();
    match choice {
        Notification::Quota80 => off.quota_80 = Some(false),
        Notification::Quota100 => off.quota_100 = Some(false),
        Notification::ConnectionExpired => off.connection_expired = Some(false),
    }
    match users::update_notifications(db, user_id, off).await {
        Ok(_) => Ok(Some(choice)),
        // The account is gone: nothing is sent to it any more either.
        Err(RepoError::NotFound(_)) => Ok(Some(choice)),
        Err(e) => Err(e),
    }
}

/// The token percent-encoded for a query string (a sealed token has `+`, `/`, `=`, `:`).
pub fn percent_encode(token: &str) -> String {
    let mut out = String::with_capacity(token.len() + 8);
    for b in token.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
