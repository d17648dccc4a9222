//! `customer_addresses`: a saved delivery address of a customer.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `customer_addresses`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "customer_addresses")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The customer.
    pub customer_id: i64,
    /// Recipient name.
    pub name: String,
    /// Address line 1.
    pub line1: String,
    /// Address line 2.
    pub line2: Option<String>,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Phone number for the courier.
    pub phone: Option<String>,
    /// The default address.
    pub is_default: bool,
}

/// Relations of `customer_addresses`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The customer.
    #[sea_orm(
        belongs_to = "super::customer::Entity",
        from = "Column::CustomerId",
        to = "super::customer::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Customer,
}

impl Related<super::customer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Customer.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
