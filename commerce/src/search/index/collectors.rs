//! The in-stock-first tie-break (stable pages). Facets are counted in `facets.rs`.

use std::sync::Arc;

use tantivy::{
    collector::{ScoreSegmentTweaker, ScoreTweaker},
    columnar::ColumnValues,
    DocId, Score, SegmentReader,
};

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
