//! What the shop pages show, as plain serialisable data (shared by server and browser).

use serde::{Deserialize, Serialize};

/// A link to a category.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryLink {
    /// Slug in the page's language.
    pub slug: String,
    /// Name in the page's language.
    pub name: String,
    /// Active products in it and its subcategories.
    pub product_count: u64,
}

/// A product in a grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductCard {
    /// Slug in the page's language.
    pub slug: String,
    /// Name in the page's language.
    pub name: String,
    /// Brand, if any.
    pub brand: Option<String>,
    /// Lowest variant price (VAT included), minor units.
    pub price_minor: i64,
    /// Previous price of that variant when on sale.
    pub compare_at_minor: Option<i64>,
    /// ISO currency.
    pub currency: String,
    /// Whether variant prices differ ("from …").
    pub price_varies: bool,
    /// Thumbnail URL.
    pub image: Option<String>,
    /// Whether any variant is available anywhere.
    pub in_stock: bool,
}

/// The home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    /// Top-level categories.
    pub categories: Vec<CategoryLink>,
    /// Newest products.
    pub new_arrivals: Vec<ProductCard>,
    /// Products on sale.
    pub featured: Vec<ProductCard>,
}

/// A category page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryView {
    /// This category.
    pub category: CategoryLink,
    /// Its description.
    pub description: String,
    /// Ancestors, root first.
    pub breadcrumbs: Vec<CategoryLink>,
    /// Direct subcategories.
    pub subcategories: Vec<CategoryLink>,
    /// This page of products.
    pub products: Vec<ProductCard>,
    /// Products in total.
    pub total: u64,
    /// Current page (from 1).
    pub page: u64,
    /// Number of pages.
    pub pages: u64,
    /// Sort key in effect (`newest`, `price_asc`, `price_desc`, `name`).
    pub sort: String,
}

/// One image of a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImageView {
    /// Full-size URL.
    pub url: String,
    /// Thumbnail URL.
    pub thumb: String,
    /// Alternative text.
    pub alt: String,
    /// Width in pixels.
    pub width: i32,
    /// Height in pixels.
    pub height: i32,
}

/// A value of an option in the variant picker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionValueView {
    /// Stable code (used in the URL).
    pub code: String,
    /// Translated label.
    pub label: String,
    /// Currently chosen.
    pub selected: bool,
    /// A variant exists for this value together with the other chosen values.
    pub combinable: bool,
    /// Link (query string) that selects this value.
    pub query: String,
}

/// An option (size, colour…) of a product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionView {
    /// `size`, `colour`, `material`…
    pub code: String,
    /// Its values in display order.
    pub values: Vec<OptionValueView>,
}

/// Stock of the selected variant at one location.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailabilityView {
    /// Location code.
    pub code: String,
    /// Store or warehouse name.
    pub name: String,
    /// Whether this location ships online orders (the online warehouse).
    pub ships_online: bool,
    /// Available = on hand − reserved (never below 0).
    pub available: i64,
    /// Low-stock threshold for this variant here.
    pub low_stock_threshold: i64,
}

/// The chosen variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantView {
    /// Variant id.
    pub id: i64,
    /// Stock-keeping unit.
    pub sku: String,
    /// EAN-13 barcode.
    pub barcode: Option<String>,
    /// Price, VAT included, minor units.
    pub price_minor: i64,
    /// Previous price when on sale.
    pub compare_at_minor: Option<i64>,
    /// ISO currency.
    pub currency: String,
    /// VAT rate in basis points.
    pub vat_rate_bp: i32,
    /// "42 / Black".
    pub label: String,
}

/// A product page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductView {
    /// Slug in the page's language.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Description (plain text, paragraphs separated by blank lines).
    pub description: String,
    /// Brand.
    pub brand: Option<String>,
    /// Category path, root first.
    pub breadcrumbs: Vec<CategoryLink>,
    /// Images, first is the main one.
    pub images: Vec<ImageView>,
    /// Variant picker.
    pub options: Vec<OptionView>,
    /// The selected variant.
    pub variant: VariantView,
    /// Whether the selection in the URL matched no variant (a nearby one is shown instead).
    pub unmatched_selection: bool,
    /// Availability of the selected variant per location.
    pub availability: Vec<AvailabilityView>,
}

/// One value of a search facet: a link that switches it on or off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetLink {
    /// The value in the URL (`"red"`, `"2"`, `"online"`, `"store-2"`…).
    pub key: String,
    /// What to show; empty where the page supplies the words (price bands, "ships online").
    pub label: String,
    /// Matching products with this value, given the other filters.
    pub count: u64,
    /// Whether the value is selected now.
    pub selected: bool,
    /// Query string (no `?`) of the search with this value switched.
    pub query: String,
}

/// The values of one attribute facet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetGroupView {
    /// Option code (`colour`, `size`).
    pub code: String,
    /// Its values in display order.
    pub values: Vec<FacetLink>,
}

/// A price band facet value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBandView {
    /// The link (its label is empty: the page formats the bounds).
    pub facet: FacetLink,
    /// Lower bound, included, minor units.
    pub min_minor: i64,
    /// Upper bound, excluded; `None` for the last band.
    pub max_minor: Option<i64>,
}

/// An entry of the sort menu.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortOption {
    /// URL value (`relevance`, `price_asc`, `price_desc`, `newest`).
    pub sort: String,
    /// Whether it is in effect.
    pub selected: bool,
    /// Query string of the search in that order.
    pub query: String,
}

/// A variant whose SKU or barcode is exactly the text searched for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeMatchView {
    /// Product name.
    pub name: String,
    /// The variant's SKU.
    pub sku: String,
    /// Product page with the variant selected (no language prefix).
    pub path: String,
}

/// The search results page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchView {
    /// The words searched for (as understood: clipped).
    pub q: String,
    /// Canonical query string of this search.
    pub query: String,
    /// Query string of this search without the page number (the pager adds it).
    pub page_query: String,
    /// Products on this page.
    pub products: Vec<ProductCard>,
    /// Matching products in all.
    pub total: u64,
    /// This page (from 1; may be past `pages`, then `products` is empty).
    pub page: u64,
    /// Number of pages (at least 1).
    pub pages: u64,
    /// Sort menu.
    pub sorts: Vec<SortOption>,
    /// The selected category and its ancestors, root first.
    pub category_trail: Vec<FacetLink>,
    /// Categories to drill into.
    pub categories: Vec<FacetLink>,
    /// Attribute facets (colour, size).
    pub attributes: Vec<FacetGroupView>,
    /// Price bands.
    pub price_bands: Vec<PriceBandView>,
    /// "Ships online" (key `online`) then each store.
    pub availability: Vec<FacetLink>,
    /// Whether any filter is set.
    pub has_filters: bool,
    /// Query string of the same text without filters.
    pub clear_query: String,
    /// Query string of the same search without the category filter.
    pub all_categories_query: String,
    /// Currency for the price bands.
    pub currency: String,
    /// An exact SKU/barcode match, if any.
    pub code_match: Option<CodeMatchView>,
}

/// A category suggested under the header search box.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySuggestionView {
    /// Slug in the page's language.
    pub slug: String,
    /// Name in the page's language.
    pub name: String,
}

/// Suggestions under the header search box.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuggestView {
    /// An exact SKU/barcode match, shown first.
    pub code_match: Option<CodeMatchView>,
    /// Matching categories.
    pub categories: Vec<CategorySuggestionView>,
    /// Best matching products.
    pub products: Vec<ProductCard>,
}
