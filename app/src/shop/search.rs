//! `/search`: product search with facets (DESIGN §3.1).
//!
//! The whole search lives in the query string (`?q=kurtka&colour=red&online=1&sort=price_asc`),
//! so a search can be bookmarked and shared. Every facet, sort choice and page is a plain link
//! built on the server (`commerce::search::SearchParams`), so the page works without JavaScript.

use leptos::wasm_bindgen::JsCast;
use leptos::{either::Either, prelude::*};
use leptos_meta::Title;
use leptos_router::hooks::use_location;

use super::{api::search_results, layout::ShopLayout};
use crate::{
    context::{request_ctx, request_locale, RequestCtx},
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
    let locale = request_locale();
    let location = use_location();
    let data = Resource::new(
        move || location.search.get(),
        move |query| search_results(locale, clip(&query, MAX_QUERY_BYTES).to_owned()),
    );
    let pending = ArcRwSignal::new(false);
    let busy = pending.clone();
    let results = move || {
        Suspend::new(async move {
            match data.await {
                Ok(v) => Either::Left(view! { <SearchResults v/> }),
                Err(e) => Either::Right(view! { <ErrorPage error=e/> }),
            }
        })
    };
    // A transition keeps the current results on screen (dimmed) while the next facet, sort or
    // page loads. That only happens in the browser (client-side navigation), so only the browser
    // asks it for the pending flag: on the server, `set_pending` runs an effect on another worker
    // thread that reads the transition's set of loading tasks while the search's own task may be
    // writing it, and reactive_graph 0.2 reports such a contended read as a panic about a
    // "disposed" value (found under load, issue 12; leptos pull request 3681).
    #[cfg(feature = "hydrate")]
    let results = {
        let set_pending = SignalSetter::map({
            let pending = pending.clone();
            move |busy| pending.set(busy)
        });
        view! { <Transition fallback=|| () set_pending>{results}</Transition> }
    };
    #[cfg(not(feature = "hydrate"))]
    let results = view! { <Transition fallback=|| ()>{results}</Transition> };
    view! {
        <ShopLayout>
            <div class="search-page" class:pending=move || pending.get()
                aria-busy=move || if busy.get() { "true" } else { "false" }>
                {results}
            </div>
        </ShopLayout>
    }
}

/// The links of one search page: the search page's address in the page's language, worked out
/// once, then a query string appended per link (a results page has a hundred facet links).
#[derive(Clone)]
struct Links {
    /// `/search`, or `/el/search` under a language prefix.
    base: String,
}

impl Links {
    fn new(ctx: &RequestCtx) -> Self {
        Links {
            base: ctx.href("/search"),
        }
    }

    /// The search for `query` (no `?`).
    fn to(&self, query: &str) -> String {
        if query.is_empty() {
            self.base.clone()
        } else {
            let mut href = String::with_capacity(self.base.len() + 1 + query.len());
            href.push_str(&self.base);
            href.push('?');
            href.push_str(query);
            href
        }
    }

    /// Page `page` of a search (`page_query`: the search without its page number).
    fn page(&self, page_query: &str, page: u64) -> String {
        match (page, page_query.is_empty()) {
            (0 | 1, _) => self.to(page_query),
            (p, true) => self.to(&format!("page={p}")),
            (p, false) => self.to(&format!("{page_query}&page={p}")),
        }
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
    let links = Links::new(&ctx);
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
                    <a href=links.to(&s.query) class:selected=s.selected
                        aria-current=s.selected.then_some("true")>{sort_label(locale, s.sort)}</a>
                </li>
            }
        })
        .collect_view();
    let results = results(locale, &links, &v);
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
            <form class="search-form" role="search" method="get" action=links.base.clone()>
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
                {facets(locale, &links, &v)}
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
fn results(locale: Locale, links: &Links, v: &found::SearchPage) -> AnyView {
    let m = i18n::t(locale);
    if !v.products.is_empty() {
        let page_query = v.page_query.clone();
        let href = {
            let links = links.clone();
            Callback::new(move |p: u64| links.page(&page_query, p))
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
                <p><a class="button" href=links.page(&v.page_query, target)>{label}</a></p>
            </div>
        }
        .into_any();
    }
    if v.has_filters {
        return view! {
            <div class="empty-results">
                <p>{m.no_products_filtered}</p>
                <p><a class="button" href=links.to(&v.clear_query)>{m.clear_filters}</a></p>
            </div>
        }
        .into_any();
    }
    view! { <div class="empty-results"><p>{m.no_search_results}</p></div> }.into_any()
}

/// The facet panel: category, attributes, price, availability, and "clear filters".
///
/// Space toggles a facet link like Enter, as on a checkbox: one handler on the panel serves
/// every link in it.
fn facets(locale: Locale, links: &Links, v: &found::SearchPage) -> impl IntoView {
    let m = i18n::t(locale);

    let categories = (!v.category_trail.is_empty() || !v.categories.is_empty()).then(|| {
        let trail_len = v.category_trail.len();
        let all = (trail_len > 0).then(|| {
            view! {
                <li><a class="facet-value" href=links.to(&v.all_categories_query)>{m.all_categories}</a></li>
            }
        });
        let trail = v
            .category_trail
            .iter()
            .enumerate()
            .map(|(depth, c)| {
                view! {
                    <li class=format!("trail depth-{}", depth.min(4))>
                        <a class="facet-value" class:selected=c.selected href=links.to(&c.query)
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
                        <a class="facet-value" href=links.to(&c.query)>
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
                .map(|f| facet_check(locale, links.to(&f.query), f, f.label.clone()))
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
                facet_check(locale, links.to(&b.facet.query), &b.facet, label)
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
            facet_check(locale, links.to(&f.query), f, label)
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
        view! { <p class="clear-filters"><a href=links.to(&v.clear_query)>{m.clear_filters}</a></p> }
    });

    view! {
        <div class="facet-groups" on:keydown=toggle_on_space>
            {clear}
            {categories}
            {attributes}
            {prices}
            {availability}
        </div>
    }
}

/// A facet value that can be combined with others: a link that looks and reads like a checkbox.
fn facet_check(locale: Locale, href: String, f: &FacetValue, label: String) -> impl IntoView {
    let checked = if f.selected { "true" } else { "false" };
    view! {
        <li>
            <a class="facet-value check" class:selected=f.selected href=href
                role="checkbox" aria-checked=checked>
                <span class="box" aria-hidden="true"></span>
                <span class="facet-label">{label}</span>
                " "<span class="facet-count">{i18n::format_number(locale, f.count as i64)}</span>
            </a>
        </li>
    }
}

/// Space on a facet link follows it, as Space ticks a checkbox (Enter already does).
fn toggle_on_space(ev: leptos::ev::KeyboardEvent) {
    if ev.key() != " " {
        return;
    }
    let link = ev
        .target()
        .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
        .and_then(|el| el.closest("a.check").ok().flatten());
    if let Some(link) = link {
        ev.prevent_default();
        link.unchecked_into::<leptos::web_sys::HtmlElement>()
            .click();
    }
}
