//! `vat_rates`: a VAT rate products refer to.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `vat_rates`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "vat_rates")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// "standard", "reduced", "super_reduced" or "zero".
    #[sea_orm(unique)]
    pub code: String,
    /// Display name.
    pub name: String,
    /// Rate in basis points (`2400` = 24 %).
    pub rate_bp: i32,
}

/// Relations of `vat_rates`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// Products taxed at this rate.
    #[sea_orm(has_many = "super::product::Entity")]
    Products,
}

impl Related<super::product::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Products.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
