//! Stoa's business rules and persistence.
//!
//! Every module exposes plain async functions over a SeaORM connection or transaction and returns
//! [`CommerceError`] on failure. Nothing here knows about HTTP or Leptos.
//!
//! The `db` feature (on by default) holds everything that needs the database, the search index
//! or the file system. Without it the crate is the vocabulary shared with the browser bundle:
//! [`types`], [`money`], [`text`], the stored enums ([`entity::enums`]), roles and permissions
//! ([`staff::role`]), SKU and barcode rules, state machines ([`orders::status`]), the error
//! codes ([`error`]) and the read models the pages show ([`catalog::view`], [`search::view`],
//! [`inventory::view`]). `app` uses it that way when it builds for the browser.

pub mod catalog;
#[cfg(feature = "db")]
pub mod db;
pub mod entity;
pub mod error;
pub mod input;
pub mod inventory;
#[cfg(feature = "db")]
pub mod jobs;
pub mod locale;
pub mod money;
pub mod orders;
#[cfg(feature = "db")]
pub mod outbox;
pub mod search;
#[cfg(feature = "db")]
pub mod sessions;
#[cfg(feature = "db")]
pub mod sign_in;
pub mod staff;
#[cfg(feature = "test-support")]
pub mod test_support;
pub mod text;
pub mod types;

pub use error::{CommerceError, Result, Shortage};
pub use locale::Locale;
pub use money::{Currency, Money};
