//! `locales`: a shop language.

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of `locales`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, Serialize, Deserialize)]
#[sea_orm(table_name = "locales")]
pub struct Model {
    /// Language code ("en", "el", "pl").
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Name of the language in itself ("Ελληνικά").
    pub name: String,
    /// The language used when nothing else decides.
    pub is_default: bool,
    /// Offered in the shop.
    pub enabled: bool,
    /// Order in the language switcher.
    pub position: i32,
}

/// Relations of `locales`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
