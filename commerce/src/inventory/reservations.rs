//! Reservations: stock promised to a cart, checkout, order, payment link or POS sale.
//!
//! [`reserve`] holds units (all lines or none), [`commit`] turns a holder's reservations into
//! sale movements, [`release`] gives them back, and [`expire_lapsed`] (run by a job every few
//! seconds) gives back those whose `expires_at` has passed. Each reservation changes state once:
//! the state change is a conditional `UPDATE … WHERE status = 'active'`, so a reservation is
//! committed, released or expired exactly once even when several instances race.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::ledger::{
    change_level, insert_movement, notify_if_availability_flipped, shortage, NewMovement,
};
use crate::{
    db,
    entity::{
        enums::{DocumentType, MovementReason, ReservationOwner, ReservationStatus},
        stock_movement, stock_reservation,
    },
    error::{Conflict, Problem},
    types::Quantity,
    CommerceError, Result,
};

/// What holds a reservation: a cart, checkout, order, payment link or POS sale, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holder {
    /// Kind of holder.
    pub kind: ReservationOwner,
    /// Its id.
    pub id: i64,
}

/// One line to reserve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReserveLine {
    /// Where.
    pub location_id: i64,
    /// What.
    pub variant_id: i64,
    /// How many.
    pub quantity: Quantity,
}

/// Reserves every line for `holder`, or nothing.
///
/// Lines of the same (location, variant) are added up; levels are changed in (location,
/// variant) order. Each line is one conditional update that succeeds only if that many units
/// are available. Run it in a write transaction ([`db::begin_write`]) and roll back on error —
/// [`reserve_now`] does both.
///
/// # Errors
/// - [`CommerceError::Validation`] for no lines;
/// - [`CommerceError::InsufficientStock`] naming the first line that is short (the caller's
///   transaction must then be rolled back: earlier lines may have been held in it).
pub async fn reserve<C: ConnectionTrait>(
    conn: &C,
    holder: Holder,
    lines: &[ReserveLine],
    expires_at: Option<DateTime<Utc>>,
) -> Result<Vec<stock_reservation::Model>> {
    if lines.is_empty() {
        return Err(CommerceError::validation("lines", Problem::Required));
    }
    let mut merged: BTreeMap<(i64, i64), i64> = BTreeMap::new();
    for l in lines {
        *merged.entry((l.location_id, l.variant_id)).or_default() += l.quantity.get();
    }
    let now = Utc::now();
    let mut out = Vec::with_capacity(merged.len());
    for ((location_id, variant_id), quantity) in merged {
        let Some(level) = change_level(conn, location_id, variant_id, 0, quantity).await? else {
            return Err(shortage(conn, location_id, variant_id, quantity).await);
        };
        notify_if_availability_flipped(conn, &level, 0, quantity).await?;
        let row = stock_reservation::ActiveModel {
            location_id: Set(location_id),
            variant_id: Set(variant_id),
            quantity: Set(quantity),
            owner_type: Set(holder.kind),
            owner_id: Set(holder.id),
            status: Set(ReservationStatus::Active),
            expires_at: Set(expires_at),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        out.push(row);
    }
    Ok(out)
}

/// [`reserve`] in its own write transaction: all lines are held, or none.
pub async fn reserve_now(
    db: &DatabaseConnection,
    holder: Holder,
    lines: &[ReserveLine],
    expires_at: Option<DateTime<Utc>>,
) -> Result<Vec<stock_reservation::Model>> {
    let txn = db::begin_write(db).await?;
    let result = reserve(&*txn, holder, lines, expires_at).await;
    txn.finish(result).await
}

/// The holder's active reservations, in (location, variant) order.
pub async fn active<C: ConnectionTrait>(
    conn: &C,
    holder: Holder,
) -> Result<Vec<stock_reservation::Model>> {
    Ok(stock_reservation::Entity::find()
        .filter(stock_reservation::Column::OwnerType.eq(holder.kind))
        .filter(stock_reservation::Column::OwnerId.eq(holder.id))
        .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active))
        .order_by_asc(stock_reservation::Column::LocationId)
        .order_by_asc(stock_reservation::Column::VariantId)
        .order_by_asc(stock_reservation::Column::Id)
        .all(conn)
        .await?)
}

/// Moves one reservation from active to `to`; false if it was no longer active.
async fn finish_one<C: ConnectionTrait>(
    conn: &C,
    id: i64,
    to: ReservationStatus,
    lapsed_before: Option<DateTime<Utc>>,
) -> Result<bool> {
    let mut update = stock_reservation::Entity::update_many()
        .col_expr(stock_reservation::Column::Status, Expr::value(to))
        .col_expr(
            stock_reservation::Column::UpdatedAt,
            Expr::value(Utc::now()),
        )
        .filter(stock_reservation::Column::Id.eq(id))
        .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active));
    if let Some(t) = lapsed_before {
        update = update.filter(stock_reservation::Column::ExpiresAt.lte(t));
    }
    Ok(update.exec(conn).await?.rows_affected == 1)
}

/// Turns every active reservation of `holder` into a sale: the units leave `on_hand` and
/// `reserved` together, one [`MovementReason::Sale`] movement per reservation, recorded against
/// `document` (the order). A reservation past its `expires_at` that the expiry job has not
/// released yet still holds its units and is committed.
///
/// # Errors
/// [`CommerceError::Conflict`] when the holder has no active reservation (released, expired or
/// committed already).
pub async fn commit<C: ConnectionTrait>(
    conn: &C,
    holder: Holder,
    document: Option<(DocumentType, i64)>,
    staff_user_id: Option<i64>,
) -> Result<Vec<stock_movement::Model>> {
    let held = active(conn, holder).await?;
    if held.is_empty() {
        return Err(Conflict::ReservationLapsed.into());
    }
    // Reservations first, then levels (see `give_back`).
    for r in &held {
        if !finish_one(conn, r.id, ReservationStatus::Committed, None).await? {
            return Err(Conflict::ReservationLapsed.into());
        }
    }
    let mut movements = Vec::with_capacity(held.len());
    for r in held {
        let level = change_level(conn, r.location_id, r.variant_id, -r.quantity, -r.quantity)
            .await?
            .ok_or_else(|| {
                CommerceError::Internal(format!(
                    "stock level of variant {} at location {} is below its reservations",
                    r.variant_id, r.location_id
                ))
            })?;
        movements.push(
            insert_movement(
                conn,
                NewMovement {
                    location_id: r.location_id,
                    variant_id: r.variant_id,
                    quantity: -r.quantity,
                    reason: MovementReason::Sale,
                    adjustment_reason: None,
                    document,
                    staff_user_id,
                    note: None,
                },
                level.on_hand,
            )
            .await?,
        );
    }
    Ok(movements)
}

/// [`commit`] in its own write transaction.
pub async fn commit_now(
    db: &DatabaseConnection,
    holder: Holder,
    document: Option<(DocumentType, i64)>,
    staff_user_id: Option<i64>,
) -> Result<Vec<stock_movement::Model>> {
    let txn = db::begin_write(db).await?;
    let result = commit(&*txn, holder, document, staff_user_id).await;
    txn.finish(result).await
}

/// Gives back every active reservation of `holder` (status `released`); returns the units given
/// back (0 when there was nothing to release).
pub async fn release<C: ConnectionTrait>(conn: &C, holder: Holder) -> Result<i64> {
    let held = active(conn, holder).await?;
    Ok(give_back(conn, &held, ReservationStatus::Released, None)
        .await?
        .units)
}

/// [`release`] in its own write transaction.
pub async fn release_now(db: &DatabaseConnection, holder: Holder) -> Result<i64> {
    let txn = db::begin_write(db).await?;
    let result = release(&*txn, holder).await;
    txn.finish(result).await
}

/// Ends the reservations `rows` that are still active as `to` and returns their units to
/// available; those another request ended first are skipped.
///
/// Lock order (it matters on PostgreSQL, where each conditional update locks its row until the
/// transaction ends): first every reservation row, in (location, variant, id) order, then every
/// level, in (location, variant) order — as [`commit`] does. Ending one reservation and its level
/// before the next would let an expiry run holding a level wait for a reservation that a commit
/// holds while that commit waits for the level: a deadlock PostgreSQL breaks by failing one.
async fn give_back<C: ConnectionTrait>(
    conn: &C,
    rows: &[stock_reservation::Model],
    to: ReservationStatus,
    lapsed_before: Option<DateTime<Utc>>,
) -> Result<Expired> {
    let mut ended = Vec::with_capacity(rows.len());
    for r in rows {
        if finish_one(conn, r.id, to, lapsed_before).await? {
            ended.push(r);
        }
    }
    let mut done = Expired::default();
    for r in ended {
        let level = change_level(conn, r.location_id, r.variant_id, 0, -r.quantity)
            .await?
            .ok_or_else(|| {
                CommerceError::Internal(format!(
                    "stock level of variant {} at location {} holds fewer units than its reservations",
                    r.variant_id, r.location_id
                ))
            })?;
        notify_if_availability_flipped(conn, &level, 0, -r.quantity).await?;
        done.reservations += 1;
        done.units += r.quantity;
    }
    Ok(done)
}

/// What one [`expire_lapsed`] run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Expired {
    /// Reservations expired by this run.
    pub reservations: u64,
    /// Units returned to available.
    pub units: i64,
}

/// Expires active reservations whose `expires_at` is at or before `now`, up to `limit` of them
/// in one write transaction, and returns their units. Safe to run on several instances at once:
/// each reservation expires once (the others see it is no longer active and skip it).
pub async fn expire_lapsed(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Expired> {
    let lapsed = stock_reservation::Entity::find()
        .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active))
        .filter(stock_reservation::Column::ExpiresAt.lte(now))
        .order_by_asc(stock_reservation::Column::LocationId)
        .order_by_asc(stock_reservation::Column::VariantId)
        .order_by_asc(stock_reservation::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    if lapsed.is_empty() {
        return Ok(Expired::default());
    }
    let txn = db::begin_write(db).await?;
    let result = give_back(&*txn, &lapsed, ReservationStatus::Expired, Some(now)).await;
    txn.finish(result).await
}
