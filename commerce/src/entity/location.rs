//! `locations`: a place that holds stock: a warehouse or a store.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::LocationKind;

/// One row of `locations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "locations")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Short code ("WEB", "ATH", "KRK").
    #[sea_orm(unique)]
    pub code: String,
    /// Name.
    pub name: String,
    /// Warehouse or store.
    pub kind: LocationKind,
    /// The store it belongs to, for store locations.
    pub store_id: Option<i64>,
    /// Online orders ship from here.
    pub ships_online: bool,
    /// Low-stock level for variants without their own.
    pub default_low_stock_threshold: i32,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `locations`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The store, if any.
    #[sea_orm(
        belongs_to = "super::store::Entity",
        from = "Column::StoreId",
        to = "super::store::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Store,
    /// Stock per variant.
    #[sea_orm(has_many = "super::stock_level::Entity")]
    StockLevels,
}

impl Related<super::store::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Store.def()
    }
}

impl Related<super::stock_level::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StockLevels.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
