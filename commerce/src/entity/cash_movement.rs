//! `cash_movements`: cash into or out of a register drawer during a shift.

use sea_orm::entity::prelude::*;

use super::enums::CashMovementKind;

/// One row of `cash_movements`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cash_movements")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The shift.
    pub shift_id: i64,
    /// Why the cash moved.
    pub kind: CashMovementKind,
    /// Signed amount (positive into the drawer), minor units.
    pub amount_minor: i64,
    /// Staff note.
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// Staff member who moved it.
    pub staff_user_id: Option<i64>,
    /// When it happened.
    pub created_at: DateTimeUtc,
}

/// Relations of `cash_movements`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The shift.
    #[sea_orm(
        belongs_to = "super::shift::Entity",
        from = "Column::ShiftId",
        to = "super::shift::Column::Id",
        on_delete = "Cascade"
    )]
    Shift,
}

impl Related<super::shift::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Shift.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
