//! One payment attempt's state, from Midtrans's `transaction_status` (+ `fraud_status`), and
//! the only transitions Satu applies. Notifications come duplicated, late and out of order, so
//! the state applied is always the one Midtrans's status API reports at processing time, and
//! a transition that would go backwards (pending after settlement) is ignored.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentState {
    /// Waiting for the customer (or a card held for fraud review: capture + challenge).
    Pending,
    /// Money received: settlement, or a card capture the fraud check accepted.
    Paid,
    /// Rejected by the bank or fraud detection; Snap may still take another try on the order.
    Denied,
    Cancelled,
    Expired,
    Failed,
    PartiallyRefunded,
    Refunded,
    PartialChargeback,
    Chargeback,
}

impl PaymentState {
    /// The state a Midtrans status stands for; `None` for a status Satu does not know.
    pub fn from_midtrans(transaction_status: &str, fraud_status: Option<&str>) -> Option<Self> {
        Some(match transaction_status {
            "pending" => PaymentState::Pending,
            // A card held for review is not paid yet; only `accept` (or no fraud check) is.
            "capture" => match fraud_status {
                None | Some("accept") => PaymentState::Paid,
                Some("deny") => PaymentState::Denied,
                Some(_) => PaymentState::Pending,
            },
            "settlement" => match fraud_status {
                Some("deny") => PaymentState::Denied,
                _ => PaymentState::Paid,
            },
            "deny" => PaymentState::Denied,
            "cancel" => PaymentState::Cancelled,
            "expire" => PaymentState::Expired,
            "failure" => PaymentState::Failed,
            "refund" => PaymentState::Refunded,
            "partial_refund" => PaymentState::PartiallyRefunded,
            "chargeback" => PaymentState::Chargeback,
            "partial_chargeback" => PaymentState::PartialChargeback,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentState::Pending => "pending",
            PaymentState::Paid => "paid",
            PaymentState::Denied => "denied",
            PaymentState::Cancelled => "cancelled",
            PaymentState::Expired => "expired",
            PaymentState::Failed => "failed",
            PaymentState::PartiallyRefunded => "partially_refunded",
            PaymentState::Refunded => "refunded",
            PaymentState::PartialChargeback => "partial_chargeback",
            PaymentState::Chargeback => "chargeback",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ALL.into_iter().find(|state| state.as_str() == s)
    }

    /// Whether the plan this payment bought is in force.
    pub fn grants(self) -> bool {
        matches!(
            self,
            PaymentState::Paid | PaymentState::PartiallyRefunded | PaymentState::PartialChargeback
        )
    }

    /// Nothing moves this state any more.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            PaymentState::Cancelled
                | PaymentState::Expired
                | PaymentState::Failed
                | PaymentState::Refunded
                | PaymentState::Chargeback
        )
    }

    /// The state after `incoming` is reported, or `None` when it changes nothing (the same
    /// state, a step backwards, or anything after a final state).
    pub fn next(self, incoming: PaymentState) -> Option<PaymentState> {
        use PaymentState::*;
        if incoming == self || self.is_final() {
            return None;
        }
        let allowed = match self {
            // Waiting or refused-for-now: anything Midtrans reports next.
            Pending | Denied => true,
            // Paid moves only to money going back, or a reversal (a late deny, a cancelled
            // capture).
            Paid => matches!(
                incoming,
                Denied | Cancelled | Refunded | PartiallyRefunded | Chargeback | PartialChargeback
            ),
            PartiallyRefunded => matches!(incoming, Refunded | Chargeback | PartialChargeback),
            PartialChargeback => matches!(incoming, Chargeback | Refunded),
            Cancelled | Expired | Failed | Refunded | Chargeback => false,
        };
        allowed.then_some(incoming)
    }
}

const ALL: [PaymentState; 10] = [
    PaymentState::Pending,
    PaymentState::Paid,
    PaymentState::Denied,
    PaymentState::Cancelled,
    PaymentState::Expired,
    PaymentState::Failed,
    PaymentState::PartiallyRefunded,
    PaymentState::Refunded,
    PaymentState::PartialChargeback,
    PaymentState::Chargeback,
];

#[cfg(test)]
mod tests {
    use super::PaymentState::*;
    use super::*;

    #[test]
    fn midtrans_statuses_map_to_states() {
        assert_eq!(PaymentState::from_midtrans("settlement", None), Some(Paid));
        assert_eq!(
            PaymentState::from_midtrans("capture", Some("accept")),
            Some(Paid)
        );
        assert_eq!(
            PaymentState::from_midtrans("capture", Some("challenge")),
            Some(Pending),
            "held for review is not paid"
        );
        assert_eq!(PaymentState::from_midtrans("expire", None), Some(Expired));
        assert_eq!(PaymentState::from_midtrans("authorize", None), None);
        for state in ALL {
            assert_eq!(PaymentState::parse(state.as_str()), Some(state));
        }
    }

    #[test]
    fn transitions_only_go_forward() {
        assert_eq!(Pending.next(Paid), Some(Paid));
        assert_eq!(
            Paid.next(Pending),
            None,
            "pending after settlement is ignored"
        );
        assert_eq!(Paid.next(Paid), None, "a duplicate changes nothing");
        assert_eq!(Paid.next(Denied), Some(Denied), "a late reversal revokes");
        assert_eq!(Denied.next(Paid), Some(Paid), "Snap may take another try");
        assert_eq!(Paid.next(Refunded), Some(Refunded));
        assert_eq!(PartiallyRefunded.next(Refunded), Some(Refunded));
        assert_eq!(PartiallyRefunded.next(Paid), None);
        for done in [Cancelled, Expired, Failed, Refunded, Chargeback] {
            for incoming in ALL {
                assert_eq!(done.next(incoming), None, "{done:?} is final");
            }
        }
    }

    #[test]
    fn any_order_of_reports_ends_in_the_last_real_state() {
        // Whatever order the same reports arrive in, applying "the current state" each time
        // is idempotent: applying Paid twice equals once.
        let mut state = Pending;
        for incoming in [Paid, Paid, Pending, Paid] {
            if let Some(next) = state.next(incoming) {
                state = next;
            }
        }
        assert_eq!(state, Paid);
    }
}
