//! `stock_movements`: one append-only entry of the stock ledger.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::{AdjustmentReason, DocumentType, MovementReason};

/// One row of `stock_movements`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_movements")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The location.
    pub location_id: i64,
    /// The variant.
    pub variant_id: i64,
    /// Signed change in units (never 0).
    pub quantity: i64,
    /// Why stock moved.
    pub reason: MovementReason,
    /// Why, for manual adjustments.
    pub adjustment_reason: Option<AdjustmentReason>,
    /// `on_hand` right after this movement.
    pub balance_after: i64,
    /// Kind of source document, if any.
    pub document_type: Option<DocumentType>,
    /// Id of the source document, if any.
    pub document_id: Option<i64>,
    /// Staff member who caused it, if any.
    pub staff_user_id: Option<i64>,
    /// Free-text note.
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `stock_movements`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The location.
    #[sea_orm(
        belongs_to = "super::location::Entity",
        from = "Column::LocationId",
        to = "super::location::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Location,
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

impl Related<super::location::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Location.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
