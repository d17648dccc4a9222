//! Manual adjustments with a required reason.

use sea_orm::DatabaseConnection;

use super::{clean_note, post_movement, writable_location, Actor, NewMovement};
use crate::{
    db,
    entity::{
        enums::{AdjustmentReason, MovementReason},
        stock_movement, variant,
    },
    error::Problem,
    types::Quantity,
    CommerceError, Result,
};

/// An adjustment to post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAdjustment {
    /// Where.
    pub location_id: i64,
    /// What.
    pub variant_id: i64,
    /// Signed change: negative removes units, positive adds them.
    pub change: i64,
    /// Why: damaged and lost remove, found adds, a correction goes either way.
    pub reason: AdjustmentReason,
    /// Free-text note.
    pub note: Option<String>,
}

/// Posts an `adjustment` movement with its reason and the actor.
///
/// # Errors
/// [`CommerceError::Validation`] for a zero or too large change (`change`), a change whose sign
/// does not fit the reason (`reason`: damaged/lost must remove, found must add), an unknown
/// variant (`variant`) or location (`location`); [`CommerceError::Forbidden`] outside the
/// actor's stores; [`CommerceError::InsufficientStock`] when removing more than is available.
pub async fn adjust(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewAdjustment,
) -> Result<stock_movement::Model> {
    use sea_orm::EntityTrait;
    if input.change == 0 {
        return Err(CommerceError::validation("change", Problem::ZeroChange));
    }
    if input.change.abs() > Quantity::MAX {
        return Err(CommerceError::validation(
            "change",
            Problem::OutOfRange {
                min: -Quantity::MAX,
                max: Quantity::MAX,
            },
        ));
    }
    match input.reason {
        AdjustmentReason::Damaged | AdjustmentReason::Lost if input.change > 0 => {
            return Err(CommerceError::validation("reason", Problem::MustRemove))
        }
        AdjustmentReason::Found if input.change < 0 => {
            return Err(CommerceError::validation("reason", Problem::MustAdd))
        }
        _ => {}
    }
    let note = clean_note(input.note, "note")?;
    let txn = db::begin_write(db).await?;
    let result = async {
        let location = writable_location(&*txn, actor, input.location_id, "location").await?;
        variant::Entity::find_by_id(input.variant_id)
            .one(&*txn)
            .await?
            .ok_or_else(|| CommerceError::validation("variant", Problem::UnknownVariant))?;
        post_movement(
            &*txn,
            NewMovement {
                location_id: location.id,
                variant_id: input.variant_id,
                quantity: input.change,
                reason: MovementReason::Adjustment,
                adjustment_reason: Some(input.reason),
                document: None,
                staff_user_id: actor.staff_id,
                note,
            },
        )
        .await
    }
    .await;
    txn.finish(result).await
}
