//! What the search pages show (results with facets, header suggestions), as plain serialisable
//! data: [`super::page`] builds these on the server and the pages render them in the browser too.

use serde::{Deserialize, Serialize};

use super::params::Sort;
use crate::catalog::view::ProductCard;

/// One value of a facet: a link that switches it on or off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetValue {
    /// The value in the URL (`"red"`, `"2"`, `"online"`, `"store-2"`…).
    pub key: String,
    /// What to show; empty where the page supplies the words (price bands, "ships online").
    pub label: String,
    /// Matching products with this value, given the other selected filters.
    pub count: u64,
    /// Whether the value is selected now.
    pub selected: bool,
    /// Query string (no `?`) of the search with this value switched.
    pub query: String,
}

/// The values of one attribute (an option code such as `colour`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetGroup {
    /// Option code (`colour`, `size`).
    pub code: String,
    /// Values with at least one product, or selected.
    pub values: Vec<FacetValue>,
}

/// A price band facet value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceBandValue {
    /// The link (its `label` is empty: the page formats the bounds).
    pub facet: FacetValue,
    /// Lower bound, included, in minor units.
    pub min_minor: i64,
    /// Upper bound, excluded; `None` for the last band.
    pub max_minor: Option<i64>,
}

/// A sort choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SortLink {
    /// The order.
    pub sort: Sort,
    /// Whether it is in effect.
    pub selected: bool,
    /// Query string of the search in that order.
    pub query: String,
}

/// An exact SKU or barcode match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeMatch {
    /// Product slug in the requested locale.
    pub slug: String,
    /// Variant selection query (`size=m&colour=red`, no `?`), may be empty.
    pub selection: String,
    /// Product name in the requested locale.
    pub name: String,
    /// The variant's SKU.
    pub sku: String,
    /// The variant's barcode.
    pub barcode: Option<String>,
}

impl CodeMatch {
    /// Path of the product page with the variant selected (no locale prefix).
    pub fn path(&self) -> String {
        if self.selection.is_empty() {
            format!("/p/{}", self.slug)
        } else {
            format!("/p/{}?{}", self.slug, self.selection)
        }
    }
}

/// The search results page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPage {
    /// The words searched for, as understood (clipped, trimmed).
    pub q: String,
    /// Canonical query string of this search.
    pub query: String,
    /// Query string of this search without the page number (the pager adds it).
    pub page_query: String,
    /// Query string of the same search without the category filter.
    pub all_categories_query: String,
    /// Whether any filter is set.
    pub has_filters: bool,
    /// Currency of the prices (and of the price bands).
    pub currency: String,
    /// Products on this page.
    pub products: Vec<ProductCard>,
    /// Matching products in all.
    pub total: u64,
    /// This page (from 1; may be past `pages` when the URL asked for it: then `products` is empty).
    pub page: u64,
    /// Number of pages (at least 1).
    pub pages: u64,
    /// Sort menu.
    pub sorts: Vec<SortLink>,
    /// The selected category and its ancestors, root first (each links to itself as the filter).
    pub category_trail: Vec<FacetValue>,
    /// Category values to drill into: children of the selected category (or top categories).
    pub categories: Vec<FacetValue>,
    /// Attribute facets, in [`super::params::ATTRIBUTE_CODES`] order.
    pub attributes: Vec<FacetGroup>,
    /// Price bands with at least one product, or selected.
    pub price_bands: Vec<PriceBandValue>,
    /// "Ships online" (key `online`, empty label) then each store (key `store-{id}`, its name).
    pub availability: Vec<FacetValue>,
    /// Query string of the same text without filters.
    pub clear_query: String,
    /// An exact SKU/barcode match for the text, if any.
    pub code_match: Option<CodeMatch>,
}

/// A category suggested while typing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategorySuggestion {
    /// Slug in the requested locale.
    pub slug: String,
    /// Name in the requested locale.
    pub name: String,
}

/// Header suggestions for a partly typed query.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestions {
    /// An exact SKU/barcode match, shown first.
    pub code_match: Option<CodeMatch>,
    /// Matching categories (name prefix match).
    pub categories: Vec<CategorySuggestion>,
    /// Best matching products.
    pub products: Vec<ProductCard>,
}
