//! The stock ledger: the only code that writes stock levels, movements and reservations.
//!
//! Every change of stock is one [`post_movement`] call: it appends a row to `stock_movements`
//! and changes `stock_levels.on_hand` by the same amount, so a level always equals the sum of
//! its movements. Callers pass a transaction, so the movement and the document that caused it
//! (order, receipt, transfer…) commit together.

use chrono::Utc;
use sea_orm::{
    sea_query::{Expr, OnConflict},
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};

use crate::{
    entity::{
        enums::{AdjustmentReason, DocumentType, MovementReason},
        stock_level, stock_movement,
    },
    CommerceError, Result,
};

/// A stock change to record with [`post_movement`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMovement {
    /// Where the stock is.
    pub location_id: i64,
    /// What the stock is.
    pub variant_id: i64,
    /// Signed change in units: positive adds stock, negative removes it. Never 0.
    pub quantity: i64,
    /// Why stock moved.
    pub reason: MovementReason,
    /// Why, for [`MovementReason::Adjustment`].
    pub adjustment_reason: Option<AdjustmentReason>,
    /// The document that caused the movement (kind and id), if any.
    pub document: Option<(DocumentType, i64)>,
    /// The staff member who caused it, if any.
    pub staff_user_id: Option<i64>,
    /// Free-text note.
    pub note: Option<String>,
}

/// Records a stock movement and applies it to the level of its (location, variant).
///
/// Creates the `stock_levels` row on the first movement, otherwise adds `quantity` to `on_hand`
/// in one `UPDATE … SET on_hand = on_hand + ?` (so concurrent movements cannot lose updates),
/// then appends the movement with the resulting `balance_after` and an outbox notice for the
/// search index. Run it inside a transaction.
///
/// # Errors
/// - [`CommerceError::Validation`] if `quantity` is 0;
/// - [`CommerceError::Conflict`] if `on_hand` would become negative;
/// - [`CommerceError::Db`] on a database error (an unknown location or variant is a foreign-key
///   violation).
///
/// Nothing is written when an error is returned for the first two reasons.
pub async fn post_movement<C: ConnectionTrait>(
    conn: &C,
    m: NewMovement,
) -> Result<stock_movement::Model> {
    if m.quantity == 0 {
        return Err(CommerceError::Validation {
            field: Some("quantity"),
            message: "a stock movement must change the quantity".into(),
        });
    }
    let now = Utc::now();

    // Existing level: add the quantity unless that takes on_hand below zero.
    let updated = stock_level::Entity::update_many()
        .col_expr(
            stock_level::Column::OnHand,
            Expr::col(stock_level::Column::OnHand).add(m.quantity),
        )
        .col_expr(stock_level::Column::UpdatedAt, Expr::value(now))
        .filter(stock_level::Column::LocationId.eq(m.location_id))
        .filter(stock_level::Column::VariantId.eq(m.variant_id))
        .filter(Expr::expr(Expr::col(stock_level::Column::OnHand).add(m.quantity)).gte(0i64))
        .exec(conn)
        .await?;

    if updated.rows_affected == 0 {
        if m.quantity < 0 {
            let (on_hand, _) = level(conn, m.location_id, m.variant_id).await?;
            return Err(CommerceError::Conflict(format!(
                "not enough stock: {on_hand} on hand, cannot remove {}",
                -m.quantity
            )));
        }
        // No level yet (an existing one always accepts a positive quantity): create it. A
        // concurrent first movement may have created it meanwhile; then add to that one.
        let row = stock_level::ActiveModel {
            location_id: Set(m.location_id),
            variant_id: Set(m.variant_id),
            on_hand: Set(m.quantity),
            reserved: Set(0),
            updated_at: Set(now),
        };
        stock_level::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    stock_level::Column::LocationId,
                    stock_level::Column::VariantId,
                ])
                .value(
                    stock_level::Column::OnHand,
                    Expr::col((stock_level::Entity, stock_level::Column::OnHand)).add(m.quantity),
                )
                .value(stock_level::Column::UpdatedAt, Expr::value(now))
                .to_owned(),
            )
            .exec_without_returning(conn)
            .await?;
    }

    let (balance_after, _) = level(conn, m.location_id, m.variant_id).await?;
    let (document_type, document_id) = match m.document {
        Some((kind, id)) => (Some(kind), Some(id)),
        None => (None, None),
    };
    let movement = stock_movement::ActiveModel {
        location_id: Set(m.location_id),
        variant_id: Set(m.variant_id),
        quantity: Set(m.quantity),
        reason: Set(m.reason),
        adjustment_reason: Set(m.adjustment_reason),
        balance_after: Set(balance_after),
        document_type: Set(document_type),
        document_id: Set(document_id),
        staff_user_id: Set(m.staff_user_id),
        note: Set(m.note),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    // Availability is searchable ("in stock at …"): tell the search indexes.
    crate::outbox::emit(conn, crate::outbox::Change::Variant(m.variant_id)).await?;
    Ok(movement)
}

/// The `(on_hand, reserved)` stock of a variant at a location; `(0, 0)` if it never had any.
pub async fn level<C: ConnectionTrait>(
    conn: &C,
    location_id: i64,
    variant_id: i64,
) -> Result<(i64, i64)> {
    Ok(stock_level::Entity::find_by_id((location_id, variant_id))
        .one(conn)
        .await?
        .map_or((0, 0), |l| (l.on_hand, l.reserved)))
}
