//! Answering searches: the text query (names, folded names, meta and description in every
//! language; typos and a prefix on the last word; exact SKU and barcode), the filter groups, and
//! one page of ids with every facet counted (each group without its own filter).

use std::{
    collections::{BTreeMap, HashSet},
    hash::Hash,
    ops::Bound,
    sync::Arc,
};

use tantivy::{
    collector::{Count, FacetCollector, TopDocs},
    query::{
        AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery,
        Occur, Query, RangeQuery, TermQuery, TermSetQuery,
    },
    schema::{Facet, IndexRecordOption},
    DocAddress, Order, Searcher, Term,
};

use super::cache::Memo;
use super::collectors::{CategoryCounts, InStockTiebreak, PriceBands};
use super::SearchIndex;
use crate::search::{
    analysis::{self, LOCALES},
    documents::Categories,
    params::{price_band_bounds, SearchParams, Sort, MAX_PAGE, PRICE_BANDS},
    schema::Fields,
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
        self.remembering(&self.results, (params.clone(), per_page), |s| {
            self.hits_in(s, params, per_page)
        })
    }

    /// The remembered answer for `params`, if the current index state has one (no search is
    /// run: cheap enough for an async task).
    pub fn remembered_hits(&self, params: &SearchParams, per_page: usize) -> Option<Arc<Hits>> {
        self.remembered(&self.results, &(params.clone(), per_page))
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
        for code in crate::search::params::ATTRIBUTE_CODES {
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
                (ids_of(searcher, found.into_iter().map(|(_, a)| a)), fc)
            }
            Sort::Relevance => {
                let ((found, total), fc) = searcher
                    .search(&*main, &((top.tweak_score(InStockTiebreak), Count), facets))?;
                hits.total = total as u64;
                (ids_of(searcher, found.into_iter().map(|(_, a)| a)), fc)
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
                (ids_of(searcher, found.into_iter().map(|(_, a)| a)), fc)
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
                (ids_of(searcher, found.into_iter().map(|(_, a)| a)), fc)
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
        for code in crate::search::params::ATTRIBUTE_CODES {
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

/// The groups of filters that are counted separately.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Group<'a> {
    Attr(&'a str),
    Price,
    Avail,
}

/// Filter clauses of a search, by group.
pub(super) struct Filters<'a> {
    category: Option<Box<dyn Query>>,
    attrs: Vec<(&'a str, Box<dyn Query>)>,
    price: Option<Box<dyn Query>>,
    avail: Option<Box<dyn Query>>,
}

impl<'a> Filters<'a> {
    pub(super) fn new(f: &Fields, p: &'a SearchParams, category_path: Option<Vec<i64>>) -> Self {
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
    pub(super) fn query(&self, text: Option<&dyn Query>, without: Option<Group>) -> Box<dyn Query> {
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
