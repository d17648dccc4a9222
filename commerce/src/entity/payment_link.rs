//! `payment_links`: a cart built by staff, sent to a customer to pay at `/pay/{token}`.

use sea_orm::entity::prelude::*;

use super::enums::{Fulfilment, PaymentLinkStatus};

/// One row of `payment_links`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_links")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Secret in the link URL.
    #[sea_orm(unique)]
    pub token: String,
    /// The cart to pay for.
    pub cart_id: i64,
    /// The order it became once paid.
    pub order_id: Option<i64>,
    /// Lifecycle state.
    pub status: PaymentLinkStatus,
    /// Customer's e-mail.
    pub email: Option<String>,
    /// Customer's phone.
    pub phone: Option<String>,
    /// Customer's name.
    pub customer_name: Option<String>,
    /// Delivery or pickup.
    pub fulfilment: Fulfilment,
    /// Pickup store.
    pub store_id: Option<i64>,
    /// When the link stops working.
    pub expires_at: DateTimeUtc,
    /// Staff member who issued it.
    pub created_by: Option<i64>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `payment_links`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The cart to pay for.
    #[sea_orm(
        belongs_to = "super::cart::Entity",
        from = "Column::CartId",
        to = "super::cart::Column::Id"
    )]
    Cart,
}

impl Related<super::cart::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Cart.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
