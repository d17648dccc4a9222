//! `product_images`: a product image stored under `data/images`.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `product_images`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "product_images")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The product.
    pub product_id: i64,
    /// The variant it shows, if specific to one.
    pub variant_id: Option<i64>,
    /// Display order.
    pub position: i32,
    /// Path relative to `data/images`.
    pub path: String,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
    /// Alternative text.
    #[sea_orm(column_type = "Text")]
    pub alt: Option<String>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `product_images`.
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
    /// The variant, if any.
    #[sea_orm(
        belongs_to = "super::variant::Entity",
        from = "Column::VariantId",
        to = "super::variant::Column::Id",
        on_update = "Cascade",
        on_delete = "SetNull"
    )]
    Variant,
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
