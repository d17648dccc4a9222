//! `cart_lines`: one variant and quantity in a cart.

use sea_orm::entity::prelude::*;

/// One row of `cart_lines`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cart_lines")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Owning cart (unique with `variant_id`).
    pub cart_id: i64,
    /// The variant in the cart.
    pub variant_id: i64,
    /// How many.
    pub quantity: i64,
    /// When the line was added.
    pub created_at: DateTimeUtc,
}

/// Relations of `cart_lines`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The owning cart.
    #[sea_orm(
        belongs_to = "super::cart::Entity",
        from = "Column::CartId",
        to = "super::cart::Column::Id",
        on_delete = "Cascade"
    )]
    Cart,
}

impl Related<super::cart::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Cart.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
