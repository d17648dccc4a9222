//! Status and kind columns, stored as short snake_case strings (`docs/data-model.md`).

use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Whether a product is visible in the shop (`products.status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ProductStatus {
    /// Being prepared; not visible in the shop.
    #[sea_orm(string_value = "draft")]
    Draft,
    /// Visible and sellable.
    #[sea_orm(string_value = "active")]
    Active,
    /// Retired; kept for history, not sellable.
    #[sea_orm(string_value = "archived")]
    Archived,
}

/// What a stock location is (`locations.kind`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    /// A warehouse (e.g. the online stock).
    #[sea_orm(string_value = "warehouse")]
    Warehouse,
    /// The stock room of a physical store.
    #[sea_orm(string_value = "store")]
    Store,
}

/// Why stock moved (`stock_movements.reason`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum MovementReason {
    /// Goods received from a supplier.
    #[sea_orm(string_value = "receipt")]
    Receipt,
    /// Sold (web, POS or payment link).
    #[sea_orm(string_value = "sale")]
    Sale,
    /// Returned by a customer and restocked.
    #[sea_orm(string_value = "return")]
    Return,
    /// Manual adjustment (see [`AdjustmentReason`]).
    #[sea_orm(string_value = "adjustment")]
    Adjustment,
    /// Correction posted by a stock count.
    #[sea_orm(string_value = "count")]
    Count,
    /// Sent to another location.
    #[sea_orm(string_value = "transfer_out")]
    TransferOut,
    /// Received from another location.
    #[sea_orm(string_value = "transfer_in")]
    TransferIn,
    /// Sent but never received in a transfer.
    #[sea_orm(string_value = "transit_loss")]
    TransitLoss,
    /// Written off (damaged returns and the like).
    #[sea_orm(string_value = "write_off")]
    WriteOff,
    /// Opening balance.
    #[sea_orm(string_value = "initial")]
    Initial,
}

/// Why a manual adjustment was made (`stock_movements.adjustment_reason`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentReason {
    /// Goods found damaged.
    #[sea_orm(string_value = "damaged")]
    Damaged,
    /// Goods lost or stolen.
    #[sea_orm(string_value = "lost")]
    Lost,
    /// Goods found.
    #[sea_orm(string_value = "found")]
    Found,
    /// Correcting an earlier mistake.
    #[sea_orm(string_value = "correction")]
    Correction,
}

/// The kind of document a stock movement came from (`stock_movements.document_type`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// An order (`orders.id`).
    #[sea_orm(string_value = "order")]
    Order,
    /// A return (`returns.id`).
    #[sea_orm(string_value = "return")]
    Return,
    /// A stock transfer (`stock_transfers.id`).
    #[sea_orm(string_value = "transfer")]
    Transfer,
    /// A stock count (`stock_counts.id`).
    #[sea_orm(string_value = "count")]
    Count,
    /// A goods receipt (`stock_receipts.id`).
    #[sea_orm(string_value = "receipt")]
    Receipt,
}

/// What holds a stock reservation (`stock_reservations.owner_type`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ReservationOwner {
    /// A cart (`carts.id`).
    #[sea_orm(string_value = "cart")]
    Cart,
    /// A checkout in progress (`carts.id`).
    #[sea_orm(string_value = "checkout")]
    Checkout,
    /// An order (`orders.id`).
    #[sea_orm(string_value = "order")]
    Order,
    /// A payment link (`payment_links.id`).
    #[sea_orm(string_value = "payment_link")]
    PaymentLink,
    /// A POS sale in progress (`carts.id`).
    #[sea_orm(string_value = "pos")]
    Pos,
}

/// Lifecycle of a stock reservation (`stock_reservations.status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ReservationStatus {
    /// Holding stock.
    #[sea_orm(string_value = "active")]
    Active,
    /// Turned into a sale movement.
    #[sea_orm(string_value = "committed")]
    Committed,
    /// Given back (cancelled or cart changed).
    #[sea_orm(string_value = "released")]
    Released,
    /// Given back because it expired.
    #[sea_orm(string_value = "expired")]
    Expired,
}

/// Lifecycle of a stock transfer (`stock_transfers.status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum TransferStatus {
    /// Being prepared; no stock moved yet.
    #[sea_orm(string_value = "draft")]
    Draft,
    /// Left the source location; in transit.
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Arrived at the destination.
    #[sea_orm(string_value = "received")]
    Received,
    /// Abandoned before it was sent.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// Lifecycle of a stock count (`stock_counts.status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum CountStatus {
    /// Counting in progress.
    #[sea_orm(string_value = "open")]
    Open,
    /// Differences posted to the ledger.
    #[sea_orm(string_value = "posted")]
    Posted,
    /// Abandoned without posting.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// What a staff member may do (`staff_users.role`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Everything, including staff, settings and reports.
    #[sea_orm(string_value = "owner")]
    Owner,
    /// Store operations: stock, pickups, payment links, the day's takings.
    #[sea_orm(string_value = "manager")]
    Manager,
    /// The POS register, pickups and returns at the counter.
    #[sea_orm(string_value = "cashier")]
    Cashier,
}

// --- sales enums (helper B) ---

/// How a promotion discounts: a percentage (basis points) or a fixed amount (minor units).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum PromotionKind {
    /// `value` is basis points off the subtotal (`1000` = 10 %).
    #[sea_orm(string_value = "percent")]
    Percent,
    /// `value` is minor units off the subtotal.
    #[sea_orm(string_value = "fixed_amount")]
    FixedAmount,
}

/// The channel a cart or order came through.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The public web shop.
    #[sea_orm(string_value = "web")]
    Web,
    /// The store counter (point of sale).
    #[sea_orm(string_value = "pos")]
    Pos,
    /// A payment link issued by staff.
    #[sea_orm(string_value = "payment_link")]
    PaymentLink,
}

/// Lifecycle of a cart.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum CartStatus {
    /// Still being filled.
    #[sea_orm(string_value = "open")]
    Open,
    /// Turned into an order.
    #[sea_orm(string_value = "converted")]
    Converted,
    /// Left unfinished.
    #[sea_orm(string_value = "abandoned")]
    Abandoned,
}

/// How an order reaches the customer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum Fulfilment {
    /// Shipped to an address.
    #[sea_orm(string_value = "delivery")]
    Delivery,
    /// Collected in a store (click-and-collect).
    #[sea_orm(string_value = "pickup")]
    Pickup,
    /// Handed over at the counter (POS sale).
    #[sea_orm(string_value = "in_store")]
    InStore,
}

/// Lifecycle of an order (transitions in `commerce::orders::status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// Placed, awaiting payment or confirmation.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Accepted; stock committed.
    #[sea_orm(string_value = "confirmed")]
    Confirmed,
    /// Waiting in a store's pickup queue.
    #[sea_orm(string_value = "ready_for_pickup")]
    ReadyForPickup,
    /// Handed to the carrier.
    #[sea_orm(string_value = "shipped")]
    Shipped,
    /// Delivered or handed over.
    #[sea_orm(string_value = "completed")]
    Completed,
    /// Cancelled by staff or the customer.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
    /// Not paid or not collected in time.
    #[sea_orm(string_value = "expired")]
    Expired,
}

/// How much of an order has been paid.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// Nothing paid yet.
    #[sea_orm(string_value = "unpaid")]
    Unpaid,
    /// A payment is in progress.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Paid in full.
    #[sea_orm(string_value = "paid")]
    Paid,
    /// Paid, then partly refunded.
    #[sea_orm(string_value = "partially_refunded")]
    PartiallyRefunded,
    /// Paid, then fully refunded.
    #[sea_orm(string_value = "refunded")]
    Refunded,
}

/// What an order timeline entry records.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum OrderEventKind {
    /// The order was created.
    #[sea_orm(string_value = "created")]
    Created,
    /// The order status changed (`from_status` → `to_status`).
    #[sea_orm(string_value = "status_changed")]
    StatusChanged,
    /// A payment was taken or failed.
    #[sea_orm(string_value = "payment")]
    Payment,
    /// Money was refunded.
    #[sea_orm(string_value = "refund")]
    Refund,
    /// A staff note.
    #[sea_orm(string_value = "note")]
    Note,
    /// An e-mail was sent to the customer.
    #[sea_orm(string_value = "email")]
    Email,
    /// A pickup step (ready, collected, expired).
    #[sea_orm(string_value = "pickup")]
    Pickup,
    /// A return was booked, received or refunded.
    #[sea_orm(string_value = "return")]
    Return,
}

/// How a payment or refund moves money.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Card through the online provider (Stripe).
    #[sea_orm(string_value = "card_online")]
    CardOnline,
    /// Card on an external terminal at the counter (recorded only).
    #[sea_orm(string_value = "card_terminal")]
    CardTerminal,
    /// Cash at the counter.
    #[sea_orm(string_value = "cash")]
    Cash,
    /// The customer's store credit.
    #[sea_orm(string_value = "store_credit")]
    StoreCredit,
    /// The offline test-payment mode.
    #[sea_orm(string_value = "test")]
    Test,
}

/// State of a payment or refund.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum PaymentState {
    /// Started, outcome not known yet.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Money moved.
    #[sea_orm(string_value = "succeeded")]
    Succeeded,
    /// The provider or terminal declined.
    #[sea_orm(string_value = "failed")]
    Failed,
    /// Abandoned before completion.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// Lifecycle of a return (transitions in `commerce::orders::status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ReturnStatus {
    /// Booked, goods not yet received.
    #[sea_orm(string_value = "booked")]
    Booked,
    /// Goods received and inspected.
    #[sea_orm(string_value = "received")]
    Received,
    /// Money refunded.
    #[sea_orm(string_value = "refunded")]
    Refunded,
    /// Refused (outside the window, damaged…).
    #[sea_orm(string_value = "rejected")]
    Rejected,
    /// Withdrawn before receipt.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// How returned goods come back.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ReturnMethod {
    /// Brought to a store.
    #[sea_orm(string_value = "drop_off")]
    DropOff,
    /// Sent back by post.
    #[sea_orm(string_value = "ship_back")]
    ShipBack,
}

/// Where a return's money goes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum RefundTo {
    /// Back to the original payment method.
    #[sea_orm(string_value = "original")]
    Original,
    /// To the customer's store credit.
    #[sea_orm(string_value = "store_credit")]
    StoreCredit,
}

/// What happens to a returned line's goods.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ReturnDisposition {
    /// Not inspected yet.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Back into stock at `restock_location_id`.
    #[sea_orm(string_value = "restock")]
    Restock,
    /// Unsellable; written off.
    #[sea_orm(string_value = "write_off")]
    WriteOff,
}

/// Lifecycle of a payment link (transitions in `commerce::orders::status`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum PaymentLinkStatus {
    /// Waiting for the customer to pay.
    #[sea_orm(string_value = "open")]
    Open,
    /// Paid; `order_id` is set.
    #[sea_orm(string_value = "paid")]
    Paid,
    /// Not paid before `expires_at`.
    #[sea_orm(string_value = "expired")]
    Expired,
    /// Withdrawn by staff.
    #[sea_orm(string_value = "cancelled")]
    Cancelled,
}

/// Whether a register shift is running.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum ShiftStatus {
    /// Taking sales.
    #[sea_orm(string_value = "open")]
    Open,
    /// Counted and closed.
    #[sea_orm(string_value = "closed")]
    Closed,
}

/// Why cash entered or left a register drawer.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum CashMovementKind {
    /// The opening float.
    #[sea_orm(string_value = "float")]
    Float,
    /// Cash taken for a sale (net of change).
    #[sea_orm(string_value = "sale")]
    Sale,
    /// Cash paid out for a refund.
    #[sea_orm(string_value = "refund")]
    Refund,
    /// Cash put into the drawer.
    #[sea_orm(string_value = "cash_in")]
    CashIn,
    /// Cash taken out of the drawer.
    #[sea_orm(string_value = "cash_out")]
    CashOut,
}

/// State of a background job.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    /// Waiting for `run_at`.
    #[sea_orm(string_value = "queued")]
    Queued,
    /// Locked by a worker.
    #[sea_orm(string_value = "running")]
    Running,
    /// Finished successfully.
    #[sea_orm(string_value = "done")]
    Done,
    /// Gave up after `max_attempts`.
    #[sea_orm(string_value = "failed")]
    Failed,
}

/// State of an outgoing e-mail.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")]
#[serde(rename_all = "snake_case")]
pub enum EmailStatus {
    /// Waiting to be sent.
    #[sea_orm(string_value = "queued")]
    Queued,
    /// Accepted by the SMTP server.
    #[sea_orm(string_value = "sent")]
    Sent,
    /// Gave up after retries.
    #[sea_orm(string_value = "failed")]
    Failed,
    /// Kept in the outbox (no SMTP configured) for staff to read.
    #[sea_orm(string_value = "held")]
    Held,
}
