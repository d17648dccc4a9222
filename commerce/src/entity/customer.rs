//! `customers`: a customer, known by e-mail and/or phone, with or without an account.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `customers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "customers")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// E-mail (lower-case), unique when set.
    #[sea_orm(unique)]
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Argon2id hash; `None` = no account (guest).
    pub password_hash: Option<String>,
    /// Preferred locale code.
    pub locale: String,
    /// Store credit balance (sum of its entries), minor units.
    pub store_credit_minor: i64,
    /// Agreed to marketing e-mails.
    pub marketing_opt_in: bool,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row was last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `customers`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Saved addresses.
    #[sea_orm(has_many = "super::customer_address::Entity")]
    Addresses,
    /// Store credit ledger.
    #[sea_orm(has_many = "super::store_credit_entry::Entity")]
    StoreCreditEntries,
    /// Signed-in sessions.
    #[sea_orm(has_many = "super::session::Entity")]
    Sessions,
}

impl Related<super::customer_address::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Addresses.def()
    }
}

impl Related<super::store_credit_entry::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StoreCreditEntries.def()
    }
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
