//! Collectors of our own: the in-stock-first tie-break (stable pages), category counts one level
//! below the selection (tantivy's facet collector miscounts root children) and price bands.

use std::{collections::BTreeMap, sync::Arc};

use tantivy::{
    collector::{ScoreSegmentTweaker, ScoreTweaker},
    columnar::ColumnValues,
    schema::Facet,
    DocId, Score, SegmentReader,
};

use crate::search::params::PRICE_BANDS;

/// Ranks in-stock products first among equal scores (scores compared to 1/100), then older
/// products first, so equal matches keep one order across merges and rebuilds (stable pages).
pub(super) struct InStockTiebreak;

pub(super) struct InStockSegment {
    in_stock: Arc<dyn ColumnValues<bool>>,
    product_id: Arc<dyn ColumnValues<u64>>,
}

/// (score × 100, in stock, `u64::MAX − product id`): bigger is better.
pub(super) type Rank = (u32, bool, u64);

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
pub(super) struct CategoryCounts {
    pub(super) parent: Vec<i64>,
}

pub(super) struct CategoryCountsSegment {
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
pub(super) struct PriceBands;

pub(super) struct PriceBandsSegment {
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
