//! The live index: opening or rebuilding it in the data folder, following the outbox, and
//! answering searches.
//!
//! One [`SearchIndex`] per process. Searches take the current reader (cheap, lock-free after an
//! `Arc` clone); one writer, behind a mutex, applies outbox batches and rebuilds. The position in
//! the outbox is stored in the commit payload, so the data and the position change atomically
//! and a restart resumes where the last commit ended.

use std::{
    collections::{BTreeMap, BTreeSet, HashSet},
    ops::Bound,
    path::{Path, PathBuf},
    sync::{Arc, Mutex, RwLock},
    time::{Duration, Instant},
};

use chrono::Utc;
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use tantivy::{
    collector::{Count, FacetCollector, ScoreSegmentTweaker, ScoreTweaker, TopDocs},
    columnar::ColumnValues,
    query::{
        AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery,
        Occur, Query, RangeQuery, TermQuery, TermSetQuery,
    },
    schema::{Facet, IndexRecordOption},
    DocAddress, DocId, Index, IndexReader, IndexWriter, Order, ReloadPolicy, Score, Searcher,
    SegmentReader, Term,
};

use super::{
    analysis::{self, LOCALES},
    documents::{self, Categories},
    params::{price_band_bounds, SearchParams, Sort, MAX_PAGE, PRICE_BANDS},
    schema::{schema, Fields, SCHEMA_VERSION},
};
use crate::{
    entity::{outbox, outbox_cursor, variant},
    outbox::topic,
    CommerceError, Result,
};

/// Words of a query used (the rest is ignored).
pub const MAX_QUERY_WORDS: usize = 8;

/// Outbox rows read per sync step.
const SYNC_BATCH: u64 = 1000;

/// How long a missing outbox id is waited for (a PostgreSQL transaction that took the id but
/// had not committed when later ids were read).
const GAP_WAIT: Duration = Duration::from_secs(30);

/// Writer memory budget (tantivy requires ≥ 15 MB per thread).
const WRITER_MEMORY: usize = 48 << 20;

/// What the index found for a search: ids of one page and the facet counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hits {
    /// Product ids of the requested page, in order.
    pub ids: Vec<i64>,
    /// Matching products in all.
    pub total: u64,
    /// Counts of the categories one level below the selected one (or of the top level).
    pub categories: BTreeMap<i64, u64>,
    /// Counts per option code and value (each group counted without its own filter).
    pub attrs: BTreeMap<String, BTreeMap<String, u64>>,
    /// Counts per price band ([`PRICE_BANDS`] order; counted without the price filter).
    pub price_bands: Vec<u64>,
    /// Products that ship online (counted without the availability filter).
    pub online: u64,
    /// Products available per store id (counted without the availability filter).
    pub stores: BTreeMap<i64, u64>,
}

impl Hits {
    /// No match: every count zero.
    fn none() -> Self {
        Hits {
            price_bands: vec![0; PRICE_BANDS.len()],
            ..Default::default()
        }
    }
}

/// What a rebuild did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RebuildStats {
    /// Products indexed.
    pub products: u64,
    /// Time taken.
    pub elapsed: Duration,
}

struct Live {
    index: Index,
    reader: IndexReader,
    writer: Arc<Mutex<IndexWriter>>,
    /// Folder of this index (`None` in memory).
    dir: Option<PathBuf>,
}

/// Outbox-following state, owned by whoever holds the sync lock.
#[derive(Default)]
struct SyncState {
    /// Highest outbox id seen.
    cursor: i64,
    /// Ids below `cursor` not seen yet, with when they were first missed.
    gaps: BTreeMap<i64, Instant>,
}

impl SyncState {
    /// Position to resume from after a restart: nothing below it is missing.
    fn safe_position(&self) -> i64 {
        self.gaps
            .keys()
            .next()
            .map_or(self.cursor, |g| (g - 1).min(self.cursor))
    }
}

/// The product search index of this instance.
pub struct SearchIndex {
    /// `<data>/search`, or `None` for an index in memory.
    root: Option<PathBuf>,
    fields: Fields,
    live: RwLock<Arc<Live>>,
    sync: tokio::sync::Mutex<SyncState>,
    /// Name of this instance's row in `outbox_cursors`.
    consumer: String,
    /// Category id → ids root…id, for the category filter.
    category_paths: RwLock<std::collections::HashMap<i64, Vec<i64>>>,
}

impl SearchIndex {
    /// Opens the index in `<data_dir>/search`, or builds it from the database when it is
    /// missing, unreadable or from another [`SCHEMA_VERSION`], then applies the outbox rows
    /// written since its last commit.
    ///
    /// # Errors
    /// [`CommerceError::Conflict`] when another process (a running server) holds the index;
    /// [`CommerceError::Config`] when the folder cannot be created.
    pub async fn open(db: &DatabaseConnection, data_dir: &Path) -> Result<Arc<SearchIndex>> {
        let root = data_dir.join("search");
        std::fs::create_dir_all(&root)
            .map_err(|e| CommerceError::Config(format!("cannot create {}: {e}", root.display())))?;
        let consumer = format!("search-index@{}", consumer_name(data_dir));
        let opened = Self::open_current(&root);
        let (_, fields) = schema();
        match opened {
            Ok(Some((live, payload))) => {
                let index = Arc::new(SearchIndex {
                    root: Some(root),
                    fields,
                    live: RwLock::new(Arc::new(live)),
                    sync: tokio::sync::Mutex::new(SyncState {
                        cursor: payload,
                        gaps: BTreeMap::new(),
                    }),
                    consumer,
                    category_paths: Default::default(),
                });
                tracing::info!(
                    position = payload,
                    docs = index.num_docs(),
                    "search index opened"
                );
                index.sync(db).await?;
                Ok(index)
            }
            Err(e @ CommerceError::IndexLocked) => Err(e),
            Ok(None) | Err(_) => {
                if let Err(e) = &opened {
                    tracing::warn!(error = %e, "search index unreadable; rebuilding");
                }
                let live = Self::create_live(Some(&root))?;
                let index = Arc::new(SearchIndex {
                    root: Some(root),
                    fields,
                    live: RwLock::new(Arc::new(live)),
                    sync: tokio::sync::Mutex::new(SyncState::default()),
                    consumer,
                    category_paths: Default::default(),
                });
                let stats = index.rebuild(db).await?;
                tracing::info!(
                    products = stats.products,
                    ms = stats.elapsed.as_millis() as u64,
                    "search index built"
                );
                Ok(index)
            }
        }
    }

    /// An index in memory, built from the database (tests and benchmarks).
    pub async fn in_memory(db: &DatabaseConnection) -> Result<Arc<SearchIndex>> {
        let (_, fields) = schema();
        let index = Arc::new(SearchIndex {
            root: None,
            fields,
            live: RwLock::new(Arc::new(Self::create_live(None)?)),
            sync: tokio::sync::Mutex::new(SyncState::default()),
            consumer: "search-index@memory".into(),
            category_paths: Default::default(),
        });
        index.rebuild(db).await?;
        Ok(index)
    }

    /// The live index named by `<root>/current`, if it has this schema version.
    fn open_current(root: &Path) -> Result<Option<(Live, i64)>> {
        let Ok(name) = std::fs::read_to_string(root.join("current")) else {
            return Ok(None);
        };
        let name = name.trim();
        if !name.starts_with(&format!("v{SCHEMA_VERSION}-")) || name.contains('/') {
            return Ok(None);
        }
        let dir = root.join(name);
        let index = Index::open_in_dir(&dir).map_err(tantivy_error)?;
        if index.schema() != schema().0 {
            return Ok(None);
        }
        let live = Self::live(index, Some(dir))?;
        let payload = live
            .index
            .load_metas()
            .map_err(tantivy_error)?
            .payload
            .and_then(|p| p.parse::<i64>().ok())
            .unwrap_or(0);
        Ok(Some((live, payload)))
    }

    /// A new empty index: in `root/v{version}-{millis}`, or in memory.
    fn create_live(root: Option<&Path>) -> Result<Live> {
        let (schema, _) = schema();
        let (index, dir) = match root {
            Some(root) => {
                let dir = root.join(format!(
                    "v{SCHEMA_VERSION}-{}",
                    Utc::now().timestamp_millis()
                ));
                std::fs::create_dir_all(&dir).map_err(|e| {
                    CommerceError::Config(format!("cannot create {}: {e}", dir.display()))
                })?;
                (
                    Index::create_in_dir(&dir, schema).map_err(tantivy_error)?,
                    Some(dir),
                )
            }
            None => (Index::create_in_ram(schema), None),
        };
        Self::live(index, dir)
    }

    fn live(index: Index, dir: Option<PathBuf>) -> Result<Live> {
        analysis::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_error)?;
        let writer = index
            .writer_with_options(
                tantivy::indexer::IndexWriterOptions::builder()
                    .num_worker_threads(1)
                    .memory_budget_per_thread(WRITER_MEMORY)
                    .num_merge_threads(1)
                    .build(),
            )
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => CommerceError::IndexLocked,
                e => tantivy_error(e),
            })?;
        Ok(Live {
            index,
            reader,
            writer: Arc::new(Mutex::new(writer)),
            dir,
        })
    }

    fn current(&self) -> Arc<Live> {
        self.live.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Documents in the index (active products with an active variant).
    pub fn num_docs(&self) -> u64 {
        self.current().reader.searcher().num_docs()
    }

    /// Bytes the index takes on disk (0 in memory).
    pub fn size_on_disk(&self) -> u64 {
        fn walk(p: &Path) -> u64 {
            std::fs::read_dir(p)
                .map(|rd| {
                    rd.flatten()
                        .map(|e| match e.metadata() {
                            Ok(m) if m.is_dir() => walk(&e.path()),
                            Ok(m) => m.len(),
                            Err(_) => 0,
                        })
                        .sum()
                })
                .unwrap_or(0)
        }
        self.current().dir.as_deref().map_or(0, walk)
    }

    /// Position in the outbox up to which every change is in the index.
    pub async fn position(&self) -> i64 {
        self.sync.lock().await.safe_position()
    }

    /// Rebuilds the whole index from the database into a fresh folder, then swaps it in.
    /// Searches keep using the old index until the swap.
    pub async fn rebuild(&self, db: &DatabaseConnection) -> Result<RebuildStats> {
        let started = Instant::now();
        let mut sync = self.sync.lock().await;
        // Everything up to here is in the database we are about to read.
        let position = max_outbox_id(db).await?;
        let live = Self::create_live(self.root.as_deref())?;
        let cats = Categories::load(db).await?;
        self.remember_categories(&cats);
        let ids = documents::active_product_ids(db).await?;
        let mut products = 0u64;
        for chunk in ids.chunks(documents::BATCH * 4) {
            let docs = documents::load(db, &cats, chunk).await?;
            products += docs.len() as u64;
            write(&live, self.fields, Vec::new(), docs).await?;
        }
        commit(&live, position).await?;
        // Switch: `current` names the new folder (written atomically), then drop old folders.
        if let (Some(root), Some(dir)) = (&self.root, &live.dir) {
            let name = dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            let tmp = root.join("current.tmp");
            std::fs::write(&tmp, &name)
                .and_then(|_| std::fs::rename(&tmp, root.join("current")))
                .map_err(|e| {
                    CommerceError::Config(format!("cannot write {}: {e}", tmp.display()))
                })?;
        }
        let old = std::mem::replace(
            &mut *self.live.write().unwrap_or_else(|e| e.into_inner()),
            Arc::new(live),
        );
        *sync = SyncState {
            cursor: position,
            gaps: BTreeMap::new(),
        };
        drop(sync);
        self.remove_old_dirs(old);
        self.save_cursor(db, position).await?;
        Ok(RebuildStats {
            products,
            elapsed: started.elapsed(),
        })
    }

    /// Deletes index folders other than the live one (once nothing uses `old`).
    fn remove_old_dirs(&self, old: Arc<Live>) {
        drop(old);
        let (Some(root), Some(live_dir)) = (&self.root, self.current().dir.clone()) else {
            return;
        };
        let Ok(entries) = std::fs::read_dir(root) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() && p != live_dir {
                if let Err(err) = std::fs::remove_dir_all(&p) {
                    tracing::warn!(dir = %p.display(), error = %err, "cannot remove an old search index");
                }
            }
        }
    }

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

    async fn sync_step(&self, db: &DatabaseConnection) -> Result<usize> {
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

    async fn save_cursor(&self, db: &DatabaseConnection, position: i64) -> Result<()> {
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

    /// One page of results for `params` with facet counts. Never fails: a search error is
    /// logged and gives no hits.
    pub fn hits(&self, params: &SearchParams, per_page: usize) -> Hits {
        match self.try_hits(params, per_page.clamp(1, 100)) {
            Ok(h) => h,
            Err(e) => {
                tracing::error!(error = %e, "search failed");
                Hits::none()
            }
        }
    }

    /// Best product ids for a partly typed query (names only), at most `limit`.
    pub fn suggest(&self, q: &str, limit: usize) -> Vec<i64> {
        let searcher = self.current().reader.searcher();
        let Some(text) = self.text_query(&searcher, q, true) else {
            return vec![];
        };
        let top = TopDocs::with_limit(limit.clamp(1, 50)).tweak_score(InStockTiebreak);
        match searcher.search(&*text, &top) {
            Ok(found) => ids_of(&searcher, found.into_iter().map(|(_, a)| a)),
            Err(e) => {
                tracing::error!(error = %e, "suggest failed");
                vec![]
            }
        }
    }

    fn try_hits(&self, params: &SearchParams, per_page: usize) -> tantivy::Result<Hits> {
        let searcher = self.current().reader.searcher();
        let f = &self.fields;
        let text = if params.q.trim().is_empty() {
            None
        } else {
            match self.text_query(&searcher, &params.q, false) {
                Some(q) => Some(q),
                // Only junk typed: nothing matches.
                None => return Ok(Hits::none()),
            }
        };
        let groups = Filters::new(f, params, params.category.map(|c| self.category_path(c)));
        let main = groups.query(text.as_deref(), None);

        let mut hits = Hits::default();
        let page = params.page.clamp(1, MAX_PAGE + 1) as usize;
        let offset = (page - 1) * per_page;
        let top = TopDocs::with_limit(per_page).and_offset(offset);
        let cats = CategoryCounts {
            parent: params
                .category
                .map(|c| self.category_path(c))
                .unwrap_or_default(),
        };
        let mut attrs = FacetCollector::for_field("attr");
        for code in super::params::ATTRIBUTE_CODES {
            attrs.add_facet(Facet::from_path([code]));
        }
        let mut avail = FacetCollector::for_field("avail");
        avail.add_facet(Facet::root());
        let facets = (cats, attrs, avail, PriceBands);
        let (ids, (cat_c, attr_c, avail_c, bands)) = match params.sort {
            // Without text every match scores the same: order by stock and id without scoring.
            Sort::Relevance if text.is_none() => {
                let ((found, total), fc) = searcher.search(
                    &*main,
                    &((top.custom_score(InStockTiebreak), Count), facets),
                )?;
                hits.total = total as u64;
                (ids_of(&searcher, found.into_iter().map(|(_, a)| a)), fc)
            }
            Sort::Relevance => {
                let ((found, total), fc) = searcher
                    .search(&*main, &((top.tweak_score(InStockTiebreak), Count), facets))?;
                hits.total = total as u64;
                (ids_of(&searcher, found.into_iter().map(|(_, a)| a)), fc)
            }
            Sort::PriceAsc | Sort::PriceDesc => {
                let order = if params.sort == Sort::PriceAsc {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let ((found, total), fc) = searcher.search(
                    &*main,
                    &(
                        (top.order_by_fast_field::<u64>("price_minor", order), Count),
                        facets,
                    ),
                )?;
                hits.total = total as u64;
                (ids_of(&searcher, found.into_iter().map(|(_, a)| a)), fc)
            }
            Sort::Newest => {
                let ((found, total), fc) = searcher.search(
                    &*main,
                    &(
                        (
                            top.order_by_fast_field::<i64>("created_at", Order::Desc),
                            Count,
                        ),
                        facets,
                    ),
                )?;
                hits.total = total as u64;
                (ids_of(&searcher, found.into_iter().map(|(_, a)| a)), fc)
            }
        };
        hits.ids = ids;
        hits.categories = cat_c;

        // Each group with a selection is counted without its own filter, so its other values
        // show what choosing them would add.
        let attr_counts = |fc: &tantivy::collector::FacetCounts, code: &str| {
            fc.get(&format!("/{code}"))
                .filter_map(|(facet, n)| Some((facet.to_path().get(1)?.to_string(), n)))
                .collect::<BTreeMap<String, u64>>()
        };
        for code in super::params::ATTRIBUTE_CODES {
            let counts = if params.attrs.get(code).is_some_and(|s| !s.is_empty()) {
                let q = groups.query(text.as_deref(), Some(Group::Attr(code)));
                let mut c = FacetCollector::for_field("attr");
                c.add_facet(Facet::from_path([code]));
                attr_counts(&searcher.search(&*q, &c)?, code)
            } else {
                attr_counts(&attr_c, code)
            };
            if !counts.is_empty() {
                hits.attrs.insert(code.to_owned(), counts);
            }
        }
        hits.price_bands = if params.price.is_empty() {
            bands
        } else {
            let q = groups.query(text.as_deref(), Some(Group::Price));
            searcher.search(&*q, &PriceBands)?
        };
        let avail_c = if params.online || !params.stores.is_empty() {
            let q = groups.query(text.as_deref(), Some(Group::Avail));
            let mut c = FacetCollector::for_field("avail");
            c.add_facet(Facet::root());
            searcher.search(&*q, &c)?
        } else {
            avail_c
        };
        for (facet, n) in avail_c.get("/") {
            let path = facet.to_path();
            match path.first().copied() {
                Some("online") => hits.online = n,
                Some(s) => {
                    if let Some(id) = s.strip_prefix("store-").and_then(|x| x.parse().ok()) {
                        hits.stores.insert(id, n);
                    }
                }
                None => {}
            }
        }
        Ok(hits)
    }

    /// The category path (root → `id`) as indexed; `[id]` for an unknown category.
    fn category_path(&self, id: i64) -> Vec<i64> {
        self.category_paths
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
            .unwrap_or_else(|| vec![id])
    }

    /// Remembers the category paths for the category filter.
    fn remember_categories(&self, cats: &Categories) {
        *self
            .category_paths
            .write()
            .unwrap_or_else(|e| e.into_inner()) = cats.paths();
    }

    /// The text part of a query; `None` when `q` has no searchable word.
    fn text_query(&self, searcher: &Searcher, q: &str, names_only: bool) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let all: Vec<String> = analysis::fold_words(q)
            .into_iter()
            .take(MAX_QUERY_WORDS)
            .collect();
        if all.is_empty() {
            return None;
        }
        let content: Vec<String> = all
            .iter()
            .filter(|w| !analysis::is_stop_word(w))
            .cloned()
            .collect();
        // Only stop words typed ("with", «και»): look for them in names alone; in descriptions
        // they match nearly everything and say nothing.
        let (words, names_only) = if content.is_empty() {
            (all, true)
        } else {
            (content, names_only)
        };
        let mut stemmers: Vec<_> = LOCALES.iter().map(|l| analysis::text_analyzer(l)).collect();
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let mut alts: Vec<Box<dyn Query>> = vec![term(f.name_fold, word, 2.5)];
            let mut seen = HashSet::new();
            for (l, stemmer) in stemmers.iter_mut().enumerate() {
                let stem = analysis::terms(stemmer, word)
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| word.clone());
                if !seen.insert((l, stem.clone())) {
                    continue;
                }
                alts.push(term(f.name[l], &stem, 3.0));
                if !names_only {
                    alts.push(term(f.meta[l], &stem, 1.5));
                    alts.push(term(f.desc[l], &stem, 1.0));
                }
            }
            let chars = word.chars().count();
            let edits = match chars {
                0..=3 => 0,
                4..=7 => 1,
                _ => 2,
            };
            let fold_term = Term::from_field_text(f.name_fold, word);
            // A word that exists as typed needs no typo expansion (cheaper, and no noise).
            let known = searcher.doc_freq(&fold_term).unwrap_or(0) > 0;
            if edits > 0 && !known {
                alts.push(boost(
                    FuzzyTermQuery::new(fold_term.clone(), edits, true),
                    1.0,
                ));
            }
            // As you type: the last word may be unfinished.
            // (from 2 letters in suggestions or after other words; a lone 2-letter prefix on
            // the results page matches most of the catalogue and counting its facets is the
            // slowest search, so it needs 3).
            let min_prefix = if names_only || words.len() > 1 { 2 } else { 3 };
            if i + 1 == words.len() && chars >= min_prefix {
                alts.push(boost(FuzzyTermQuery::new_prefix(fold_term, 0, true), 1.2));
            }
            must.push((
                Occur::Must,
                Box::new(DisjunctionMaxQuery::with_tie_breaker(alts, 0.1)),
            ));
        }
        let words_query: Box<dyn Query> = Box::new(BooleanQuery::new(must));
        // A whole SKU or barcode typed matches its product too.
        let raw = q.trim();
        if !raw.is_empty() && raw.len() <= 64 && !raw.contains(char::is_whitespace) {
            let alts: Vec<(Occur, Box<dyn Query>)> = vec![
                (Occur::Should, words_query),
                (Occur::Should, term_raw(f.sku, &raw.to_uppercase(), 10.0)),
                (Occur::Should, term_raw(f.ean, raw, 10.0)),
            ];
            return Some(Box::new(BooleanQuery::new(alts)));
        }
        Some(words_query)
    }
}

/// The groups of filters that are counted separately.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group<'a> {
    Attr(&'a str),
    Price,
    Avail,
}

/// Filter clauses of a search, by group.
struct Filters<'a> {
    category: Option<Box<dyn Query>>,
    attrs: Vec<(&'a str, Box<dyn Query>)>,
    price: Option<Box<dyn Query>>,
    avail: Option<Box<dyn Query>>,
}

impl<'a> Filters<'a> {
    fn new(f: &Fields, p: &'a SearchParams, category_path: Option<Vec<i64>>) -> Self {
        let category = category_path.map(|path| {
            Box::new(TermQuery::new(
                Term::from_facet(f.category, &category_facet(&path)),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        });
        let attrs = p
            .attrs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(code, values)| {
                let terms = values.iter().map(|v| {
                    Term::from_facet(f.attr, &Facet::from_path([code.as_str(), v.as_str()]))
                });
                (
                    code.as_str(),
                    Box::new(TermSetQuery::new(terms)) as Box<dyn Query>,
                )
            })
            .collect();
        let price = (!p.price.is_empty()).then(|| {
            let ranges: Vec<(Occur, Box<dyn Query>)> = p
                .price
                .iter()
                .filter_map(|b| price_band_bounds(*b))
                .map(|(lo, hi)| {
                    let lo = Bound::Included(Term::from_field_u64(f.price_minor, lo as u64));
                    let hi = match hi {
                        Some(h) => Bound::Excluded(Term::from_field_u64(f.price_minor, h as u64)),
                        None => Bound::Unbounded,
                    };
                    (
                        Occur::Should,
                        Box::new(RangeQuery::new(lo, hi)) as Box<dyn Query>,
                    )
                })
                .collect();
            Box::new(BooleanQuery::new(ranges)) as Box<dyn Query>
        });
        let mut avail_terms: Vec<Term> = p
            .stores
            .iter()
            .map(|s| Term::from_facet(f.avail, &Facet::from_path([format!("store-{s}")])))
            .collect();
        if p.online {
            avail_terms.push(Term::from_facet(f.avail, &Facet::from_path(["online"])));
        }
        let avail = (!avail_terms.is_empty())
            .then(|| Box::new(TermSetQuery::new(avail_terms)) as Box<dyn Query>);
        Filters {
            category,
            attrs,
            price,
            avail,
        }
    }

    /// The text (or everything) AND every filter but the `without` group.
    fn query(&self, text: Option<&dyn Query>, without: Option<Group>) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(t) = text {
            clauses.push((Occur::Must, t.box_clone()));
        }
        let mut filter = |q: &dyn Query| {
            clauses.push((
                Occur::Must,
                Box::new(ConstScoreQuery::new(q.box_clone(), 0.0)),
            ))
        };
        if let Some(c) = &self.category {
            filter(c.as_ref());
        }
        for (code, q) in &self.attrs {
            if without != Some(Group::Attr(code)) {
                filter(q.as_ref());
            }
        }
        if let (Some(q), false) = (&self.price, without == Some(Group::Price)) {
            filter(q.as_ref());
        }
        if let (Some(q), false) = (&self.avail, without == Some(Group::Avail)) {
            filter(q.as_ref());
        }
        // No text: the filters alone (everything when there are none).
        if clauses.len() <= 1 {
            return clauses
                .pop()
                .map(|(_, q)| q)
                .unwrap_or_else(|| Box::new(AllQuery));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

fn category_facet(path: &[i64]) -> Facet {
    Facet::from_path(path.iter().map(|c| c.to_string()))
}

fn boost(q: impl Query + 'static, b: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(q), b))
}

fn term(field: tantivy::schema::Field, text: &str, b: f32) -> Box<dyn Query> {
    boost(
        TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        ),
        b,
    )
}

fn term_raw(field: tantivy::schema::Field, text: &str, b: f32) -> Box<dyn Query> {
    boost(
        TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic),
        b,
    )
}

/// Product ids of `addrs`, read from the fast field (no document store access).
fn ids_of(searcher: &Searcher, addrs: impl Iterator<Item = DocAddress>) -> Vec<i64> {
    addrs
        .filter_map(|a| {
            let col = searcher
                .segment_reader(a.segment_ord)
                .fast_fields()
                .u64("product_id")
                .ok()?;
            col.first(a.doc_id).map(|id| id as i64)
        })
        .collect()
}

/// Deletes the documents of `delete` (product ids), then adds `docs`, on a blocking thread
/// (uncommitted until [`commit`]).
async fn write(
    live: &Live,
    fields: Fields,
    delete: Vec<i64>,
    docs: Vec<documents::ProductDoc>,
) -> Result<()> {
    let writer = live.writer.clone();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let w = writer.lock().unwrap_or_else(|e| e.into_inner());
        for id in &delete {
            w.delete_term(Term::from_field_u64(fields.product_id, *id as u64));
        }
        for d in &docs {
            w.add_document(d.to_document(&fields))
                .map_err(tantivy_error)?;
        }
        Ok(())
    })
    .await
    .map_err(|e| CommerceError::Internal(e.to_string()))?
}

/// Commits the writer of `live` with `position` as payload and reloads its reader.
async fn commit(live: &Live, position: i64) -> Result<()> {
    let writer = live.writer.clone();
    let reader = live.reader.clone();
    tokio::task::spawn_blocking(move || -> Result<()> {
        let mut w = writer.lock().unwrap_or_else(|e| e.into_inner());
        let mut prepared = w.prepare_commit().map_err(tantivy_error)?;
        prepared.set_payload(&position.to_string());
        prepared.commit().map_err(tantivy_error)?;
        reader.reload().map_err(tantivy_error)?;
        Ok(())
    })
    .await
    .map_err(|e| CommerceError::Internal(e.to_string()))?
}

async fn max_outbox_id<C: ConnectionTrait>(db: &C) -> Result<i64> {
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
async fn affected_products(
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

fn consumer_name(data_dir: &Path) -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "localhost".into());
    let dir = std::fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_owned());
    let mut name = format!("{host}:{}", dir.display());
    if name.len() > 200 {
        name = name
            .chars()
            .rev()
            .take(200)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
    }
    name
}

fn tantivy_error(e: impl std::fmt::Display) -> CommerceError {
    CommerceError::Internal(format!("search index: {e}"))
}

/// Ranks in-stock products first among equal scores (scores compared to 1/100), then older
/// products first, so equal matches keep one order across merges and rebuilds (stable pages).
struct InStockTiebreak;

struct InStockSegment {
    in_stock: Arc<dyn ColumnValues<bool>>,
    product_id: Arc<dyn ColumnValues<u64>>,
}

/// (score × 100, in stock, `u64::MAX − product id`): bigger is better.
type Rank = (u32, bool, u64);

impl ScoreTweaker<Rank> for InStockTiebreak {
    type Child = InStockSegment;

    fn segment_tweaker(&self, r: &SegmentReader) -> tantivy::Result<InStockSegment> {
        Ok(InStockSegment {
            in_stock: r
                .fast_fields()
                .bool("in_stock")?
                .first_or_default_col(false),
            product_id: r.fast_fields().u64("product_id")?.first_or_default_col(0),
        })
    }
}

impl tantivy::collector::CustomScorer<(bool, u64)> for InStockTiebreak {
    type Child = InStockSegment;

    fn segment_scorer(&self, r: &SegmentReader) -> tantivy::Result<InStockSegment> {
        self.segment_tweaker(r)
    }
}

impl tantivy::collector::CustomSegmentScorer<(bool, u64)> for InStockSegment {
    fn score(&mut self, doc: DocId) -> (bool, u64) {
        (
            self.in_stock.get_val(doc),
            u64::MAX - self.product_id.get_val(doc),
        )
    }
}

impl ScoreSegmentTweaker<Rank> for InStockSegment {
    fn score(&mut self, doc: DocId, score: Score) -> Rank {
        (
            (score * 100.0) as u32,
            self.in_stock.get_val(doc),
            u64::MAX - self.product_id.get_val(doc),
        )
    }
}

/// Counts matches per category one level below `parent` (the top level when empty).
///
/// tantivy's `FacetCollector` miscounts children of the root (0.25), hence this collector: each
/// document's category path is read from the facet column and cut one level below `parent`.
struct CategoryCounts {
    parent: Vec<i64>,
}

struct CategoryCountsSegment {
    parent: Vec<i64>,
    reader: tantivy::fastfield::FacetReader,
    /// Matches per facet ordinal of this segment (ordinals are dense).
    per_ord: Vec<u64>,
}

impl tantivy::collector::Collector for CategoryCounts {
    type Fruit = BTreeMap<i64, u64>;
    type Child = CategoryCountsSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        r: &SegmentReader,
    ) -> tantivy::Result<CategoryCountsSegment> {
        Ok(CategoryCountsSegment {
            parent: self.parent.clone(),
            reader: r.facet_reader("category")?,
            per_ord: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<BTreeMap<i64, u64>>) -> tantivy::Result<BTreeMap<i64, u64>> {
        let mut out = BTreeMap::new();
        for part in parts {
            for (k, v) in part {
                *out.entry(k).or_default() += v;
            }
        }
        Ok(out)
    }
}

impl tantivy::collector::SegmentCollector for CategoryCountsSegment {
    type Fruit = BTreeMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for ord in self.reader.facet_ords(doc) {
            let ord = ord as usize;
            if ord >= self.per_ord.len() {
                self.per_ord.resize(ord + 1, 0);
            }
            self.per_ord[ord] += 1;
        }
    }

    fn harvest(self) -> BTreeMap<i64, u64> {
        let mut out = BTreeMap::new();
        let mut facet = Facet::root();
        for (ord, n) in self.per_ord.into_iter().enumerate() {
            if n == 0 {
                continue;
            }
            let ord = ord as u64;
            if self.reader.facet_from_ord(ord, &mut facet).is_err() {
                continue;
            }
            let path: Vec<i64> = facet
                .to_path()
                .iter()
                .filter_map(|s| s.parse().ok())
                .collect();
            if path.len() > self.parent.len() && path.starts_with(&self.parent) {
                *out.entry(path[self.parent.len()]).or_default() += n;
            }
        }
        out
    }
}

/// Counts matches per price band ([`PRICE_BANDS`]).
struct PriceBands;

struct PriceBandsSegment {
    n: Vec<u64>,
    price: Arc<dyn ColumnValues<u64>>,
}

impl tantivy::collector::Collector for PriceBands {
    type Fruit = Vec<u64>;
    type Child = PriceBandsSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        r: &SegmentReader,
    ) -> tantivy::Result<PriceBandsSegment> {
        Ok(PriceBandsSegment {
            n: vec![0; PRICE_BANDS.len()],
            price: r.fast_fields().u64("price_minor")?.first_or_default_col(0),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, parts: Vec<Vec<u64>>) -> tantivy::Result<Vec<u64>> {
        Ok(parts
            .into_iter()
            .fold(vec![0; PRICE_BANDS.len()], |mut a, p| {
                a.iter_mut().zip(p).for_each(|(x, y)| *x += y);
                a
            }))
    }
}

impl tantivy::collector::SegmentCollector for PriceBandsSegment {
    type Fruit = Vec<u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let p = self.price.get_val(doc) as i64;
        let band = PRICE_BANDS.partition_point(|b| *b <= p).saturating_sub(1);
        self.n[band] += 1;
    }

    fn harvest(self) -> Vec<u64> {
        self.n
    }
}
