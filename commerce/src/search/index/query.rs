//! Answering searches: the text query (names, folded names, meta and description in every
//! language; typos and a prefix on the last word; exact SKU and barcode), the filter groups, and
//! one page of ids with every facet counted (each group without its own filter).

use std::{
    collections::{BTreeMap, HashSet},
    hash::Hash,
    sync::Arc,
};

use tantivy::{
    collector::TopDocs,
    query::{
        AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery,
        Occur, Query, TermQuery,
    },
    schema::{Facet, IndexRecordOption},
    DocAddress, Order, Searcher, Term,
};

use super::cache::Memo;
use super::collectors::InStockTiebreak;
use super::facets::Faceted;
use super::SearchIndex;
use crate::search::{
    analysis::{self, LOCALES},
    documents::Categories,
    params::{SearchParams, Sort, MAX_PAGE, PRICE_BANDS},
};

/// Words of a query used (the rest is ignored).
pub const MAX_QUERY_WORDS: usize = 8;

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

impl SearchIndex {
    /// One page of results for `params` with facet counts. Never fails: a search error is
    /// logged and gives no hits.
    pub fn hits(&self, params: &SearchParams, per_page: usize) -> Hits {
        let live = self.current();
        self.hits_in(&live.reader.searcher(), params, per_page)
    }

    /// [`SearchIndex::hits`], remembered until the index changes (see `cache.rs`): the answer a
    /// fresh search would give, without counting the facets again for a repeated search.
    pub fn cached_hits(&self, params: &SearchParams, per_page: usize) -> Arc<Hits> {
        self.remembering(&self.results, memo_key(params, per_page), |s| {
            self.hits_in(s, params, per_page)
        })
    }

    /// The remembered answer for `params`, if the current index state has one (no search is
    /// run: cheap enough for an async task).
    pub fn remembered_hits(&self, params: &SearchParams, per_page: usize) -> Option<Arc<Hits>> {
        self.remembered(&self.results, &memo_key(params, per_page))
    }

    /// The answer `memo` holds for `key` in the current index state, or the one `compute` reads
    /// from it (then remembered).
    fn remembering<K: Hash + Eq + Clone, V>(
        &self,
        memo: &Memo<K, V>,
        key: K,
        compute: impl FnOnce(&Searcher) -> V,
    ) -> Arc<V> {
        let live = self.current();
        let searcher = live.reader.searcher();
        let generation = live.generation(&searcher);
        if let Some(v) = memo.get(generation, &key) {
            return v;
        }
        let v = Arc::new(compute(&searcher));
        memo.put(generation, key, Arc::clone(&v));
        v
    }

    /// The answer `memo` holds for `key` in the current index state.
    fn remembered<K: Hash + Eq + Clone, V>(&self, memo: &Memo<K, V>, key: &K) -> Option<Arc<V>> {
        let live = self.current();
        let generation = live.generation(&live.reader.searcher());
        memo.get(generation, key)
    }

    fn hits_in(&self, searcher: &Searcher, params: &SearchParams, per_page: usize) -> Hits {
        match self.try_hits(searcher, params, per_page.clamp(1, 100)) {
            Ok(h) => h,
            Err(e) => {
                tracing::error!(error = %e, "search failed");
                Hits::none()
            }
        }
    }

    /// Best product ids for a partly typed query (names only), at most `limit`.
    pub fn suggest(&self, q: &str, limit: usize) -> Vec<i64> {
        self.suggest_in(&self.current().reader.searcher(), q, limit)
    }

    /// [`SearchIndex::suggest`], remembered until the index changes.
    pub fn cached_suggest(&self, q: &str, limit: usize) -> Arc<Vec<i64>> {
        self.remembering(&self.suggestions, (q.to_owned(), limit), |s| {
            self.suggest_in(s, q, limit)
        })
    }

    /// The remembered suggestions for `q`, if the current index state has them.
    pub fn remembered_suggest(&self, q: &str, limit: usize) -> Option<Arc<Vec<i64>>> {
        self.remembered(&self.suggestions, &(q.to_owned(), limit))
    }

    fn suggest_in(&self, searcher: &Searcher, q: &str, limit: usize) -> Vec<i64> {
        let Some(text) = self.text_query(searcher, q, true) else {
            return vec![];
        };
        let top = TopDocs::with_limit(limit.clamp(1, 50)).tweak_score(InStockTiebreak);
        match searcher.search(&*text, &top) {
            Ok(found) => ids_of(searcher, found.into_iter().map(|(_, a)| a)),
            Err(e) => {
                tracing::error!(error = %e, "suggest failed");
                vec![]
            }
        }
    }

    fn try_hits(
        &self,
        searcher: &Searcher,
        params: &SearchParams,
        per_page: usize,
    ) -> tantivy::Result<Hits> {
        let f = &self.fields;
        let text = if params.q.trim().is_empty() {
            None
        } else {
            match self.text_query(searcher, &params.q, false) {
                Some(q) => Some(q),
                // Only junk typed: nothing matches.
                None => return Ok(Hits::none()),
            }
        };
        // The text and the category; the other filters are checked per match (`facets.rs`).
        let with_text = text.is_some();
        let parent = params
            .category
            .map(|c| self.category_path(c))
            .unwrap_or_default();
        let category = params.category.map(|_| {
            Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_facet(f.category, &category_facet(&parent)),
                    IndexRecordOption::Basic,
                )),
                0.0,
            )) as Box<dyn Query>
        });
        let main: Box<dyn Query> = match (text, category) {
            (Some(t), Some(c)) => {
                Box::new(BooleanQuery::new(vec![(Occur::Must, t), (Occur::Must, c)]))
            }
            (Some(t), None) => t,
            (None, Some(c)) => c,
            (None, None) => Box::new(AllQuery),
        };
        let tables = self.facet_tables.of(searcher)?;
        let page = params.page.clamp(1, MAX_PAGE + 1) as usize;
        let top = TopDocs::with_limit(per_page).and_offset((page - 1) * per_page);
        let (addrs, counts): (Vec<DocAddress>, Hits) = match params.sort {
            // Without text every match scores the same: order by stock and id without scoring.
            Sort::Relevance if !with_text => {
                let (found, c) = searcher.search(
                    &*main,
                    &Faceted::new(top.custom_score(InStockTiebreak), &tables, params, &parent),
                )?;
                (found.into_iter().map(|(_, a)| a).collect(), c)
            }
            Sort::Relevance => {
                let (found, c) = searcher.search(
                    &*main,
                    &Faceted::new(top.tweak_score(InStockTiebreak), &tables, params, &parent),
                )?;
                (found.into_iter().map(|(_, a)| a).collect(), c)
            }
            Sort::PriceAsc | Sort::PriceDesc => {
                let order = if params.sort == Sort::PriceAsc {
                    Order::Asc
                } else {
                    Order::Desc
                };
                let (found, c) = searcher.search(
                    &*main,
                    &Faceted::new(
                        top.order_by_fast_field::<u64>("price_minor", order),
                        &tables,
                        params,
                        &parent,
                    ),
                )?;
                (found.into_iter().map(|(_, a)| a).collect(), c)
            }
            Sort::Newest => {
                let (found, c) = searcher.search(
                    &*main,
                    &Faceted::new(
                        top.order_by_fast_field::<i64>("created_at", Order::Desc),
                        &tables,
                        params,
                        &parent,
                    ),
                )?;
                (found.into_iter().map(|(_, a)| a).collect(), c)
            }
        };
        Ok(Hits {
            ids: ids_of(searcher, addrs.into_iter()),
            ..counts
        })
    }

    /// The category path (root → `id`) as indexed; `[id]` for an unknown category.
    pub(super) fn category_path(&self, id: i64) -> Vec<i64> {
        self.category_paths
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
            .cloned()
            .unwrap_or_else(|| vec![id])
    }

    /// Remembers the category paths for the category filter.
    pub(super) fn remember_categories(&self, cats: &Categories) {
        *self
            .category_paths
            .write()
            .unwrap_or_else(|e| e.into_inner()) = cats.paths();
        // A category filter may now stand for other categories.
        self.results.clear();
    }

    /// The text part of a query; `None` when `q` has no searchable word.
    pub(super) fn text_query(
        &self,
        searcher: &Searcher,
        q: &str,
        names_only: bool,
    ) -> Option<Box<dyn Query>> {
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

/// The key a search's answer is remembered under: its words separated by single spaces. The
/// text query reads words (and a code only when no space is left after trimming), so "  buty "
/// and "buty", or blanks and the empty search, have one answer and are counted once.
fn memo_key(params: &SearchParams, per_page: usize) -> (SearchParams, usize) {
    let mut key = params.clone();
    if key.q.contains(char::is_whitespace) {
        key.q = key.q.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    (key, per_page)
}

pub(super) fn category_facet(path: &[i64]) -> Facet {
    Facet::from_path(path.iter().map(|c| c.to_string()))
}

pub(super) fn boost(q: impl Query + 'static, b: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(Box::new(q), b))
}

pub(super) fn term(field: tantivy::schema::Field, text: &str, b: f32) -> Box<dyn Query> {
    boost(
        TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::WithFreqs,
        ),
        b,
    )
}

pub(super) fn term_raw(field: tantivy::schema::Field, text: &str, b: f32) -> Box<dyn Query> {
    boost(
        TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic),
        b,
    )
}

/// Product ids of `addrs`, read from the fast field (no document store access). The column is
/// opened once per segment: opening one decodes its block index, which costs more at 100k
/// products than reading a page of values.
pub(super) fn ids_of(searcher: &Searcher, addrs: impl Iterator<Item = DocAddress>) -> Vec<i64> {
    let mut columns: Vec<Option<Option<tantivy::columnar::Column<u64>>>> =
        vec![None; searcher.segment_readers().len()];
    addrs
        .filter_map(|a| {
            let col = columns
                .get_mut(a.segment_ord as usize)?
                .get_or_insert_with(|| {
                    searcher
                        .segment_reader(a.segment_ord)
                        .fast_fields()
                        .u64("product_id")
                        .ok()
                });
            col.as_ref()?.first(a.doc_id).map(|id| id as i64)
        })
        .collect()
}
