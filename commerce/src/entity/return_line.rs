//! `return_lines`: units of one order line in a return, and what happens to them.

use sea_orm::entity::prelude::*;

use super::enums::ReturnDisposition;

/// One row of `return_lines`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "return_lines")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The return.
    pub return_id: i64,
    /// The order line returned from.
    pub order_line_id: i64,
    /// Units returned.
    pub quantity: i64,
    /// Reason for this line.
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    /// Pending, restock or write off.
    pub disposition: ReturnDisposition,
    /// Where restocked units go.
    pub restock_location_id: Option<i64>,
}

/// Relations of `return_lines`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The return.
    #[sea_orm(
        belongs_to = "super::return_request::Entity",
        from = "Column::ReturnId",
        to = "super::return_request::Column::Id",
        on_delete = "Cascade"
    )]
    Return,
    /// The order line returned from.
    #[sea_orm(
        belongs_to = "super::order_line::Entity",
        from = "Column::OrderLineId",
        to = "super::order_line::Column::Id"
    )]
    OrderLine,
}

impl Related<super::return_request::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Return.def()
    }
}

impl Related<super::order_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OrderLine.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
