//! Verifying the stock invariants (`stoa check`).

use std::collections::BTreeMap;

use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::{
    entity::{enums::ReservationStatus, stock_level, stock_movement, stock_reservation},
    Result,
};

/// Something that breaks a stock invariant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// `on_hand` differs from the sum of the level's movements.
    LedgerSum {
        /// Location id.
        location_id: i64,
        /// Variant id.
        variant_id: i64,
        /// The level's `on_hand`.
        on_hand: i64,
        /// Sum of its movements.
        ledger: i64,
    },
    /// `reserved` differs from the sum of the level's active reservations.
    Reserved {
        /// Location id.
        location_id: i64,
        /// Variant id.
        variant_id: i64,
        /// The level's `reserved`.
        reserved: i64,
        /// Sum of its active reservations.
        active: i64,
    },
    /// Available (on hand − reserved) or one of the two is negative.
    Negative {
        /// Location id.
        location_id: i64,
        /// Variant id.
        variant_id: i64,
        /// On hand.
        on_hand: i64,
        /// Reserved.
        reserved: i64,
    },
    /// A movement's `balance_after` is not the running sum of the movements before it.
    Balance {
        /// The movement.
        movement_id: i64,
        /// Its `balance_after`.
        recorded: i64,
        /// The running sum.
        running: i64,
    },
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mismatch::LedgerSum { location_id, variant_id, on_hand, ledger } => write!(
                f,
                "stock level of variant {variant_id} at location {location_id}: on hand {on_hand}, but its movements sum to {ledger}"
            ),
            Mismatch::Reserved { location_id, variant_id, reserved, active } => write!(
                f,
                "stock level of variant {variant_id} at location {location_id}: reserved {reserved}, but its active reservations hold {active}"
            ),
            Mismatch::Negative { location_id, variant_id, on_hand, reserved } => write!(
                f,
                "stock level of variant {variant_id} at location {location_id}: on hand {on_hand}, reserved {reserved} (available below zero)"
            ),
            Mismatch::Balance { movement_id, recorded, running } => write!(
                f,
                "stock movement {movement_id}: balance after {recorded}, but the movements up to it sum to {running}"
            ),
        }
    }
}

/// What [`verify`] looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Stock levels checked.
    pub levels: u64,
    /// Movements checked.
    pub movements: u64,
    /// Active reservations checked.
    pub reservations: u64,
    /// Everything that is wrong, first found first (empty when all is well).
    pub mismatches: Vec<Mismatch>,
}

/// Checks every stock level against its ledger and reservations, and every movement's running
/// balance. Reads everything once, streaming movements in id order.
pub async fn verify<C: ConnectionTrait>(conn: &C) -> Result<Report> {
    let mut report = Report::default();
    // (location, variant) → sum of its movements, and the running balance as recorded (after a
    // bad `balance_after` the check carries on from the recorded value, so one bad row is
    // reported once).
    let mut ledger: BTreeMap<(i64, i64), i64> = BTreeMap::new();
    let mut sums: BTreeMap<(i64, i64), i64> = BTreeMap::new();
    let mut last_id = 0i64;
    loop {
        use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
        let batch = stock_movement::Entity::find()
            .filter(stock_movement::Column::Id.gt(last_id))
            .order_by_asc(stock_movement::Column::Id)
            .limit(5_000)
            .all(conn)
            .await?;
        let Some(last) = batch.last() else { break };
        last_id = last.id;
        for m in batch {
            report.movements += 1;
            *ledger.entry((m.location_id, m.variant_id)).or_insert(0) += m.quantity;
            let sum = sums.entry((m.location_id, m.variant_id)).or_insert(0);
            *sum += m.quantity;
            if *sum != m.balance_after {
                report.mismatches.push(Mismatch::Balance {
                    movement_id: m.id,
                    recorded: m.balance_after,
                    running: *sum,
                });
                *sum = m.balance_after;
            }
        }
    }
    let mut held: BTreeMap<(i64, i64), i64> = BTreeMap::new();
    {
        use sea_orm::{ColumnTrait, QueryFilter};
        for r in stock_reservation::Entity::find()
            .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active))
            .all(conn)
            .await?
        {
            report.reservations += 1;
            *held.entry((r.location_id, r.variant_id)).or_insert(0) += r.quantity;
        }
    }
    let levels = stock_level::Entity::find()
        .order_by_asc(stock_level::Column::LocationId)
        .order_by_asc(stock_level::Column::VariantId)
        .all(conn)
        .await?;
    for l in &levels {
        report.levels += 1;
        let key = (l.location_id, l.variant_id);
        let from_ledger = ledger.remove(&key).unwrap_or(0);
        if from_ledger != l.on_hand {
            report.mismatches.push(Mismatch::LedgerSum {
                location_id: l.location_id,
                variant_id: l.variant_id,
                on_hand: l.on_hand,
                ledger: from_ledger,
            });
        }
        let active = held.remove(&key).unwrap_or(0);
        if active != l.reserved {
            report.mismatches.push(Mismatch::Reserved {
                location_id: l.location_id,
                variant_id: l.variant_id,
                reserved: l.reserved,
                active,
            });
        }
        if l.on_hand < 0 || l.reserved < 0 || l.on_hand < l.reserved {
            report.mismatches.push(Mismatch::Negative {
                location_id: l.location_id,
                variant_id: l.variant_id,
                on_hand: l.on_hand,
                reserved: l.reserved,
            });
        }
    }
    // Movements or reservations without a level row.
    for ((location_id, variant_id), sum) in ledger {
        if sum != 0 {
            report.mismatches.push(Mismatch::LedgerSum {
                location_id,
                variant_id,
                on_hand: 0,
                ledger: sum,
            });
        }
    }
    for ((location_id, variant_id), active) in held {
        report.mismatches.push(Mismatch::Reserved {
            location_id,
            variant_id,
            reserved: 0,
            active,
        });
    }
    Ok(report)
}
