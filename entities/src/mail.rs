//! What an email says, as data. Writers queue a `Mail`; it is rendered in the recipient's
//! language only when sent (`mail` crate), so the outbox never holds a finished message, and a
//! link's secret travels sealed beside it (`email_outbox::enqueue_with_secret`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Mail {
    /// The sign-up link (secret: the sign-up token).
    ConfirmSignup,
    /// Someone tried to sign up with an address that has an account.
    SignupExisting,
    /// The email-verification link (secret: the token).
    VerifyEmail,
    /// The password-reset link (secret: the token).
    PasswordReset,
    /// The monthly request quota reached `percent` (80 or 100).
    Quota {
        percent: u8,
        limit: i64,
        plan: String,
        renews_at: DateTime<Utc>,
    },
    /// A subscription connection needs a new sign-in.
    ConnectionExpired {
        provider: String,
        label: Option<String>,
        reason: String,
    },
    /// A payment arrived: the plan is on until `period_ends_at`.
    PaymentReceived {
        invoice: String,
        plan: String,
        total: i64,
        method: Option<String>,
        period_ends_at: DateTime<Utc>,
    },
    /// The invoice for the plan's next month (issued 7 days before the period ends).
    RenewalInvoice {
        invoice: String,
        plan: String,
        total: i64,
        ends_at: DateTime<Utc>,
    },
    /// The renewal is still unpaid `days_left` days before the period ends.
    RenewalReminder {
        invoice: String,
        plan: String,
        total: i64,
        days_left: i64,
        ends_at: DateTime<Utc>,
    },
    /// The paid plan ended, unpaid after the grace days or `cancelled` by the user: the
    /// account is on Free now, with `paused` connections over its caps.
    Downgraded {
        plan: String,
        #[serde(default)]
        cancelled: bool,
        #[serde(default)]
        paused: u64,
    },
    /// A payment did not go through (denied, expired, cancelled) or was taken back (refund,
    /// chargeback, a late reversal); `state` is the payment's state.
    PaymentFailed {
        invoice: String,
        plan: String,
        state: String,
        plan_revoked: bool,
    },
    /// An invite to a team (secret: the invite's token).
    TeamInvite {
        team: String,
        inviter: String,
        role: String,
    },
    /// A team's monthly cost budget reached `percent` (50, 80 or 100); to owners and admins.
    TeamBudget {
        team: String,
        percent: u8,
        budget_nanos: i64,
        spent_nanos: i64,
    },
}

/// The notification choices in Settings that a mail can be unsubscribed from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notification {
    Quota80,
    Quota100,
    ConnectionExpired,
}

impl Notification {
    pub fn as_str(self) -> &'static str {
        match self {
            Notification::Quota80 => "quota_80",
            Notification::Quota100 => "quota_100",
            Notification::ConnectionExpired => "connection_expired",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Notification::Quota80,
            Notification::Quota100,
            Notification::ConnectionExpired,
        ]
        .into_iter()
        .find(|n| n.as_str() == s)
    }
}

impl Mail {
    /// The outbox's `template` column: the kind, for listing and filtering.
    pub fn template(&self) -> &'static str {
        match self {
            Mail::ConfirmSignup => "confirm_signup",
            Mail::SignupExisting => "signup_existing",
            Mail::VerifyEmail => "verify_email",
            Mail::PasswordReset => "password_reset",
            Mail::Quota { percent, .. } if *percent >= 100 => "quota_100",
            Mail::Quota { .. } => "quota_80",
            Mail::ConnectionExpired { .. } => "connection_expired",
            Mail::PaymentReceived { .. } => "payment_received",
            Mail::PaymentFailed { .. } => "payment_failed",
            Mail::RenewalInvoice { .. } => "renewal_invoice",
            Mail::RenewalReminder { .. } => "renewal_reminder",
            Mail::Downgraded { .. } => "downgraded",
            Mail::TeamInvite { .. } => "team_invite",
            Mail::TeamBudget { .. } => "team_budget",
        }
    }

    /// The preference this mail is sent under; `None` for mail a user cannot turn off
    /// (account links), which therefore carries no unsubscribe link.
    pub fn notification(&self) -> Option<Notification> {
        match self {
            Mail::Quota { percent, .. } if *percent >= 100 => Some(Notification::Quota100),
            Mail::Quota { .. } => Some(Notification::Quota80),
            Mail::ConnectionExpired { .. } => Some(Notification::ConnectionExpired),
            _ => None,
        }
    }
}
