//! `settings`: shop settings as JSON values under a text key.

use sea_orm::entity::prelude::*;

/// One row of `settings`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "settings")]
pub struct Model {
    /// Setting name ("return_window_days").
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Setting value.
    pub value: Json,
    /// When it last changed.
    pub updated_at: DateTimeUtc,
}

/// `settings` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
