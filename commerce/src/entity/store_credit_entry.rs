//! `store_credit_entries`: one entry of a customer's store credit ledger.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `store_credit_entries`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "store_credit_entries")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The customer.
    pub customer_id: i64,
    /// Signed amount in minor units (+ credit, − spend).
    pub amount_minor: i64,
    /// ISO 4217 currency code.
    pub currency: String,
    /// Why (shown to the customer).
    pub reason: String,
    /// Order it was spent on, if any.
    pub order_id: Option<i64>,
    /// Refund it came from, if any.
    pub refund_id: Option<i64>,
    /// Staff member who issued it, if any.
    pub staff_user_id: Option<i64>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `store_credit_entries`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The customer.
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::CustomerId",
        to = "super::customer::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Customer,
    /// The staff member.
    #[sea_orm(
        belongs_to = "super::staff_user::Entity",
        from = "Column::StaffUserId",
        to = "super::staff_user::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    StaffUser,
}

impl Related<super::customer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Customer.def()
    }
}

impl Related<super::staff_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StaffUser.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
