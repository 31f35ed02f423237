//! Team mail: an invite (its link carries the invite's token) and the team's cost budget
//! alerts to its owners and admins.

use entities::billing::money::usd_from_nanos as usd;

use super::{Block, Draft, Links, Locale, page, t, token_link};

pub(super) fn invite(l: Locale, links: &Links<'_>, team: &str, inviter: &str, role: &str) -> Draft {
    let role = match (l, role) {
        (Locale::Id, "admin") => "admin",
        (Locale::Id, _) => "anggota",
        (Locale::En, "admin") => "an admin",
        (Locale::En, _) => "a member",
    };
    Draft {
        subject: match l {
            Locale::Id => format!("{inviter} mengundang Anda ke tim {team} di Satu"),
            Locale::En => format!("{inviter} invited you to the {team} team on Satu"),
        },
        blocks: vec![
            Block::Para(match l {
                Locale::Id => format!(
                    "{inviter} mengundang Anda bergabung dengan tim {team} sebagai {role}. Tim berbagi koneksi AI, aturan routing, dan kuota; permintaan Anda tercatat atas nama Anda."
                ),
                Locale::En => format!(
                    "{inviter} invited you to join the {team} team as {role}. The team shares its AI connections, routing and quota; your requests are recorded as yours."
                ),
            }),
            Block::Action {
                label: t(l, "Terima undangan", "Accept the invite"),
                url: token_link(links, l, "invite/"),
            },
            Block::Para(t(
                l,
                "Tautan ini berlaku 7 hari dan hanya untuk alamat email ini. Jika Anda belum punya akun Satu, Anda bisa mendaftar saat menerimanya.",
                "The link works for 7 days and only for this email address. Without a Satu account yet, you sign up as you accept.",
            )),
        ],
    }
}

pub(super) fn budget(
    l: Locale,
    links: &Links<'_>,
    team: &str,
    percent: u8,
    budget_nanos: i64,
    spent_nanos: i64,
) -> Draft {
    let budget = usd(budget_nanos);
    let spent = usd(spent_nanos);
    let (subject, para) = if percent >= 100 {
        (
            match l {
                Locale::Id => format!("Satu: anggaran bulanan tim {team} habis"),
                Locale::En => format!("Satu: the {team} team's monthly budget is used up"),
            },
            match l {
                Locale::Id => format!(
                    "Tim {team} telah memakai {spent} dari anggaran bulanan {budget}. Permintaan tim ditolak sampai periode berikutnya atau sampai anggaran dinaikkan."
                ),
                Locale::En => format!(
                    "The {team} team has used {spent} of its {budget} monthly budget. The team's requests are refused until the next period, or until the budget is raised."
                ),
            },
        )
    } else {
        (
            match l {
                Locale::Id => format!("Satu: {percent}% anggaran tim {team} terpakai"),
                Locale::En => format!("Satu: {percent}% of the {team} team's budget used"),
            },
            match l {
                Locale::Id => format!(
                    "Tim {team} telah memakai {spent} ({percent}%) dari anggaran bulanan {budget}."
                ),
                Locale::En => format!(
                    "The {team} team has used {spent} ({percent}%) of its {budget} monthly budget."
                ),
            },
        )
    };
    Draft {
        subject,
        blocks: vec![
            Block::Para(para),
            Block::Action {
                label: t(l, "Lihat pemakaian tim", "See the team's usage"),
                url: page(links, l, "app/team/"),
            },
        ],
    }
}
