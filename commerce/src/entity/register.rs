//! `registers`: a till in a store; shifts are opened on it.

use sea_orm::entity::prelude::*;

/// One row of `registers`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "registers")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The store (unique with `name`).
    pub store_id: i64,
    /// Name shown to staff ("Till 1").
    pub name: String,
}

/// Relations of `registers`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Shifts opened on this register.
    #[sea_orm(has_many = "super::shift::Entity")]
    Shifts,
}

impl Related<super::shift::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Shifts.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
