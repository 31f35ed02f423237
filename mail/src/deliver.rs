//! Delivery: the worker drains the outbox over SMTP. Each due row is leased (one replica sends
//! it), rendered, and sent with a Message-ID fixed per row; then it is marked sent (its secret
//! wiped), retried with backoff after a 4xx reply or a connection error, or failed for good
//! after a 5xx reply or the last retry. Without `email.smtp_url` nothing runs and mail stays
//! queued (`satu admin emails` shows it).

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use entities::email_delivery;
use entities::email_outbox;
use entities::seal::Sealer;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::DatabaseConnection;
use tokio_util::sync::CancellationToken;

use crate::{Rendered, render_row};

/// How long a replica holds a row it is sending (well above the SMTP timeout).
const LEASE: Duration = Duration::from_secs(300);
const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone, Debug)]
pub struct DeliverySettings {
    /// `smtp://host:port`, `smtp://user:pass@host:587?tls=required`, `smtps://…:465`.
    pub smtp_url: String,
    /// `Satu <noreply@satu.example>`.
    pub from: String,
    /// Links in mail start here (`api.public_url`).
    pub public_url: String,
    /// Waits before each retry; after the last, the row fails.
    pub retry_backoff: Vec<Duration>,
    pub poll_interval: Duration,
    /// Rows taken per query.
    pub batch: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("email.smtp_url is not a usable SMTP address: {0}")]
    Url(#[source] lettre::transport::smtp::Error),
    #[error("email.from is not an address like `Satu <noreply@example.com>`: {0}")]
    From(#[source] lettre::address::AddressError),
}

/// What sends: the SMTP transport (pooled connections) and the sender address.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// The right-hand side of Message-IDs: the sender's domain.
    domain: String,
    settings: DeliverySettings,
}

impl Mailer {
    /// Checks the configuration (at start-up, so a typo stops Satu with a clear message).
    pub fn new(settings: DeliverySettings) -> Result<Self, SetupError> {
        let transport: AsyncSmtpTransport<Tokio1Executor> =
            AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.smtp_url)
                .map_err(SetupError::Url)?
                .timeout(Some(SMTP_TIMEOUT))
                .build();
        let from: Mailbox = settings.from.parse().map_err(SetupError::From)?;
        let domain = from.email.domain().to_owned();
        Ok(Self {
            transport,
            from,
            domain,
            settings,
        })
    }
}

/// Runs until `shutdown`: every poll interval, sends what is due.
pub async fn run_delivery(
    db: DatabaseConnection,
    sealer: Arc<Sealer>,
    mailer: Mailer,
    shutdown: CancellationToken,
) {
    let mut tick = tokio::time::interval(mailer.settings.poll_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            () = shutdown.cancelled() => break,
            _ = tick.tick() => drain(&db, &sealer, &mailer, &shutdown).await,
        }
    }
    tracing::debug!("email delivery stopped");
}

async fn drain(
    db: &DatabaseConnection,
    sealer: &Sealer,
    mailer: &Mailer,
    shutdown: &CancellationToken,
) {
    while !shutdown.is_cancelled() {
        let rows = match email_delivery::due(db, Utc::now(), mailer.settings.batch).await {
            Ok(rows) => rows,
            Err(e) => {
                tracing::warn!(error = %e, "reading the email outbox failed; will retry");
                return;
            }
        };
        let full = rows.len() as u64 >= mailer.settings.batch;
        for row in rows {
            if let Err(e) = deliver_one(db, sealer, mailer, &row).await {
                tracing::warn!(error = %e, email = %row.id, "recording an email's delivery failed");
            }
        }
        if !full {
            return;
        }
    }
}

/// The outcome of one attempt, as the outbox records it.
enum Outcome {
    Sent,
    /// Try again (after the backoff), unless the retries are used up.
    Retry(String),
    /// Never going to work: a 5xx reply, a bad address, a row that cannot be rendered.
    Failed(String),
}

async fn deliver_one(
    db: &DatabaseConnection,
    sealer: &Sealer,
    mailer: &Mailer,
    row: &email_outbox::Model,
) -> Result<(), sea_orm::DbErr> {
    let now = Utc::now();
    let until = now + chrono::Duration::from_std(LEASE).unwrap_or(chrono::Duration::minutes(5));
    if !email_delivery::claim(db, row.id, now, until).await? {
        return Ok(());
    }
    let outcome = match render_row(row, sealer, &mailer.settings.public_url) {
        Ok(rendered) => send(mailer, row, &rendered).await,
        Err(e) => Outcome::Failed(format!("cannot render: {e}")),
    };
    let template = row.template.clone();
    match outcome {
        Outcome::Sent => {
            metrics::counter!("satu_emails_sent_total", "template" => template.clone())
                .increment(1);
            tracing::info!(email = %row.id, %template, "email sent");
            email_delivery::mark_sent(db, row.id).await
        }
        Outcome::Retry(error) => {
            let next = mailer
                .settings
                .retry_backoff
                .get(usize::try_from(row.attempts).unwrap_or(usize::MAX))
                .and_then(|wait| chrono::Duration::from_std(*wait).ok())
                .map(|wait| Utc::now() + wait);
            if next.is_none() {
                metrics::counter!("satu_emails_failed_total", "template" => template.clone())
                    .increment(1);
            }
            tracing::warn!(email = %row.id, %template, %error, retry = next.is_some(), "email not sent");
            email_delivery::mark_attempt_failed(db, row.id, &error, next).await
        }
        Outcome::Failed(error) => {
            metrics::counter!("satu_emails_failed_total", "template" => template.clone())
                .increment(1);
            tracing::warn!(email = %row.id, %template, %error, "email refused for good");
            email_delivery::mark_attempt_failed(db, row.id, &error, None).await
        }
    }
}

async fn send(mailer: &Mailer, row: &email_outbox::Model, rendered: &Rendered) -> Outcome {
    let message = match message(mailer, row, rendered) {
        Ok(message) => message,
        Err(e) => return Outcome::Failed(e),
    };
    match mailer.transport.send(message).await {
        Ok(_) => Outcome::Sent,
        Err(e) if e.is_permanent() => Outcome::Failed(e.to_string()),
        // 4xx, refused connections, timeouts, TLS trouble: the server may take it later.
        Err(e) => Outcome::Retry(e.to_string()),
    }
}

fn message(
    mailer: &Mailer,
    row: &email_outbox::Model,
    rendered: &Rendered,
) -> Result<Message, String> {
    let to: Mailbox = row
        .to_address
        .parse()
        .map_err(|e| format!("bad recipient address: {e}"))?;
    let mut builder = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(rendered.subject.clone())
        // Fixed per row: a resend after a lost acknowledgement is recognisably the same mail.
        .message_id(Some(format!("<outbox-{}@{}>", row.id, mailer.domain)));
    if let Some(url) = &rendered.unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{url}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    let built = match &rendered.html {
        Some(html) => builder.multipart(MultiPart::alternative_plain_html(
            rendered.text.clone(),
            html.clone(),
        )),
        None => builder.singlepart(SinglePart::plain(rendered.text.clone())),
    };
    built.map_err(|e| format!("cannot build the message: {e}"))
}
