//! State machines with explicit allowed transitions (DESIGN §4): orders, returns, payment links,
//! register shifts, stock transfers and stock counts — one vocabulary for every status enum
//! (`next_statuses`, `can_transition_to`, `transition`, `is_terminal`). An illegal transition is
//! a [`CommerceError::Conflict`] carrying a [`Transition`] code, never a silent no-op; moving to
//! the current status is illegal too.
//!
//! | machine | from | allowed to |
//! |---|---|---|
//! | order | pending | confirmed, cancelled, expired |
//! | order | confirmed | ready_for_pickup, shipped, completed, cancelled |
//! | order | ready_for_pickup | completed, expired, cancelled |
//! | order | shipped | completed |
//! | order | completed, cancelled, expired | — (terminal) |
//! | return | booked | received, cancelled, rejected |
//! | return | received | refunded, rejected |
//! | return | refunded, rejected, cancelled | — (terminal) |
//! | payment link | open | paid, expired, cancelled |
//! | payment link | paid, expired, cancelled | — (terminal) |
//! | shift | open | closed |
//! | shift | closed | — (terminal) |
//! | transfer | draft | sent, cancelled |
//! | transfer | sent | received |
//! | transfer | received, cancelled | — (terminal) |
//! | count | open | posted, cancelled |
//! | count | posted, cancelled | — (terminal) |

use crate::entity::enums::{
    CountStatus, OrderStatus, PaymentLinkStatus, ReturnStatus, ShiftStatus, TransferStatus,
};
use crate::error::{Conflict, Transition};
use crate::{CommerceError, Result};

/// Implements `next_statuses`, `can_transition_to`, `transition` and `is_terminal` for a status
/// enum from its transition table; the `match` makes the table name every variant.
macro_rules! state_machine {
    ($ty:ident, $transition:ident, $what:literal, { $($from:ident => [$($to:ident),*],)* }) => {
        impl $ty {
            #[doc = concat!("The statuses a ", $what, " may move to from this one (empty when terminal).")]
            pub fn next_statuses(self) -> &'static [$ty] {
                match self {
                    $($ty::$from => &[$($ty::$to),*],)*
                }
            }

            #[doc = concat!("Whether a ", $what, " may move from this status to `next`.")]
            pub fn can_transition_to(self, next: $ty) -> bool {
                self.next_statuses().contains(&next)
            }

            #[doc = concat!("Returns `next` if a ", $what, " may move there from this status, else a [`CommerceError::Conflict`].")]
            pub fn transition(self, next: $ty) -> Result<$ty> {
                if self.can_transition_to(next) {
                    Ok(next)
                } else {
                    Err(CommerceError::Conflict(Conflict::Transition(Transition::$transition(
                        self, next,
                    ))))
                }
            }

            #[doc = concat!("Whether no transition leaves this status (the ", $what, " is finished).")]
            pub fn is_terminal(self) -> bool {
                self.next_statuses().is_empty()
            }
        }
    };
}

state_machine!(OrderStatus, Order, "order", {
    Pending => [Confirmed, Cancelled, Expired],
    Confirmed => [ReadyForPickup, Shipped, Completed, Cancelled],
    ReadyForPickup => [Completed, Expired, Cancelled],
    Shipped => [Completed],
    Completed => [],
    Cancelled => [],
    Expired => [],
});

state_machine!(ReturnStatus, Return, "return", {
    Booked => [Received, Cancelled, Rejected],
    Received => [Refunded, Rejected],
    Refunded => [],
    Rejected => [],
    Cancelled => [],
});

state_machine!(PaymentLinkStatus, PaymentLink, "payment link", {
    Open => [Paid, Expired, Cancelled],
    Paid => [],
    Expired => [],
    Cancelled => [],
});

state_machine!(ShiftStatus, Shift, "shift", {
    Open => [Closed],
    Closed => [],
});

state_machine!(TransferStatus, Transfer, "transfer", {
    Draft => [Sent, Cancelled],
    Sent => [Received],
    Received => [],
    Cancelled => [],
});

state_machine!(CountStatus, Count, "count", {
    Open => [Posted, Cancelled],
    Posted => [],
    Cancelled => [],
});

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::fmt::Debug;
    use std::hash::Hash;

    use super::*;

    /// Checks every (from, to) pair of `T` against `allowed`, written as database values so the
    /// table reads independently of the code under test.
    fn check_exhaustive<T>(
        what: &str,
        allowed: &[(&str, &str)],
        can: fn(T, T) -> bool,
        go: fn(T, T) -> Result<T>,
    ) where
        T: Copy + Eq + Hash + Debug + std::fmt::Display + 'static,
        T: AllValues,
    {
        let names: HashSet<String> = T::all().iter().map(|s| s.to_string()).collect();
        for (from, to) in allowed {
            assert!(names.contains(*from), "unknown status {from} in table");
            assert!(names.contains(*to), "unknown status {to} in table");
        }
        let allowed: HashSet<(String, String)> = allowed
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        let mut seen = 0;
        for &from in T::all() {
            for &to in T::all() {
                let key = (from.to_string(), to.to_string());
                let expected = allowed.contains(&key);
                assert_eq!(can(from, to), expected, "{what}: {from:?} -> {to:?}");
                match go(from, to) {
                    Ok(next) => {
                        assert!(expected, "{what}: {from:?} -> {to:?} should fail");
                        assert_eq!(next, to);
                    }
                    Err(e @ CommerceError::Conflict(Conflict::Transition(_))) => {
                        assert!(!expected, "{what}: {from:?} -> {to:?} should succeed");
                        assert_eq!(
                            e.to_string(),
                            format!("cannot move {what} from {} to {}", key.0, key.1)
                        );
                    }
                    Err(other) => panic!("{what}: unexpected error {other:?}"),
                }
                if expected {
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, allowed.len(), "{what}: table has duplicate rows");
    }

    /// `ALL` of a stored enum, through a trait so [`check_exhaustive`] can be generic.
    trait AllValues: Sized + 'static {
        fn all() -> &'static [Self];
    }

    macro_rules! all_values {
        ($($ty:ty),*) => {$(
            impl AllValues for $ty {
                fn all() -> &'static [Self] {
                    <$ty>::ALL
                }
            }
        )*};
    }
    all_values!(
        OrderStatus,
        ReturnStatus,
        PaymentLinkStatus,
        ShiftStatus,
        TransferStatus,
        CountStatus
    );

    #[test]
    fn transfer_transitions_match_table() {
        check_exhaustive(
            "transfer",
            &[
                ("draft", "sent"),
                ("draft", "cancelled"),
                ("sent", "received"),
            ],
            TransferStatus::can_transition_to,
            TransferStatus::transition,
        );
    }

    #[test]
    fn count_transitions_match_table() {
        check_exhaustive(
            "count",
            &[("open", "posted"), ("open", "cancelled")],
            CountStatus::can_transition_to,
            CountStatus::transition,
        );
    }

    #[test]
    fn order_transitions_match_table() {
        check_exhaustive(
            "order",
            &[
                ("pending", "confirmed"),
                ("pending", "cancelled"),
                ("pending", "expired"),
                ("confirmed", "ready_for_pickup"),
                ("confirmed", "shipped"),
                ("confirmed", "completed"),
                ("confirmed", "cancelled"),
                ("ready_for_pickup", "completed"),
                ("ready_for_pickup", "expired"),
                ("ready_for_pickup", "cancelled"),
                ("shipped", "completed"),
            ],
            OrderStatus::can_transition_to,
            OrderStatus::transition,
        );
    }

    #[test]
    fn return_transitions_match_table() {
        check_exhaustive(
            "return",
            &[
                ("booked", "received"),
                ("booked", "cancelled"),
                ("booked", "rejected"),
                ("received", "refunded"),
                ("received", "rejected"),
            ],
            ReturnStatus::can_transition_to,
            ReturnStatus::transition,
        );
    }

    #[test]
    fn payment_link_transitions_match_table() {
        check_exhaustive(
            "payment link",
            &[("open", "paid"), ("open", "expired"), ("open", "cancelled")],
            PaymentLinkStatus::can_transition_to,
            PaymentLinkStatus::transition,
        );
    }

    #[test]
    fn shift_transitions_match_table() {
        check_exhaustive(
            "shift",
            &[("open", "closed")],
            ShiftStatus::can_transition_to,
            ShiftStatus::transition,
        );
    }

    #[test]
    fn terminal_statuses() {
        let terminal: Vec<_> = OrderStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.is_terminal())
            .collect();
        assert_eq!(
            terminal,
            [
                OrderStatus::Completed,
                OrderStatus::Cancelled,
                OrderStatus::Expired
            ]
        );
        let terminal: Vec<_> = ReturnStatus::ALL
            .iter()
            .copied()
            .filter(|s| s.is_terminal())
            .collect();
        assert_eq!(
            terminal,
            [
                ReturnStatus::Refunded,
                ReturnStatus::Rejected,
                ReturnStatus::Cancelled
            ]
        );
        assert!(!PaymentLinkStatus::Open.is_terminal());
        assert!(ShiftStatus::Closed.is_terminal());
    }

    #[test]
    fn illegal_order_move_is_a_conflict_with_a_clear_message() {
        let err = OrderStatus::Shipped
            .transition(OrderStatus::Cancelled)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot move order from shipped to cancelled"
        );
        assert!(matches!(
            err,
            CommerceError::Conflict(Conflict::Transition(Transition::Order(
                OrderStatus::Shipped,
                OrderStatus::Cancelled
            )))
        ));
    }
}
