//! `shifts`: a register session from opening float to counted close.

use sea_orm::entity::prelude::*;

use super::enums::ShiftStatus;

/// One row of `shifts`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shifts")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The register.
    pub register_id: i64,
    /// Staff member who opened it.
    pub staff_user_id: i64,
    /// Open or closed.
    pub status: ShiftStatus,
    /// Cash in the drawer at opening, minor units.
    pub opening_float_minor: i64,
    /// Cash the drawer should hold at close, minor units.
    pub expected_cash_minor: Option<i64>,
    /// Cash counted at close, minor units.
    pub counted_cash_minor: Option<i64>,
    /// Counted minus expected, minor units.
    pub difference_minor: Option<i64>,
    /// When it was opened.
    pub opened_at: DateTimeUtc,
    /// When it was closed.
    pub closed_at: Option<DateTimeUtc>,
}

/// Relations of `shifts`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    /// The register.
    #[sea_orm(
        belongs_to = "super::register::Entity",
        from = "Column::RegisterId",
        to = "super::register::Column::Id"
    )]
    Register,
    /// Cash in and out of the drawer during the shift.
    #[sea_orm(has_many = "super::cash_movement::Entity")]
    CashMovements,
}

impl Related<super::register::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Register.def()
    }
}

impl Related<super::cash_movement::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::CashMovements.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
