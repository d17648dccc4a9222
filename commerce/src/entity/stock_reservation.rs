//! `stock_reservations`: stock held for a cart, checkout, order, payment link or POS sale.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::{ReservationOwner, ReservationStatus};

/// One row of `stock_reservations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_reservations")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The location.
    pub location_id: i64,
    /// The variant.
    pub variant_id: i64,
    /// Units held.
    pub quantity: i64,
    /// What holds it.
    pub owner_type: ReservationOwner,
    /// Id of what holds it.
    pub owner_id: i64,
    /// Active, committed, released or expired.
    pub status: ReservationStatus,
    /// When an active reservation lapses, if ever.
    pub expires_at: Option<DateTimeUtc>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row was last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `stock_reservations`.
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
