//! What the inventory server functions send to the pages: each page's view is the commerce read
//! models it shows (`commerce::inventory::view`) plus what this staff member may do there.
//!
//! Statuses and movement reasons travel as their enums and are worded on the page by exhaustive
//! matches in `i18n::errors`.

use chrono::{DateTime, Utc};
use commerce::entity::enums::{CountStatus, TransferStatus};
pub use commerce::inventory::view::{
    CategoryOption, CountQuery, CountShow, DocumentRef, DocumentStatus, DocumentSummary, Ledger,
    LedgerRow, LocationInfo, StockCell, StockPage, StockQuery, StockRow, VariantLabel,
};
use serde::{Deserialize, Serialize};

/// Who is looking, for the page frame and the sub-navigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    /// Display name of the signed-in staff member.
    pub name: String,
    /// The role may adjust stock and run counts (`Permission::AdjustStock`).
    pub can_adjust: bool,
    /// May act at every location (an owner): sets a variant's own threshold, which applies
    /// everywhere.
    pub everywhere: bool,
}

/// `/staff/inventory`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockPageView {
    /// Who is looking.
    pub who: Who,
    /// Every location (for the filter).
    pub all_locations: Vec<LocationInfo>,
    /// Every category (for the filter).
    pub categories: Vec<CategoryOption>,
    /// The stock table: its location columns, this page of rows.
    pub stock: StockPage,
    /// The filter in effect.
    pub filter: StockQuery,
    /// The filter as a query string without the page (for the pager).
    pub page_query: String,
}

/// `/staff/inventory/receive`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiveFormView {
    /// Who is looking.
    pub who: Who,
    /// Locations this person may receive at.
    pub locations: Vec<LocationInfo>,
    /// The latest receipts.
    pub receipts: Vec<DocumentSummary>,
}

/// A document line: a variant and a number of units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityLine {
    /// The variant.
    pub variant: VariantLabel,
    /// Units.
    pub quantity: i64,
}

/// `/staff/inventory/receipts/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptView {
    /// Who is looking.
    pub who: Who,
    /// `RCV-00012`.
    pub number: String,
    /// Where the stock was received.
    pub location: LocationInfo,
    /// Supplier.
    pub supplier: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// When.
    pub created_at: DateTime<Utc>,
    /// What arrived.
    pub lines: Vec<QuantityLine>,
}

/// `/staff/inventory/adjust`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdjustFormView {
    /// Who is looking.
    pub who: Who,
    /// Locations this person may adjust at.
    pub locations: Vec<LocationInfo>,
    /// The variant named in `?variant=`, if any.
    pub variant: Option<VariantLabel>,
}

/// `/staff/inventory/transfers`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransfersView {
    /// Who is looking.
    pub who: Who,
    /// Locations this person may send from.
    pub from_locations: Vec<LocationInfo>,
    /// Every location (destinations).
    pub to_locations: Vec<LocationInfo>,
    /// The latest transfers.
    pub transfers: Vec<DocumentSummary>,
}

/// A line of a transfer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferLineView {
    /// The variant.
    pub variant: VariantLabel,
    /// Units sent (or to send, while a draft).
    pub sent: i64,
    /// Units received, once received.
    pub received: Option<i64>,
}

/// `/staff/inventory/transfers/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferView {
    /// Who is looking.
    pub who: Who,
    /// Id.
    pub id: i64,
    /// `TRF-00003`.
    pub number: String,
    /// Where it stands.
    pub status: TransferStatus,
    /// Source.
    pub from: LocationInfo,
    /// Destination.
    pub to: LocationInfo,
    /// Note.
    pub note: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Sent.
    pub sent_at: Option<DateTime<Utc>>,
    /// Received.
    pub received_at: Option<DateTime<Utc>>,
    /// Lines.
    pub lines: Vec<TransferLineView>,
    /// This person may send or cancel it (they may act at the source).
    pub may_send: bool,
    /// This person may receive it (they may act at the destination).
    pub may_receive: bool,
}

/// `/staff/inventory/counts`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountsView {
    /// Who is looking.
    pub who: Who,
    /// Locations this person may count at.
    pub locations: Vec<LocationInfo>,
    /// Every category.
    pub categories: Vec<CategoryOption>,
    /// The latest counts.
    pub counts: Vec<DocumentSummary>,
}

/// A line of a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountLineView {
    /// The variant.
    pub variant: VariantLabel,
    /// On hand when the count was opened.
    pub expected: i64,
    /// On hand now.
    pub on_hand: i64,
    /// Counted, if counted.
    pub counted: Option<i64>,
    /// What posting books: counted − on hand now (0 when not counted).
    pub change: i64,
}

/// `/staff/inventory/counts/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountView {
    /// Who is looking.
    pub who: Who,
    /// Id.
    pub id: i64,
    /// `CNT-00004`.
    pub number: String,
    /// Where it stands.
    pub status: CountStatus,
    /// Where.
    pub location: LocationInfo,
    /// Category path, or `None` for everything.
    pub category: Option<String>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Posted.
    pub posted_at: Option<DateTime<Utc>>,
    /// The lines of this page (after the `show` filter).
    pub lines: Vec<CountLineView>,
    /// Counted lines whose change is not zero (the review), whatever the filter.
    pub differences: Vec<CountLineView>,
    /// Lines in all.
    pub total_lines: u64,
    /// Lines counted.
    pub counted_lines: u64,
    /// The filter.
    pub show: CountShow,
    /// Lines the filter shows in all.
    pub shown_total: u64,
    /// This page (from 1).
    pub page: u64,
    /// Number of pages.
    pub pages: u64,
}

/// What a scan counted: each scanned line with its counted total now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanResult {
    /// The scanned variants with what is counted now.
    pub lines: Vec<ScannedLine>,
}

/// A scanned variant and its counted total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScannedLine {
    /// SKU.
    pub sku: String,
    /// Counted now.
    pub counted: i64,
}

/// A row of the low-stock list: a variant low at one location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowStockRow {
    /// The variant.
    pub variant: VariantLabel,
    /// The location's code.
    pub location_code: String,
    /// Its stock there.
    pub cell: StockCell,
}

/// `/staff/inventory/low-stock`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowStockView {
    /// Who is looking.
    pub who: Who,
    /// Every location (filter and default thresholds).
    pub all_locations: Vec<LocationInfo>,
    /// Locations whose default this person may change.
    pub writable_locations: Vec<LocationInfo>,
    /// Filter: location.
    pub location: Option<i64>,
    /// Rows.
    pub rows: Vec<LowStockRow>,
    /// Variants matching in all.
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Pages.
    pub pages: u64,
    /// The filter as a query string without the page.
    pub page_query: String,
}

/// `/staff/inventory/variant/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerView {
    /// Who is looking.
    pub who: Who,
    /// The variant, its stock everywhere and this page of its movements.
    pub ledger: Ledger,
    /// Filter: location.
    pub location: Option<i64>,
}
