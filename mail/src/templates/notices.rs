//! Notification mail a user can turn off: the monthly quota and expired connections.

use chrono::{DateTime, Utc};
use entities::billing::money::thousands;

use super::{Block, Draft, Links, Locale, page, t, wib};

pub(super) fn quota(
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

pub(super) fn connection_expired(
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
