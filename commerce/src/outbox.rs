//! The outbox: change notices written in the same transaction as the change they describe.
//!
//! A consumer (the search index of each instance) reads rows in id order after they commit and
//! remembers how far it got, so nothing is missed across restarts and every instance sees every
//! change. Write a notice with [`emit`] inside the business transaction.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use serde_json::json;

use crate::{entity::outbox, Result};

/// Topic names stored in `outbox.topic`.
pub mod topic {
    /// A product's texts, category, status or options changed: `{product_id}`.
    pub const PRODUCT_CHANGED: &str = "product_changed";
    /// A variant's price, codes or stock changed: `{variant_id}`.
    pub const VARIANT_CHANGED: &str = "variant_changed";
    /// A category's names or place changed (its products' index entries): `{category_id}`.
    pub const CATEGORY_CHANGED: &str = "category_changed";
    /// Everything must be re-indexed (bulk loads, `stoa reindex` while a server runs): `{}`.
    pub const SEARCH_REBUILD: &str = "search_rebuild";
}

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A product (texts, category, status, options).
    Product(i64),
    /// A variant (price, codes, stock).
    Variant(i64),
    /// A category.
    Category(i64),
    /// Everything: consumers rebuild from the database.
    Rebuild,
}

impl Change {
    fn topic_and_payload(self) -> (&'static str, serde_json::Value) {
        match self {
            Change::Product(id) => (topic::PRODUCT_CHANGED, json!({ "product_id": id })),
            Change::Variant(id) => (topic::VARIANT_CHANGED, json!({ "variant_id": id })),
            Change::Category(id) => (topic::CATEGORY_CHANGED, json!({ "category_id": id })),
            Change::Rebuild => (topic::SEARCH_REBUILD, json!({})),
        }
    }
}

/// Records `change` in the outbox. Call it in the transaction that makes the change.
pub async fn emit<C: ConnectionTrait>(conn: &C, change: Change) -> Result<()> {
    let (topic, payload) = change.topic_and_payload();
    outbox::ActiveModel {
        topic: Set(topic.to_owned()),
        payload: Set(payload),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The `outbox_cursors` row that records how far [`prune`] has deleted.
pub const PRUNED_CONSUMER: &str = "outbox-pruned";

/// Cursors not moved for this long belong to instances that are gone; [`prune`] ignores them
/// (such an instance rebuilds its index when it comes back, see [`pruned_through`]).
pub const STALE_CONSUMER_AFTER: chrono::Duration = chrono::Duration::hours(24);

/// The highest outbox id deleted by [`prune`] (0 if none). A consumer whose position is below it
/// has missed notices and must rebuild from the database.
pub async fn pruned_through<C: ConnectionTrait>(conn: &C) -> Result<i64> {
    use sea_orm::EntityTrait;
    Ok(
        crate::entity::outbox_cursor::Entity::find_by_id(PRUNED_CONSUMER.to_owned())
            .one(conn)
            .await?
            .map_or(0, |c| c.last_id),
    )
}

/// Deletes outbox rows every live consumer has applied and that are older than `min_age`,
/// records how far it deleted, and returns how many rows went. Consumers are the rows of
/// `outbox_cursors` moved within [`STALE_CONSUMER_AFTER`]; with none, nothing is deleted.
pub async fn prune(db: &sea_orm::DatabaseConnection, min_age: chrono::Duration) -> Result<u64> {
    use sea_orm::{
        sea_query::OnConflict, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    };

    use crate::entity::outbox_cursor;
    let now = Utc::now();
    let live = outbox_cursor::Entity::find()
        .filter(outbox_cursor::Column::Consumer.ne(PRUNED_CONSUMER))
        .filter(outbox_cursor::Column::UpdatedAt.gte(now - STALE_CONSUMER_AFTER))
        .all(db)
        .await?;
    let Some(upto) = live.iter().map(|c| c.last_id).min() else {
        return Ok(0);
    };
    // Only rows old enough, so a consumer that just started is never surprised.
    let old_enough = outbox::Entity::find()
        .filter(outbox::Column::Id.lte(upto))
        .filter(outbox::Column::CreatedAt.lt(now - min_age))
        .order_by_desc(outbox::Column::Id)
        .limit(1)
        .one(db)
        .await?;
    let Some(last) = old_enough else {
        return Ok(0);
    };
    let txn = crate::db::begin_write(db).await?;
    let result = async {
        let deleted = outbox::Entity::delete_many()
            .filter(outbox::Column::Id.lte(last.id))
            .exec(&*txn)
            .await?
            .rows_affected;
        outbox_cursor::Entity::insert(outbox_cursor::ActiveModel {
            consumer: Set(PRUNED_CONSUMER.to_owned()),
            last_id: Set(last.id),
            updated_at: Set(now),
        })
        .on_conflict(
            OnConflict::column(outbox_cursor::Column::Consumer)
                .update_columns([
                    outbox_cursor::Column::LastId,
                    outbox_cursor::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(&*txn)
        .await?;
        Ok(deleted)
    }
    .await;
    txn.finish(result).await
}

/// How long a missing outbox id is waited for (a PostgreSQL transaction that took the id but
/// had not committed when later ids were read).
pub const GAP_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// A consumer's place in the outbox: the highest id seen, and the ids below it not seen yet
/// (taken by transactions that had not committed when later ids were read), which are waited
/// for ([`GAP_WAIT`]) before they are given up. Every consumer (each instance's search index
/// and catalogue read model) follows the outbox through one of these.
#[derive(Debug, Default)]
pub struct Follower {
    cursor: i64,
    gaps: std::collections::BTreeMap<i64, std::time::Instant>,
}

/// What [`Follower::poll`] found.
#[derive(Debug)]
pub enum Poll {
    /// Notices this consumer has not applied were deleted by [`prune`]: only a rebuild from
    /// the database brings it up to date (then [`Follower::at`] the position read first).
    Pruned,
    /// Committed rows to apply (possibly none): the next ones in id order, then any that
    /// filled earlier gaps. `read` counts the former (a full batch means more may follow).
    Rows {
        /// The rows, in no particular order of topic.
        rows: Vec<outbox::Model>,
        /// How many rows the ordered read returned.
        read: usize,
    },
}

impl Follower {
    /// A follower that has seen everything up to `position`.
    pub fn at(position: i64) -> Self {
        Follower {
            cursor: position,
            gaps: Default::default(),
        }
    }

    /// Position to resume from after a restart: nothing at or below it is missing.
    pub fn safe_position(&self) -> i64 {
        self.gaps
            .keys()
            .next()
            .map_or(self.cursor, |g| (g - 1).min(self.cursor))
    }

    /// Reads up to `batch` committed rows after the cursor (and any that filled gaps) and
    /// moves the cursor past them. Apply the rows before polling again; on an error of the
    /// apply, start over from a fresh follower at [`Follower::safe_position`] or rebuild.
    pub async fn poll(&mut self, db: &sea_orm::DatabaseConnection, batch: u64) -> Result<Poll> {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
        let pruned = pruned_through(db).await?;
        if self.cursor < pruned {
            return Ok(Poll::Pruned);
        }
        let mut rows = outbox::Entity::find()
            .filter(outbox::Column::Id.gt(self.cursor))
            .order_by_asc(outbox::Column::Id)
            .limit(batch)
            .all(db)
            .await?;
        let read = rows.len();
        if !self.gaps.is_empty() {
            let gap_ids: Vec<i64> = self.gaps.keys().copied().collect();
            rows.extend(
                outbox::Entity::find()
                    .filter(outbox::Column::Id.is_in(gap_ids))
                    .all(db)
                    .await?,
            );
        }
        // Ids skipped between the cursor and what was read may belong to transactions that
        // have not committed yet: wait for them a while.
        let now = std::time::Instant::now();
        let mut expected = self.cursor + 1;
        for r in rows.iter().take(read) {
            for missing in expected..r.id {
                if r.id - expected < 10_000 {
                    self.gaps.insert(missing, now);
                }
            }
            expected = r.id + 1;
        }
        for r in &rows {
            self.gaps.remove(&r.id);
        }
        self.gaps
            .retain(|_, since| now.duration_since(*since) < GAP_WAIT);
        self.cursor = rows
            .iter()
            .map(|r| r.id)
            .max()
            .unwrap_or(self.cursor)
            .max(self.cursor);
        Ok(Poll::Rows { rows, read })
    }
}

/// The position a consumer that reads the whole database now starts from: the highest outbox
/// id written (or, when the table was pruned empty, where pruning stopped).
pub async fn head<C: ConnectionTrait>(db: &C) -> Result<i64> {
    use sea_orm::{ColumnTrait, EntityTrait, QuerySelect};
    let max: Option<Option<i64>> = outbox::Entity::find()
        .select_only()
        .column_as(outbox::Column::Id.max(), "m")
        .into_tuple()
        .one(db)
        .await?;
    let pruned = pruned_through(db).await?;
    Ok(max.flatten().unwrap_or(0).max(pruned))
}

/// Product ids the outbox `rows` name: products directly, variants resolved to their products,
/// categories to the products in them and below (`subtree` gives a category with its
/// descendants). What each consumer re-reads for a batch.
pub async fn affected_products(
    db: &sea_orm::DatabaseConnection,
    rows: &[outbox::Model],
    subtree: impl Fn(i64) -> Vec<i64>,
) -> Result<Vec<i64>> {
    use std::collections::BTreeSet;

    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

    use crate::entity::{product, variant};
    let mut products = BTreeSet::new();
    let mut variants = BTreeSet::new();
    let mut categories = BTreeSet::new();
    for r in rows {
        let id = |key: &str| r.payload.get(key).and_then(|v| v.as_i64());
        match r.topic.as_str() {
            topic::PRODUCT_CHANGED => products.extend(id("product_id")),
            topic::VARIANT_CHANGED => variants.extend(id("variant_id")),
            topic::CATEGORY_CHANGED => categories.extend(id("category_id")),
            _ => {}
        }
    }
    let variants: Vec<i64> = variants.into_iter().collect();
    for chunk in variants.chunks(500) {
        let rows: Vec<i64> = variant::Entity::find()
            .select_only()
            .column(variant::Column::ProductId)
            .filter(variant::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        products.extend(rows);
    }
    let all: Vec<i64> = categories.into_iter().flat_map(subtree).collect();
    for chunk in all.chunks(500) {
        let rows: Vec<i64> = product::Entity::find()
            .select_only()
            .column(product::Column::Id)
            .filter(product::Column::CategoryId.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        products.extend(rows);
    }
    Ok(products.into_iter().collect())
}

/// Runs `step` (one consumer catching up with the outbox) every `every` until the returned
/// handle is aborted; a failed step is logged, naming `consumer`, and retried the next time.
pub fn spawn_following<F, Fut>(
    consumer: &'static str,
    every: std::time::Duration,
    step: F,
) -> tokio::task::JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<usize>> + Send,
{
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = step().await {
                tracing::error!(error = %e, consumer, "outbox sync failed; retrying");
            }
        }
    })
}
