//! The shop's server functions: thin wrappers over `commerce::catalog::browse` and
//! `commerce::search`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::*;
use crate::{error::AppError, i18n::Locale};

#[cfg(feature = "ssr")]
fn db() -> Result<sea_orm::DatabaseConnection, AppError> {
    use_context::<sea_orm::DatabaseConnection>().ok_or(AppError::Internal)
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
    let cats = commerce::catalog::browse::top_categories(&db()?, locale.code()).await?;
    Ok(cats.into_iter().map(Into::into).collect())
}

/// The home page: categories, new arrivals, products on sale.
#[server(input = GetUrl, endpoint = "shop/home")]
pub async fn home_page(locale: Locale) -> Result<HomeView, AppError> {
    let v = commerce::catalog::browse::home(&db()?, locale.code()).await?;
    Ok(HomeView {
        categories: v.categories.into_iter().map(Into::into).collect(),
        new_arrivals: v.new_arrivals.into_iter().map(Into::into).collect(),
        featured: v.featured.into_iter().map(Into::into).collect(),
    })
}

/// A category page with its products, sorted and paginated.
#[server(input = GetUrl, endpoint = "shop/category")]
pub async fn category_page(
    locale: Locale,
    slug: String,
    page: u64,
    sort: String,
) -> Result<CategoryView, AppError> {
    let v = commerce::catalog::browse::category(&db()?, locale.code(), &slug, page, &sort).await?;
    Ok(CategoryView {
        category: v.category.into(),
        description: v.description,
        breadcrumbs: v.breadcrumbs.into_iter().map(Into::into).collect(),
        subcategories: v.subcategories.into_iter().map(Into::into).collect(),
        products: v.products.into_iter().map(Into::into).collect(),
        total: v.total,
        page: v.page,
        pages: v.pages,
        sort: v.sort,
    })
}

/// A product page; `selection` holds the option values chosen in the URL (`size=42&colour=black`).
#[server(input = GetUrl, endpoint = "shop/product")]
pub async fn product_page(
    locale: Locale,
    slug: String,
    selection: String,
) -> Result<ProductView, AppError> {
    let selection = commerce::catalog::browse::parse_selection(&selection);
    let v = commerce::catalog::browse::product(&db()?, locale.code(), &slug, &selection).await?;
    Ok(ProductView {
        slug: v.slug,
        name: v.name,
        description: v.description,
        brand: v.brand,
        breadcrumbs: v.breadcrumbs.into_iter().map(Into::into).collect(),
        images: v
            .images
            .into_iter()
            .map(|i| ImageView {
                url: i.url,
                thumb: i.thumb,
                alt: i.alt,
                width: i.width,
                height: i.height,
            })
            .collect(),
        options: v
            .options
            .into_iter()
            .map(|o| OptionView {
                code: o.code,
                values: o
                    .values
                    .into_iter()
                    .map(|x| OptionValueView {
                        code: x.code,
                        label: x.label,
                        selected: x.selected,
                        combinable: x.combinable,
                        query: x.query,
                    })
                    .collect(),
            })
            .collect(),
        variant: VariantView {
            id: v.variant.id,
            sku: v.variant.sku,
            barcode: v.variant.barcode,
            price_minor: v.variant.price_minor,
            compare_at_minor: v.variant.compare_at_minor,
            currency: v.variant.currency,
            vat_rate_bp: v.variant.vat_rate_bp,
            label: v.variant.label,
        },
        unmatched_selection: v.unmatched_selection,
        availability: v
            .availability
            .into_iter()
            .map(|a| AvailabilityView {
                code: a.code,
                name: a.name,
                ships_online: a.ships_online,
                available: a.available,
                low_stock_threshold: a.low_stock_threshold,
            })
            .collect(),
    })
}

/// The search results page; `query` is the raw URL query string (`q=…&colour=red&page=2`),
/// parsed on the server (`commerce::search::SearchParams::from_query`, which never fails).
#[server(input = GetUrl, endpoint = "shop/search")]
pub async fn search_results(locale: Locale, query: String) -> Result<SearchView, AppError> {
    let params = commerce::search::SearchParams::from_query(&query);
    let v = commerce::search::search_page(&db()?, &search_index()?, locale.code(), &params).await?;
    Ok(v.into())
}

/// Suggestions for the header search box while typing.
#[server(input = GetUrl, endpoint = "shop/suggest")]
pub async fn search_suggestions(locale: Locale, q: String) -> Result<SuggestView, AppError> {
    let s = commerce::search::suggest(&db()?, &search_index()?, locale.code(), &q).await?;
    Ok(SuggestView {
        code_match: s.code_match.map(Into::into),
        categories: s
            .categories
            .into_iter()
            .map(|c| CategorySuggestionView {
                slug: c.slug,
                name: c.name,
            })
            .collect(),
        products: s.products.into_iter().map(Into::into).collect(),
    })
}

#[cfg(feature = "ssr")]
impl From<commerce::search::SearchPage> for SearchView {
    fn from(v: commerce::search::SearchPage) -> Self {
        let links = |values: Vec<commerce::search::FacetValue>| -> Vec<FacetLink> {
            values.into_iter().map(Into::into).collect()
        };
        let currency = v
            .products
            .first()
            .map(|p| p.currency.clone())
            .unwrap_or_else(|| "EUR".to_owned());
        SearchView {
            q: v.params.q.trim().to_owned(),
            page_query: v.params.with_page(1).to_query(),
            all_categories_query: v.params.with_category(None).to_query(),
            has_filters: v.params.has_filters(),
            query: v.query,
            products: v.products.into_iter().map(Into::into).collect(),
            total: v.total,
            page: v.page,
            pages: v.pages,
            sorts: v
                .sorts
                .into_iter()
                .map(|s| SortOption {
                    sort: s.sort.as_str().to_owned(),
                    selected: s.selected,
                    query: s.query,
                })
                .collect(),
            category_trail: links(v.category_trail),
            categories: links(v.categories),
            attributes: v
                .attributes
                .into_iter()
                .map(|g| FacetGroupView {
                    code: g.code,
                    values: links(g.values),
                })
                .collect(),
            price_bands: v
                .price_bands
                .into_iter()
                .map(|b| PriceBandView {
                    facet: b.facet.into(),
                    min_minor: b.min_minor,
                    max_minor: b.max_minor,
                })
                .collect(),
            availability: links(v.availability),
            clear_query: v.clear_query,
            currency,
            code_match: v.code_match.map(Into::into),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<commerce::search::FacetValue> for FacetLink {
    fn from(f: commerce::search::FacetValue) -> Self {
        FacetLink {
            key: f.key,
            label: f.label,
            count: f.count,
            selected: f.selected,
            query: f.query,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<commerce::search::CodeMatch> for CodeMatchView {
    fn from(c: commerce::search::CodeMatch) -> Self {
        CodeMatchView {
            path: c.path(),
            name: c.name,
            sku: c.sku,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<commerce::catalog::browse::CategoryLink> for CategoryLink {
    fn from(c: commerce::catalog::browse::CategoryLink) -> Self {
        CategoryLink {
            slug: c.slug,
            name: c.name,
            product_count: c.product_count,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<commerce::catalog::browse::ProductCard> for ProductCard {
    fn from(p: commerce::catalog::browse::ProductCard) -> Self {
        ProductCard {
            slug: p.slug,
            name: p.name,
            brand: p.brand,
            price_minor: p.price_minor,
            compare_at_minor: p.compare_at_minor,
            currency: p.currency,
            price_varies: p.price_varies,
            image: p.image,
            in_stock: p.in_stock,
        }
    }
}
