//! `/search`: product search with facets (DESIGN §3.1).
//!
//! The whole search lives in the query string (`?q=kurtka&colour=red&online=1&sort=price_asc`),
//! so a search can be bookmarked and shared. Every facet, sort choice and page is a plain link
//! built on the server (`commerce::search::SearchParams`), so the page works without JavaScript.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::{api::search_results, layout::ShopLayout};
use crate::{
    context::{request_ctx, RequestCtx},
    error::ErrorPage,
    i18n::{self, Locale},
    ui::{clip, Pager, ProductGrid},
};
use commerce::search::{view as found, FacetValue, Sort};

/// Longest query string sent to the server function. Longer ones are cut (the server keeps only
/// the first 200 characters of the words anyway), so a pasted 10 kB query still works.
const MAX_QUERY_BYTES: usize = 4096;

/// The search results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let locale = request_ctx().locale;
    let location = use_location();
    let data = Resource::new(
        move || location.search.get(),
        move |query| search_results(locale, clip(&query, MAX_QUERY_BYTES).to_owned()),
    );
    let pending = RwSignal::new(false);
    view! {
        <ShopLayout>
            // A transition keeps the current results on screen (dimmed) while the next facet,
            // sort or page loads (client-side navigation).
            <div class="search-page" class:pending=move || pending.get()
                aria-busy=move || if pending.get() { "true" } else { "false" }>
                <Transition fallback=|| () set_pending=pending.write_only()>
                    {move || Suspend::new(async move {
                        match data.await {
                            Ok(v) => view! { <SearchResults v/> }.into_any(),
                            Err(e) => view! { <ErrorPage error=e/> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </ShopLayout>
    }
}

/// The address of the search page for a query string (no `?`), in the page's language.
pub(crate) fn search_href(ctx: &RequestCtx, query: &str) -> String {
    if query.is_empty() {
        ctx.href("/search")
    } else {
        ctx.href(&format!("/search?{query}"))
    }
}

/// The address of page `page` of a search (`page_query`: the search without its page number).
fn page_href(ctx: &RequestCtx, page_query: &str, page: u64) -> String {
    match (page, page_query.is_empty()) {
        (0 | 1, _) => search_href(ctx, page_query),
        (p, true) => search_href(ctx, &format!("page={p}")),
        (p, false) => search_href(ctx, &format!("{page_query}&page={p}")),
    }
}

fn sort_label(locale: Locale, sort: Sort) -> &'static str {
    let m = i18n::t(locale);
    match sort {
        Sort::Relevance => m.sort_relevance,
        Sort::PriceAsc => m.sort_price_asc,
        Sort::PriceDesc => m.sort_price_desc,
        Sort::Newest => m.sort_newest,
    }
}

#[component]
fn SearchResults(v: found::SearchPage) -> impl IntoView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let m = i18n::t(locale);
    let title = if v.q.is_empty() {
        m.search_all_products.to_owned()
    } else {
        i18n::search_results_for(locale, &v.q)
    };
    let heading = if v.q.is_empty() {
        m.search_all_products.to_owned()
    } else {
        i18n::results_count_for(locale, v.total, &v.q)
    };
    let code_match = v.code_match.clone().map(|c| {
        let href = ctx.href(&c.path());
        view! {
            <p class="exact-match">
                <strong>{m.exact_match}</strong>" "
                <a href=href>{c.name}" · "<span class="sku">{c.sku}</span></a>
            </p>
        }
    });
    let sorts = v
        .sorts
        .iter()
        .map(|s| {
            view! {
                <li>
                    <a href=search_href(&ctx, &s.query) class:selected=s.selected
                        aria-current=s.selected.then_some("true")>{sort_label(locale, s.sort)}</a>
                </li>
            }
        })
        .collect_view();
    let results = results(&ctx, &v);
    let active_filters = v.category_trail.iter().filter(|c| c.selected).count()
        + v.attributes
            .iter()
            .flat_map(|g| &g.values)
            .filter(|f| f.selected)
            .count()
        + v.price_bands.iter().filter(|b| b.facet.selected).count()
        + v.availability.iter().filter(|f| f.selected).count();
    view! {
        <Title text=format!("{title} · {}", m.shop_name)/>
        <div class="search-head">
            <h1>{heading}</h1>
            {v.q.is_empty().then(|| view! { <p class="count">{i18n::results_count(locale, v.total)}</p> })}
            <form class="search-form" role="search" method="get" action=search_href(&ctx, "")>
                <label for="search-page-q" class="visually-hidden">{m.search_label}</label>
                <input id="search-page-q" type="search" name="q" value=v.q.clone()
                    placeholder=m.search_placeholder maxlength="200"/>
                <button type="submit">{m.search_button}</button>
            </form>
        </div>
        {code_match}
        <div class="search-layout">
            <details class="facets">
                <summary>
                    {m.filters}
                    {(active_filters > 0).then(|| view! { " "<span class="filter-count">{active_filters}</span> })}
                </summary>
                <Facets v=v.clone()/>
            </details>
            <div class="search-results">
                <nav class="sort-links" aria-label=m.sort_by>
                    <span class="sort-label">{m.sort_by}</span>
                    <ul>{sorts}</ul>
                </nav>
                {results}
            </div>
        </div>
    }
}

/// The grid and pager, or the message for an empty page.
fn results(ctx: &RequestCtx, v: &found::SearchPage) -> AnyView {
    let m = i18n::t(ctx.locale);
    if !v.products.is_empty() {
        let page_query = v.page_query.clone();
        let href = {
            let ctx = ctx.clone();
            Callback::new(move |p: u64| page_href(&ctx, &page_query, p))
        };
        return view! {
            <ProductGrid products=v.products.clone()/>
            <Pager page=v.page pages=v.pages href/>
        }
        .into_any();
    }
    if v.page > 1 {
        // Past the last page: say so and offer the way back.
        let (target, label) = if v.total > 0 {
            (v.pages, m.back_to_last_page)
        } else {
            (1, m.back_to_first_page)
        };
        return view! {
            <div class="empty-results">
                <p>{m.page_past_end}</p>
                <p><a class="button" href=page_href(ctx, &v.page_query, target)>{label}</a></p>
            </div>
        }
        .into_any();
    }
    if v.has_filters {
        return view! {
            <div class="empty-results">
                <p>{m.no_products_filtered}</p>
                <p><a class="button" href=search_href(ctx, &v.clear_query)>{m.clear_filters}</a></p>
            </div>
        }
        .into_any();
    }
    view! { <div class="empty-results"><p>{m.no_search_results}</p></div> }.into_any()
}

/// The facet panel: category, attributes, price, availability, and "clear filters".
#[component]
fn Facets(v: found::SearchPage) -> impl IntoView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let m = i18n::t(locale);

    let categories = (!v.category_trail.is_empty() || !v.categories.is_empty()).then(|| {
        let trail_len = v.category_trail.len();
        let all = (trail_len > 0).then(|| {
            view! {
                <li><a class="facet-value" href=search_href(&ctx, &v.all_categories_query)>{m.all_categories}</a></li>
            }
        });
        let trail = v
            .category_trail
            .iter()
            .enumerate()
            .map(|(depth, c)| {
                view! {
                    <li class=format!("trail depth-{}", depth.min(4))>
                        <a class="facet-value" class:selected=c.selected href=search_href(&ctx, &c.query)
                            aria-current=c.selected.then_some("true")>
                            <span class="facet-label">{c.label.clone()}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        let children = v
            .categories
            .iter()
            .map(|c| {
                view! {
                    <li class=format!("child depth-{}", trail_len.min(4))>
                        <a class="facet-value" href=search_href(&ctx, &c.query)>
                            <span class="facet-label">{c.label.clone()}</span>
                            " "<span class="facet-count">{i18n::format_number(locale, c.count as i64)}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="facet facet-categories" aria-labelledby="facet-categories">
                <h2 id="facet-categories">{m.categories}</h2>
                <ul>{all}{trail}{children}</ul>
            </section>
        }
    });

    let attributes = v
        .attributes
        .iter()
        .map(|g| {
            let name = i18n::option_name(locale, &g.code)
                .map(str::to_owned)
                .unwrap_or_else(|| g.code.clone());
            let id = format!("facet-{}", g.code);
            let values = g
                .values
                .iter()
                .map(|f| view! { <FacetCheck f=f.clone() label=f.label.clone()/> })
                .collect_view();
            view! {
                <section class=format!("facet facet-{}", g.code) aria-labelledby=id.clone()>
                    <h2 id=id.clone()>{name}</h2>
                    <ul>{values}</ul>
                </section>
            }
        })
        .collect_view();

    let prices = (!v.price_bands.is_empty()).then(|| {
        let values = v
            .price_bands
            .iter()
            .map(|b| {
                let label = i18n::price_band(locale, b.min_minor, b.max_minor, &v.currency);
                view! { <FacetCheck f=b.facet.clone() label/> }
            })
            .collect_view();
        view! {
            <section class="facet facet-price" aria-labelledby="facet-price">
                <h2 id="facet-price">{m.price}</h2>
                <ul>{values}</ul>
            </section>
        }
    });

    let availability: Vec<_> = v
        .availability
        .iter()
        .filter(|f| f.count > 0 || f.selected)
        .map(|f| {
            let label = if f.key == "online" {
                m.ships_online_facet.to_owned()
            } else {
                i18n::in_stock_at_store(locale, &f.label)
            };
            view! { <FacetCheck f=f.clone() label/> }
        })
        .collect();
    let availability = (!availability.is_empty()).then(|| {
        view! {
            <section class="facet facet-availability" aria-labelledby="facet-availability">
                <h2 id="facet-availability">{m.availability}</h2>
                <ul>{availability}</ul>
            </section>
        }
    });

    let clear = v.has_filters.then(|| {
        view! { <p class="clear-filters"><a href=search_href(&ctx, &v.clear_query)>{m.clear_filters}</a></p> }
    });

    view! {
        <div class="facet-groups">
            {clear}
            {categories}
            {attributes}
            {prices}
            {availability}
        </div>
    }
}

/// A facet value that can be combined with others: a link that looks and reads like a checkbox
/// (Space toggles it like Enter).
#[component]
fn FacetCheck(f: FacetValue, label: String) -> impl IntoView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let checked = if f.selected { "true" } else { "false" };
    view! {
        <li>
            <a class="facet-value check" class:selected=f.selected href=search_href(&ctx, &f.query)
                role="checkbox" aria-checked=checked
                on:keydown=|ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == " " {
                        ev.prevent_default();
                        if let Some(el) = ev.current_target() {
                            el.unchecked_into::<leptos::web_sys::HtmlElement>().click();
                        }
                    }
                }>
                <span class="box" aria-hidden="true"></span>
                <span class="facet-label">{label}</span>
                " "<span class="facet-count">{i18n::format_number(locale, f.count as i64)}</span>
            </a>
        </li>
    }
}
