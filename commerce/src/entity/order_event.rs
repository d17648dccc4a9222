//! `order_events`: the order timeline; every change to an order appends one.

use sea_orm::entity::prelude::*;

use super::enums::{OrderEventKind, OrderStatus};

/// One row of `order_events`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "order_events")]
pub struct Model {
    /// Primary key (orders the timeline).
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The order.
    pub order_id: i64,
    /// What happened.
    pub kind: OrderEventKind,
    /// Status before a status change.
    pub from_status: Option<OrderStatus>,
    /// Status after a status change.
    pub to_status: Option<OrderStatus>,
    /// Human-readable text.
    #[sea_orm(column_type = "Text", nullable)]
    pub message: Option<String>,
    /// Structured details (amounts, references).
    pub data: Option<Json>,
    /// Staff member who caused it, if any.
    pub staff_user_id: Option<i64>,
    /// When it happened.
    pub created_at: DateTimeUtc,
}

/// Relations of `order_events`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The order.
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id",
        on_delete = "Cascade"
    )]
    Order,
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
