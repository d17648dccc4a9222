//! The stock ledger: the only code that writes stock levels, movements and reservations.
//!
//! Stock lives per (location, variant) in `stock_levels`: `on_hand` (units physically there) and
//! `reserved` (units promised by active reservations); available = on hand − reserved.
//!
//! Invariants, kept by every function here and verified by [`check::verify`] (`stoa check`):
//! - every change of `on_hand` is one appended `stock_movements` row in the same transaction,
//!   so a level always equals the sum of its movements (the ledger never changes afterwards);
//! - `reserved` equals the sum of the level's active reservations;
//! - 0 ≤ reserved ≤ on hand: nothing is reserved, sold, sent or written off that is not
//!   available. Each level change is one conditional `UPDATE … WHERE on_hand - reserved >= n`,
//!   so concurrent requests cannot interleave into an oversell on SQLite (write transactions
//!   are serialised, [`crate::db::begin_write`]) or PostgreSQL (the update locks the row; lines
//!   are taken in (location, variant) order so two baskets cannot deadlock).
//!
//! Documents: [`receipts`] (supplier deliveries), [`adjustments`] (damaged, lost, found,
//! correction), [`transfers`] (draft → sent → received, or cancelled), [`counts`] (open →
//! posted, or cancelled), and [`reservations`] (carts, checkouts, orders, payment links, POS:
//! reserve → commit into a sale, or release/expire). Read models for the staff pages are
//! built in [`views`]; what they show is defined in [`view`] (shared with the browser bundle).

#[cfg(feature = "db")]
pub mod adjustments;
#[cfg(feature = "db")]
pub mod check;
#[cfg(feature = "db")]
pub mod counts;
#[cfg(feature = "db")]
mod ledger;
#[cfg(feature = "db")]
pub mod receipts;
#[cfg(feature = "db")]
pub mod reservations;
#[cfg(feature = "db")]
mod shared;
#[cfg(feature = "db")]
pub mod thresholds;
#[cfg(feature = "db")]
pub mod transfers;
pub mod view;
#[cfg(feature = "db")]
pub mod views;

#[cfg(feature = "db")]
pub use ledger::{level, post_movement, Level, NewMovement};
#[cfg(feature = "db")]
pub use shared::*;
