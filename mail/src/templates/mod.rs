//! Every email Satu writes, in Bahasa Indonesia and English, as plain text and HTML. A template
//! gets the mail's data and the links already built; values from users (names, labels, provider
//! messages) are escaped in the HTML.

use chrono::{DateTime, FixedOffset, Utc};
use entities::mail::Mail;

mod billing;
mod notices;
mod teams;

use billing::{downgraded, payment_failed, payment_received, renewal};
use notices::{connection_expired, quota};
use teams::{budget, invite};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    Id,
    En,
}

impl Locale {
    /// `en` is English; anything else (or nothing) Bahasa Indonesia, Satu's first language.
    pub fn parse(s: Option<&str>) -> Self {
        match s {
            Some("en") => Locale::En,
            _ => Locale::Id,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Id => "id",
            Locale::En => "en",
        }
    }
}

/// The addresses a template links to.
pub struct Links<'a> {
    /// `api.public_url` without a trailing slash.
    pub base: &'a str,
    /// The one-time token of a sign-up, reset or verification link; `None` once wiped.
    pub secret: Option<&'a str>,
    /// One-click unsubscribe for notification mail.
    pub unsubscribe: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// The one-click unsubscribe address (`List-Unsubscribe`), notification mail only.
    pub unsubscribe: Option<String>,
}

/// A paragraph of the body, or the call to action (one link with its button label).
enum Block {
    Para(String),
    Action { label: String, url: String },
}

struct Draft {
    subject: String,
    blocks: Vec<Block>,
}

pub fn render(mail: &Mail, locale: Locale, links: &Links<'_>) -> Rendered {
    let draft = draft(mail, locale, links);
    let footer = footer(mail, locale, links);
    Rendered {
        text: text(&draft, &footer),
        html: Some(html(&draft, &footer, locale)),
        subject: draft.subject,
        unsubscribe: mail
            .notification()
            .and(links.unsubscribe)
            .map(str::to_owned),
    }
}

/// Chooses the words by language: `t(locale, "Indonesian", "English")`.
fn t(locale: Locale, id: &str, en: &str) -> String {
    match locale {
        Locale::Id => id.to_owned(),
        Locale::En => en.to_owned(),
    }
}

fn page(links: &Links<'_>, locale: Locale, path: &str) -> String {
    format!("{}/{}/{path}", links.base, locale.as_str())
}

/// The link carrying the token, or a note that it was removed once the email was sent.
fn token_link(links: &Links<'_>, locale: Locale, path: &str) -> String {
    match links.secret {
        Some(token) => format!("{}?token={token}", page(links, locale, path)),
        None => t(
            locale,
            "[tautan dihapus setelah email terkirim]",
            "[link removed once the email was sent]",
        ),
    }
}

fn draft(mail: &Mail, l: Locale, links: &Links<'_>) -> Draft {
    match mail {
        Mail::ConfirmSignup => Draft {
            subject: t(
                l,
                "Selesaikan pendaftaran Satu Anda",
                "Finish signing up for Satu",
            ),
            blocks: vec![
                Block::Para(t(
                    l,
                    "Buka tautan ini dalam 48 jam untuk membuat akun Satu Anda. Anda akan diminta kata sandi yang Anda pilih saat mendaftar.",
                    "Open this link within 48 hours to create your Satu account. It asks for the password you chose when signing up.",
                )),
                Block::Action {
                    label: t(l, "Selesaikan pendaftaran", "Finish signing up"),
                    url: token_link(links, l, "confirm-signup/"),
                },
                Block::Para(t(
                    l,
                    "Jika Anda tidak mendaftar, abaikan email ini: tidak ada akun yang dibuat.",
                    "If you did not sign up, ignore this email: no account is created.",
                )),
            ],
        },
        Mail::SignupExisting => Draft {
            subject: t(
                l,
                "Anda sudah punya akun Satu",
                "You already have a Satu account",
            ),
            blocks: vec![
                Block::Para(t(
                    l,
                    "Seseorang (mungkin Anda) mencoba mendaftar di Satu dengan email ini, padahal email ini sudah punya akun. Masuk saja, atau atur ulang kata sandi bila lupa.",
                    "Someone (perhaps you) tried to sign up for Satu with this email, which already has an account. Sign in instead, or reset your password if you forgot it.",
                )),
                Block::Action {
                    label: t(l, "Masuk", "Sign in"),
                    url: page(links, l, "signin/"),
                },
                Block::Para(format!(
                    "{} {}",
                    t(l, "Lupa kata sandi?", "Forgot your password?"),
                    page(links, l, "forgot-password/")
                )),
                Block::Para(t(
                    l,
                    "Jika ini bukan Anda, abaikan email ini; tidak ada yang berubah.",
                    "If this was not you, ignore this email; nothing was changed.",
                )),
            ],
        },
        Mail::VerifyEmail => Draft {
            subject: t(
                l,
                "Konfirmasi email Anda untuk Satu",
                "Confirm your email for Satu",
            ),
            blocks: vec![
                Block::Para(t(
                    l,
                    "Buka tautan ini dalam 48 jam untuk mengonfirmasi alamat email akun Satu Anda.",
                    "Open this link within 48 hours to confirm the email address of your Satu account.",
                )),
                Block::Action {
                    label: t(l, "Konfirmasi email", "Confirm email"),
                    url: token_link(links, l, "verify-email/"),
                },
                Block::Para(t(
                    l,
                    "Jika Anda tidak memintanya, abaikan email ini.",
                    "If you did not ask for this, ignore this email.",
                )),
            ],
        },
        Mail::PasswordReset => Draft {
            subject: t(l, "Atur ulang kata sandi Satu", "Reset your Satu password"),
            blocks: vec![
                Block::Para(t(
                    l,
                    "Buka tautan ini dalam 1 jam untuk memilih kata sandi baru. Semua sesi akun Anda akan dikeluarkan.",
                    "Open this link within 1 hour to choose a new password. Every session of your account will be signed out.",
                )),
                Block::Action {
                    label: t(l, "Pilih kata sandi baru", "Choose a new password"),
                    url: token_link(links, l, "reset-password/"),
                },
                Block::Para(t(
                    l,
                    "Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.",
                    "If you did not ask for this, ignore this email; your password stays as it is.",
                )),
            ],
        },
        Mail::Quota {
            percent,
            limit,
            plan,
            renews_at,
        } => quota(l, links, *percent, *limit, plan, *renews_at),
        Mail::ConnectionExpired {
            provider,
            label,
            reason,
        } => connection_expired(l, links, provider, label.as_deref(), reason),
        Mail::PaymentReceived {
            invoice,
            plan,
            total,
            method,
            period_ends_at,
        } => payment_received(
            l,
            links,
            invoice,
            plan,
            *total,
            method.as_deref(),
            *period_ends_at,
        ),
        Mail::PaymentFailed {
            invoice,
            plan,
            state,
            plan_revoked,
        } => payment_failed(l, links, invoice, plan, state, *plan_revoked),
        Mail::RenewalInvoice {
            invoice,
            plan,
            total,
            ends_at,
        } => renewal(l, links, invoice, plan, *total, None, *ends_at),
        Mail::RenewalReminder {
            invoice,
            plan,
            total,
            days_left,
            ends_at,
        } => renewal(l, links, invoice, plan, *total, Some(*days_left), *ends_at),
        Mail::Downgraded {
            plan,
            cancelled,
            paused,
        } => downgraded(l, links, plan, *cancelled, *paused),
        Mail::TeamInvite {
            team,
            inviter,
            role,
        } => invite(l, links, team, inviter, role),
        Mail::TeamBudget {
            team,
            percent,
            budget_nanos,
            spent_nanos,
        } => budget(l, links, team, *percent, *budget_nanos, *spent_nanos),
    }
}

/// Why the mail came and how to stop it (notification mail only).
fn footer(mail: &Mail, l: Locale, links: &Links<'_>) -> Vec<Block> {
    if mail.notification().is_none() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Para(format!(
        "{} {}",
        t(
            l,
            "Anda menerima email ini karena notifikasinya aktif di Pengaturan:",
            "You get this email because it is on in your notification settings:",
        ),
        page(links, l, "app/settings/")
    ))];
    if let Some(url) = links.unsubscribe {
        blocks.push(Block::Action {
            label: t(
                l,
                "Berhenti berlangganan email ini",
                "Unsubscribe from these emails",
            ),
            url: url.to_owned(),
        });
    }
    blocks
}

fn text(draft: &Draft, footer: &[Block]) -> String {
    let mut out = String::new();
    for block in draft.blocks.iter().chain(footer) {
        match block {
            Block::Para(p) => out.push_str(p),
            Block::Action { label, url } => {
                out.push_str(label);
                out.push_str(":\n");
                out.push_str(url);
            }
        }
        out.push_str("\n\n");
    }
    out.push_str("— Satu\n");
    out
}

fn html(draft: &Draft, footer: &[Block], locale: Locale) -> String {
    let mut body = String::new();
    for block in &draft.blocks {
        body.push_str(&html_block(block, false));
    }
    let mut small = String::new();
    for block in footer {
        small.push_str(&html_block(block, true));
    }
    format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
<body style=\"margin:0;padding:24px;background:#f6f5f4;font-family:Arial,Helvetica,sans-serif;color:#1c1917\">\
<div style=\"max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;padding:28px\">\
<p style=\"margin:0 0 20px;font-weight:bold;font-size:18px;color:#c8102e\">satu</p>{body}\
<div style=\"margin-top:28px;border-top:1px solid #e7e5e4;padding-top:12px;font-size:12px;color:#78716c\">{small}</div>\
</div></body></html>",
        lang = locale.as_str(),
        title = escape(&draft.subject),
    )
}

fn html_block(block: &Block, small: bool) -> String {
    match block {
        Block::Para(p) => format!(
            "<p style=\"margin:0 0 14px;line-height:1.5\">{}</p>",
            linkify(&escape(p))
        ),
        Block::Action { label, url } if small => format!(
            "<p style=\"margin:0 0 8px\"><a href=\"{}\" style=\"color:#78716c\">{}</a></p>",
            escape(url),
            escape(label)
        ),
        Block::Action { label, url } if url.starts_with("http") => format!(
            "<p style=\"margin:20px 0\"><a href=\"{url}\" style=\"display:inline-block;background:#c8102e;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:8px;font-weight:bold\">{label}</a></p>\
<p style=\"margin:0 0 14px;font-size:12px;color:#78716c;word-break:break-all\">{url}</p>",
            url = escape(url),
            label = escape(label)
        ),
        // A link that was removed once sent: its note, no button.
        Block::Action { url, .. } => format!("<p style=\"margin:0 0 14px\">{}</p>", escape(url)),
    }
}

/// Turns the address at the end of a paragraph into a link (the footer's Settings, the
/// forgot-password page).
fn linkify(escaped: &str) -> String {
    match escaped.rsplit_once(' ') {
        Some((head, last)) if last.starts_with("http") => {
            format!("{head} <a href=\"{last}\" style=\"color:#c8102e\">{last}</a>")
        }
        _ => escaped.to_owned(),
    }
}

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A time as Jakarta reads it: `2026-12-05 17:00 WIB`.
fn wib(at: DateTime<Utc>) -> String {
    match FixedOffset::east_opt(7 * 3600) {
        Some(offset) => format!("{} WIB", at.with_timezone(&offset).format("%Y-%m-%d %H:%M")),
        None => format!("{} UTC", at.format("%Y-%m-%d %H:%M")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links<'a>(secret: Option<&'a str>, unsubscribe: Option<&'a str>) -> Links<'a> {
        Links {
            base: "https://satu.example",
            secret,
            unsubscribe,
        }
    }

    #[test]
    fn link_mail_carries_its_token_in_the_users_language() {
        let id = render(
            &Mail::ConfirmSignup,
            Locale::Id,
            &links(Some("tok123"), None),
        );
        assert_eq!(id.subject, "Selesaikan pendaftaran Satu Anda");
        assert!(
            id.text
                .contains("https://satu.example/id/confirm-signup/?token=tok123\n")
        );
        let html = id.html.unwrap();
        assert!(html.contains("href=\"https://satu.example/id/confirm-signup/?token=tok123\""));
        assert!(html.starts_with("<!doctype html><html lang=\"id\">"));
        let en = render(&Mail::PasswordReset, Locale::En, &links(Some("r"), None));
        assert_eq!(en.subject, "Reset your Satu password");
        assert!(en.text.contains("/en/reset-password/?token=r"));
        assert!(
            !en.text.contains("unsubscribe"),
            "account mail cannot be turned off"
        );
        let gone = render(&Mail::VerifyEmail, Locale::En, &links(None, None));
        assert!(gone.text.contains("[link removed once the email was sent]"));
    }

    #[test]
    fn notification_mail_has_figures_and_a_way_out() {
        let renews = DateTime::parse_from_rfc3339("2026-12-31T17:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let quota = Mail::Quota {
            percent: 80,
            limit: 150_000,
            plan: "Starter".to_owned(),
            renews_at: renews,
        };
        let r = render(
            &quota,
            Locale::Id,
            &links(
                None,
                Some("https://satu.example/api/email/unsubscribe?token=x"),
            ),
        );
        assert_eq!(r.subject, "Satu: 80% kuota bulanan terpakai");
        assert!(
            r.text.contains("80% dari 150.000 permintaan paket Starter"),
            "{}",
            r.text
        );
        assert!(r.text.contains("2027-01-01 00:30 WIB"), "{}", r.text);
        assert!(
            r.text
                .contains("https://satu.example/api/email/unsubscribe?token=x")
        );
        assert!(r.text.contains("https://satu.example/id/app/settings/"));
    }

    #[test]
    fn values_from_users_are_escaped_in_html() {
        let mail = Mail::ConnectionExpired {
            provider: "Claude".to_owned(),
            label: Some("<script>alert(1)</script>".to_owned()),
            reason: "invalid_grant & \"revoked\"".to_owned(),
        };
        let r = render(&mail, Locale::En, &links(None, None));
        let html = r.html.unwrap();
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("invalid_grant &amp; &quot;revoked&quot;"));
        assert!(
            r.text.contains("<script>alert(1)</script>"),
            "plain text stays as written"
        );
    }
}
