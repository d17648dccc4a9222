//! The catalogue read model: every active product with its translations, options, labels,
//! variants, prices, images and VAT, and the category tree with its counts, held in memory by
//! each instance so that the shop's pages are built without the database (DESIGN §3.3).
//!
//! - Built from the database at start ([`Catalogue::load`]), then kept current through the
//!   outbox, like the search index: [`Catalogue::sync`] reloads the products each batch of
//!   notices names (a handful of batched queries), re-reads the small tables (categories,
//!   locations, stores, VAT rates) and swaps in a new [`Snapshot`]. What is derived (counts,
//!   each category's products in every order, slug and code lookups) is edited in place for
//!   the products whose listing changed ([`Derived::update`]; rebuilt when the tree changed),
//!   and left alone when a variant merely sold out or came back. When the outbox was
//!   pruned past its position, or a notice asks for it, it reloads everything.
//! - Pages take the current snapshot (an `Arc`, no lock held while rendering).
//! - Stock: the snapshot knows where each variant is available (the ledger writes a notice
//!   whenever that flips, so it is as current as the search index); quantities shown on the
//!   product page are read from the database per request. Order placement, POS sales and
//!   payment links read prices and stock in their own transaction, never from here.

mod load;
mod snapshot;

pub use snapshot::{
    Cat, CatText, Categories, Derived, Ids, Image, Labels, Listing, NewProduct, OptionValue,
    Places, Product, ProductOption, Snapshot, Stocked, Variant, HOME_ROW, SORTS,
};

use std::{
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use sea_orm::DatabaseConnection;

use crate::{
    entity::outbox,
    outbox::{topic, Follower, Poll},
    Result,
};

pub(crate) use load::locale_index;

/// Outbox rows applied per step.
const SYNC_BATCH: u64 = 1000;

/// The read model of one instance.
pub struct Catalogue {
    current: RwLock<Arc<Snapshot>>,
    sync: tokio::sync::Mutex<State>,
}

struct State {
    follower: Follower,
    strings: load::Interner,
}

/// What one [`Catalogue::sync`] step did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Outbox rows read.
    pub rows: usize,
    /// Products reloaded.
    pub products: usize,
    /// Whether the derived listings changed (edited in place, or rebuilt).
    pub relisted: bool,
    /// Whether everything was reloaded.
    pub reloaded: bool,
}

impl Catalogue {
    /// Loads the whole catalogue from the database.
    pub async fn load(db: &DatabaseConnection) -> Result<Arc<Catalogue>> {
        let started = Instant::now();
        let mut strings = load::Interner::default();
        let (position, snapshot) = Self::read_all(db, &mut strings).await?;
        tracing::info!(
            products = snapshot.products.len(),
            ms = started.elapsed().as_millis() as u64,
            "catalogue loaded"
        );
        Ok(Arc::new(Catalogue {
            current: RwLock::new(Arc::new(snapshot)),
            sync: tokio::sync::Mutex::new(State {
                follower: Follower::at(position),
                strings,
            }),
        }))
    }

    async fn read_all(
        db: &DatabaseConnection,
        strings: &mut load::Interner,
    ) -> Result<(i64, Snapshot)> {
        // Everything up to here is in what is read next.
        let position = crate::outbox::head(db).await?;
        let products = load::all_products(db, strings).await?;
        let categories = load::categories(db).await?;
        let places = load::places(db).await?;
        let products = products
            .into_iter()
            .map(|(id, p)| (id, Arc::new(p)))
            .collect();
        Ok((position, Snapshot::new(products, categories, places)))
    }

    /// The current state. Hold it for the length of one page, not longer.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn swap(&self, snapshot: Snapshot) {
        *self.current.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
    }

    /// Position in the outbox up to which every change is applied.
    pub async fn position(&self) -> i64 {
        self.sync.lock().await.follower.safe_position()
    }

    /// Reloads everything from the database.
    pub async fn reload(&self, db: &DatabaseConnection) -> Result<()> {
        let mut state = self.sync.lock().await;
        let (position, snapshot) = Self::read_all(db, &mut state.strings).await?;
        self.swap(snapshot);
        state.follower = Follower::at(position);
        Ok(())
    }

    /// Applies the outbox rows committed since the last call. Returns what the last step did
    /// and how many rows were read in all.
    pub async fn sync(&self, db: &DatabaseConnection) -> Result<usize> {
        let mut rows = 0;
        loop {
            let step = self.sync_step(db).await?;
            rows += step.rows;
            if step.rows < SYNC_BATCH as usize {
                return Ok(rows);
            }
        }
    }

    /// Applies one batch of outbox rows.
    pub async fn sync_step(&self, db: &DatabaseConnection) -> Result<Applied> {
        let mut state = self.sync.lock().await;
        let before = state.follower.safe_position();
        let (rows, read) = match state.follower.poll(db, SYNC_BATCH).await? {
            Poll::Pruned => {
                tracing::warn!(
                    position = before,
                    "catalogue is behind the pruned outbox; reloading"
                );
                drop(state);
                self.reload(db).await?;
                return Ok(Applied {
                    reloaded: true,
                    ..Applied::default()
                });
            }
            Poll::Rows { rows, read } => (rows, read),
        };
        if rows.is_empty() {
            return Ok(Applied::default());
        }
        if rows.iter().any(|r| r.topic == topic::SEARCH_REBUILD) {
            drop(state);
            self.reload(db).await?;
            return Ok(Applied {
                rows: read,
                reloaded: true,
                ..Applied::default()
            });
        }
        let old = self.snapshot();
        let result = apply(db, &old, &rows, &mut state.strings).await;
        match result {
            Ok((snapshot, mut applied)) => {
                self.swap(snapshot);
                applied.rows = read;
                Ok(applied)
            }
            Err(e) => {
                // Not applied: these rows are read again next time.
                state.follower = Follower::at(before);
                Err(e)
            }
        }
    }
}

/// The next snapshot: `old` with the products `rows` name reloaded.
async fn apply(
    db: &DatabaseConnection,
    old: &Snapshot,
    rows: &[outbox::Model],
    strings: &mut load::Interner,
) -> Result<(Snapshot, Applied)> {
    let categories = load::categories(db).await?;
    let places = load::places(db).await?;
    let ids = crate::outbox::affected_products(db, rows, |c| categories.subtree(c)).await?;
    let mut loaded = load::products(db, load::Scope::Ids(&ids), strings).await?;
    let mut products = old.products.clone();
    let tree_changed = categories != *old.categories;
    // The products whose place in the listings, lookups or labels may have moved.
    let mut relisted: Vec<i64> = Vec::new();
    for id in &ids {
        match (loaded.remove(id), products.get(id)) {
            (Some(new), Some(was)) => {
                if !new.same_listing(was) {
                    relisted.push(*id);
                }
                products.insert(*id, Arc::new(new));
            }
            (Some(new), None) => {
                relisted.push(*id);
                products.insert(*id, Arc::new(new));
            }
            (None, Some(_)) => {
                relisted.push(*id);
                products.remove(id);
            }
            (None, None) => {}
        }
    }
    let relist = tree_changed || !relisted.is_empty();
    let derived = if tree_changed {
        Arc::new(Derived::build(&products, &categories))
    } else if relist {
        let mut derived = (*old.derived).clone();
        derived.update(&old.products, &products, &relisted, &categories);
        Arc::new(derived)
    } else {
        old.derived.clone()
    };
    let places = if places == *old.places {
        old.places.clone()
    } else {
        Arc::new(places)
    };
    let applied = Applied {
        rows: 0,
        products: ids.len(),
        relisted: relist,
        reloaded: false,
    };
    Ok((
        Snapshot {
            products,
            categories: Arc::new(categories),
            places,
            derived,
        },
        applied,
    ))
}

/// Follows the outbox every `every` until the returned handle is aborted (errors are logged
/// and retried on the next step).
pub fn spawn_sync(
    catalogue: Arc<Catalogue>,
    db: DatabaseConnection,
    every: Duration,
) -> tokio::task::JoinHandle<()> {
    crate::outbox::spawn_following("catalogue", every, move || {
        let (catalogue, db) = (catalogue.clone(), db.clone());
        async move { catalogue.sync(&db).await }
    })
}
