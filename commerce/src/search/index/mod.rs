//! The live index: opening or rebuilding it in the data folder ([`SearchIndex::open`],
//! [`SearchIndex::rebuild`]), following the outbox (`sync.rs`), and answering searches
//! (`query.rs`, with the collectors that rank and count in `collectors.rs`).
//!
//! One [`SearchIndex`] per process. Searches take the current reader (cheap, lock-free after an
//! `Arc` clone); one writer, behind a mutex, applies outbox batches and rebuilds. The position in
//! the outbox is stored in the commit payload, so the data and the position change atomically
//! and a restart resumes where the last commit ended.

mod cache;
mod collectors;
mod facets;
mod query;
mod sync;

pub use query::{Hits, MAX_QUERY_WORDS};

use std::{
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex, RwLock,
    },
    time::{Duration, Instant},
};

use chrono::Utc;
use sea_orm::DatabaseConnection;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Term};

use self::cache::{Generation, Memo};
use crate::search::{
    analysis,
    documents::{self, Categories},
    params::SearchParams,
    schema::{schema, Fields, SCHEMA_VERSION},
};
use crate::{CommerceError, Result};

use crate::outbox::Follower;

/// Writer memory budget (tantivy requires ≥ 15 MB per thread).
const WRITER_MEMORY: usize = 48 << 20;

/// What a rebuild did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RebuildStats {
    /// Products indexed.
    pub products: u64,
    /// Time taken.
    pub elapsed: Duration,
}

struct Live {
    /// Unique per live index of this process, increasing (a rebuild swaps in a new one).
    serial: u64,
    index: Index,
    reader: IndexReader,
    writer: Arc<Mutex<IndexWriter>>,
    /// Folder of this index (`None` in memory).
    dir: Option<PathBuf>,
}

/// The product search index of this instance.
pub struct SearchIndex {
    /// `<data>/search`, or `None` for an index in memory.
    root: Option<PathBuf>,
    fields: Fields,
    live: RwLock<Arc<Live>>,
    sync: tokio::sync::Mutex<Follower>,
    /// Name of this instance's row in `outbox_cursors`.
    consumer: String,
    /// Category id → ids root…id, for the category filter.
    category_paths: RwLock<std::collections::HashMap<i64, Vec<i64>>>,
    /// Search answers of the current index state.
    results: Memo<(SearchParams, usize), Hits>,
    /// Suggestion answers of the current index state.
    suggestions: Memo<(String, usize), Vec<i64>>,
    /// Facet values per live segment, for counting.
    facet_tables: facets::FacetTables,
}

/// Search answers remembered per index state (a few KB each).
pub const REMEMBERED_SEARCHES: usize = 2048;

/// Suggestion answers remembered per index state (a few dozen bytes each).
pub const REMEMBERED_SUGGESTIONS: usize = 4096;

impl Live {
    /// The index state `searcher` (of this live index's reader) reads.
    fn generation(&self, searcher: &tantivy::Searcher) -> Generation {
        (self.serial, searcher.generation().generation_id())
    }
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
                    sync: tokio::sync::Mutex::new(Follower::at(payload)),
                    consumer,
                    category_paths: Default::default(),
                    results: Memo::new(REMEMBERED_SEARCHES),
                    suggestions: Memo::new(REMEMBERED_SUGGESTIONS),
                    facet_tables: Default::default(),
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
                    sync: tokio::sync::Mutex::new(Follower::default()),
                    consumer,
                    category_paths: Default::default(),
                    results: Memo::new(REMEMBERED_SEARCHES),
                    suggestions: Memo::new(REMEMBERED_SUGGESTIONS),
                    facet_tables: Default::default(),
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
            sync: tokio::sync::Mutex::new(Follower::default()),
            consumer: "search-index@memory".into(),
            category_paths: Default::default(),
            results: Memo::new(REMEMBERED_SEARCHES),
            suggestions: Memo::new(REMEMBERED_SUGGESTIONS),
            facet_tables: Default::default(),
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
        static SERIAL: AtomicU64 = AtomicU64::new(1);
        Ok(Live {
            serial: SERIAL.fetch_add(1, Ordering::Relaxed),
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

    /// Segments the index reads (one after a rebuild or [`SearchIndex::compact`]; each outbox
    /// batch adds one until tantivy's merge policy joins them).
    pub fn segment_count(&self) -> usize {
        self.current().reader.searcher().segment_readers().len()
    }

    /// Merges the live index into one segment (what a rebuild ends with). Searches go on
    /// meanwhile and find the same products with the same counts; text scores may move a
    /// little, since deleted documents leave the term statistics.
    pub async fn compact(&self) -> Result<()> {
        merge_segments(&self.current()).await
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
        let position = crate::outbox::head(db).await?;
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
        merge_segments(&live).await?;
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
        *sync = Follower::at(position);
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

/// Merges the segments of `live` into one and reloads its reader.
///
/// A rebuild writes a segment each time the writer's memory budget fills (three at 100k
/// products). Every search pays its setup (term lookups, scorers, the typo and prefix automata,
/// column readers) once per segment, and each segment repeats the term dictionary: one segment
/// answers faster and maps less of the disk. The merge keeps the committed outbox position.
async fn merge_segments(live: &Live) -> Result<()> {
    let (writer, index, reader) = (live.writer.clone(), live.index.clone(), live.reader.clone());
    tokio::task::spawn_blocking(move || -> Result<()> {
        let ids = index.searchable_segment_ids().map_err(tantivy_error)?;
        if ids.len() < 2 {
            return Ok(());
        }
        let merging = writer.lock().unwrap_or_else(|e| e.into_inner()).merge(&ids);
        merging.wait().map_err(tantivy_error)?;
        reader.reload().map_err(tantivy_error)?;
        Ok(())
    })
    .await
    .map_err(|e| CommerceError::Internal(e.to_string()))?
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
