//! Stock counts: open → posted, or open → cancelled.
//!
//! Opening a count lists every active variant at the location (or in a category and its
//! subcategories) with the quantity on hand at that moment. Staff enter or scan what they
//! counted; the review compares each counted line with what is on hand now (sales during the
//! count are already in the ledger), and posting turns each difference into one `count`
//! movement. Lines left uncounted change nothing.

use std::collections::BTreeMap;

use chrono::Utc;
use sea_orm::{
    sea_query::Expr, ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait,
    DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};

use super::{
    document_number, level, post_movement, provisional_number, writable_location, Actor,
    NewMovement, StockLine,
};
use crate::{
    db,
    entity::{
        enums::{CountStatus, DocumentType, MovementReason},
        product, stock_count, stock_count_line, stock_level, variant,
    },
    error::{Conflict, Problem},
    types::Quantity,
    CommerceError, Result,
};

/// A count with its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The document.
    pub count: stock_count::Model,
    /// Its lines, in variant order.
    pub lines: Vec<stock_count_line::Model>,
}

/// Opens a count `CNT-nnnnn` at a location, of everything or of one category (with its
/// subcategories): one line per active variant, expecting what is on hand now.
///
/// # Errors
/// [`CommerceError::Validation`] for an unknown location (`location`) or category
/// (`category`), or a category without products (`category`); [`CommerceError::Forbidden`]
/// outside the actor's stores.
pub async fn open(
    db: &DatabaseConnection,
    actor: &Actor,
    location_id: i64,
    category_id: Option<i64>,
) -> Result<Count> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let location = writable_location(conn, actor, location_id, "location").await?;
        let mut products = product::Entity::find();
        if let Some(cat) = category_id {
            let ids = super::category_subtree(conn, cat, "category").await?;
            products = products.filter(product::Column::CategoryId.is_in(ids));
        }
        let product_ids: Vec<i64> = products
            .all(conn)
            .await?
            .into_iter()
            .map(|p| p.id)
            .collect();
        let variants = variant::Entity::find()
            .filter(variant::Column::Active.eq(true))
            .filter(variant::Column::ProductId.is_in(product_ids))
            .order_by_asc(variant::Column::Id)
            .all(conn)
            .await?;
        if variants.is_empty() {
            return Err(CommerceError::validation(
                "category",
                Problem::NothingToCount,
            ));
        }
        let on_hand: BTreeMap<i64, i64> = stock_level::Entity::find()
            .filter(stock_level::Column::LocationId.eq(location.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|l| (l.variant_id, l.on_hand))
            .collect();
        let c = stock_count::ActiveModel {
            number: Set(provisional_number()),
            location_id: Set(location.id),
            category_id: Set(category_id),
            status: Set(CountStatus::Open),
            created_by: Set(actor.staff_id),
            posted_at: Set(None),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        let id = c.id;
        let mut c = c.into_active_model();
        c.number = Set(document_number("CNT", id));
        c.update(conn).await?;
        for chunk in variants.chunks(500) {
            stock_count_line::Entity::insert_many(chunk.iter().map(|v| {
                stock_count_line::ActiveModel {
                    count_id: Set(id),
                    variant_id: Set(v.id),
                    expected: Set(on_hand.get(&v.id).copied().unwrap_or(0)),
                    counted: Set(None),
                    ..Default::default()
                }
            }))
            .exec_without_returning(conn)
            .await?;
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// A count and its lines.
pub async fn get<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Count> {
    let count = stock_count::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| CommerceError::NotFound(format!("count {id}")))?;
    let lines = stock_count_line::Entity::find()
        .filter(stock_count_line::Column::CountId.eq(id))
        .order_by_asc(stock_count_line::Column::VariantId)
        .all(conn)
        .await?;
    Ok(Count { count, lines })
}

async fn open_count<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    id: i64,
) -> Result<stock_count::Model> {
    let count = stock_count::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or_else(|| CommerceError::NotFound(format!("count {id}")))?;
    writable_location(conn, actor, count.location_id, "location").await?;
    if count.status != CountStatus::Open {
        return Err(Conflict::CountClosed(count.status).into());
    }
    Ok(count)
}

/// Locks the row of an open count for the rest of the transaction and checks it is still open
/// (an `UPDATE … WHERE status = 'open'` that changes nothing): on PostgreSQL a post or cancel
/// running at the same time waits for this transaction, then finds what it did; on SQLite
/// writers are serialised anyway.
async fn lock_open<C: ConnectionTrait>(conn: &C, count: &stock_count::Model) -> Result<()> {
    let done = stock_count::Entity::update_many()
        .col_expr(
            stock_count::Column::Status,
            Expr::col(stock_count::Column::Status).into(),
        )
        .filter(stock_count::Column::Id.eq(count.id))
        .filter(stock_count::Column::Status.eq(CountStatus::Open))
        .exec(conn)
        .await?;
    if done.rows_affected != 1 {
        return Err(Conflict::Stale.into());
    }
    Ok(())
}

/// Moves an open count to `Posted` (stamping `posted_at`) or `Cancelled`, conditional on its
/// status still being open: of a post and a cancel racing each other exactly one changes the
/// row, and the other gets a conflict instead of overwriting it.
async fn close<C: ConnectionTrait>(
    conn: &C,
    count: &stock_count::Model,
    status: CountStatus,
) -> Result<()> {
    let mut update = stock_count::Entity::update_many()
        .col_expr(stock_count::Column::Status, Expr::value(status))
        .filter(stock_count::Column::Id.eq(count.id))
        .filter(stock_count::Column::Status.eq(CountStatus::Open));
    if status == CountStatus::Posted {
        update = update.col_expr(stock_count::Column::PostedAt, Expr::value(Utc::now()));
    }
    CountStatus::Open.transition(status)?;
    if update.exec(conn).await?.rows_affected != 1 {
        return Err(Conflict::Stale.into());
    }
    Ok(())
}

/// Sets counted quantities: `(variant, Some(units))` records what was counted (0 included),
/// `(variant, None)` clears a line back to "not counted".
///
/// # Errors
/// [`CommerceError::Validation`] on `counted` for a variant not in the count or a quantity
/// outside 0..=1,000,000; [`CommerceError::Conflict`] once posted or cancelled.
pub async fn record(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    entries: &[(i64, Option<i64>)],
) -> Result<Count> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let count = open_count(conn, actor, id).await?;
        lock_open(conn, &count).await?;
        for &(variant_id, counted) in entries {
            if let Some(n) = counted {
                if !(0..=Quantity::MAX).contains(&n) {
                    return Err(CommerceError::validation(
                        "counted",
                        Problem::OutOfRange {
                            min: 0,
                            max: Quantity::MAX,
                        },
                    ));
                }
            }
            let updated = stock_count_line::Entity::update_many()
                .col_expr(stock_count_line::Column::Counted, Expr::value(counted))
                .filter(stock_count_line::Column::CountId.eq(id))
                .filter(stock_count_line::Column::VariantId.eq(variant_id))
                .exec(conn)
                .await?;
            if updated.rows_affected == 0 {
                return Err(not_in_count(conn, variant_id).await);
            }
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// Adds scanned units to the counted quantities (an uncounted line starts from 0): scanning a
/// barcode five times counts 5.
///
/// # Errors
/// As [`record`].
pub async fn add_scanned(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    lines: &[StockLine],
) -> Result<Count> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let count = open_count(conn, actor, id).await?;
        lock_open(conn, &count).await?;
        for l in lines {
            let updated = stock_count_line::Entity::update_many()
                .col_expr(
                    stock_count_line::Column::Counted,
                    counted_or_zero().add(l.quantity.get()),
                )
                .filter(stock_count_line::Column::CountId.eq(id))
                .filter(stock_count_line::Column::VariantId.eq(l.variant_id))
                .filter(Expr::expr(counted_or_zero().add(l.quantity.get())).lte(Quantity::MAX))
                .exec(conn)
                .await?;
            if updated.rows_affected == 0 {
                return Err(not_in_count(conn, l.variant_id).await);
            }
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// `COALESCE(counted, 0)`.
fn counted_or_zero() -> Expr {
    Expr::expr(sea_orm::sea_query::Func::coalesce([
        Expr::col(stock_count_line::Column::Counted).into(),
        Expr::val(0i64).into(),
    ]))
}

async fn not_in_count<C: ConnectionTrait>(conn: &C, variant_id: i64) -> CommerceError {
    let sku = variant::Entity::find_by_id(variant_id)
        .one(conn)
        .await
        .ok()
        .flatten()
        .map_or_else(|| format!("#{variant_id}"), |v| v.sku);
    CommerceError::validation("counted", Problem::NotOnDocument { code: sku })
}

/// One line of a count under review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    /// The variant.
    pub variant_id: i64,
    /// On hand when the count was opened.
    pub expected: i64,
    /// On hand now.
    pub on_hand: i64,
    /// What was counted, if counted.
    pub counted: Option<i64>,
}

impl Difference {
    /// Counted − on hand now: what posting will book (0 when not counted).
    pub fn change(&self) -> i64 {
        self.counted.map_or(0, |c| c - self.on_hand)
    }
}

/// Every line with what is on hand now, for the review before posting.
pub async fn differences<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Vec<Difference>> {
    let Count { count, lines } = get(conn, id).await?;
    let on_hand: BTreeMap<i64, i64> = stock_level::Entity::find()
        .filter(stock_level::Column::LocationId.eq(count.location_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| (l.variant_id, l.on_hand))
        .collect();
    Ok(lines
        .into_iter()
        .map(|l| Difference {
            variant_id: l.variant_id,
            expected: l.expected,
            on_hand: on_hand.get(&l.variant_id).copied().unwrap_or(0),
            counted: l.counted,
        })
        .collect())
}

/// Posts a count: for every counted line whose count differs from what is on hand now, one
/// `count` movement of the difference; then the count is `posted`. Returns the count.
///
/// # Errors
/// [`CommerceError::Conflict`] when it is posted or cancelled already (posting twice changes
/// nothing), or when a count is below what is reserved for orders at the location (those
/// reservations must be released or moved first); [`CommerceError::Forbidden`] outside the
/// actor's stores.
pub async fn post(db: &DatabaseConnection, actor: &Actor, id: i64) -> Result<Count> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let count = open_count(conn, actor, id).await?;
        close(conn, &count, CountStatus::Posted).await?;
        for d in differences(conn, id).await? {
            let change = d.change();
            if change == 0 {
                continue;
            }
            let posted = post_movement(
                conn,
                NewMovement {
                    location_id: count.location_id,
                    variant_id: d.variant_id,
                    quantity: change,
                    reason: MovementReason::Count,
                    adjustment_reason: None,
                    document: Some((DocumentType::Count, id)),
                    staff_user_id: actor.staff_id,
                    note: None,
                },
            )
            .await;
            if let Err(CommerceError::InsufficientStock(s)) = posted {
                let reserved = level(conn, count.location_id, d.variant_id).await?.reserved;
                return Err(Conflict::CountBelowReserved {
                    sku: s.sku,
                    location_code: s.location_code,
                    counted: d.counted.unwrap_or(0),
                    reserved,
                }
                .into());
            }
            posted?;
        }
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}

/// Cancels an open count (nothing is booked).
///
/// # Errors
/// [`CommerceError::Conflict`] once posted or cancelled.
pub async fn cancel(db: &DatabaseConnection, actor: &Actor, id: i64) -> Result<Count> {
    let txn = db::begin_write(db).await?;
    let result = async {
        let conn = &*txn;
        let count = open_count(conn, actor, id).await?;
        close(conn, &count, CountStatus::Cancelled).await?;
        get(conn, id).await
    }
    .await;
    txn.finish(result).await
}
