//! The catalogue: products, variants, categories, prices and their translations.

pub mod admin;
pub mod barcode;
pub mod browse;
pub mod sku;
