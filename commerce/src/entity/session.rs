//! `sessions`: a signed-in (or anonymous) browser session.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `sessions`.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    /// SHA-256 hex of the cookie token (the token itself is never stored).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Signed-in staff member, if any.
    pub staff_user_id: Option<i64>,
    /// Signed-in customer, if any.
    pub customer_id: Option<i64>,
    /// CSRF token bound to this session.
    pub csrf_token: String,
    /// Other session data (cart token, locale…).
    pub data: Json,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// Last request seen.
    pub last_seen_at: DateTimeUtc,
    /// When it stops being valid.
    pub expires_at: DateTimeUtc,
}

/// Relations of `sessions`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The staff member.
    #[sea_orm(
        belongs_to = "super::staff_user::Entity",
        from = "Column::StaffUserId",
        to = "super::staff_user::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    StaffUser,
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

impl Related<super::staff_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StaffUser.def()
    }
}

impl Related<super::customer::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Customer.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
