//! Status and kind columns, stored as short snake_case strings (`docs/data-model.md`).
//!
//! Every enum here is declared once through [`stored_enum!`], which gives it one vocabulary
//! shared by the database, serde, the browser bundle and the pages: `ALL` (every value in
//! declaration order), [`word`](ProductStatus::word) (the stored word) and
//! [`from_word`](ProductStatus::from_word). With the `db` feature the same enum is also a
//! SeaORM `ActiveEnum` (the column value is the word); without it (the browser bundle) it is a
//! plain serde enum.

#[cfg(feature = "db")]
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// Declares stored enums: `Name { Variant = "word", … }`, each with its docs.
macro_rules! stored_enum {
    ($(
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:tt, )*
        }
    )*) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "db", derive(EnumIter, DeriveActiveEnum))]
        #[cfg_attr(
            feature = "db",
            sea_orm(rs_type = "String", db_type = "String(StringLen::N(24))")
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[cfg_attr(feature = "db", sea_orm(string_value = $word))]
                #[serde(rename = $word)]
                $variant,
            )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stored word (`snake_case`), as in the database and in JSON.
            pub const fn word(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }

            /// The value stored as `word`, if any.
            pub fn from_word(word: &str) -> Option<$name> {
                match word {
                    $($word => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.word())
            }
        }
    )*};
}

stored_enum! {
    /// Whether a product is visible in the shop (`products.status`).
    ProductStatus {
        /// Being prepared; not visible in the shop.
        Draft = "draft",
        /// Visible and sellable.
        Active = "active",
        /// Retired; kept for history, not sellable.
        Archived = "archived",
    }

    /// What a stock location is (`locations.kind`).
    LocationKind {
        /// A warehouse (e.g. the online stock).
        Warehouse = "warehouse",
        /// The stock room of a physical store.
        Store = "store",
    }

    /// Why stock moved (`stock_movements.reason`).
    MovementReason {
        /// Goods received from a supplier.
        Receipt = "receipt",
        /// Sold (web, POS or payment link).
        Sale = "sale",
        /// Returned by a customer and restocked.
        Return = "return",
        /// Manual adjustment (see [`AdjustmentReason`]).
        Adjustment = "adjustment",
        /// Correction posted by a stock count.
        Count = "count",
        /// Sent to another location.
        TransferOut = "transfer_out",
        /// Received from another location.
        TransferIn = "transfer_in",
        /// Sent but never received in a transfer.
        TransitLoss = "transit_loss",
        /// Written off (damaged returns and the like).
        WriteOff = "write_off",
        /// Opening balance.
        Initial = "initial",
    }

    /// Why a manual adjustment was made (`stock_movements.adjustment_reason`).
    AdjustmentReason {
        /// Goods found damaged.
        Damaged = "damaged",
        /// Goods lost or stolen.
        Lost = "lost",
        /// Goods found.
        Found = "found",
        /// Correcting an earlier mistake.
        Correction = "correction",
    }

    /// The kind of document a stock movement came from (`stock_movements.document_type`).
    DocumentType {
        /// An order (`orders.id`).
        Order = "order",
        /// A return (`returns.id`).
        Return = "return",
        /// A stock transfer (`stock_transfers.id`).
        Transfer = "transfer",
        /// A stock count (`stock_counts.id`).
        Count = "count",
        /// A goods receipt (`stock_receipts.id`).
        Receipt = "receipt",
    }

    /// What holds a stock reservation (`stock_reservations.owner_type`).
    ReservationOwner {
        /// A cart (`carts.id`).
        Cart = "cart",
        /// A checkout in progress (`carts.id`).
        Checkout = "checkout",
        /// An order (`orders.id`).
        Order = "order",
        /// A payment link (`payment_links.id`).
        PaymentLink = "payment_link",
        /// A POS sale in progress (`carts.id`).
        Pos = "pos",
    }

    /// Lifecycle of a stock reservation (`stock_reservations.status`).
    ReservationStatus {
        /// Holding stock.
        Active = "active",
        /// Turned into a sale movement.
        Committed = "committed",
        /// Given back (cancelled or cart changed).
        Released = "released",
        /// Given back because it expired.
        Expired = "expired",
    }

    /// Lifecycle of a stock transfer (`stock_transfers.status`).
    TransferStatus {
        /// Being prepared; no stock moved yet.
        Draft = "draft",
        /// Left the source location; in transit.
        Sent = "sent",
        /// Arrived at the destination.
        Received = "received",
        /// Abandoned before it was sent.
        Cancelled = "cancelled",
    }

    /// Lifecycle of a stock count (`stock_counts.status`).
    CountStatus {
        /// Counting in progress.
        Open = "open",
        /// Differences posted to the ledger.
        Posted = "posted",
        /// Abandoned without posting.
        Cancelled = "cancelled",
    }

    /// What a staff member may do (`staff_users.role`).
    StaffRole {
        /// Everything, including staff, settings and reports.
        Owner = "owner",
        /// Store operations: stock, pickups, payment links, the day's takings.
        Manager = "manager",
        /// The POS register, pickups and returns at the counter.
        Cashier = "cashier",
    }

    /// How a promotion discounts: a percentage (basis points) or a fixed amount (minor units).
    PromotionKind {
        /// `value` is basis points off the subtotal (`1000` = 10 %).
        Percent = "percent",
        /// `value` is minor units off the subtotal.
        FixedAmount = "fixed_amount",
    }

    /// The channel a cart or order came through.
    Channel {
        /// The public web shop.
        Web = "web",
        /// The store counter (point of sale).
        Pos = "pos",
        /// A payment link issued by staff.
        PaymentLink = "payment_link",
    }

    /// Lifecycle of a cart.
    CartStatus {
        /// Still being filled.
        Open = "open",
        /// Turned into an order.
        Converted = "converted",
        /// Left unfinished.
        Abandoned = "abandoned",
    }

    /// How an order reaches the customer.
    Fulfilment {
        /// Shipped to an address.
        Delivery = "delivery",
        /// Collected in a store (click-and-collect).
        Pickup = "pickup",
        /// Handed over at the counter (POS sale).
        InStore = "in_store",
    }

    /// Lifecycle of an order (transitions in `commerce::orders::status`).
    OrderStatus {
        /// Placed, awaiting payment or confirmation.
        Pending = "pending",
        /// Accepted; stock committed.
        Confirmed = "confirmed",
        /// Waiting in a store's pickup queue.
        ReadyForPickup = "ready_for_pickup",
        /// Handed to the carrier.
        Shipped = "shipped",
        /// Delivered or handed over.
        Completed = "completed",
        /// Cancelled by staff or the customer.
        Cancelled = "cancelled",
        /// Not paid or not collected in time.
        Expired = "expired",
    }

    /// How much of an order has been paid.
    PaymentStatus {
        /// Nothing paid yet.
        Unpaid = "unpaid",
        /// A payment is in progress.
        Pending = "pending",
        /// Paid in full.
        Paid = "paid",
        /// Paid, then partly refunded.
        PartiallyRefunded = "partially_refunded",
        /// Paid, then fully refunded.
        Refunded = "refunded",
    }

    /// What an order timeline entry records.
    OrderEventKind {
        /// The order was created.
        Created = "created",
        /// The order status changed (`from_status` → `to_status`).
        StatusChanged = "status_changed",
        /// A payment was taken or failed.
        Payment = "payment",
        /// Money was refunded.
        Refund = "refund",
        /// A staff note.
        Note = "note",
        /// An e-mail was sent to the customer.
        Email = "email",
        /// A pickup step (ready, collected, expired).
        Pickup = "pickup",
        /// A return was booked, received or refunded.
        Return = "return",
    }

    /// How a payment or refund moves money.
    PaymentMethod {
        /// Card through the online provider (Stripe).
        CardOnline = "card_online",
        /// Card on an external terminal at the counter (recorded only).
        CardTerminal = "card_terminal",
        /// Cash at the counter.
        Cash = "cash",
        /// The customer's store credit.
        StoreCredit = "store_credit",
        /// The offline test-payment mode.
        Test = "test",
    }

    /// State of a payment or refund.
    PaymentState {
        /// Started, outcome not known yet.
        Pending = "pending",
        /// Money moved.
        Succeeded = "succeeded",
        /// The provider or terminal declined.
        Failed = "failed",
        /// Abandoned before completion.
        Cancelled = "cancelled",
    }

    /// Lifecycle of a return (transitions in `commerce::orders::status`).
    ReturnStatus {
        /// Booked, goods not yet received.
        Booked = "booked",
        /// Goods received and inspected.
        Received = "received",
        /// Money refunded.
        Refunded = "refunded",
        /// Refused (outside the window, damaged…).
        Rejected = "rejected",
        /// Withdrawn before receipt.
        Cancelled = "cancelled",
    }

    /// How returned goods come back.
    ReturnMethod {
        /// Brought to a store.
        DropOff = "drop_off",
        /// Sent back by post.
        ShipBack = "ship_back",
    }

    /// Where a return's money goes.
    RefundTo {
        /// Back to the original payment method.
        Original = "original",
        /// To the customer's store credit.
        StoreCredit = "store_credit",
    }

    /// What happens to a returned line's goods.
    ReturnDisposition {
        /// Not inspected yet.
        Pending = "pending",
        /// Back into stock at `restock_location_id`.
        Restock = "restock",
        /// Unsellable; written off.
        WriteOff = "write_off",
    }

    /// Lifecycle of a payment link (transitions in `commerce::orders::status`).
    PaymentLinkStatus {
        /// Waiting for the customer to pay.
        Open = "open",
        /// Paid; `order_id` is set.
        Paid = "paid",
        /// Not paid before `expires_at`.
        Expired = "expired",
        /// Withdrawn by staff.
        Cancelled = "cancelled",
    }

    /// Whether a register shift is running.
    ShiftStatus {
        /// Taking sales.
        Open = "open",
        /// Counted and closed.
        Closed = "closed",
    }

    /// Why cash entered or left a register drawer.
    CashMovementKind {
        /// The opening float.
        Float = "float",
        /// Cash taken for a sale (net of change).
        Sale = "sale",
        /// Cash paid out for a refund.
        Refund = "refund",
        /// Cash put into the drawer.
        CashIn = "cash_in",
        /// Cash taken out of the drawer.
        CashOut = "cash_out",
    }

    /// State of a background job.
    JobStatus {
        /// Waiting for `run_at`.
        Queued = "queued",
        /// Locked by a worker.
        Running = "running",
        /// Finished successfully.
        Done = "done",
        /// Gave up after `max_attempts`.
        Failed = "failed",
    }

    /// State of an outgoing e-mail.
    EmailStatus {
        /// Waiting to be sent.
        Queued = "queued",
        /// Accepted by the SMTP server.
        Sent = "sent",
        /// Gave up after retries.
        Failed = "failed",
        /// Kept in the outbox (no SMTP configured) for staff to read.
        Held = "held",
    }
}
