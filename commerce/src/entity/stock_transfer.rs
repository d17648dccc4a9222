//! `stock_transfers`: goods moved from one location to another.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::TransferStatus;

/// One row of `stock_transfers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_transfers")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Document number, unique.
    #[sea_orm(unique)]
    pub number: String,
    /// Sending location.
    pub from_location_id: i64,
    /// Receiving location.
    pub to_location_id: i64,
    /// Draft, sent, received or cancelled.
    pub status: TransferStatus,
    /// Free-text note.
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    /// Staff member who created it.
    pub created_by: Option<i64>,
    /// When it was sent.
    pub sent_at: Option<DateTimeUtc>,
    /// When it was received.
    pub received_at: Option<DateTimeUtc>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row was last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `stock_transfers`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The sending location.
    #[sea_orm(
        belongs_to = "super::location::Entity",
        from = "Column::FromLocationId",
        to = "super::location::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    FromLocation,
    /// The receiving location.
    #[sea_orm(
        belongs_to = "super::location::Entity",
        from = "Column::ToLocationId",
        to = "super::location::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    ToLocation,
    /// The transferred lines.
    #[sea_orm(has_many = "super::stock_transfer_line::Entity")]
    Lines,
}

impl Related<super::stock_transfer_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lines.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
