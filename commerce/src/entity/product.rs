//! `products`: a product; what is sold is one of its [`super::variant`]s.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

use super::enums::ProductStatus;

/// One row of `products`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "products")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The category.
    pub category_id: i64,
    /// Canonical (English) slug.
    #[sea_orm(unique)]
    pub slug: String,
    /// Draft, active or archived.
    pub status: ProductStatus,
    /// The VAT rate of every variant.
    pub vat_rate_id: i64,
    /// Brand, if any.
    pub brand: Option<String>,
    /// When the row was created.
    pub created_at: DateTimeUtc,
    /// When the row was last changed.
    pub updated_at: DateTimeUtc,
}

/// Relations of `products`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The category.
    #[sea_orm(
        belongs_to = "super::category::Entity",
        from = "Column::CategoryId",
        to = "super::category::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    Category,
    /// The VAT rate.
    #[sea_orm(
        belongs_to = "super::vat_rate::Entity",
        from = "Column::VatRateId",
        to = "super::vat_rate::Column::Id",
        on_update = "Cascade",
        on_delete = "Restrict"
    )]
    VatRate,
    /// Names, slugs and descriptions per locale.
    #[sea_orm(has_many = "super::product_translation::Entity")]
    Translations,
    /// Options (size, colour…).
    #[sea_orm(has_many = "super::product_option::Entity")]
    Options,
    /// The sellable variants.
    #[sea_orm(has_many = "super::variant::Entity")]
    Variants,
    /// Images.
    #[sea_orm(has_many = "super::product_image::Entity")]
    Images,
}

impl Related<super::category::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Category.def()
    }
}

impl Related<super::vat_rate::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::VatRate.def()
    }
}

impl Related<super::product_translation::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Translations.def()
    }
}

impl Related<super::product_option::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Options.def()
    }
}

impl Related<super::variant::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Variants.def()
    }
}

impl Related<super::product_image::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Images.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
