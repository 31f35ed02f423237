//! Email: the templates every email is written from (`templates`), rendering a queued outbox row
//! (`render_row`, used by the sender and by `satu admin emails`), and delivery over SMTP
//! (`deliver`, the worker's loop).

pub mod deliver;
pub mod templates;

use entities::email_outbox;
use entities::seal::Sealer;
use entities::unsubscribe;
use uuid::Uuid;

pub use deliver::{DeliverySettings, Mailer, SetupError, run_delivery};
pub use templates::{Locale, Rendered};

/// A queued row as its recipient will read it. Rows queued as finished text come back as they
/// were written; a secret that no configured key opens is an error (the row cannot be sent).
pub fn render_row(
    row: &email_outbox::Model,
    sealer: &Sealer,
    base: &str,
) -> Result<Rendered, entities::RepoError> {
    let Some(mail) = row.mail() else {
        return Ok(Rendered {
            subject: row.subject.clone(),
            text: row.body.clone(),
            html: None,
            unsubscribe: None,
        });
    };
    let secret = row.secret(sealer)?;
    let unsubscribe = match (mail.notification(), row.user_id) {
        (Some(choice), Some(user_id)) => Some(unsubscribe_url(base, sealer, user_id, choice)?),
        _ => None,
    };
    let links = templates::Links {
        base,
        secret: secret.as_deref(),
        unsubscribe: unsubscribe.as_deref(),
    };
    Ok(templates::render(
        &mail,
        Locale::parse(row.locale.as_deref()),
        &links,
    ))
}

/// The one-click address that turns `choice` off for `user_id` (`POST` it, or open it).
pub fn unsubscribe_url(
    base: &str,
    sealer: &Sealer,
    user_id: Uuid,
    choice: entities::mail::Notification,
) -> Result<String, entities::RepoError> {
    let token = unsubscribe::token(sealer, user_id, choice)?;
    Ok(format!(
        "{}/api/email/unsubscribe?token={}",
        base.trim_end_matches('/'),
        unsubscribe::percent_encode(&token)
    ))
}
