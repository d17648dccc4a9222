//! `/p/{slug}`: a product with its variant picker, images, price and availability per location.

use leptos::{either::Either, prelude::*};
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_location, use_params_map};

use commerce::catalog::view as catalogue;

use super::{api::product_page, layout::ShopLayout};
use crate::{
    context::{request_ctx, request_locale},
    error::ErrorPage,
    i18n,
    ui::Price,
};

/// The product page. The chosen option values live in the query string (`?size=42&colour=black`),
/// so the picker is a set of plain links that work without JavaScript.
#[component]
pub fn ProductPage() -> impl IntoView {
    let locale = request_locale();
    let params = use_params_map();
    let location = use_location();
    let data = Resource::new(
        move || {
            // The query string as the browser sent it; the server parses it
            // (`commerce::catalog::browse::parse_selection`).
            (
                params.read().get("slug").unwrap_or_default(),
                location.search.get(),
            )
        },
        move |(slug, selection)| product_page(locale, slug, selection),
    );
    view! {
        <ShopLayout>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(p) => Either::Left(view! { <ProductDetail p/> }),
                        Err(e) => Either::Right(view! { <ErrorPage error=e/> }),
                    }
                })}
            </Suspense>
        </ShopLayout>
    }
}

#[component]
fn ProductDetail(p: catalogue::ProductPage) -> impl IntoView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let m = i18n::t(locale);
    let base = ctx.href(&format!("/p/{}", p.slug));
    let main_image = p.images.first().cloned();
    let description = p.description.clone();
    view! {
        <Title text=format!("{} · {}", p.name, m.shop_name)/>
        <Meta name="description" content=description.lines().next().unwrap_or_default().to_owned()/>
        <nav class="breadcrumbs" aria-label="breadcrumbs">
            <a href=ctx.href("/")>{m.home}</a>
            {p.breadcrumbs.iter().map(|b| view! {
                " / " <a href=ctx.href(&format!("/c/{}", b.slug))>{b.name.clone()}</a>
            }).collect_view()}
        </nav>
        <article class="product">
            <div class="gallery">
                {main_image.map(|i| view! {
                    <img class="main-image" src=i.url alt=i.alt width=i.width height=i.height/>
                })}
                {(p.images.len() > 1).then(|| view! {
                    <ul class="thumbs" aria-label=m.images>
                        {p.images.iter().map(|i| view! {
                            <li><a href=i.url.clone()><img src=i.thumb.clone() alt=i.alt.clone() width="96" height="96" loading="lazy"/></a></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
            <div class="buy-box">
                {p.brand.clone().map(|b| view! { <p class="brand">{b}</p> })}
                <h1>{p.name.clone()}</h1>
                <p class="price-line">
                    <Price minor=p.variant.price_minor currency=p.variant.currency.clone()
                        compare_at=p.variant.compare_at_minor.unwrap_or(0)/>
                    " "<span class="vat-note">{m.vat_included}" ("{i18n::format_percent_bp(locale, p.variant.vat_rate_bp.max(0) as u32)}")"</span>
                </p>
                {p.options.iter().map(|o| {
                    let legend = option_label(locale, &o.code);
                    view! {
                        <fieldset class="option-picker">
                            <legend>{legend}</legend>
                            <ul>
                                {o.values.iter().map(|v| {
                                    let href = format!("{base}?{}", v.query);
                                    view! {
                                        <li>
                                            <a href=href class="option-value" class:selected=v.selected
                                                class:unavailable=!v.combinable
                                                aria-current=v.selected.then_some("true")>{v.label.clone()}</a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </fieldset>
                    }
                }).collect_view()}
                {p.unmatched_selection.then(|| view! { <p class="notice" role="status">{m.unavailable_combination}</p> })}
                <dl class="variant-facts">
                    <dt>{m.variant}</dt><dd>{p.variant.label.clone()}</dd>
                    <dt>{m.sku}</dt><dd>{p.variant.sku.clone()}</dd>
                    {p.variant.barcode.clone().map(|b| view! { <dt>{m.barcode}</dt><dd>{b}</dd> })}
                </dl>
                <section class="availability" aria-labelledby="availability-h">
                    <h2 id="availability-h">{m.availability}</h2>
                    <Availability rows=p.availability.clone()/>
                </section>
            </div>
            <section class="description" aria-labelledby="description-h">
                <h2 id="description-h">{m.description}</h2>
                {description.split("\n\n").map(|para| view! { <p>{para.to_owned()}</p> }).collect_view()}
            </section>
        </article>
    }
}

fn option_label(locale: i18n::Locale, code: &str) -> String {
    i18n::option_name(locale, code)
        .map(str::to_owned)
        .unwrap_or_else(|| code.to_owned())
}

/// Availability badges: online stock, then each store ("3 available for pickup today", or "in
/// 2–3 days" when the online warehouse can transfer it, or out of stock).
#[component]
fn Availability(rows: Vec<catalogue::Availability>) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let online: i64 = rows
        .iter()
        .filter(|r| r.ships_online)
        .map(|r| r.available)
        .sum();
    let online_row = if online > 0 {
        view! { <li class="badge in">{m.ships_online}</li> }.into_any()
    } else {
        view! { <li class="badge out">{m.out_of_stock_online}</li> }.into_any()
    };
    let stores = rows
        .into_iter()
        .filter(|r| !r.ships_online)
        .map(|r| {
            if r.available > 0 {
                let low = r.available <= r.low_stock_threshold;
                view! {
                    <li class="badge in" class:low=low>
                        {i18n::available_at_store(locale, r.available as u64, &r.name)}
                    </li>
                }
                .into_any()
            } else if online > 0 {
                view! { <li class="badge later">{i18n::pickup_in_days_at_store(locale, &r.name)}</li> }.into_any()
            } else {
                view! { <li class="badge out">{i18n::unavailable_at_store(locale, &r.name)}</li> }.into_any()
            }
        })
        .collect_view();
    view! { <ul class="availability-list">{online_row}{stores}</ul> }
}
