//! The 100k-product catalogue comes from `demo::bulk` (also behind `stoa demo --products N`).

pub use demo::bulk::{already_generated, generate, SKU_PREFIX};

/// The first column of the first row of `sql`, as a count.
pub async fn scalar<C: sea_orm::ConnectionTrait>(db: &C, sql: &str) -> anyhow_lite::Result<u64> {
    Ok(demo::bulk::scalar(db, sql).await?)
}

/// A tiny error type for the bench (no extra dependency).
pub mod anyhow_lite {
    pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;
}
