//! `/c/{slug}`: a category with its subcategories and products.

use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{api::category_page, layout::ShopLayout};
use crate::{
    context::{request_ctx, request_locale},
    error::ErrorPage,
    i18n,
    ui::{Pager, ProductGrid},
};

/// Sort keys offered on category pages.
pub const SORTS: [&str; 4] = ["newest", "price_asc", "price_desc", "name"];

/// A category page, sortable and paginated through the query string (`?sort=price_asc&page=2`).
#[component]
pub fn CategoryPage() -> impl IntoView {
    let locale = request_locale();
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let q = query.read();
            (
                params.read().get("slug").unwrap_or_default(),
                q.get("page")
                    .and_then(|p| p.parse::<u64>().ok())
                    .unwrap_or(1),
                q.get("sort").unwrap_or_else(|| "newest".into()),
            )
        },
        move |(slug, page, sort)| category_page(locale, slug, page, sort),
    );
    view! {
        <ShopLayout>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let ctx = request_ctx();
                    let m = i18n::t(ctx.locale);
                    match data.await {
                        Ok(c) => {
                            let base = ctx.href(&format!("/c/{}", c.category.slug));
                            let sort = c.sort.clone();
                            let page_href = {
                                let base = base.clone();
                                let sort = sort.clone();
                                Callback::new(move |p: u64| format!("{base}?sort={sort}&page={p}"))
                            };
                            let sort_labels = [m.sort_newest, m.sort_price_asc, m.sort_price_desc, m.sort_name];
                            Either::Left(view! {
                                <Title text=format!("{} · {}", c.category.name, m.shop_name)/>
                                <nav class="breadcrumbs" aria-label="breadcrumbs">
                                    <a href=ctx.href("/")>{m.home}</a>
                                    {c.breadcrumbs.iter().map(|b| view! {
                                        " / " <a href=ctx.href(&format!("/c/{}", b.slug))>{b.name.clone()}</a>
                                    }).collect_view()}
                                </nav>
                                <h1>{c.category.name.clone()}</h1>
                                <p class="lead">{c.description.clone()}</p>
                                {(!c.subcategories.is_empty()).then(|| view! {
                                    <nav class="subcategories" aria-label=m.subcategories>
                                        {c.subcategories.iter().map(|s| view! {
                                            <a class="chip" href=ctx.href(&format!("/c/{}", s.slug))>{s.name.clone()}</a>
                                        }).collect_view()}
                                    </nav>
                                })}
                                <form class="sort" method="get" action=base.clone()>
                                    <label for="sort">{m.sort_by}</label>
                                    <select id="sort" name="sort">
                                        {SORTS.iter().zip(sort_labels).map(|(key, label)| view! {
                                            <option value=*key selected=*key == sort>{label}</option>
                                        }).collect_view()}
                                    </select>
                                    <button type="submit">{m.apply}</button>
                                </form>
                                <p class="count">{i18n::products_count(ctx.locale, c.total)}</p>
                                {if c.products.is_empty() {
                                    Either::Left(view! { <p>{m.no_products}</p> })
                                } else {
                                    Either::Right(view! { <ProductGrid products=c.products/> })
                                }}
                                <Pager page=c.page pages=c.pages href=page_href/>
                            })
                        }
                        Err(e) => Either::Right(view! { <ErrorPage error=e/> }),
                    }
                })}
            </Suspense>
        </ShopLayout>
    }
}
