//! `stock_counts`: a stock count (stocktake) of a location, optionally one category.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::CountStatus;

/// One row of `stock_counts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_counts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Document number, unique.
    #[sea_orm(unique)]
    pub number: String,
    /// The counted location.
    pub location_id: i64,
    /// The counted category; `None` = everything.
    pub category_id: Option<i64>,
    /// Open, posted or cancelled.
    pub status: CountStatus,
    /// Staff member who started it.
    pub created_by: Option<i64>,
    /// When differences were posted.
    pub posted_at: Option<DateTimeUtc>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `stock_counts`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The counted location.
    #[sea_orm(
        belongs_to = "super::location::Entity",
        from = "Column::LocationId",
        to = "super::location::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Location,
    /// The counted category.
    #[sea_orm(
        belongs_to = "super::category::Entity",
        from = "Column::CategoryId",
        to = "super::category::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Category,
    /// The counted lines.
    #[sea_orm(has_many = "super::stock_count_line::Entity")]
    Lines,
}

impl Related<super::location::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Location.def()
    }
}

impl Related<super::category::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::stock_count_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lines.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
