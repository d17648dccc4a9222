//! `payments`: every payment against an order, whatever the method.

use sea_orm::entity::prelude::*;

use super::enums::{PaymentMethod, PaymentState};

/// One row of `payments`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payments")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The order paid for.
    pub order_id: i64,
    /// How it was paid.
    pub method: PaymentMethod,
    /// Pending, succeeded, failed or cancelled.
    pub status: PaymentState,
    /// Amount applied to the order, minor units.
    pub amount_minor: i64,
    /// ISO 4217 currency code.
    #[sea_orm(column_type = "String(StringLen::N(3))")]
    pub currency: String,
    /// Provider name ("stripe") for online payments.
    pub provider: Option<String>,
    /// Provider's reference (checkout session / payment intent id).
    pub provider_ref: Option<String>,
    /// Key that makes a retried payment a no-op.
    #[sea_orm(unique)]
    pub idempotency_key: Option<String>,
    /// Cash handed over by the customer, minor units.
    pub tendered_minor: Option<i64>,
    /// Change given back, minor units.
    pub change_minor: Option<i64>,
    /// Register shift that took it.
    pub shift_id: Option<i64>,
    /// Staff member who took it.
    pub staff_user_id: Option<i64>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `payments`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The order paid for.
    #[sea_orm(
        belongs_to = "super::order::Entity",
        from = "Column::OrderId",
        to = "super::order::Column::Id"
    )]
    Order,
    /// Refunds of this payment.
    #[sea_orm(has_many = "super::refund::Entity")]
    Refunds,
}

impl Related<super::order::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Order.def()
    }
}

impl Related<super::refund::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Refunds.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
