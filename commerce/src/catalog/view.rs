//! What the shop's catalogue pages show (home, category, product), as plain serialisable data:
//! [`super::browse`] builds these on the server and the pages render them in the browser too.

use serde::{Deserialize, Serialize};

/// A link to a category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryLink {
    /// Slug in the requested locale.
    pub slug: String,
    /// Name in the requested locale.
    pub name: String,
    /// Active products in it and its descendants.
    pub product_count: u64,
}

/// A product in a grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    /// Product id.
    pub id: i64,
    /// Slug in the requested locale.
    pub slug: String,
    /// Name in the requested locale.
    pub name: String,
    /// Brand.
    pub brand: Option<String>,
    /// Lowest active variant price (VAT included).
    pub price_minor: i64,
    /// Previous price of that variant, when on sale.
    pub compare_at_minor: Option<i64>,
    /// ISO currency.
    pub currency: String,
    /// Whether the variants' prices differ.
    pub price_varies: bool,
    /// Thumbnail URL.
    pub image: Option<String>,
    /// Whether any variant is available at any location.
    pub in_stock: bool,
}

/// The home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Home {
    /// Top-level categories.
    pub categories: Vec<CategoryLink>,
    /// Newest products.
    pub new_arrivals: Vec<ProductCard>,
    /// Products on sale.
    pub featured: Vec<ProductCard>,
}

/// A category page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryPage {
    /// The category.
    pub category: CategoryLink,
    /// Its description.
    pub description: String,
    /// Ancestors, root first.
    pub breadcrumbs: Vec<CategoryLink>,
    /// Direct children.
    pub subcategories: Vec<CategoryLink>,
    /// Products of this page.
    pub products: Vec<ProductCard>,
    /// All matching products.
    pub total: u64,
    /// Page number (from 1; clamped to the last page).
    pub page: u64,
    /// Number of pages (at least 1).
    pub pages: u64,
    /// The sort in effect.
    pub sort: String,
}

/// A product image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// Full-size URL.
    pub url: String,
    /// Thumbnail URL.
    pub thumb: String,
    /// Alternative text.
    pub alt: String,
    /// Width.
    pub width: i32,
    /// Height.
    pub height: i32,
}

/// One value in the variant picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionValueChoice {
    /// Code used in the URL.
    pub code: String,
    /// Translated label.
    pub label: String,
    /// Part of the selected variant.
    pub selected: bool,
    /// Some active variant has this value together with the selected variant's other values.
    pub combinable: bool,
    /// Query string selecting it (keeps the other chosen values).
    pub query: String,
}

/// An option of the product with its values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionChoice {
    /// Option code (`size`, `colour`…).
    pub code: String,
    /// Values in display order.
    pub values: Vec<OptionValueChoice>,
}

/// The selected variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectedVariant {
    /// Id.
    pub id: i64,
    /// SKU.
    pub sku: String,
    /// Barcode.
    pub barcode: Option<String>,
    /// Price (VAT included).
    pub price_minor: i64,
    /// Previous price.
    pub compare_at_minor: Option<i64>,
    /// Currency.
    pub currency: String,
    /// VAT rate (basis points).
    pub vat_rate_bp: i32,
    /// Option labels joined ("42 / Black").
    pub label: String,
}

/// Stock of the selected variant at one location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Availability {
    /// Location code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Ships online orders.
    pub ships_online: bool,
    /// On hand − reserved, never negative.
    pub available: i64,
    /// Low-stock threshold (variant's, else the location default).
    pub low_stock_threshold: i64,
}

/// A product page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductPage {
    /// Product id.
    pub id: i64,
    /// Slug in the requested locale.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Brand.
    pub brand: Option<String>,
    /// Category path, root first.
    pub breadcrumbs: Vec<CategoryLink>,
    /// Images.
    pub images: Vec<Image>,
    /// Variant picker.
    pub options: Vec<OptionChoice>,
    /// Selected variant.
    pub variant: SelectedVariant,
    /// The URL asked for a combination that does not exist.
    pub unmatched_selection: bool,
    /// Per-location availability of the selected variant.
    pub availability: Vec<Availability>,
}
