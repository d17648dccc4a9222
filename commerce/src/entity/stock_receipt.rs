//! `stock_receipts`: a delivery of goods into a location.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `stock_receipts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_receipts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Document number, unique.
    #[sea_orm(unique)]
    pub number: String,
    /// Receiving location.
    pub location_id: i64,
    /// Supplier name.
    pub supplier: Option<String>,
    /// Free-text note.
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    /// Staff member who received it.
    pub staff_user_id: Option<i64>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `stock_receipts`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The receiving location.
    #[sea_orm(
        belongs_to = "super::location::Entity",
        from = "Column::LocationId",
        to = "super::location::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Location,
    /// The received lines.
    #[sea_orm(has_many = "super::stock_receipt_line::Entity")]
    Lines,
}

impl Related<super::location::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Location.def()
    }
}

impl Related<super::stock_receipt_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lines.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
