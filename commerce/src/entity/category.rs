//! `categories`: a product category (a tree through `parent_id`).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `categories`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "categories")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Parent category; `None` for a top-level one.
    pub parent_id: Option<i64>,
    /// Canonical (English) slug.
    #[sea_orm(unique)]
    pub slug: String,
    /// Order among its siblings.
    pub position: i32,
    /// When the row was created.
    pub created_at: DateTimeUtc,
}

/// Relations of `categories`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The parent category.
    #[sea_orm(
        belongs_to = "Entity",
        from = "Column::ParentId",
        to = "Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Parent,
    /// Names and slugs per locale.
    #[sea_orm(has_many = "super::category_translation::Entity")]
    Translations,
    /// Products in this category.
    #[sea_orm(has_many = "super::product::Entity")]
    Products,
}

impl Related<super::category_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Products.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
