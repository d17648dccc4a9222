//! What the inventory server functions send to the pages (serialisable view data).
//!
//! Statuses and movement reasons travel as their snake_case words (`draft`, `transfer_in`…) and
//! are translated on the page ([`super::status_label`], [`super::movement_label`]).

use chrono::{DateTime, Utc};
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

/// A stock location in a list or a `<select>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationOption {
    /// Id.
    pub id: i64,
    /// Code (`ATH`).
    pub code: String,
    /// Name.
    pub name: String,
    /// Low-stock threshold for variants without their own.
    pub default_low_stock: i64,
}

impl LocationOption {
    /// `ATH · Stoa Athens`.
    pub fn label(&self) -> String {
        format!("{} · {}", self.code, self.name)
    }
}

/// A category for a `<select>`, with its path (`Women › Shoes`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChoice {
    /// Id.
    pub id: i64,
    /// Path of names.
    pub path: String,
}

/// How a variant is named on the inventory pages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantName {
    /// Variant id.
    pub id: i64,
    /// Product name in the page language.
    pub product: String,
    /// Option values (`M · Red`), empty without options.
    pub options: String,
    /// SKU.
    pub sku: String,
    /// EAN-13, if any.
    pub barcode: Option<String>,
}

/// A variant's stock at one location.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockCellView {
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
    /// Low-stock threshold that applies.
    pub threshold: i64,
    /// Available is at or below the threshold.
    pub low: bool,
}

/// A row of the stock table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockRowView {
    /// The variant.
    pub variant: VariantName,
    /// One cell per column location.
    pub cells: Vec<StockCellView>,
}

/// `/staff/inventory`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockPageView {
    /// Who is looking.
    pub who: Who,
    /// Every location (for the filter).
    pub all_locations: Vec<LocationOption>,
    /// Every category (for the filter).
    pub categories: Vec<CategoryChoice>,
    /// The locations shown as columns.
    pub columns: Vec<LocationOption>,
    /// Rows of this page.
    pub rows: Vec<StockRowView>,
    /// Rows matching in all.
    pub total: u64,
    /// This page (from 1).
    pub page: u64,
    /// Number of pages.
    pub pages: u64,
    /// The search was exactly one variant's SKU or barcode.
    pub exact_code: bool,
    /// Filter: location.
    pub location: Option<i64>,
    /// Filter: category.
    pub category: Option<i64>,
    /// Filter: low stock only.
    pub low_only: bool,
    /// Filter: search text.
    pub q: String,
    /// The filter as a query string without the page (for the pager).
    pub page_query: String,
}

/// A receipt, transfer or count in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Id.
    pub id: i64,
    /// Number (`TRF-00003`).
    pub number: String,
    /// Status word.
    pub status: String,
    /// `ATH`, or `WEB → ATH` for a transfer.
    pub place: String,
    /// Number of lines.
    pub lines: u64,
    /// When created.
    pub created_at: DateTime<Utc>,
}

/// `/staff/inventory/receive`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiveFormView {
    /// Who is looking.
    pub who: Who,
    /// Locations this person may receive at.
    pub locations: Vec<LocationOption>,
    /// The latest receipts.
    pub receipts: Vec<DocumentRow>,
}

/// A document line: a variant and a number of units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityLine {
    /// The variant.
    pub variant: VariantName,
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
    pub location: LocationOption,
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
    pub locations: Vec<LocationOption>,
    /// The variant named in `?variant=`, if any.
    pub variant: Option<VariantName>,
}

/// `/staff/inventory/transfers`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransfersView {
    /// Who is looking.
    pub who: Who,
    /// Locations this person may send from.
    pub from_locations: Vec<LocationOption>,
    /// Every location (destinations).
    pub to_locations: Vec<LocationOption>,
    /// The latest transfers.
    pub transfers: Vec<DocumentRow>,
}

/// A line of a transfer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferLineView {
    /// The variant.
    pub variant: VariantName,
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
    /// `draft`, `sent`, `received`, `cancelled`.
    pub status: String,
    /// Source.
    pub from: LocationOption,
    /// Destination.
    pub to: LocationOption,
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
    pub locations: Vec<LocationOption>,
    /// Every category.
    pub categories: Vec<CategoryChoice>,
    /// The latest counts.
    pub counts: Vec<DocumentRow>,
}

/// A line of a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountLineView {
    /// The variant.
    pub variant: VariantName,
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
    /// `open`, `posted`, `cancelled`.
    pub status: String,
    /// Where.
    pub location: LocationOption,
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
    /// The filter: `all`, `counted` or `differences`.
    pub show: String,
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
    pub variant: VariantName,
    /// The location's code.
    pub location_code: String,
    /// Its stock there.
    pub cell: StockCellView,
}

/// `/staff/inventory/low-stock`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowStockView {
    /// Who is looking.
    pub who: Who,
    /// Every location (filter and default thresholds).
    pub all_locations: Vec<LocationOption>,
    /// Locations whose default this person may change.
    pub writable_locations: Vec<LocationOption>,
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

/// The document a movement came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentLink {
    /// `receipt`, `transfer`, `count`, `order`, `return`.
    pub kind: String,
    /// Id.
    pub id: i64,
    /// Number.
    pub number: String,
}

impl DocumentLink {
    /// The staff page of the document, when there is one.
    pub fn href(&self) -> Option<String> {
        match self.kind.as_str() {
            "receipt" => Some(format!("/staff/inventory/receipts/{}", self.id)),
            "transfer" => Some(format!("/staff/inventory/transfers/{}", self.id)),
            "count" => Some(format!("/staff/inventory/counts/{}", self.id)),
            _ => None,
        }
    }
}

/// One movement of a variant's ledger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementView {
    /// Id.
    pub id: i64,
    /// When.
    pub created_at: DateTime<Utc>,
    /// Location code.
    pub location_code: String,
    /// Signed change.
    pub quantity: i64,
    /// Reason word (`receipt`, `transfer_out`…).
    pub reason: String,
    /// Adjustment reason word (`damaged`…), for adjustments.
    pub adjustment_reason: Option<String>,
    /// Source document.
    pub document: Option<DocumentLink>,
    /// Who.
    pub staff: Option<String>,
    /// Note.
    pub note: Option<String>,
    /// On hand at the location right after.
    pub balance_after: i64,
}

/// `/staff/inventory/variant/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerView {
    /// Who is looking.
    pub who: Who,
    /// The variant.
    pub variant: VariantName,
    /// Its own low-stock threshold, if set.
    pub own_threshold: Option<i64>,
    /// Every location.
    pub locations: Vec<LocationOption>,
    /// Stock at each of `locations`.
    pub cells: Vec<StockCellView>,
    /// Movements of this page, newest first.
    pub rows: Vec<MovementView>,
    /// Movements in all (with the filter).
    pub total: u64,
    /// This page.
    pub page: u64,
    /// Pages.
    pub pages: u64,
    /// Filter: location.
    pub location: Option<i64>,
}
