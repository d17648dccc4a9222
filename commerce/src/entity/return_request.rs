//! `returns`: a booked or received return (RMA) against an order.
//!
//! The module is `return_request` because `return` is a Rust keyword.

use sea_orm::entity::prelude::*;

use super::enums::{RefundTo, ReturnMethod, ReturnStatus};

/// One row of `returns`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "returns")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Return code shown to the customer (text and QR).
    #[sea_orm(unique)]
    pub rma_code: String,
    /// The order returned from.
    pub order_id: i64,
    /// Lifecycle state.
    pub status: ReturnStatus,
    /// Drop-off in a store or ship back.
    pub method: ReturnMethod,
    /// Store chosen for drop-off (or where it was received).
    pub store_id: Option<i64>,
    /// Day the customer plans to drop it off.
    pub drop_off_on: Option<Date>,
    /// Customer's reason.
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    /// Original payment method or store credit.
    pub refund_to: RefundTo,
    /// Booked online by the customer (rather than at the desk).
    pub booked_by_customer: bool,
    /// Staff member who received it.
    pub staff_user_id: Option<i64>,
    /// When the goods were received.
    pub received_at: Option<DateTimeUtc>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `returns`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The order returned from.
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id"
    )]
    Order,
    /// The returned lines.
    #[sea_orm(has_many = "super::return_line::Entity")]
    Lines,
    /// Refunds caused by this return.
    #[sea_orm(has_many = "super::refund::Entity")]
    Refunds,
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::return_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lines.def()
    }
}

impl Related<super::refund::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Refunds.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
