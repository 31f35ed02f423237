//! How Satu writes Rupiah: `Rp 99.000` (dots between thousands, no decimals), in both
//! languages; and estimated costs, kept in nano-USD, as dollars and cents.

/// `12345` → `12.345`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// `99000` → `Rp 99.000`; `-49000` → `-Rp 49.000`.
pub fn rupiah(amount: i64) -> String {
    if amount < 0 {
        format!("-Rp {}", thousands(-amount))
    } else {
        format!("Rp {}", thousands(amount))
    }
}

/// Nano-USD as dollars and cents, rounded down: `12_345_678_901` → `US$12.34`.
pub fn usd_from_nanos(nanos: i64) -> String {
    let cents = nanos.max(0) / 10_000_000;
    format!("US${}.{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_are_rounded_down_to_cents() {
        assert_eq!(usd_from_nanos(12_345_678_901), "US$12.34");
        assert_eq!(usd_from_nanos(0), "US$0.00");
        assert_eq!(usd_from_nanos(-5), "US$0.00");
    }

    #[test]
    fn rupiah_is_grouped_by_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1.000");
        assert_eq!(thousands(1_234_567), "1.234.567");
        assert_eq!(rupiah(99_000), "Rp 99.000");
        assert_eq!(rupiah(-49_000), "-Rp 49.000");
    }
}
