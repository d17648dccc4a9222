//! Product search (DESIGN §3.1): a tantivy index per instance, kept in step with the database
//! through the outbox.
//!
//! - [`analysis`]: how text becomes terms (case, accents, Greek final sigma, Polish letters,
//!   stemming).
//! - [`schema`]: one document per active product; per-locale text fields, facets (category,
//!   attributes, availability) and fast fields (price, date, stock).
//! - [`params`]: the search as a URL query string.
//! - [`index`]: opening/rebuilding the index in the data folder, following the outbox, running
//!   queries with facet counts.
//! - [`documents`]: building documents from the database.
//! - [`page`]: the results page, header suggestions and the exact SKU/barcode shortcut.
//! - [`view`]: what those pages show, shared with the browser bundle (no database needed).
//!
//! See `docs/search-design.md` for the reasoning behind the analyzers and the query shape.

#[cfg(feature = "db")]
pub mod analysis;
#[cfg(feature = "db")]
pub mod documents;
#[cfg(feature = "db")]
pub mod index;
#[cfg(feature = "db")]
pub mod page;
pub mod params;
#[cfg(feature = "db")]
pub mod schema;
pub mod view;

#[cfg(feature = "db")]
pub use index::{Hits, RebuildStats, SearchIndex};
#[cfg(feature = "db")]
pub use page::{find_code, search_page, suggest};
pub use params::{SearchParams, Sort};
pub use view::{
    CategorySuggestion, CodeMatch, FacetGroup, FacetValue, PriceBandValue, SearchPage, SortLink,
    Suggestions,
};

#[cfg(feature = "db")]
use std::{sync::Arc, time::Duration};

#[cfg(feature = "db")]
use sea_orm::DatabaseConnection;

#[cfg(feature = "db")]
/// Follows the outbox every `every` until the returned handle is aborted: each step applies the
/// committed changes to the index (errors are logged and retried on the next step).
pub fn spawn_sync(
    index: Arc<SearchIndex>,
    db: DatabaseConnection,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    crate::outbox::spawn_following("search index", every, move || {
        let (index, db) = (index.clone(), db.clone());
        async move { index.sync(&db).await }
    })
}
