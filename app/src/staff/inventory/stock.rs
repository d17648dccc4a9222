//! `/staff/inventory`: stock by variant and location, filtered by a plain `GET` form (location,
//! category, low stock only, name / SKU / scanned barcode), 50 rows a page.

use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_location;

use super::{api::stock_page, clip, model::StockPageView, num, InventoryError, InventoryShell};
use crate::{context::request_locale, i18n, ui::Pager};

/// The stock table page.
#[component]
pub fn StockPage() -> impl IntoView {
    let locale = request_locale();
    let location = use_location();
    let data = Resource::new(
        move || location.search.get(),
        move |query| stock_page(locale, clip(&query, 2_000).to_owned()),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <StockView v/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn StockView(v: StockPageView) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let page_query = v.page_query.clone();
    let href = Callback::new(move |p: u64| {
        let mut q = page_query.clone();
        if p > 1 {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(&format!("page={p}"));
        }
        if q.is_empty() {
            "/staff/inventory".to_owned()
        } else {
            format!("/staff/inventory?{q}")
        }
    });
    let columns = v.stock.locations.clone();
    let rows = v
        .stock
        .rows
        .iter()
        .map(|r| {
            let ledger = format!("/staff/inventory/variant/{}", r.label.variant_id);
            let cells = r
                .cells
                .iter()
                .zip(&columns)
                .map(|(c, l)| {
                    let code = l.code.clone();
                    view! {
                        <td class="num" data-location=code.clone() data-col="on_hand">{num(locale, c.on_hand)}</td>
                        <td class="num" data-location=code.clone() data-col="reserved">{num(locale, c.reserved)}</td>
                        <td class="num available" class:low=c.low data-location=code.clone() data-col="available">
                            {num(locale, c.available)}
                            {c.low.then(|| view! { " "<span class="low-flag">{m.low_marker}</span> })}
                        </td>
                        <td class="num" data-location=code data-col="incoming">{num(locale, c.incoming)}</td>
                    }
                })
                .collect_view();
            view! {
                <tr data-sku=r.label.sku.clone()>
                    <th scope="row"><a href=ledger>{r.label.product.clone()}</a></th>
                    <td>{r.label.options.clone()}</td>
                    <td class="sku">{r.label.sku.clone()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let table = if v.stock.rows.is_empty() {
        view! { <p class="empty">{m.no_stock_rows}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="stock-table">
                    <thead>
                        <tr>
                            <th scope="col" rowspan="2">{m.product}</th>
                            <th scope="col" rowspan="2">{m.variant}</th>
                            <th scope="col" rowspan="2">{m.sku}</th>
                            {v.stock.locations.iter().map(|l| view! {
                                <th scope="colgroup" colspan="4" class="loc" title=l.name.clone()>{l.code.clone()}</th>
                            }).collect_view()}
                        </tr>
                        <tr>
                            {v.stock.locations.iter().map(|_| view! {
                                <th scope="col" class="num">{m.on_hand}</th>
                                <th scope="col" class="num">{m.reserved}</th>
                                <th scope="col" class="num">{m.available}</th>
                                <th scope="col" class="num">{m.incoming}</th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <InventoryShell who=v.who.clone() title=m.stock_by_location.to_owned()>
            <h1>{m.stock_by_location}</h1>
            <form class="filter-form" method="get" action="/staff/inventory" role="search">
                <div class="field">
                    <label for="stock-location">{m.location}</label>
                    <select id="stock-location" name="location">
                        <option value="" selected=v.filter.location_id.is_none()>{m.all_locations}</option>
                        {super::location_options(&v.all_locations, v.filter.location_id)}
                    </select>
                </div>
                <div class="field">
                    <label for="stock-category">{m.category}</label>
                    <select id="stock-category" name="category">
                        <option value="" selected=v.filter.category_id.is_none()>{m.all_categories}</option>
                        {v.categories.iter().map(|c| view! {
                            <option value=c.id.to_string() selected=v.filter.category_id == Some(c.id)>{c.path.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field grow">
                    <label for="stock-q">{m.stock_search}</label>
                    <input id="stock-q" type="search" name="q" value=v.filter.q.clone() maxlength="200" autocomplete="off"/>
                </div>
                <div class="field check">
                    <input id="stock-low" type="checkbox" name="low" value="1" checked=v.filter.low_only/>
                    <label for="stock-low">{m.low_stock_only}</label>
                </div>
                <button type="submit" class="primary">{m.show}</button>
            </form>
            {v.stock.exact_code.then(|| view! { <p class="notice ok">{m.exact_code_match}</p> })}
            <p class="count">{i18n::variants_count(locale, v.stock.total)}</p>
            {table}
            <Pager page=v.stock.page pages=v.stock.pages href/>
        </InventoryShell>
    }
}
