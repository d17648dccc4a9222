//! `category_translations`: a category's name, slug and description in one locale.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `category_translations`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "category_translations")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The category.
    pub category_id: i64,
    /// Locale code (`locales.code`).
    pub locale: String,
    /// Name.
    pub name: String,
    /// URL slug, unique per locale.
    pub slug: String,
    /// Description (may be empty).
    #[sea_orm(column_type = "Text")]
    pub description: String,
}

/// Relations of `category_translations`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The category.
    #[sea_orm(
        belongs_to = "super::category::Entity",
        from = "Column::CategoryId",
        to = "super::category::Column::Id",
        on_update = "Cascade",
        on_delete = "Cascade"
    )]
    Category,
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

impl Related<super::category::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::locale::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Locale.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
