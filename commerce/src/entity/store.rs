//! `stores`: a physical store.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `stores`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "stores")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Short code ("ATH", "KRK").
    #[sea_orm(unique)]
    pub code: String,
    /// Name.
    pub name: String,
    /// Street address.
    pub address_line: String,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Phone number.
    pub phone: Option<String>,
    /// IANA time zone ("Europe/Athens").
    pub timezone: String,
    /// Opening hours as shown to shoppers.
    #[sea_orm(column_type = "Text")]
    pub opening_hours: Option<String>,
    /// Offers click-and-collect.
    pub pickup_enabled: bool,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `stores`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Stock locations of this store.
    #[sea_orm(has_many = "super::location::Entity")]
    Locations,
    /// Staff who work here.
    #[sea_orm(has_many = "super::staff_store_membership::Entity")]
    StaffMemberships,
}

impl Related<super::location::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Locations.def()
    }
}

impl Related<super::staff_store_membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StaffMemberships.def()
    }
}

impl Related<super::staff_user::Entity> for Entity {
    fn to() -> RelationDef {
        super::staff_store_membership::Relation::StaffUser.def()
    }

    fn via() -> Option<RelationDef> {
        Some(super::staff_store_membership::Relation::Store.def().rev())
    }
}

impl ActiveModelBehavior for ActiveModel {}
