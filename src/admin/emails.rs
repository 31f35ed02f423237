//! `satu admin emails`: the mail Satu has written, newest first, rendered as its recipient will
//! read it (links included) with its delivery state. Without SMTP (the embedded default) this is
//! how a sign-up or password-reset link reaches the person running Satu.

use std::io::Write;

use sea_orm::DatabaseConnection;

use crate::config::Config;
use crate::master_key;

pub async fn print_emails(
    config: &Config,
    db: &DatabaseConnection,
    to: Option<&str>,
    limit: u64,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let sealer = master_key::sealer(config)?;
    let emails = entities::email_outbox::recent(db, to, limit).await?;
    if emails.is_empty() {
        writeln!(out, "no emails")?;
    }
    for email in emails {
        let status = match email.sent_at {
            Some(at) => format!("sent {}", at.format("%Y-%m-%d %H:%M:%S UTC")),
            None if email.attempts > 0 => format!(
                "{} after {} attempts: {}",
                email.status,
                email.attempts,
                email.last_error.as_deref().unwrap_or("")
            ),
            None => email.status.clone(),
        };
        writeln!(
            out,
            "── {} · to {} · {} · {status}",
            email.created_at.format("%Y-%m-%d %H:%M:%S UTC"),
            email.to_address,
            email.template
        )?;
        match mail::render_row(&email, &sealer, &config.api.public_url) {
            Ok(rendered) => {
                writeln!(out, "Subject: {}\n", rendered.subject)?;
                writeln!(out, "{}", rendered.text.trim_end())?;
            }
            Err(e) => writeln!(out, "(cannot be shown: {e})")?,
        }
        writeln!(out)?;
    }
    Ok(())
}
