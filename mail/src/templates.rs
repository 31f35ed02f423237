//! Every email Satu writes, in Bahasa Indonesia and English, as plain text and HTML. A template
//! gets the mail's data and the links already built; values from users (names, labels, provider
//! messages) are escaped in the HTML.

use chrono::{DateTime, FixedOffset, Utc};
use entities::billing::money::{rupiah, thousands};
use entities::mail::Mail;

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
        Mail::Downgraded { plan } => downgraded(l, links, plan),
    }
}

/// The renewal invoice (`days_left` = `None`), or a reminder that it is unpaid.
fn renewal(
    l: Locale,
    links: &Links<'_>,
    invoice: &str,
    plan: &str,
    total: i64,
    days_left: Option<i64>,
    ends: DateTime<Utc>,
) -> Draft {
    let total = rupiah(total);
    let ends = wib(ends);
    let subject = match (l, days_left) {
        (Locale::Id, None) => format!("Satu: invoice perpanjangan paket {plan} ({invoice})"),
        (Locale::En, None) => format!("Satu: renewal invoice for your {plan} plan ({invoice})"),
        (Locale::Id, Some(d)) => format!("Satu: paket {plan} berakhir dalam {d} hari"),
        (Locale::En, Some(d)) => format!("Satu: your {plan} plan ends in {d} day(s)"),
    };
    let para = match l {
        Locale::Id => format!(
            "Paket {plan} Anda berakhir pada {ends}. Bayar invoice {invoice} sebesar {total} untuk memperpanjangnya sebulan; tanpa pembayaran, akun Anda pindah ke paket Free setelah masa tenggang."
        ),
        Locale::En => format!(
            "Your {plan} plan ends on {ends}. Pay invoice {invoice} of {total} to renew it for a month; unpaid, your account moves to the Free plan after the grace days."
        ),
    };
    Draft {
        subject,
        blocks: vec![
            Block::Para(para),
            Block::Action {
                label: t(l, "Bayar sekarang", "Pay now"),
                url: page(links, l, "app/billing/"),
            },
        ],
    }
}

fn downgraded(l: Locale, links: &Links<'_>, plan: &str) -> Draft {
    Draft {
        subject: t(
            l,
            "Satu: akun Anda kini di paket Free",
            "Satu: your account is on the Free plan now",
        ),
        blocks: vec![
            Block::Para(match l {
                Locale::Id => format!(
                    "Paket {plan} Anda berakhir tanpa pembayaran perpanjangan, jadi akun Anda kini memakai batas paket Free. Koneksi dan key Anda tidak dihapus. Berlangganan lagi kapan saja dari halaman Tagihan."
                ),
                Locale::En => format!(
                    "Your {plan} plan ended without a renewal payment, so your account now has the Free plan's limits. Your connections and keys are not deleted. Subscribe again any time from the Billing page."
                ),
            }),
            Block::Action {
                label: t(l, "Buka Tagihan", "Open Billing"),
                url: page(links, l, "app/billing/"),
            },
        ],
    }
}

fn payment_received(
    l: Locale,
    links: &Links<'_>,
    invoice: &str,
    plan: &str,
    total: i64,
    method: Option<&str>,
    ends: DateTime<Utc>,
) -> Draft {
    let total = rupiah(total);
    let ends = wib(ends);
    let method = method.map(|m| format!(" ({m})")).unwrap_or_default();
    Draft {
        subject: match l {
            Locale::Id => format!("Satu: pembayaran {invoice} diterima"),
            Locale::En => format!("Satu: payment for {invoice} received"),
        },
        blocks: vec![
            Block::Para(match l {
                Locale::Id => format!(
                    "Terima kasih! Pembayaran {total}{method} untuk invoice {invoice} sudah kami terima. Paket {plan} aktif sampai {ends}."
                ),
                Locale::En => format!(
                    "Thank you! We received {total}{method} for invoice {invoice}. Your {plan} plan is on until {ends}."
                ),
            }),
            Block::Action {
                label: t(l, "Lihat invoice", "See the invoice"),
                url: page(links, l, "app/billing/"),
            },
        ],
    }
}

fn payment_failed(
    l: Locale,
    links: &Links<'_>,
    invoice: &str,
    plan: &str,
    state: &str,
    revoked: bool,
) -> Draft {
    let why = match (l, state) {
        (Locale::Id, "expired") => "kedaluwarsa sebelum dibayar",
        (Locale::Id, "cancelled") => "dibatalkan",
        (Locale::Id, "refunded" | "partially_refunded") => "dikembalikan (refund)",
        (Locale::Id, "chargeback" | "partial_chargeback") => {
            "ditarik kembali oleh bank (chargeback)"
        }
        (Locale::Id, _) => "ditolak oleh bank atau pemeriksaan fraud",
        (Locale::En, "expired") => "expired before it was paid",
        (Locale::En, "cancelled") => "was cancelled",
        (Locale::En, "refunded" | "partially_refunded") => "was refunded",
        (Locale::En, "chargeback" | "partial_chargeback") => "was charged back by the bank",
        (Locale::En, _) => "was declined by the bank or the fraud check",
    };
    let mut blocks = vec![Block::Para(match l {
        Locale::Id => format!("Pembayaran invoice {invoice} untuk paket {plan} {why}."),
        Locale::En => format!("The payment of invoice {invoice} for the {plan} plan {why}."),
    })];
    if revoked {
        blocks.push(Block::Para(t(
            l,
            "Paket yang dibeli dengan pembayaran ini tidak lagi berlaku; akun Anda kembali ke paket sebelumnya.",
            "The plan this payment bought is no longer on; your account is back on its previous plan.",
        )));
    }
    blocks.push(Block::Action {
        label: t(l, "Buka Tagihan", "Open Billing"),
        url: page(links, l, "app/billing/"),
    });
    Draft {
        subject: match l {
            Locale::Id => format!("Satu: pembayaran {invoice} tidak berhasil"),
            Locale::En => format!("Satu: the payment for {invoice} did not go through"),
        },
        blocks,
    }
}

fn quota(
    l: Locale,
    links: &Links<'_>,
    percent: u8,
    limit: i64,
    plan: &str,
    renews_at: DateTime<Utc>,
) -> Draft {
    let limit = thousands(limit);
    let renews = wib(renews_at);
    let (subject, para) = if percent >= 100 {
        (
            t(
                l,
                "Satu: kuota bulanan Anda habis",
                "Satu: your monthly requests are used up",
            ),
            match l {
                Locale::Id => format!(
                    "Anda telah memakai seluruh {limit} permintaan paket {plan} untuk periode ini. Permintaan ditolak sampai kuota diperbarui pada {renews}, atau tingkatkan paket Anda."
                ),
                Locale::En => format!(
                    "You have used all {limit} requests of your {plan} plan for this billing period. Requests are refused until the quota renews on {renews}, or upgrade your plan."
                ),
            },
        )
    } else {
        (
            match l {
                Locale::Id => format!("Satu: {percent}% kuota bulanan terpakai"),
                Locale::En => format!("Satu: {percent}% of your monthly requests used"),
            },
            match l {
                Locale::Id => format!(
                    "Anda telah memakai {percent}% dari {limit} permintaan paket {plan} untuk periode ini. Kuota diperbarui pada {renews}."
                ),
                Locale::En => format!(
                    "You have used {percent}% of the {limit} requests of your {plan} plan for this billing period. The quota renews on {renews}."
                ),
            },
        )
    };
    Draft {
        subject,
        blocks: vec![
            Block::Para(para),
            Block::Action {
                label: t(l, "Lihat paket dan pemakaian", "See plan and usage"),
                url: page(links, l, "app/billing/"),
            },
        ],
    }
}

fn connection_expired(
    l: Locale,
    links: &Links<'_>,
    provider: &str,
    label: Option<&str>,
    reason: &str,
) -> Draft {
    let name = match label {
        Some(label) => format!("{provider} ({label})"),
        None => provider.to_owned(),
    };
    Draft {
        subject: match l {
            Locale::Id => format!("Satu: koneksi {provider} Anda perlu masuk ulang"),
            Locale::En => format!("Satu: your {provider} connection needs a new sign-in"),
        },
        blocks: vec![
            Block::Para(match l {
                Locale::Id => format!(
                    "{provider} menolak memperbarui akses koneksi {name} ({reason}). Permintaan dialihkan ke koneksi Anda yang lain sampai Anda menyambungkannya lagi."
                ),
                Locale::En => format!(
                    "{provider} refused to renew the access of your connection {name} ({reason}). Requests go to your other connections until you connect it again."
                ),
            }),
            Block::Action {
                label: t(l, "Sambungkan lagi", "Connect again"),
                url: page(links, l, "app/connections/"),
            },
        ],
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
