//! Levels and movements: the two writes every stock change is made of.

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
        location, stock_level, stock_movement, variant,
    },
    error::Problem,
    CommerceError, Result, Shortage,
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

/// The stock of one variant at one location.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Level {
    /// Units physically there (the sum of the movements).
    pub on_hand: i64,
    /// Units held by active reservations.
    pub reserved: i64,
}

impl Level {
    /// On hand − reserved: what can still be sold or moved.
    pub fn available(self) -> i64 {
        self.on_hand - self.reserved
    }
}

/// Records a stock movement and applies it to the level of its (location, variant).
///
/// Adds `quantity` to `on_hand` with one conditional `UPDATE` (so concurrent movements cannot
/// lose updates, and on PostgreSQL the row stays locked until the transaction ends), creating
/// the level on the first movement; appends the movement with the resulting `balance_after`;
/// writes an outbox notice for the search indexes when the variant became available or sold
/// out there. A removal may take only what is available
/// (on hand − reserved): reserved units are promised to someone. Run it inside a write
/// transaction ([`crate::db::begin_write`]) together with the document that caused it.
///
/// # Errors
/// - [`CommerceError::Validation`] if `quantity` is 0;
/// - [`CommerceError::InsufficientStock`] if fewer than `-quantity` units are available;
/// - [`CommerceError::Db`] on a database error.
///
/// Nothing is written when an error is returned for the first two reasons.
pub async fn post_movement<C: ConnectionTrait>(
    conn: &C,
    m: NewMovement,
) -> Result<stock_movement::Model> {
    if m.quantity == 0 {
        return Err(CommerceError::validation("quantity", Problem::ZeroChange));
    }
    let level = match change_level(conn, m.location_id, m.variant_id, m.quantity, 0).await? {
        Some(level) => level,
        None => return Err(shortage(conn, m.location_id, m.variant_id, -m.quantity).await),
    };
    notify_if_availability_flipped(conn, &level, m.quantity, 0).await?;
    insert_movement(conn, m, level.on_hand).await
}

/// Writes an outbox notice for the search indexes when a level change made the variant
/// available where it was not, or the other way round. Search only knows "available here or
/// not" (facets, in-stock-first), so changes that keep availability on the same side of zero —
/// most sales and receipts, and every commit of a reservation — need no re-indexing.
pub(crate) async fn notify_if_availability_flipped<C: ConnectionTrait>(
    conn: &C,
    after: &stock_level::Model,
    d_on_hand: i64,
    d_reserved: i64,
) -> Result<()> {
    let now = after.on_hand - after.reserved;
    let before = now - (d_on_hand - d_reserved);
    if (before > 0) != (now > 0) {
        crate::outbox::emit(conn, crate::outbox::Change::Variant(after.variant_id)).await?;
    }
    Ok(())
}

/// Appends a movement row whose level change was already applied.
pub(crate) async fn insert_movement<C: ConnectionTrait>(
    conn: &C,
    m: NewMovement,
    balance_after: i64,
) -> Result<stock_movement::Model> {
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
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(movement)
}

/// Adds `d_on_hand` to on hand and `d_reserved` to reserved, only if afterwards on hand ≥ 0,
/// reserved ≥ 0 and on hand ≥ reserved. Returns the new level, or `None` when the change was
/// refused (nothing written). A missing level counts as (0, 0) and is created by a change that
/// only adds stock.
pub(crate) async fn change_level<C: ConnectionTrait>(
    conn: &C,
    location_id: i64,
    variant_id: i64,
    d_on_hand: i64,
    d_reserved: i64,
) -> Result<Option<stock_level::Model>> {
    use stock_level::Column as L;
    let now = Utc::now();
    let mut update = stock_level::Entity::update_many()
        .col_expr(L::UpdatedAt, Expr::value(now))
        .filter(L::LocationId.eq(location_id))
        .filter(L::VariantId.eq(variant_id));
    if d_on_hand != 0 {
        update = update.col_expr(L::OnHand, Expr::col(L::OnHand).add(d_on_hand));
    }
    if d_reserved != 0 {
        update = update.col_expr(L::Reserved, Expr::col(L::Reserved).add(d_reserved));
    }
    // The guards, only the ones this change can break (each is an index-free row check).
    if d_on_hand < 0 {
        update = update.filter(Expr::expr(Expr::col(L::OnHand).add(d_on_hand)).gte(0i64));
    }
    if d_reserved < 0 {
        update = update.filter(Expr::expr(Expr::col(L::Reserved).add(d_reserved)).gte(0i64));
    }
    if d_on_hand - d_reserved < 0 {
        update = update.filter(
            Expr::expr(
                Expr::col(L::OnHand)
                    .sub(Expr::col(L::Reserved))
                    .add(d_on_hand - d_reserved),
            )
            .gte(0i64),
        );
    }
    if let Some(level) = update.exec_with_returning(conn).await?.into_iter().next() {
        return Ok(Some(level));
    }
    if d_on_hand <= 0 || d_reserved < 0 || d_on_hand < d_reserved {
        // Either there is a level and the change was refused, or there is none and the change
        // needs stock that is not there.
        return Ok(None);
    }
    // No level yet (an existing one accepts this change): create it. A concurrent first
    // movement may have created it meanwhile; then add to that one.
    stock_level::Entity::insert(stock_level::ActiveModel {
        location_id: Set(location_id),
        variant_id: Set(variant_id),
        on_hand: Set(d_on_hand),
        reserved: Set(d_reserved),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([L::LocationId, L::VariantId])
            .value(
                L::OnHand,
                Expr::col((stock_level::Entity, L::OnHand)).add(d_on_hand),
            )
            .value(
                L::Reserved,
                Expr::col((stock_level::Entity, L::Reserved)).add(d_reserved),
            )
            .value(L::UpdatedAt, Expr::value(now))
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Ok(stock_level::Entity::find_by_id((location_id, variant_id))
        .one(conn)
        .await?)
}

/// The [`CommerceError::InsufficientStock`] for asking `requested` units of a variant at a
/// location (reads the SKU, the location code and what is available now).
pub(crate) async fn shortage<C: ConnectionTrait>(
    conn: &C,
    location_id: i64,
    variant_id: i64,
    requested: i64,
) -> CommerceError {
    let read = async {
        let level = level(conn, location_id, variant_id).await?;
        let sku = variant::Entity::find_by_id(variant_id)
            .one(conn)
            .await?
            .map_or_else(|| format!("variant {variant_id}"), |v| v.sku);
        let location_code = location::Entity::find_by_id(location_id)
            .one(conn)
            .await?
            .map_or_else(|| format!("location {location_id}"), |l| l.code);
        Ok::<_, CommerceError>(Shortage {
            variant_id,
            sku,
            location_id,
            location_code,
            requested,
            available: level.available().max(0),
        })
    };
    match read.await {
        Ok(s) => CommerceError::InsufficientStock(s),
        Err(e) => e,
    }
}

/// The stock of a variant at a location; `(0, 0)` if it never had any.
pub async fn level<C: ConnectionTrait>(
    conn: &C,
    location_id: i64,
    variant_id: i64,
) -> Result<Level> {
    Ok(stock_level::Entity::find_by_id((location_id, variant_id))
        .one(conn)
        .await?
        .map_or(Level::default(), |l| Level {
            on_hand: l.on_hand,
            reserved: l.reserved,
        }))
}
