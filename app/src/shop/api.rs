//! The shop's server functions: thin wrappers over `commerce::catalog::browse`.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use super::model::*;
use crate::{error::AppError, i18n::Locale};

#[cfg(feature = "ssr")]
fn db() -> Result<sea_orm::DatabaseConnection, AppError> {
    use_context::<sea_orm::DatabaseConnection>().ok_or(AppError::Internal)
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
