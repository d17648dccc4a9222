//! `stock_count_lines`: one variant of a stock count.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `stock_count_lines`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stock_count_lines")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The count.
    pub count_id: i64,
    /// The variant.
    pub variant_id: i64,
    /// On hand when the count started.
    pub expected: i64,
    /// Units counted, once counted.
    pub counted: Option<i64>,
}

/// Relations of `stock_count_lines`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The count.
    #[sea_orm(
        belongs_to = "super::stock_count::Entity",
        from = "Column::CountId",
        to = "super::stock_count::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Count,
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

impl Related<super::stock_count::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Count.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
