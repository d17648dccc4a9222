//! `refunds`: every refund against an order, whatever the method.

use sea_orm::entity::prelude::*;

use super::enums::{PaymentMethod, PaymentState};

/// One row of `refunds`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refunds")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The order refunded.
    pub order_id: i64,
    /// The payment refunded, if it goes back to one.
    pub payment_id: Option<i64>,
    /// The return that caused it, if any.
    pub return_id: Option<i64>,
    /// How the money goes back.
    pub method: PaymentMethod,
    /// Pending, succeeded or failed.
    pub status: PaymentState,
    /// Amount refunded, minor units.
    pub amount_minor: i64,
    /// ISO 4217 currency code.
    #[sea_orm(column_type = "String(StringLen::N(3))")]
    pub currency: String,
    /// Provider's refund reference.
    pub provider_ref: Option<String>,
    /// Why.
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    /// Staff member who issued it.
    pub staff_user_id: Option<i64>,
    /// Register shift that paid out cash.
    pub shift_id: Option<i64>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `refunds`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The order refunded.
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id"
    )]
    Order,
    /// The payment refunded.
    #[sea_orm(
        belongs_to = "super::payment::Entity",
        from = "Column::PaymentId",
        to = "super::payment::Column::Id"
    )]
    Payment,
    /// The return that caused it.
    #[sea_orm(
        belongs_to = "super::return_request::Entity",
        from = "Column::ReturnId",
        to = "super::return_request::Column::Id"
    )]
    Return,
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::payment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Payment.def()
    }
}

impl Related<super::return_request::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Return.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
