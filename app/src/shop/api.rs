//! The shop's server functions: thin wrappers over `commerce::catalog::browse` and
//! `commerce::search`, returning their read models (`commerce::catalog::view`,
//! `commerce::search::view`) as they are.

use commerce::{
    catalog::view::{self as catalogue, CategoryLink, Home},
    search::{SearchPage, Suggestions},
};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::{error::AppError, i18n::Locale};

#[cfg(feature = "ssr")]
fn db() -> Result<sea_orm::DatabaseConnection, AppError> {
    use_context::<sea_orm::DatabaseConnection>().ok_or(AppError::Internal)
}

#[cfg(feature = "ssr")]
fn catalogue() -> Result<std::sync::Arc<commerce::catalog::live::Snapshot>, AppError> {
    use_context::<std::sync::Arc<commerce::catalog::live::Catalogue>>()
        .map(|c| c.snapshot())
        .ok_or_else(|| {
            tracing::error!("the catalogue is not in the server function context");
            AppError::Internal
        })
}

#[cfg(feature = "ssr")]
fn search_index() -> Result<std::sync::Arc<commerce::search::SearchIndex>, AppError> {
    use_context::<std::sync::Arc<commerce::search::SearchIndex>>().ok_or_else(|| {
        tracing::error!("the search index is not in the server function context");
        AppError::Internal
    })
}

/// Top-level categories for the navigation.
#[server(input = GetUrl, endpoint = "shop/nav")]
pub async fn nav_categories(locale: Locale) -> Result<Vec<CategoryLink>, AppError> {
    Ok(commerce::catalog::browse::top_categories(
        &*catalogue()?,
        locale.code(),
    ))
}

/// The home page: categories, new arrivals, products on sale.
#[server(input = GetUrl, endpoint = "shop/home")]
pub async fn home_page(locale: Locale) -> Result<Home, AppError> {
    Ok(commerce::catalog::browse::home(
        &*catalogue()?,
        locale.code(),
    ))
}

/// A category page with its products, sorted and paginated.
#[server(input = GetUrl, endpoint = "shop/category")]
pub async fn category_page(
    locale: Locale,
    slug: String,
    page: u64,
    sort: String,
) -> Result<catalogue::CategoryPage, AppError> {
    Ok(commerce::catalog::browse::category(
        &*catalogue()?,
        locale.code(),
        &slug,
        page,
        &sort,
    )?)
}

/// A product page; `selection` holds the option values chosen in the URL (`size=42&colour=black`).
#[server(input = GetUrl, endpoint = "shop/product")]
pub async fn product_page(
    locale: Locale,
    slug: String,
    selection: String,
) -> Result<catalogue::ProductPage, AppError> {
    let selection = commerce::catalog::browse::parse_selection(&selection);
    let snapshot = catalogue()?;
    Ok(
        commerce::catalog::browse::product(&db()?, &snapshot, locale.code(), &slug, &selection)
            .await?,
    )
}

/// The search results page; `query` is the raw URL query string (`q=…&colour=red&page=2`),
/// parsed on the server (`commerce::search::SearchParams::from_query`, which never fails).
#[server(input = GetUrl, endpoint = "shop/search")]
pub async fn search_results(locale: Locale, query: String) -> Result<SearchPage, AppError> {
    let params = commerce::search::SearchParams::from_query(&query);
    Ok(
        commerce::search::search_page(&*catalogue()?, &search_index()?, locale.code(), &params)
            .await?,
    )
}

/// Suggestions for the header search box while typing.
#[server(input = GetUrl, endpoint = "shop/suggest")]
pub async fn search_suggestions(locale: Locale, q: String) -> Result<Suggestions, AppError> {
    Ok(commerce::search::suggest(&*catalogue()?, &search_index()?, locale.code(), &q).await?)
}
