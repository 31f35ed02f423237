//! PPN on a price, in whole Rupiah with integer maths (never a float). Services since 2025:
//! the tax base (DPP, "nilai lain") is 11/12 of the price and PPN is 12 % of that base, so 11 %
//! in effect. Rounding is pinned here and by the tests: the base rounds half up to a whole
//! Rupiah, PPN is computed on the rounded base and rounds half up too.

/// How a listed price relates to tax (`billing.*` config).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaxRule {
    /// False when the seller is not a PKP: no PPN at all.
    pub charge_ppn: bool,
    /// The listed price already includes PPN (Rp 49.000 is what the customer pays).
    pub prices_include_tax: bool,
    /// PPN in percent of the base (12).
    pub rate_percent: i64,
    /// The base as a fraction of the price (11/12).
    pub base_numerator: i64,
    pub base_denominator: i64,
}

impl Default for TaxRule {
    fn default() -> Self {
        Self {
            charge_ppn: true,
            prices_include_tax: true,
            rate_percent: 12,
            base_numerator: 11,
            base_denominator: 12,
        }
    }
}

/// The figures on an invoice: what the service costs before tax, the tax base, the tax, and
/// what is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Amounts {
    /// The price without PPN (the invoice's subtotal line).
    pub net: i64,
    /// DPP nilai lain: the base PPN is computed on.
    pub tax_base: i64,
    pub ppn: i64,
    /// What the customer pays: `net + ppn`.
    pub total: i64,
}

/// `a * num / den` rounded half up, for non-negative figures.
fn ratio(a: i64, num: i64, den: i64) -> i64 {
    (a * num * 2 + den) / (den * 2)
}

impl TaxRule {
    /// The amounts for a listed `price` (Rupiah).
    pub fn amounts(&self, price: i64) -> Amounts {
        if !self.charge_ppn || price <= 0 {
            return Amounts {
                net: price,
                tax_base: 0,
                ppn: 0,
                total: price,
            };
        }
        let (num, den, rate) = (
            self.base_numerator,
            self.base_denominator,
            self.rate_percent,
        );
        if !self.prices_include_tax {
            let tax_base = ratio(price, num, den);
            let ppn = ratio(tax_base, rate, 100);
            return Amounts {
                net: price,
                tax_base,
                ppn,
                total: price + ppn,
            };
        }
        // Included: the net is the price that, taxed, totals `price`; the effective rate is
        // rate × num / den (11 %), so net = price × 100·den / (100·den + rate·num).
        let net = ratio(price, 100 * den, 100 * den + rate * num);
        let tax_base = ratio(net, num, den);
        Amounts {
            net,
            tax_base,
            ppn: price - net,
            total: price,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_on_top_matches_the_worked_example() {
        let rule = TaxRule {
            prices_include_tax: false,
            ..TaxRule::default()
        };
        assert_eq!(
            rule.amounts(99_000),
            Amounts {
                net: 99_000,
                tax_base: 90_750,
                ppn: 10_890,
                total: 109_890
            }
        );
    }

    #[test]
    fn included_matches_the_worked_example() {
        let a = TaxRule::default().amounts(99_000);
        assert_eq!((a.net, a.ppn, a.total), (89_189, 9_811, 99_000));
        assert_eq!(a.tax_base, 81_757);
        let starter = TaxRule::default().amounts(49_000);
        assert_eq!(starter.net + starter.ppn, 49_000, "the parts add up");
        assert_eq!((starter.net, starter.ppn), (44_144, 4_856));
    }

    #[test]
    fn no_ppn_when_the_seller_is_not_a_pkp() {
        let rule = TaxRule {
            charge_ppn: false,
            ..TaxRule::default()
        };
        let a = rule.amounts(49_000);
        assert_eq!((a.net, a.ppn, a.total), (49_000, 0, 49_000));
    }

    #[test]
    fn parts_always_add_up() {
        for price in (1_000..500_000).step_by(997) {
            for include in [true, false] {
                let rule = TaxRule {
                    prices_include_tax: include,
                    ..TaxRule::default()
                };
                let a = rule.amounts(price);
                assert_eq!(a.net + a.ppn, a.total, "{price} {include}");
                assert!(a.ppn >= 0 && a.tax_base <= a.net);
            }
        }
    }
}
