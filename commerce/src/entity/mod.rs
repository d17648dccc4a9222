//! SeaORM entities, one module per table (see `docs/data-model.md`). Behaviour lives in the
//! domain modules beside, not here.

pub mod enums;

// --- catalogue, inventory, people (migrations 000001–000003) ---
// (helper A adds `pub mod x;` lines here)
pub mod category;
pub mod category_translation;
pub mod customer;
pub mod customer_address;
pub mod locale;
pub mod location;
pub mod option_value;
pub mod option_value_translation;
pub mod product;
pub mod product_image;
pub mod product_option;
pub mod product_translation;
pub mod session;
pub mod staff_store_membership;
pub mod staff_user;
pub mod stock_count;
pub mod stock_count_line;
pub mod stock_level;
pub mod stock_movement;
pub mod stock_receipt;
pub mod stock_receipt_line;
pub mod stock_reservation;
pub mod stock_transfer;
pub mod stock_transfer_line;
pub mod store;
pub mod store_credit_entry;
pub mod variant;
pub mod variant_option_value;
pub mod vat_rate;

// --- sales and operations (migrations 000004–000005) ---
// (helper B adds `pub mod x;` lines here)
pub mod cart;
pub mod cart_line;
pub mod cash_movement;
pub mod email;
pub mod job;
pub mod order;
pub mod order_event;
pub mod order_line;
pub mod outbox;
pub mod outbox_cursor;
pub mod payment;
pub mod payment_link;
pub mod promotion;
pub mod refund;
pub mod register;
pub mod return_line;
pub mod return_request;
pub mod setting;
pub mod shift;
pub mod sign_in_throttle;
