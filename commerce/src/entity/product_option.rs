//! `product_options`: an option a product varies by ("size", "colour"…).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `product_options`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "product_options")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The product.
    pub product_id: i64,
    /// Option code, unique per product.
    pub code: String,
    /// Display order.
    pub position: i32,
}

/// Relations of `product_options`.
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
    /// The values this option takes.
    #[sea_orm(has_many = "super::option_value::Entity")]
    Values,
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Product.def()
    }
}

impl Related<super::option_value::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Values.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
