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
