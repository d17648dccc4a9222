//! What the staff inventory pages show, as plain serialisable data: [`super::views`] builds
//! these on the server and the pages render them in the browser too. The filters of the stock,
//! low-stock and count pages read and write their own query strings here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    entity::enums::{AdjustmentReason, CountStatus, DocumentType, MovementReason, TransferStatus},
    text::{form_pairs, query_value},
};

/// Longest search text the stock page keeps, in characters.
pub const MAX_STOCK_QUERY: usize = 200;

/// A stock location, as the pages name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationInfo {
    /// Id.
    pub id: i64,
    /// Code (`ATH`).
    pub code: String,
    /// Name.
    pub name: String,
    /// Code of its store, if it is a store's stock room.
    pub store_code: Option<String>,
    /// Low-stock threshold for variants without their own.
    pub default_low_stock: i64,
}

/// A category for the filter, with its full path name (`Women › Shoes`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryOption {
    /// Id.
    pub id: i64,
    /// Path of names.
    pub path: String,
}

/// How a variant is named on staff pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantLabel {
    /// Variant id.
    pub variant_id: i64,
    /// Product id.
    pub product_id: i64,
    /// SKU.
    pub sku: String,
    /// EAN-13, if any.
    pub barcode: Option<String>,
    /// Product name in the page language.
    pub product: String,
    /// Option values (`M · Red`), empty for a product without options.
    pub options: String,
    /// Low-stock threshold of its own, if set.
    pub low_stock_threshold: Option<i64>,
    /// Whether it is sold (active).
    pub active: bool,
}

/// The stock of a variant at one location, as the pages show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockCell {
    /// Location id.
    pub location_id: i64,
    /// On hand.
    pub on_hand: i64,
    /// Reserved.
    pub reserved: i64,
    /// On hand − reserved.
    pub available: i64,
    /// Units on their way in sent transfers.
    pub incoming: i64,
    /// Low-stock threshold that applies (the variant's own or the location's default).
    pub threshold: i64,
    /// Available is at or below the threshold.
    pub low: bool,
}

/// A variant's row on the stock page: one cell per location shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockRow {
    /// Names and codes.
    pub label: VariantLabel,
    /// Stock per location, in the order of [`StockPage::locations`].
    pub cells: Vec<StockCell>,
}

/// What the stock page asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockQuery {
    /// Only this location (else every location).
    pub location_id: Option<i64>,
    /// Only this category and its subcategories.
    pub category_id: Option<i64>,
    /// Only rows that are low at some location shown.
    pub low_only: bool,
    /// Name words, SKU (or its beginning) or a scanned barcode.
    pub q: String,
    /// Page, from 1.
    pub page: u64,
}

/// A page of the stock table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockPage {
    /// The locations shown, in column order.
    pub locations: Vec<LocationInfo>,
    /// Rows of this page, by product name then SKU.
    pub rows: Vec<StockRow>,
    /// Rows matching in all.
    pub total: u64,
    /// This page (from 1).
    pub page: u64,
    /// Number of pages (at least 1).
    pub pages: u64,
    /// The query was exactly one variant's SKU or barcode.
    pub exact_code: bool,
}

/// A reference to the document a movement came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// Kind.
    pub kind: DocumentType,
    /// Id.
    pub id: i64,
    /// Its number (`TRF-00003`, an order number, an RMA code), or `#id` if it is gone.
    pub number: String,
}

/// One movement on a variant's ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRow {
    /// Movement id.
    pub id: i64,
    /// When it was booked.
    pub created_at: DateTime<Utc>,
    /// Location id.
    pub location_id: i64,
    /// Location code.
    pub location_code: String,
    /// Signed change of on hand.
    pub quantity: i64,
    /// Why.
    pub reason: MovementReason,
    /// For adjustments: damaged, lost, found, correction.
    pub adjustment_reason: Option<AdjustmentReason>,
    /// On hand at the location right after it.
    pub balance_after: i64,
    /// Note.
    pub note: Option<String>,
    /// Document it came from.
    pub document: Option<DocumentRef>,
    /// Name of the staff member who caused it.
    pub staff_name: Option<String>,
}

/// A variant's ledger page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    /// The variant.
    pub label: VariantLabel,
    /// Its stock at every location.
    pub locations: Vec<LocationInfo>,
    /// Cells in the order of `locations`.
    pub cells: Vec<StockCell>,
    /// Movements, newest first.
    pub rows: Vec<LedgerRow>,
    /// Movements in all (with the location filter).
    pub total: u64,
    /// This page (from 1).
    pub page: u64,
    /// Number of pages (at least 1).
    pub pages: u64,
}

/// A document in a list (receipts, transfers, counts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Id.
    pub id: i64,
    /// Number.
    pub number: String,
    /// Where it stands.
    pub status: DocumentStatus,
    /// Location codes: `ATH`, or `WEB → ATH` for a transfer.
    pub place: String,
    /// Lines.
    pub lines: u64,
    /// When created.
    pub created_at: DateTime<Utc>,
}

impl LocationInfo {
    /// `ATH · Stoa Athens`.
    pub fn label(&self) -> String {
        format!("{} · {}", self.code, self.name)
    }
}

impl VariantLabel {
    /// The label of a variant that is gone (its id in place of its names).
    pub fn missing(variant_id: i64) -> VariantLabel {
        VariantLabel {
            variant_id,
            product_id: 0,
            sku: format!("#{variant_id}"),
            barcode: None,
            product: format!("#{variant_id}"),
            options: String::new(),
            low_stock_threshold: None,
            active: false,
        }
    }
}

impl DocumentRef {
    /// The staff page of the document, when there is one.
    pub fn href(&self) -> Option<String> {
        match self.kind {
            DocumentType::Receipt => Some(format!("/staff/inventory/receipts/{}", self.id)),
            DocumentType::Transfer => Some(format!("/staff/inventory/transfers/{}", self.id)),
            DocumentType::Count => Some(format!("/staff/inventory/counts/{}", self.id)),
            DocumentType::Order | DocumentType::Return => None,
        }
    }
}

/// Where a document in a list stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "status", rename_all = "snake_case")]
pub enum DocumentStatus {
    /// A receipt: booked when written, so always received.
    Receipt,
    /// A transfer's status.
    Transfer(TransferStatus),
    /// A count's status.
    Count(CountStatus),
}

impl DocumentStatus {
    /// The status word (`received`, `draft`, `sent`, `open`, `posted`…).
    pub fn word(self) -> &'static str {
        match self {
            DocumentStatus::Receipt => TransferStatus::Received.word(),
            DocumentStatus::Transfer(s) => s.word(),
            DocumentStatus::Count(s) => s.word(),
        }
    }
}

impl StockQuery {
    /// Reads the stock or low-stock page's query string (`location`, `category`, `low`, `q`,
    /// `page`). Never fails: what does not parse is left out, the page is at least 1.
    pub fn from_query(query: &str) -> StockQuery {
        let mut f = StockQuery {
            page: 1,
            ..StockQuery::default()
        };
        for (k, v) in form_pairs(query) {
            match k.as_str() {
                "location" => f.location_id = v.trim().parse().ok(),
                "category" => f.category_id = v.trim().parse().ok(),
                "low" => f.low_only = !v.is_empty() && v != "0",
                "q" => f.q = v.trim().chars().take(MAX_STOCK_QUERY).collect(),
                "page" => f.page = v.trim().parse().unwrap_or(1).max(1),
                _ => {}
            }
        }
        f
    }

    /// The filter as a query string, without the page (the pager adds it).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = self.location_id {
            parts.push(format!("location={l}"));
        }
        if let Some(c) = self.category_id {
            parts.push(format!("category={c}"));
        }
        if self.low_only {
            parts.push("low=1".to_owned());
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", query_value(&self.q)));
        }
        parts.join("&")
    }
}

/// Which lines a count page lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountShow {
    /// Every line.
    #[default]
    All,
    /// Lines counted so far.
    Counted,
    /// Counted lines whose count differs from on hand.
    Differences,
}

impl CountShow {
    /// The URL word.
    pub fn word(self) -> &'static str {
        match self {
            CountShow::All => "all",
            CountShow::Counted => "counted",
            CountShow::Differences => "differences",
        }
    }
}

/// The filter and page of a count page, from and to its query string (`show`, `page`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountQuery {
    /// Which lines.
    pub show: CountShow,
    /// Page, from 1.
    pub page: u64,
}

impl CountQuery {
    /// Reads a count page's query string; anything unknown is the first page of every line.
    pub fn from_query(query: &str) -> CountQuery {
        let (mut show, mut page) = (String::new(), String::new());
        for (k, v) in form_pairs(query) {
            match k.as_str() {
                "show" => show = v,
                "page" => page = v,
                _ => {}
            }
        }
        CountQuery::from_fields(&show, &page)
    }

    /// From the `show` and `page` fields that a count page's forms post back.
    pub fn from_fields(show: &str, page: &str) -> CountQuery {
        CountQuery {
            show: match show {
                "counted" => CountShow::Counted,
                "differences" => CountShow::Differences,
                _ => CountShow::All,
            },
            page: page.trim().parse().unwrap_or(1).max(1),
        }
    }

    /// The address of count `id`'s page with this filter and page.
    pub fn href(&self, id: i64) -> String {
        let mut parts = Vec::new();
        if self.show != CountShow::All {
            parts.push(format!("show={}", self.show.word()));
        }
        if self.page > 1 {
            parts.push(format!("page={}", self.page));
        }
        if parts.is_empty() {
            format!("/staff/inventory/counts/{id}")
        } else {
            format!("/staff/inventory/counts/{id}?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_filters_round_trip() {
        let f = StockQuery::from_query(
            "?location=3&category=17&low=1&q=%CE%BA%CE%BF%CF%8D%CF%80%CE%B1+HM-&page=4",
        );
        assert_eq!(
            (
                f.location_id,
                f.category_id,
                f.low_only,
                f.q.as_str(),
                f.page
            ),
            (Some(3), Some(17), true, "κούπα HM-", 4)
        );
        assert_eq!(
            f.to_query(),
            "location=3&category=17&low=1&q=%CE%BA%CE%BF%CF%8D%CF%80%CE%B1%20HM-"
        );
        let again = StockQuery::from_query(&f.to_query());
        assert_eq!(again, StockQuery { page: 1, ..f });
        // Rubbish is ignored, never an error.
        let f = StockQuery::from_query("location=x&low=0&page=-2&q=%zz&other=1");
        assert_eq!(
            (f.location_id, f.low_only, f.page, f.q.as_str()),
            (None, false, 1, "")
        );
        assert_eq!(f.to_query(), "");
        let long = StockQuery::from_query(&format!("q={}", "ż".repeat(500)));
        assert_eq!(long.q.chars().count(), MAX_STOCK_QUERY);
    }

    #[test]
    fn count_pages() {
        let q = CountQuery::from_query("show=differences&page=3");
        assert_eq!(
            q,
            CountQuery {
                show: CountShow::Differences,
                page: 3
            }
        );
        assert_eq!(
            q.href(9),
            "/staff/inventory/counts/9?show=differences&page=3"
        );
        let junk = CountQuery::from_query("show=everything&page=0");
        assert_eq!(
            junk,
            CountQuery {
                show: CountShow::All,
                page: 1
            }
        );
        assert_eq!(junk.href(7), "/staff/inventory/counts/7");
        let counted = CountQuery {
            show: CountShow::Counted,
            page: 2,
        };
        assert_eq!(
            counted.href(7),
            "/staff/inventory/counts/7?show=counted&page=2"
        );
        assert_eq!(CountQuery::from_fields("counted", "2"), counted);
        assert_eq!(
            CountQuery::from_fields("nonsense", "x").href(7),
            "/staff/inventory/counts/7"
        );
    }

    #[test]
    fn document_status_words() {
        assert_eq!(DocumentStatus::Receipt.word(), "received");
        assert_eq!(
            DocumentStatus::Transfer(TransferStatus::Sent).word(),
            "sent"
        );
        assert_eq!(DocumentStatus::Count(CountStatus::Posted).word(), "posted");
        let json = serde_json::to_string(&DocumentStatus::Count(CountStatus::Open)).unwrap();
        assert_eq!(json, r#"{"kind":"count","status":"open"}"#);
    }
}
