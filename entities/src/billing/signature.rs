//! Midtrans notification signatures: `signature_key` is the lowercase hex SHA-512 of
//! `order_id + status_code + gross_amount + server_key`, over the strings exactly as received
//! (`"99000.00"`, never re-formatted). Compared in constant time.

use sha2::{Digest, Sha512};

pub fn expected(order_id: &str, status_code: &str, gross_amount: &str, key: &str) -> String {
    let mut hasher = Sha512::new();
    for part in [order_id, status_code, gross_amount, key] {
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `given` is the signature of those fields under `key`.
pub fn verify(
    order_id: &str,
    status_code: &str,
    gross_amount: &str,
    key: &str,
    given: &str,
) -> bool {
    let want = expected(order_id, status_code, gross_amount, key);
    let given = given.trim().to_ascii_lowercase();
    // Constant time over the length of the expected value.
    want.len() == given.len()
        && want
            .bytes()
            .zip(given.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The settled BCA VA notification from Midtrans's docs, signed with the sandbox test key.
    const SIGNED: &str = "3132ef4f280ae6e92441e838c412f8a3462e2d83748e34cfb35af278ebb7b9408cdb069d6ed649b050dd63b1ca88faffdb6b2fe75002f9b3ba4f2a4215207e4c";

    #[test]
    fn the_documented_notification_verifies() {
        let key = "SB-Mid-server-TESTKEY123";
        assert!(verify("SAT-2026-000123-1", "200", "99000.00", key, SIGNED));
        assert!(
            !verify("SAT-2026-000123-1", "200", "99000", key, SIGNED),
            "as received, never re-formatted"
        );
        assert!(!verify(
            "SAT-2026-000123-1",
            "200",
            "99000.00",
            "SB-Mid-server-OTHER",
            SIGNED
        ));
        assert!(!verify("SAT-2026-000123-1", "200", "99000.00", key, ""));
    }
}
