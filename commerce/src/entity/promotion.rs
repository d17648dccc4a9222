//! `promotions`: discount codes and automatic promotions, one engine for every channel.

use sea_orm::entity::prelude::*;

use super::enums::PromotionKind;

/// One row of `promotions`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "promotions")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Discount code the shopper types; `None` for an automatic promotion.
    #[sea_orm(unique)]
    pub code: Option<String>,
    /// Name shown to staff and on receipts.
    pub name: String,
    /// Percentage or fixed amount.
    pub kind: PromotionKind,
    /// Basis points (percent) or minor units (fixed amount).
    pub value: i64,
    /// Smallest subtotal the promotion applies to, in minor units.
    pub min_subtotal_minor: Option<i64>,
    /// Start of validity (inclusive).
    pub starts_at: Option<DateTimeUtc>,
    /// End of validity (exclusive).
    pub ends_at: Option<DateTimeUtc>,
    /// How many orders may use it at most.
    pub usage_limit: Option<i32>,
    /// How many orders have used it.
    pub used_count: i32,
    /// Switched on by staff.
    pub active: bool,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// `promotions` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
