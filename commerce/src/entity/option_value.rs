//! `option_values`: one value of a product option ("m", "red"…).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `option_values`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "option_values")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The option (`product_options.id`).
    pub option_id: i64,
    /// Value code, unique per option.
    pub code: String,
    /// Display order.
    pub position: i32,
}

/// Relations of `option_values`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The option.
    #[sea_orm(
        belongs_to = "super::product_option::Entity",
        from = "Column::OptionId",
        to = "super::product_option::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Option,
    /// Labels per locale.
    #[sea_orm(has_many = "super::option_value_translation::Entity")]
    Translations,
}

impl Related<super::product_option::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Option.def()
    }
}

impl Related<super::option_value_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        super::variant_option_value::Relation::Variant.def()
    }

    fn via() -> Option<RelationDef> {
        Some(
            super::variant_option_value::Relation::OptionValue
                .def()
                .rev(),
        )
    }
}

impl ActiveModelBehavior for ActiveModel {}
