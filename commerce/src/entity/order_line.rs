//! `order_lines`: a snapshot of what was sold (sku, name, price, VAT) on an order.

use sea_orm::entity::prelude::*;

/// One row of `order_lines`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_lines")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Owning order.
    pub order_id: i64,
    /// Variant sold; `None` once the variant is deleted.
    pub variant_id: Option<i64>,
    /// SKU at the time of sale.
    pub sku: String,
    /// Product name at the time of sale (order locale).
    pub name: String,
    /// Option values at the time of sale ("M / Blue").
    pub variant_label: String,
    /// Units sold.
    pub quantity: i64,
    /// VAT-inclusive unit price, minor units.
    pub unit_price_minor: i64,
    /// Discount on the line, minor units.
    pub discount_minor: i64,
    /// VAT rate in basis points.
    pub vat_rate_bp: i32,
    /// VAT included in the line total, minor units.
    pub vat_minor: i64,
    /// Line total after discount, minor units.
    pub total_minor: i64,
    /// Units returned so far.
    pub quantity_returned: i64,
}

/// Relations of `order_lines`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The owning order.
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id",
        on_delete = "Cascade"
    )]
    Order,
    /// Return lines that return units of this line.
    #[sea_orm(has_many = "super::return_line::Entity")]
    ReturnLines,
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::return_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::ReturnLines.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
