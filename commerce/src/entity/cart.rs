//! `carts`: a cart in any channel (web, POS, payment link), movable between channels by code.

use sea_orm::entity::prelude::*;

use super::enums::{CartStatus, Channel};

/// One row of `carts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "carts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Secret token held in the shopper's cookie.
    #[sea_orm(unique)]
    pub token: String,
    /// Short code shown as text/QR to open the cart at the counter.
    #[sea_orm(unique)]
    pub code: String,
    /// Signed-in or attached customer.
    pub customer_id: Option<i64>,
    /// Channel the cart was started in.
    pub channel: Channel,
    /// Open, converted or abandoned.
    pub status: CartStatus,
    /// ISO 4217 currency code.
    #[sea_orm(column_type = "String(StringLen::N(3))")]
    pub currency: String,
    /// Shopper's locale ("en", "el", "pl").
    #[sea_orm(column_type = "String(StringLen::N(8))")]
    pub locale: String,
    /// Discount code entered, if any.
    pub promotion_code: Option<String>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `carts`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The cart's lines.
    #[sea_orm(has_many = "super::cart_line::Entity")]
    Lines,
}

impl Related<super::cart_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lines.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
