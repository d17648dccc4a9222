//! Following the outbox: each step reads the committed rows after the index's position,
//! re-indexes the products they name and commits with the new position as payload. Ids that a
//! still-open PostgreSQL transaction took are waited for ([`GAP_WAIT`]) before they are skipped.

use std::{
    collections::{BTreeMap, BTreeSet},
    time::{Duration, Instant},
};

use chrono::Utc;
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::{commit, write, SearchIndex};
use crate::search::documents::{self, Categories};
use crate::{
    entity::{outbox, outbox_cursor, variant},
    outbox::topic,
    Result,
};

/// Outbox rows read per sync step.
const SYNC_BATCH: u64 = 1000;

/// How long a missing outbox id is waited for (a PostgreSQL transaction that took the id but
/// had not committed when later ids were read).
const GAP_WAIT: Duration = Duration::from_secs(30);

/// Outbox-following state, owned by whoever holds the sync lock.
#[derive(Default)]
pub(super) struct SyncState {
    /// Highest outbox id seen.
    pub(super) cursor: i64,
    /// Ids below `cursor` not seen yet, with when they were first missed.
    pub(super) gaps: BTreeMap<i64, Instant>,
}

impl SyncState {
    /// Position to resume from after a restart: nothing below it is missing.
    pub(super) fn safe_position(&self) -> i64 {
        self.gaps
            .keys()
            .next()
            .map_or(self.cursor, |g| (g - 1).min(self.cursor))
    }
}

impl SearchIndex {
    /// Applies the outbox rows written since the last call: re-indexes the products they name.
    /// Returns how many rows it applied.
    pub async fn sync(&self, db: &DatabaseConnection) -> Result<usize> {
        let mut applied = 0;
        loop {
            let n = self.sync_step(db).await?;
            applied += n;
            if n < SYNC_BATCH as usize {
                return Ok(applied);
            }
        }
    }

    pub(super) async fn sync_step(&self, db: &DatabaseConnection) -> Result<usize> {
        let mut sync = self.sync.lock().await;
        // Notices this index has not applied were deleted (it was away longer than the outbox
        // keeps them): only a rebuild brings it up to date.
        let pruned = crate::outbox::pruned_through(db).await?;
        if sync.cursor < pruned {
            tracing::warn!(
                position = sync.cursor,
                pruned,
                "search index is behind the pruned outbox; rebuilding"
            );
            drop(sync);
            self.rebuild(db).await?;
            return Ok(0);
        }
        let mut rows = outbox::Entity::find()
            .filter(outbox::Column::Id.gt(sync.cursor))
            .order_by_asc(outbox::Column::Id)
            .limit(SYNC_BATCH)
            .all(db)
            .await?;
        let batch_len = rows.len();
        if !sync.gaps.is_empty() {
            let gap_ids: Vec<i64> = sync.gaps.keys().copied().collect();
            rows.extend(
                outbox::Entity::find()
                    .filter(outbox::Column::Id.is_in(gap_ids))
                    .all(db)
                    .await?,
            );
        }
        // Ids skipped between the cursor and what we read may belong to transactions that have
        // not committed yet: wait for them a while.
        let now = Instant::now();
        let mut expected = sync.cursor + 1;
        for r in rows.iter().take(batch_len) {
            for missing in expected..r.id {
                if r.id - expected < 10_000 {
                    sync.gaps.insert(missing, now);
                }
            }
            expected = r.id + 1;
        }
        for r in &rows {
            sync.gaps.remove(&r.id);
        }
        sync.gaps
            .retain(|_, since| now.duration_since(*since) < GAP_WAIT);
        if rows.is_empty() {
            return Ok(0);
        }
        let new_cursor = rows
            .iter()
            .map(|r| r.id)
            .max()
            .unwrap_or(sync.cursor)
            .max(sync.cursor);

        if rows.iter().any(|r| r.topic == topic::SEARCH_REBUILD) {
            drop(sync);
            self.rebuild(db).await?;
            return Ok(batch_len);
        }
        let cats = Categories::load(db).await?;
        let products = affected_products(db, &cats, &rows).await?;
        self.remember_categories(&cats);
        let docs = documents::load(db, &cats, &products).await?;
        sync.cursor = new_cursor;
        let live = self.current();
        // Delete every named product, then add back the active ones: an upsert.
        write(&live, self.fields, products, docs).await?;
        let position = sync.safe_position();
        commit(&live, position).await?;
        drop(sync);
        self.save_cursor(db, position).await?;
        Ok(batch_len)
    }

    pub(super) async fn save_cursor(&self, db: &DatabaseConnection, position: i64) -> Result<()> {
        outbox_cursor::Entity::insert(outbox_cursor::ActiveModel {
            consumer: Set(self.consumer.clone()),
            last_id: Set(position),
            updated_at: Set(Utc::now()),
        })
        .on_conflict(
            OnConflict::column(outbox_cursor::Column::Consumer)
                .update_columns([
                    outbox_cursor::Column::LastId,
                    outbox_cursor::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
        Ok(())
    }
}

pub(super) async fn max_outbox_id<C: ConnectionTrait>(db: &C) -> Result<i64> {
    let max: Option<Option<i64>> = outbox::Entity::find()
        .select_only()
        .column_as(outbox::Column::Id.max(), "m")
        .into_tuple()
        .one(db)
        .await?;
    // After pruning the table may be empty; the position is then where pruning stopped.
    let pruned = crate::outbox::pruned_through(db).await?;
    Ok(max.flatten().unwrap_or(0).max(pruned))
}

/// Product ids named by outbox rows (variants and categories resolved to their products).
pub(super) async fn affected_products(
    db: &DatabaseConnection,
    cats: &Categories,
    rows: &[outbox::Model],
) -> Result<Vec<i64>> {
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
    if !categories.is_empty() {
        let all: Vec<i64> = categories.iter().flat_map(|c| cats.subtree(*c)).collect();
        for chunk in all.chunks(500) {
            let rows: Vec<i64> = crate::entity::product::Entity::find()
                .select_only()
                .column(crate::entity::product::Column::Id)
                .filter(crate::entity::product::Column::CategoryId.is_in(chunk.to_vec()))
                .into_tuple()
                .all(db)
                .await?;
            products.extend(rows);
        }
    }
    Ok(products.into_iter().collect())
}
