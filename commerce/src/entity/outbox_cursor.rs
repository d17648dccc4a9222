//! `outbox_cursors`: how far each outbox consumer has read.

use sea_orm::entity::prelude::*;

/// One row of `outbox_cursors`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_cursors")]
pub struct Model {
    /// Consumer name (one per instance and consumer).
    #[sea_orm(primary_key, auto_increment = false)]
    pub consumer: String,
    /// Last outbox id applied.
    pub last_id: i64,
    /// When it last advanced.
    pub updated_at: DateTimeUtc,
}

/// `outbox_cursors` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
