//! `outbox`: change notices written in a business transaction and read after commit.

use sea_orm::entity::prelude::*;

/// One row of `outbox`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    /// Primary key; consumers remember the last id they applied.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// What changed ("product_changed"…).
    pub topic: String,
    /// Details (ids) of the change.
    pub payload: Json,
    /// When it was written.
    pub created_at: DateTimeUtc,
}

/// `outbox` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
