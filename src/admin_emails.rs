//! `satu admin emails`: the mail Satu has written, newest first, with its links. Without SMTP
//! (the embedded default) this is how a sign-up or password-reset link reaches the person
//! running Satu.

use std::io::Write;

use sea_orm::DatabaseConnection;

pub async fn print_emails(
    db: &DatabaseConnection,
    to: Option<&str>,
    limit: u64,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let emails = entities::email_outbox::recent(db, to, limit).await?;
    if emails.is_empty() {
        writeln!(out, "no emails")?;
    }
    for email in emails {
        let status = match email.sent_at {
            Some(at) => format!("sent {}", at.format("%Y-%m-%d %H:%M:%S UTC")),
            None => "queued".to_owned(),
        };
        writeln!(
            out,
            "── {} · to {} · {} · {status}",
            email.created_at.format("%Y-%m-%d %H:%M:%S UTC"),
            email.to_address,
            email.template
        )?;
        writeln!(out, "Subject: {}\n", email.subject)?;
        writeln!(out, "{}", email.body.trim_end())?;
        writeln!(out)?;
    }
    Ok(())
}
