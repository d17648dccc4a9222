//! Receiving stock from a supplier: one receipt document, one `receipt` movement per line.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel,
};

use super::{
    clean_note, document_number, merge_lines, post_movement, provisional_number, writable_location,
    Actor, NewMovement, StockLine,
};
use crate::{
    db,
    entity::{
        enums::{DocumentType, MovementReason},
        stock_receipt, stock_receipt_line,
    },
    error::Problem,
    CommerceError, Result,
};

/// A delivery to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReceipt {
    /// Receiving location.
    pub location_id: i64,
    /// Supplier name, if known.
    pub supplier: Option<String>,
    /// Free-text note (delivery note number…).
    pub note: Option<String>,
    /// What arrived; the same variant on several lines adds up.
    pub lines: Vec<StockLine>,
}

/// Records a delivery: the receipt `RCV-nnnnn`, its lines, and a `receipt` movement per line,
/// in one transaction.
///
/// # Errors
/// [`CommerceError::Validation`] (unknown location on `location`, no lines or an unknown
/// variant on `lines`, too long a supplier or note), [`CommerceError::Forbidden`] for a
/// location outside the actor's stores. Nothing is written on error.
pub async fn receive(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewReceipt,
) -> Result<stock_receipt::Model> {
    let txn = db::begin_write(db).await?;
    let result = receive_in(&*txn, actor, input).await;
    txn.finish(result).await
}

async fn receive_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    input: NewReceipt,
) -> Result<stock_receipt::Model> {
    let location = writable_location(conn, actor, input.location_id, "location").await?;
    let supplier = clean_note(input.supplier, "supplier")?;
    if supplier.as_ref().is_some_and(|s| s.chars().count() > 200) {
        return Err(CommerceError::validation(
            "supplier",
            Problem::TooLong { max: 200 },
        ));
    }
    let note = clean_note(input.note, "note")?;
    let lines = merge_lines(conn, &input.lines, "lines").await?;
    let receipt = stock_receipt::ActiveModel {
        number: Set(provisional_number()),
        location_id: Set(location.id),
        supplier: Set(supplier),
        note: Set(note),
        staff_user_id: Set(actor.staff_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let id = receipt.id;
    let mut receipt = receipt.into_active_model();
    receipt.number = Set(document_number("RCV", id));
    let receipt = receipt.update(conn).await?;
    for (variant, quantity) in lines {
        stock_receipt_line::ActiveModel {
            receipt_id: Set(id),
            variant_id: Set(variant.id),
            quantity: Set(quantity),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        post_movement(
            conn,
            NewMovement {
                location_id: location.id,
                variant_id: variant.id,
                quantity,
                reason: MovementReason::Receipt,
                adjustment_reason: None,
                document: Some((DocumentType::Receipt, id)),
                staff_user_id: actor.staff_id,
                note: None,
            },
        )
        .await?;
    }
    Ok(receipt)
}

/// A receipt with its lines, for its page.
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    id: i64,
) -> Result<(stock_receipt::Model, Vec<stock_receipt_line::Model>)> {
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let receipt = stock_receipt::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| CommerceError::NotFound(format!("receipt {id}")))?;
    let lines = stock_receipt_line::Entity::find()
        .filter(stock_receipt_line::Column::ReceiptId.eq(id))
        .order_by_asc(stock_receipt_line::Column::Id)
        .all(conn)
        .await?;
    Ok((receipt, lines))
}
