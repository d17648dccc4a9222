//! Stoa's business rules and persistence.
//!
//! Every module exposes plain async functions over a SeaORM connection or transaction and returns
//! [`CommerceError`] on failure. Nothing here knows about HTTP or Leptos.

pub mod catalog;
pub mod db;
pub mod demo;
pub mod entity;
pub mod error;
pub mod inventory;
pub mod jobs;
pub mod money;
pub mod orders;
pub mod outbox;
pub mod search;
pub mod sessions;
pub mod sign_in;
pub mod staff;
pub mod text;
pub mod types;

pub use error::{CommerceError, Result, Shortage};
pub use money::{Currency, Money};
