//! The catalogue: products, variants, categories, prices and their translations.

#[cfg(feature = "db")]
pub mod admin;
pub mod barcode;
#[cfg(feature = "db")]
pub mod browse;
#[cfg(feature = "db")]
pub mod live;
pub mod sku;
pub mod view;
