//! `variant_option_values`: which option values a variant has (many-to-many).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `variant_option_values`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "variant_option_values")]
pub struct Model {
    /// The variant.
    #[sea_orm(primary_key, auto_increment = false)]
    pub variant_id: i64,
    /// The option value.
    #[sea_orm(primary_key, auto_increment = false)]
    pub option_value_id: i64,
}

/// Relations of `variant_option_values`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The variant.
    #[sea_orm(
        belongs_to = "super::variant::Entity",
        from = "Column::VariantId",
        to = "super::variant::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Variant,
    /// The option value.
    #[sea_orm(
        belongs_to = "super::option_value::Entity",
        from = "Column::OptionValueId",
        to = "super::option_value::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    OptionValue,
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variant.def()
    }
}

impl Related<super::option_value::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::OptionValue.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
