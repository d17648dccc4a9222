//! Following the outbox: each step reads the committed rows after the index's position
//! ([`Follower`]), re-indexes the products they name and commits with the new position as
//! payload.

use std::collections::BTreeSet;

use chrono::Utc;
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QuerySelect,
};

use super::{commit, write, SearchIndex};
use crate::search::documents::{self, Categories};
use crate::{
    entity::{outbox, outbox_cursor, variant},
    outbox::{topic, Follower, Poll},
    Result,
};

/// Outbox rows read per sync step.
const SYNC_BATCH: u64 = 1000;

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
        let before = sync.safe_position();
        let (rows, read) = match sync.poll(db, SYNC_BATCH).await? {
            // Notices this index has not applied were deleted (it was away longer than the
            // outbox keeps them): only a rebuild brings it up to date.
            Poll::Pruned => {
                tracing::warn!(
                    position = sync.safe_position(),
                    "search index is behind the pruned outbox; rebuilding"
                );
                drop(sync);
                self.rebuild(db).await?;
                return Ok(0);
            }
            Poll::Rows { rows, read } => (rows, read),
        };
        if rows.is_empty() {
            return Ok(0);
        }
        if rows.iter().any(|r| r.topic == topic::SEARCH_REBUILD) {
            drop(sync);
            self.rebuild(db).await?;
            return Ok(read);
        }
        let live = self.current();
        let applied = async {
            let cats = Categories::load(db).await?;
            let products = affected_products(db, &cats, &rows).await?;
            self.remember_categories(&cats);
            let docs = documents::load(db, &cats, &products).await?;
            // Delete every named product, then add back the active ones: an upsert.
            write(&live, self.fields, products, docs).await
        }
        .await;
        if let Err(e) = applied {
            // Not applied: these rows are read again next time.
            *sync = Follower::at(before);
            return Err(e);
        }
        let position = sync.safe_position();
        commit(&live, position).await?;
        drop(sync);
        self.save_cursor(db, position).await?;
        Ok(read)
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
