//! Following the outbox: each step reads the committed rows after the index's position
//! ([`Follower`]), re-indexes the products they name and commits with the new position as
//! payload.

use chrono::Utc;
use sea_orm::{sea_query::OnConflict, ActiveValue::Set, DatabaseConnection, EntityTrait};

use super::{commit, write, SearchIndex};
use crate::search::documents::{self, Categories};
use crate::{
    entity::outbox_cursor,
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
            let products = crate::outbox::affected_products(db, &rows, |c| cats.subtree(c)).await?;
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
