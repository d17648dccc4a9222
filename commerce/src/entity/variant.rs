//! `variants`: a sellable variant of a product: one SKU, one price.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `variants`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "variants")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The product.
    pub product_id: i64,
    /// Stock-keeping unit, unique.
    #[sea_orm(unique)]
    pub sku: String,
    /// EAN-13 barcode, unique when set.
    #[sea_orm(unique)]
    pub barcode: Option<String>,
    /// VAT-inclusive price in minor units.
    pub price_minor: i64,
    /// "Was" price in minor units, if on sale.
    pub compare_at_minor: Option<i64>,
    /// ISO 4217 currency code of the prices.
    pub currency: String,
    /// Display order within the product.
    pub position: i32,
    /// Shipping weight in grams.
    pub weight_grams: Option<i32>,
    /// Low-stock warning level; `None` = the location default.
    pub low_stock_threshold: Option<i32>,
    /// Sellable.
    pub active: bool,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row was last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `variants`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The product.
    #[sea_orm(
        belongs_to = "super::product::Entity",
        from = "Column::ProductId",
        to = "super::product::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Product,
    /// Stock per location.
    #[sea_orm(has_many = "super::stock_level::Entity")]
    StockLevels,
    /// Images specific to this variant.
    #[sea_orm(has_many = "super::product_image::Entity")]
    Images,
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::stock_level::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StockLevels.def()
    }
}

impl Related<super::product_image::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Images.def()
    }
}

impl Related<super::option_value::Entity> for Entity {
    fn to() -> RelationDef {
        super::variant_option_value::Relation::OptionValue.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::variant_option_value::Relation::Variant.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
