//! `stock_receipt_lines`: one line of a goods receipt.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `stock_receipt_lines`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_receipt_lines")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The receipt.
    pub receipt_id: i64,
    /// The variant.
    pub variant_id: i64,
    /// Units received.
    pub quantity: i64,
}

/// Relations of `stock_receipt_lines`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The receipt.
    #[sea_orm(
        belongs_to = "super::stock_receipt::Entity",
        from = "Column::ReceiptId",
        to = "super::stock_receipt::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Receipt,
    /// The variant.
    #[sea_orm(
        belongs_to = "super::variant::Entity",
        from = "Column::VariantId",
        to = "super::variant::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Variant,
}

impl Related<super::stock_receipt::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Receipt.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
