//! `staff_users`: a staff member who signs in to the staff pages.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::StaffRole;

/// One row of `staff_users`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "staff_users")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// E-mail (lower-case), unique; the sign-in name.
    #[sea_orm(unique)]
    pub email: String,
    /// Name.
    pub name: String,
    /// Argon2id hash.
    pub password_hash: String,
    /// Owner, manager or cashier.
    pub role: StaffRole,
    /// May sign in.
    pub active: bool,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// Last successful sign-in.
    pub last_sign_in_at: Option<DateTimeUtc>,
}

/// Relations of `staff_users`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Stores this person works in.
    #[sea_orm(has_many = "super::staff_store_membership::Entity")]
    StoreMemberships,
    /// Signed-in sessions.
    #[sea_orm(has_many = "super::session::Entity")]
    Sessions,
    /// Store credit this person issued.
    #[sea_orm(has_many = "super::store_credit_entry::Entity")]
    StoreCreditEntries,
}

impl Related<super::staff_store_membership::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StoreMemberships.def()
    }
}

impl Related<super::session::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Sessions.def()
    }
}

impl Related<super::store_credit_entry::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StoreCreditEntries.def()
    }
}

impl Related<super::store::Entity> for Entity {
    fn to() -> RelationDef {
        super::staff_store_membership::Relation::Store.def()
    }

    fn via() -> Option<RelationDef> {
        Some(
            super::staff_store_membership::Relation::StaffUser
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
