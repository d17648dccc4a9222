//! Facet counting in one pass over the matches.
//!
//! **Tables.** Each segment's facet values are read once into plain arrays ([`SegmentFacets`]):
//! per document its category, option-value and availability ordinals, and its price band. Reading
//! tantivy's multi-valued facet columns per match cost more than the counting itself at 100k
//! products; a table is read with two array lookups. Segments are immutable, so a table is kept
//! for as long as its segment is live ([`FacetTables`]).
//!
//! **One pass.** A search with filters shows, for each filter group, the counts the group would
//! have without its own selection (choosing another colour adds to the results). Instead of a
//! search per selected group, [`Faceted`] runs the text and category query once and checks the
//! groups itself per match: a match that passes every group is a result (it goes to the page's
//! collector) and counts for every facet; a match that fails exactly one group counts for that
//! group's facet only; a match that fails two counts nowhere.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
};

use tantivy::{
    collector::{Collector, SegmentCollector},
    index::SegmentId,
    schema::Facet,
    DocId, Score, Searcher, SegmentOrdinal, SegmentReader,
};

use super::query::Hits;
use crate::search::params::{SearchParams, ATTRIBUTE_CODES, PRICE_BANDS};

// Option-code groups are bits of a `u8`, price bands bits of a `u32`.
const _: () = assert!(ATTRIBUTE_CODES.len() <= 8 && PRICE_BANDS.len() <= 32);

/// A list of ordinals per document: `ords[start[d]..start[d + 1]]`, sorted, without repeats.
#[derive(Default)]
struct PerDoc {
    start: Vec<u32>,
    ords: Vec<u32>,
}

impl PerDoc {
    fn read(reader: &SegmentReader, field: &str) -> tantivy::Result<(PerDoc, Vec<Vec<String>>)> {
        let facets = reader.facet_reader(field)?;
        let mut paths = Vec::with_capacity(facets.num_facets());
        let mut facet = Facet::root();
        for ord in 0..facets.num_facets() as u64 {
            facets.facet_from_ord(ord, &mut facet)?;
            paths.push(facet.to_path().into_iter().map(str::to_owned).collect());
        }
        let max_doc = reader.max_doc() as usize;
        let mut per_doc = PerDoc {
            start: Vec::with_capacity(max_doc + 1),
            ords: Vec::new(),
        };
        per_doc.start.push(0);
        let mut one = Vec::new();
        for doc in 0..max_doc as DocId {
            one.clear();
            one.extend(facets.facet_ords(doc).map(|o| o as u32));
            one.sort_unstable();
            one.dedup();
            per_doc.ords.extend_from_slice(&one);
            per_doc.start.push(per_doc.ords.len() as u32);
        }
        per_doc.ords.shrink_to_fit();
        Ok((per_doc, paths))
    }

    fn of(&self, doc: DocId) -> &[u32] {
        let d = doc as usize;
        match (self.start.get(d), self.start.get(d + 1)) {
            (Some(&a), Some(&b)) => &self.ords[a as usize..b as usize],
            _ => &[],
        }
    }

    fn bytes(&self) -> usize {
        (self.start.capacity() + self.ords.capacity()) * 4
    }
}

/// Where an availability value says a product can be had.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Avail {
    Online,
    Store(i64),
    Other,
}

/// One segment's facet values, per document.
pub(super) struct SegmentFacets {
    category: PerDoc,
    /// Category path (ids, root first) per category ordinal.
    category_paths: Vec<Vec<i64>>,
    attr: PerDoc,
    /// Per option-value ordinal: index into [`ATTRIBUTE_CODES`] (`None` for another code) and the
    /// value code.
    attr_values: Vec<(Option<u8>, String)>,
    avail: PerDoc,
    avail_values: Vec<Avail>,
    /// Price band per document ([`PRICE_BANDS`] index).
    band: Vec<u8>,
}

impl SegmentFacets {
    fn read(reader: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let (category, paths) = PerDoc::read(reader, "category")?;
        let category_paths = paths
            .iter()
            .map(|p| p.iter().filter_map(|s| s.parse().ok()).collect())
            .collect();
        let (attr, paths) = PerDoc::read(reader, "attr")?;
        let attr_values = paths
            .into_iter()
            .map(|p| match <[String; 2]>::try_from(p) {
                Ok([code, value]) => (
                    ATTRIBUTE_CODES
                        .iter()
                        .position(|c| *c == code)
                        .map(|i| i as u8),
                    value,
                ),
                Err(_) => (None, String::new()),
            })
            .collect();
        let (avail, paths) = PerDoc::read(reader, "avail")?;
        let avail_values = paths
            .iter()
            .map(|p| match p.as_slice() {
                [one] if one == "online" => Avail::Online,
                [one] => one
                    .strip_prefix("store-")
                    .and_then(|id| id.parse().ok())
                    .map_or(Avail::Other, Avail::Store),
                _ => Avail::Other,
            })
            .collect();
        let price = reader
            .fast_fields()
            .u64("price_minor")?
            .first_or_default_col(0);
        let band = (0..reader.max_doc())
            .map(|doc| band_of(price.get_val(doc) as i64))
            .collect();
        Ok(SegmentFacets {
            category,
            category_paths,
            attr,
            attr_values,
            avail,
            avail_values,
            band,
        })
    }

    /// Memory held by the per-document arrays.
    fn bytes(&self) -> usize {
        self.category.bytes() + self.attr.bytes() + self.avail.bytes() + self.band.capacity()
    }
}

/// The [`PRICE_BANDS`] index of a price in minor units.
pub(super) fn band_of(price: i64) -> u8 {
    PRICE_BANDS
        .partition_point(|b| *b <= price)
        .saturating_sub(1) as u8
}

/// The facet tables of the live segments, read on first use.
#[derive(Default)]
pub(super) struct FacetTables {
    by_segment: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetTables {
    /// The tables of `searcher`'s segments, in segment order. Tables of segments it no longer
    /// reads are dropped.
    pub(super) fn of(&self, searcher: &Searcher) -> tantivy::Result<Vec<Arc<SegmentFacets>>> {
        let readers = searcher.segment_readers();
        let mut known: Vec<Option<Arc<SegmentFacets>>> = {
            let map = self.by_segment.lock().unwrap_or_else(|e| e.into_inner());
            readers
                .iter()
                .map(|r| map.get(&r.segment_id()).cloned())
                .collect()
        };
        let mut read = Vec::new();
        for (r, table) in readers.iter().zip(known.iter_mut()) {
            if table.is_none() {
                // Read outside the lock: other searches keep their tables meanwhile.
                let t = Arc::new(SegmentFacets::read(r)?);
                read.push((r.segment_id(), Arc::clone(&t)));
                *table = Some(t);
            }
        }
        if !read.is_empty() {
            let mut map = self.by_segment.lock().unwrap_or_else(|e| e.into_inner());
            map.extend(read);
            map.retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
            let bytes: usize = map.values().map(|t| t.bytes()).sum();
            tracing::debug!(segments = map.len(), bytes, "facet tables read");
        }
        Ok(known.into_iter().flatten().collect())
    }
}

/// A filter group of a search, as [`Faceted`] checks it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    /// The n-th option code with a selection.
    Attr(u8),
    Price,
    Avail,
}

/// What was selected, in the terms of one segment's ordinals.
struct Selection {
    /// A selection nothing can match (an option code the index does not have).
    nothing: bool,
    /// Per option-value ordinal: the bit of its group when that value is selected, else 0.
    attr_bit: Vec<u8>,
    /// Groups of selected option values, in bit order: their [`ATTRIBUTE_CODES`] index.
    attr_groups: Vec<u8>,
    /// Selected price bands as a bit set (`None`: no price filter).
    bands: Option<u32>,
    /// Per availability ordinal: selected (`None`: no availability filter).
    avail: Option<Vec<bool>>,
}

/// Runs `top` (the page's collector) on the matches that pass every filter group of `params`,
/// and counts every facet (a [`Hits`] whose `ids` the caller fills from the page) as described
/// in the module docs. The query it is used with must hold the text and the category only.
pub(super) struct Faceted<'p, C> {
    top: C,
    tables: &'p [Arc<SegmentFacets>],
    params: &'p SearchParams,
    /// Category path whose children are counted (empty: the top level).
    parent: &'p [i64],
}

impl<'p, C> Faceted<'p, C> {
    /// `top` over the matches of `params` in segments with `tables` (from [`FacetTables::of`]
    /// for the same searcher), counting categories one level below `parent`.
    pub(super) fn new(
        top: C,
        tables: &'p [Arc<SegmentFacets>],
        params: &'p SearchParams,
        parent: &'p [i64],
    ) -> Self {
        Faceted {
            top,
            tables,
            params,
            parent,
        }
    }
}

pub(super) struct FacetedSegment<S> {
    top: S,
    table: Arc<SegmentFacets>,
    selection: Selection,
    parent: Vec<i64>,
    total: u64,
    category: Vec<u64>,
    attr: Vec<u64>,
    avail: Vec<u64>,
    bands: [u64; PRICE_BANDS.len()],
}

impl<C: Collector> Collector for Faceted<'_, C> {
    type Fruit = (C::Fruit, Hits);
    type Child = FacetedSegment<C::Child>;

    fn for_segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let table = self
            .tables
            .get(ord as usize)
            .cloned()
            .ok_or_else(|| tantivy::TantivyError::InternalError("no facet table".into()))?;
        let p = self.params;
        let mut attr_bit = vec![0u8; table.attr_values.len()];
        let mut attr_groups = Vec::new();
        let mut nothing = false;
        for (code, values) in p.attrs.iter().filter(|(_, v)| !v.is_empty()) {
            // A value of a code the index does not have matches nothing.
            let Some(idx) = ATTRIBUTE_CODES.iter().position(|c| c == code) else {
                nothing = true;
                continue;
            };
            let idx = idx as u8;
            // At most one group per code of ATTRIBUTE_CODES: fewer than 8.
            let bit = 1u8 << attr_groups.len();
            attr_groups.push(idx);
            for (o, (c, v)) in table.attr_values.iter().enumerate() {
                if *c == Some(idx) && values.contains(v) {
                    attr_bit[o] = bit;
                }
            }
        }
        let bands = (!p.price.is_empty()).then(|| {
            p.price
                .iter()
                .filter(|b| **b < PRICE_BANDS.len())
                .fold(0u32, |m, b| m | 1 << b)
        });
        let avail = (p.online || !p.stores.is_empty()).then(|| {
            table
                .avail_values
                .iter()
                .map(|a| match a {
                    Avail::Online => p.online,
                    Avail::Store(id) => p.stores.contains(id),
                    Avail::Other => false,
                })
                .collect()
        });
        Ok(FacetedSegment {
            top: self.top.for_segment(ord, reader)?,
            selection: Selection {
                nothing,
                attr_bit,
                attr_groups,
                bands,
                avail,
            },
            parent: self.parent.to_vec(),
            total: 0,
            category: vec![0; table.category_paths.len()],
            attr: vec![0; table.attr_values.len()],
            avail: vec![0; table.avail_values.len()],
            bands: [0; PRICE_BANDS.len()],
            table,
        })
    }

    fn requires_scoring(&self) -> bool {
        self.top.requires_scoring()
    }

    fn merge_fruits(
        &self,
        parts: Vec<(<C::Child as SegmentCollector>::Fruit, Hits)>,
    ) -> tantivy::Result<Self::Fruit> {
        let (tops, counts): (Vec<_>, Vec<_>) = parts.into_iter().unzip();
        let mut all = Hits {
            price_bands: vec![0; PRICE_BANDS.len()],
            ..Default::default()
        };
        for c in counts {
            all.total += c.total;
            for (k, n) in c.categories {
                *all.categories.entry(k).or_default() += n;
            }
            for (code, values) in c.attrs {
                let to = all.attrs.entry(code).or_default();
                for (v, n) in values {
                    *to.entry(v).or_default() += n;
                }
            }
            for (a, b) in all.price_bands.iter_mut().zip(c.price_bands) {
                *a += b;
            }
            all.online += c.online;
            for (k, n) in c.stores {
                *all.stores.entry(k).or_default() += n;
            }
        }
        Ok((self.top.merge_fruits(tops)?, all))
    }
}

impl<S: SegmentCollector> FacetedSegment<S> {
    /// The one group `doc` fails, `Ok(None)` when it passes all, `Err(())` when it fails two.
    #[inline]
    fn failed_group(&self, doc: DocId) -> Result<Option<Group>, ()> {
        let s = &self.selection;
        let t = &self.table;
        let mut failed = None;
        let mut fail = |g: Group| match failed.replace(g) {
            None => Ok(()),
            Some(_) => Err(()),
        };
        if !s.attr_groups.is_empty() {
            let have = t
                .attr
                .of(doc)
                .iter()
                .fold(0u8, |m, o| m | s.attr_bit[*o as usize]);
            for g in 0..s.attr_groups.len() as u8 {
                if have & (1 << g) == 0 {
                    fail(Group::Attr(g))?;
                }
            }
        }
        if let Some(bands) = s.bands {
            if bands & (1 << t.band[doc as usize]) == 0 {
                fail(Group::Price)?;
            }
        }
        if let Some(avail) = &s.avail {
            if !t.avail.of(doc).iter().any(|o| avail[*o as usize]) {
                fail(Group::Avail)?;
            }
        }
        Ok(failed)
    }
}

impl<S: SegmentCollector> SegmentCollector for FacetedSegment<S> {
    type Fruit = (S::Fruit, Hits);

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(band) = self.table.band.get(doc as usize).copied() else {
            return;
        };
        if self.selection.nothing {
            return;
        }
        match self.failed_group(doc) {
            Ok(None) => {
                self.total += 1;
                self.top.collect(doc, score);
                for o in self.table.category.of(doc) {
                    self.category[*o as usize] += 1;
                }
                for o in self.table.attr.of(doc) {
                    self.attr[*o as usize] += 1;
                }
                for o in self.table.avail.of(doc) {
                    self.avail[*o as usize] += 1;
                }
                self.bands[band as usize] += 1;
            }
            Ok(Some(Group::Attr(g))) => {
                let code = Some(self.selection.attr_groups[g as usize]);
                for o in self.table.attr.of(doc) {
                    if self.table.attr_values[*o as usize].0 == code {
                        self.attr[*o as usize] += 1;
                    }
                }
            }
            Ok(Some(Group::Price)) => self.bands[band as usize] += 1,
            Ok(Some(Group::Avail)) => {
                for o in self.table.avail.of(doc) {
                    self.avail[*o as usize] += 1;
                }
            }
            Err(()) => {}
        }
    }

    fn harvest(self) -> Self::Fruit {
        let t = &self.table;
        let mut out = Hits {
            total: self.total,
            price_bands: self.bands.to_vec(),
            ..Default::default()
        };
        for (o, n) in self.category.iter().enumerate().filter(|(_, n)| **n > 0) {
            let path = &t.category_paths[o];
            if path.len() > self.parent.len() && path.starts_with(&self.parent) {
                *out.categories.entry(path[self.parent.len()]).or_default() += n;
            }
        }
        for (o, n) in self.attr.iter().enumerate().filter(|(_, n)| **n > 0) {
            if let (Some(code), value) = &t.attr_values[o] {
                *out.attrs
                    .entry(ATTRIBUTE_CODES[*code as usize].to_owned())
                    .or_default()
                    .entry(value.clone())
                    .or_default() += n;
            }
        }
        for (o, n) in self.avail.iter().enumerate().filter(|(_, n)| **n > 0) {
            match t.avail_values[o] {
                Avail::Online => out.online += n,
                Avail::Store(id) => *out.stores.entry(id).or_default() += n,
                Avail::Other => {}
            }
        }
        (self.top.harvest(), out)
    }
}
