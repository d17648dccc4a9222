//! `sign_in_throttles`: failed sign-ins per account or client address, and the lock they earned.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `sign_in_throttles`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "sign_in_throttles")]
pub struct Model {
    /// What is counted: `account:<kind>:<e-mail>` or `client:<address>`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Failed attempts since the last success (or since the count lapsed).
    pub failures: i32,
    /// No attempt is checked before this time.
    pub locked_until: Option<DateTimeUtc>,
    /// The latest failure.
    pub last_failure_at: DateTimeUtc,
}

/// `sign_in_throttles` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
