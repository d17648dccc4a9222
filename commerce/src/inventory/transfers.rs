//! Transfers between locations: draft → sent → received, or draft → cancelled.
//!
//! Sending takes the units out of the source (`transfer_out` movements); until they are
//! received they show as incoming at the destination. Receiving books what was sent in at the
//! destination (`transfer_in`) and any shortfall out again as `transit_loss`, so the ledger
//! shows both what was sent and what went missing.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

use super::{
    clean_note, document_number, merge_lines, post_movement, provisional_number, writable_location,
    Actor, NewMovement, StockLine,
};
use crate::{
    db,
    entity::{
        enums::{DocumentType, MovementReason, TransferStatus},
        stock_transfer, stock_transfer_line,
    },
    error::{Conflict, Problem},
    CommerceError, Result,
};

/// A transfer to draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTransfer {
    /// Sending location.
    pub from_location_id: i64,
    /// Receiving location.
    pub to_location_id: i64,
    /// What to send; the same variant on several lines adds up.
    pub lines: Vec<StockLine>,
    /// Free-text note.
    pub note: Option<String>,
}

/// A transfer with its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// The document.
    pub transfer: stock_transfer::Model,
    /// Its lines, in variant order.
    pub lines: Vec<stock_transfer_line::Model>,
}

/// Drafts a transfer `TRF-nnnnn` (nothing moves until it is sent). The actor must manage the
/// source location.
///
/// # Errors
/// [`CommerceError::Validation`]: unknown locations (`from`, `to`), the same location twice
/// (`to`), no lines or unknown variants (`lines`); [`CommerceError::Forbidden`] for a source
/// outside the actor's stores.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewTransfer,
) -> Result<Transfer> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let from = writable_location(conn, actor, input.from_location_id, "from").await?;
        let to = crate::entity::location::Entity::find_by_id(input.to_location_id)
            .one(conn)
            .await?
            .ok_or_else(|| CommerceError::validation("to", Problem::UnknownLocation))?;
        if from.id == to.id {
            return Err(CommerceError::validation("to", Problem::SameLocation));
        }
        let note = clean_note(input.note, "note")?;
        let lines = merge_lines(conn, &input.lines, "lines").await?;
        let now = Utc::now();
        let t = stock_transfer::ActiveModel {
            number: Set(provisional_number()),
            from_location_id: Set(from.id),
            to_location_id: Set(to.id),
            status: Set(TransferStatus::Draft),
            note: Set(note),
            created_by: Set(actor.staff_id),
            sent_at: Set(None),
            received_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        let id = t.id;
        let mut t = t.into_active_model();
        t.number = Set(document_number("TRF", id));
        t.update(conn).await?;
        for (variant, quantity) in lines {
            stock_transfer_line::ActiveModel {
                transfer_id: Set(id),
                variant_id: Set(variant.id),
                quantity_sent: Set(quantity),
                quantity_received: Set(None),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// A transfer and its lines.
pub async fn get<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Transfer> {
    let transfer = stock_transfer::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| CommerceError::NotFound(format!("transfer {id}")))?;
    let lines = stock_transfer_line::Entity::find()
        .filter(stock_transfer_line::Column::TransferId.eq(id))
        .order_by_asc(stock_transfer_line::Column::VariantId)
        .all(conn)
        .await?;
    Ok(Transfer { transfer, lines })
}

/// Moves the transfer from `from` to `to` status, once: a conditional update, so two requests
/// cannot both send (or both receive) it.
async fn transition<C: ConnectionTrait>(
    conn: &C,
    t: &stock_transfer::Model,
    to: TransferStatus,
) -> Result<()> {
    t.status.transition(to)?;
    let now = Utc::now();
    let mut update = stock_transfer::Entity::update_many()
        .col_expr(stock_transfer::Column::Status, Expr::value(to))
        .col_expr(stock_transfer::Column::UpdatedAt, Expr::value(now))
        .filter(stock_transfer::Column::Id.eq(t.id))
        .filter(stock_transfer::Column::Status.eq(t.status));
    match to {
        TransferStatus::Sent => {
            update = update.col_expr(stock_transfer::Column::SentAt, Expr::value(now));
        }
        TransferStatus::Received => {
            update = update.col_expr(stock_transfer::Column::ReceivedAt, Expr::value(now));
        }
        _ => {}
    }
    if update.exec(conn).await?.rows_affected != 1 {
        return Err(Conflict::Stale.into());
    }
    Ok(())
}

/// Sends a draft: every line leaves the source (`transfer_out`), all or nothing.
///
/// # Errors
/// [`CommerceError::Conflict`] unless it is a draft; [`CommerceError::InsufficientStock`] for
/// the first line the source cannot supply; [`CommerceError::Forbidden`] outside the actor's
/// stores.
pub async fn send(db: &DatabaseConnection, actor: &Actor, id: i64) -> Result<Transfer> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let Transfer { transfer: t, lines } = get(conn, id).await?;
        writable_location(conn, actor, t.from_location_id, "from").await?;
        transition(conn, &t, TransferStatus::Sent).await?;
        for line in &lines {
            post_movement(
                conn,
                NewMovement {
                    location_id: t.from_location_id,
                    variant_id: line.variant_id,
                    quantity: -line.quantity_sent,
                    reason: MovementReason::TransferOut,
                    adjustment_reason: None,
                    document: Some((DocumentType::Transfer, t.id)),
                    staff_user_id: actor.staff_id,
                    note: None,
                },
            )
            .await?;
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// Receives a sent transfer at its destination. `received` gives the units that arrived per
/// variant; a variant not named arrived in full. Each line books what was sent in
/// (`transfer_in`) and the shortfall, if any, out again (`transit_loss`).
///
/// # Errors
/// [`CommerceError::Validation`] on `received` for a variant not on the transfer or more units
/// than were sent (or a negative number); [`CommerceError::Conflict`] unless it is sent;
/// [`CommerceError::Forbidden`] outside the actor's stores.
pub async fn receive(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    received: &[(i64, i64)],
) -> Result<Transfer> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let Transfer { transfer: t, lines } = get(conn, id).await?;
        writable_location(conn, actor, t.to_location_id, "to").await?;
        let mut arrived: BTreeMap<i64, i64> = BTreeMap::new();
        for &(variant_id, units) in received {
            let Some(line) = lines.iter().find(|l| l.variant_id == variant_id) else {
                return Err(CommerceError::validation(
                    "received",
                    Problem::NotOnDocument {
                        code: format!("#{variant_id}"),
                    },
                ));
            };
            if units < 0 || units > line.quantity_sent {
                return Err(CommerceError::validation(
                    "received",
                    Problem::OutOfRange {
                        min: 0,
                        max: line.quantity_sent,
                    },
                ));
            }
            arrived.insert(variant_id, units);
        }
        transition(conn, &t, TransferStatus::Received).await?;
        for line in &lines {
            let got = arrived
                .get(&line.variant_id)
                .copied()
                .unwrap_or(line.quantity_sent);
            let mut am = line.clone().into_active_model();
            am.quantity_received = Set(Some(got));
            am.update(conn).await?;
            let movement = |quantity, reason| NewMovement {
                location_id: t.to_location_id,
                variant_id: line.variant_id,
                quantity,
                reason,
                adjustment_reason: None,
                document: Some((DocumentType::Transfer, t.id)),
                staff_user_id: actor.staff_id,
                note: None,
            };
            post_movement(
                conn,
                movement(line.quantity_sent, MovementReason::TransferIn),
            )
            .await?;
            if got < line.quantity_sent {
                post_movement(
                    conn,
                    movement(got - line.quantity_sent, MovementReason::TransitLoss),
                )
                .await?;
            }
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// Cancels a draft (nothing had moved).
///
/// # Errors
/// [`CommerceError::Conflict`] unless it is a draft; [`CommerceError::Forbidden`] outside the
/// actor's stores.
pub async fn cancel(db: &DatabaseConnection, actor: &Actor, id: i64) -> Result<Transfer> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let t = get(conn, id).await?.transfer;
        writable_location(conn, actor, t.from_location_id, "from").await?;
        transition(conn, &t, TransferStatus::Cancelled).await?;
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}
