//! `staff_store_memberships`: which stores a staff member works in (many-to-many).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `staff_store_memberships`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "staff_store_memberships")]
pub struct Model {
    /// The staff member.
    #[sea_orm(primary_key, auto_increment = false)]
    pub staff_user_id: i64,
    /// The store.
    #[sea_orm(primary_key, auto_increment = false)]
    pub store_id: i64,
}

/// Relations of `staff_store_memberships`.
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
    /// The store.
    #[sea_orm(
        belongs_to = "super::store::Entity",
        from = "Column::StoreId",
        to = "super::store::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Store,
}

impl Related<super::staff_user::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::StaffUser.def()
    }
}

impl Related<super::store::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Store.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
