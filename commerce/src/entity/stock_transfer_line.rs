//! `stock_transfer_lines`: one line of a stock transfer.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `stock_transfer_lines`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_transfer_lines")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The transfer.
    pub transfer_id: i64,
    /// The variant.
    pub variant_id: i64,
    /// Units sent.
    pub quantity_sent: i64,
    /// Units received, once received.
    pub quantity_received: Option<i64>,
}

/// Relations of `stock_transfer_lines`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The transfer.
    #[sea_orm(
        belongs_to = "super::stock_transfer::Entity",
        from = "Column::TransferId",
        to = "super::stock_transfer::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Transfer,
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

impl Related<super::stock_transfer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Transfer.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
