//! `/`: the home page.

use leptos::{either::Either, prelude::*};
use leptos_meta::Title;

use super::{api::home_page, layout::ShopLayout};
use crate::{
    context::{request_ctx, request_locale},
    error::ErrorPage,
    i18n,
    ui::ProductGrid,
};

/// Categories, products on sale and new arrivals.
#[component]
pub fn HomePage() -> impl IntoView {
    let locale = request_locale();
    let data = Resource::new(move || locale, home_page);
    view! {
        <ShopLayout>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let ctx = request_ctx();
                    let m = i18n::t(ctx.locale);
                    match data.await {
                        Ok(home) => Either::Left(view! {
                            <Title text=format!("{} · {}", m.shop_name, m.tagline)/>
                            <section class="hero">
                                <h1>{m.tagline}</h1>
                            </section>
                            <section aria-labelledby="shop-by-category">
                                <h2 id="shop-by-category">{m.shop_by_category}</h2>
                                <ul class="category-tiles">
                                    {home.categories.into_iter().map(|c| view! {
                                        <li><a href=ctx.href(&format!("/c/{}", c.slug))>
                                            <span class="name">{c.name}</span>
                                            <span class="count">{i18n::products_count(ctx.locale, c.product_count)}</span>
                                        </a></li>
                                    }).collect_view()}
                                </ul>
                            </section>
                            <section aria-labelledby="featured">
                                <h2 id="featured">{m.featured}</h2>
                                <ProductGrid products=home.featured/>
                            </section>
                            <section aria-labelledby="new-arrivals">
                                <h2 id="new-arrivals">{m.new_arrivals}</h2>
                                <ProductGrid products=home.new_arrivals/>
                            </section>
                        }),
                        Err(e) => Either::Right(view! { <ErrorPage error=e/> }),
                    }
                })}
            </Suspense>
        </ShopLayout>
    }
}
