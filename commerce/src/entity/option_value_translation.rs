//! `option_value_translations`: an option value's label in one locale.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `option_value_translations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "option_value_translations")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The option value.
    pub option_value_id: i64,
    /// Locale code (`locales.code`).
    pub locale: String,
    /// Label shown to shoppers.
    pub label: String,
}

/// Relations of `option_value_translations`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The option value.
    #[sea_orm(
        belongs_to = "super::option_value::Entity",
        from = "Column::OptionValueId",
        to = "super::option_value::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    OptionValue,
    /// The locale.
    #[sea_orm(
        belongs_to = "super::locale::Entity",
        from = "Column::Locale",
        to = "super::locale::Column::Code",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Locale,
}

impl Related<super::option_value::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OptionValue.def()
    }
}

impl Related<super::locale::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Locale.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
