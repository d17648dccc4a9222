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
