//! Shared widgets: prices, stock badges, pagination, the product grid, text clipping.

pub mod title;

use leptos::prelude::*;

use commerce::catalog::view::ProductCard;

use crate::{
    context::{request_ctx, request_locale},
    i18n,
};

/// Cuts `s` to at most `max` bytes on a character boundary.
pub fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A VAT-inclusive price, with the previous price struck through when on sale.
#[component]
pub fn Price(
    /// Price in minor units.
    minor: i64,
    /// ISO currency code.
    currency: String,
    /// Price before the sale, if any.
    #[prop(optional)]
    compare_at: Option<i64>,
    /// Show "from" before the price (the variants' prices differ).
    #[prop(optional)]
    from: bool,
) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let now = i18n::format_money(locale, minor, &currency);
    let was = compare_at
        .filter(|c| *c > minor)
        .map(|c| i18n::format_money(locale, c, &currency));
    let on_sale = was.is_some();
    view! {
        <span class="price" class:on-sale=on_sale>
            {from.then(|| view! { <span class="price-from">{m.from_price}" "</span> })}
            <span class="price-now">{now}</span>
            {was.map(|w| view! { " " <s class="price-was">{w}</s> })}
        </span>
    }
}

/// "Page 2 of 5" with previous/next links (plain links: work without JavaScript).
#[component]
pub fn Pager(
    /// Current page, from 1.
    page: u64,
    /// Number of pages.
    pages: u64,
    /// Builds the link for a page number.
    href: Callback<u64, String>,
) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=m.page>
                {(page > 1).then(|| view! { <a rel="prev" href=href.run(page - 1)>{m.previous}</a> })}
                <span>{i18n::page_of(locale, page, pages)}</span>
                {(page < pages).then(|| view! { <a rel="next" href=href.run(page + 1)>{m.next}</a> })}
            </nav>
        }
    })
}

/// A grid of product cards.
#[component]
pub fn ProductGrid(products: Vec<ProductCard>) -> AnyView {
    let ctx = request_ctx();
    let m = i18n::t(ctx.locale);
    // `/p/` in the page's language, worked out once for the whole grid.
    let base = ctx.href("/p/");
    view! {
        <ul class="product-grid">
            {products
                .into_iter()
                .map(|p| {
                    let href = format!("{base}{}", p.slug);
                    view! {
                        <li class="product-card">
                            <a href=href>
                                {p.image.clone().map(|src| view! {
                                    <img src=src alt="" width="320" height="320" loading="lazy"/>
                                })}
                                <span class="name">{p.name.clone()}</span>
                            </a>
                            {p.brand.clone().map(|b| view! { <span class="brand">{b}</span> })}
                            <Price minor=p.price_minor currency=p.currency.clone()
                                compare_at=p.compare_at_minor.unwrap_or(0) from=p.price_varies/>
                            {(!p.in_stock).then(|| view! { <span class="badge out">{m.out_of_stock}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
