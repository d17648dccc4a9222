//! `orders`: one order book for every channel (web, POS, payment link).

use sea_orm::entity::prelude::*;

use super::enums::{Channel, Fulfilment, OrderStatus, PaymentStatus};

/// One row of `orders`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "orders")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Public order number (also the receipt number of a POS sale).
    #[sea_orm(unique)]
    pub number: String,
    /// Channel the order came through.
    pub channel: Channel,
    /// Delivery, pickup or handed over in store.
    pub fulfilment: Fulfilment,
    /// Lifecycle state; change it through `OrderStatus::transition`.
    pub status: OrderStatus,
    /// How much has been paid.
    pub payment_status: PaymentStatus,
    /// Customer account, if any.
    pub customer_id: Option<i64>,
    /// Contact e-mail.
    pub email: Option<String>,
    /// Contact phone.
    pub phone: Option<String>,
    /// Customer's name as given.
    pub customer_name: Option<String>,
    /// Locale for e-mails and the status page.
    #[sea_orm(column_type = "String(StringLen::N(8))")]
    pub locale: String,
    /// ISO 4217 currency code of every amount on the order.
    #[sea_orm(column_type = "String(StringLen::N(3))")]
    pub currency: String,
    /// Pickup store or POS store.
    pub store_id: Option<i64>,
    /// Location the stock comes from.
    pub location_id: Option<i64>,
    /// Cart the order was made from.
    pub cart_id: Option<i64>,
    /// Staff member who rang it up or created it.
    pub staff_user_id: Option<i64>,
    /// Register shift of a POS sale.
    pub shift_id: Option<i64>,
    /// Sum of line totals before order discount, minor units.
    pub subtotal_minor: i64,
    /// Order-level discount, minor units.
    pub discount_minor: i64,
    /// Shipping charge, minor units.
    pub shipping_minor: i64,
    /// VAT included in the total, minor units.
    pub vat_minor: i64,
    /// Amount to pay, minor units.
    pub total_minor: i64,
    /// Discount code applied, if any.
    pub promotion_code: Option<String>,
    /// Delivery address (name, lines, city, postal code, country, phone).
    pub shipping_address: Option<Json>,
    /// Secret for `/order/{number}?t=`.
    pub access_token: String,
    /// Code the customer shows at pickup.
    pub pickup_code: Option<String>,
    /// When an uncollected pickup order expires.
    pub pickup_expires_at: Option<DateTimeUtc>,
    /// Customer or staff note.
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// When checkout completed.
    pub placed_at: Option<DateTimeUtc>,
    /// When the goods were handed over (starts the return window).
    pub handed_over_at: Option<DateTimeUtc>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `orders`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The order's lines.
    #[sea_orm(has_many = "super::order_line::Entity")]
    Lines,
    /// The order's timeline.
    #[sea_orm(has_many = "super::order_event::Entity")]
    Events,
    /// Payments taken for the order.
    #[sea_orm(has_many = "super::payment::Entity")]
    Payments,
    /// Refunds made against the order.
    #[sea_orm(has_many = "super::refund::Entity")]
    Refunds,
    /// Returns booked against the order.
    #[sea_orm(has_many = "super::return_request::Entity")]
    Returns,
}

impl Related<super::order_line::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Lines.def()
    }
}

impl Related<super::order_event::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Events.def()
    }
}

impl Related<super::payment::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Payments.def()
    }
}

impl Related<super::refund::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Refunds.def()
    }
}

impl Related<super::return_request::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Returns.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
