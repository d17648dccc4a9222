//! `stock_levels`: current stock of one variant at one location; written only by
//! [`crate::inventory`], always equal to the sum of its movements.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `stock_levels`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_levels")]
pub struct Model {
    /// The location.
    #[sea_orm(primary_key, auto_increment = false)]
    pub location_id: i64,
    /// The variant.
    #[sea_orm(primary_key, auto_increment = false)]
    pub variant_id: i64,
    /// Units physically there (sum of movements).
    pub on_hand: i64,
    /// Units held by active reservations (never negative).
    pub reserved: i64,
    /// When the row was last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `stock_levels`.
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
