//! Billing mail: payments received and failed, renewal invoices and reminders, the end of a
//! paid plan.

use chrono::{DateTime, Utc};
use entities::billing::money::rupiah;

use super::{Block, Draft, Links, Locale, page, t, wib};

/// The renewal invoice (`days_left` = `None`), or a reminder that it is unpaid.
pub(super) fn renewal(
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

pub(super) fn downgraded(
    l: Locale,
    links: &Links<'_>,
    plan: &str,
    cancelled: bool,
    paused: u64,
) -> Draft {
    let why = match (l, cancelled) {
        (Locale::Id, true) => format!("Paket {plan} Anda berakhir sesuai permintaan Anda"),
        (Locale::Id, false) => {
            format!("Paket {plan} Anda berakhir tanpa pembayaran perpanjangan")
        }
        (Locale::En, true) => format!("Your {plan} plan ended as you asked"),
        (Locale::En, false) => format!("Your {plan} plan ended without a renewal payment"),
    };
    let mut blocks = vec![Block::Para(match l {
        Locale::Id => format!(
            "{why}, jadi akun Anda kini memakai batas paket Free. Koneksi dan key Anda tidak dihapus. Berlangganan lagi kapan saja dari halaman Tagihan."
        ),
        Locale::En => format!(
            "{why}, so your account now has the Free plan's limits. Your connections and keys are not deleted. Subscribe again any time from the Billing page."
        ),
    })];
    if paused > 0 {
        blocks.push(Block::Para(match l {
            Locale::Id => format!(
                "{paused} koneksi dijeda karena melebihi batas paket Free. Pilih koneksi mana yang tetap aktif di halaman Koneksi."
            ),
            Locale::En => format!(
                "{paused} connection(s) are paused because they are over the Free plan's limits. Choose which stay on from the Connections page."
            ),
        }));
        blocks.push(Block::Action {
            label: t(l, "Pilih koneksi", "Choose connections"),
            url: page(links, l, "app/connections/"),
        });
    } else {
        blocks.push(Block::Action {
            label: t(l, "Buka Tagihan", "Open Billing"),
            url: page(links, l, "app/billing/"),
        });
    }
    Draft {
        subject: t(
            l,
            "Satu: akun Anda kini di paket Free",
            "Satu: your account is on the Free plan now",
        ),
        blocks,
    }
}

pub(super) fn payment_received(
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

pub(super) fn payment_failed(
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
