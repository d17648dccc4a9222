//! `/staff/inventory/low-stock`: every variant whose available stock is at or below its
//! threshold at a location (the variant's own threshold, else the location's default), and the
//! form that sets a location's default.

use leptos::{either::Either, prelude::*};
use leptos_router::hooks::{use_location, use_query_map};

use super::{
    api::{low_stock_page, SetLocationThreshold},
    clip, kept, kept_id, location_options,
    model::LowStockView,
    num, Csrf, Done, Field, FormError, FormState, InventoryError, InventoryShell,
};
use crate::{context::request_locale, i18n, ui::Pager};

/// The low-stock list.
#[component]
pub fn LowStockPage() -> impl IntoView {
    let locale = request_locale();
    let location = use_location();
    let reload = RwSignal::new(0u32);
    let action = ServerAction::<SetLocationThreshold>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    let data = Resource::new(
        move || (location.search.get(), reload.get()),
        move |(query, _)| low_stock_page(locale, clip(&query, 2_000).to_owned()),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <LowStockList v action/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn LowStockList(v: LowStockView, action: ServerAction<SetLocationThreshold>) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let q = use_query_map().get_untracked();
    let state = FormState::new(action, "threshold", "location");
    let location_err = state.field(&["location"]);
    let threshold_err = state.field(&["threshold"]);
    let page_query = v.page_query.clone();
    let href = Callback::new(move |p: u64| {
        let mut parts = Vec::new();
        if !page_query.is_empty() {
            parts.push(page_query.clone());
        }
        if p > 1 {
            parts.push(format!("page={p}"));
        }
        if parts.is_empty() {
            "/staff/inventory/low-stock".to_owned()
        } else {
            format!("/staff/inventory/low-stock?{}", parts.join("&"))
        }
    });
    let threshold_value = kept(&q, "threshold");
    let threshold_location = kept_id(&q, "location")
        .filter(|id| v.writable_locations.iter().any(|l| l.id == *id))
        .or(match v.writable_locations.as_slice() {
            [only] => Some(only.id),
            _ => None,
        });
    let pending = action.pending();
    let table = if v.rows.is_empty() {
        view! { <p class="empty">{m.no_low_stock}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="low-stock">
                    <thead><tr>
                        <th scope="col">{m.product}</th><th scope="col">{m.variant}</th><th scope="col">{m.sku}</th>
                        <th scope="col">{m.location}</th><th scope="col" class="num">{m.available}</th>
                        <th scope="col" class="num">{m.threshold}</th><th scope="col" class="num">{m.incoming}</th>
                    </tr></thead>
                    <tbody>
                        {v.rows.iter().map(|r| view! {
                            <tr data-sku=r.variant.sku.clone() data-location=r.location_code.clone()>
                                <th scope="row"><a href=format!("/staff/inventory/variant/{}", r.variant.variant_id)>{r.variant.product.clone()}</a></th>
                                <td>{r.variant.options.clone()}</td>
                                <td class="sku">{r.variant.sku.clone()}</td>
                                <td>{r.location_code.clone()}</td>
                                <td class="num low" data-col="available">{num(locale, r.cell.available)}" "<span class="low-flag">{m.low_marker}</span></td>
                                <td class="num" data-col="threshold">{num(locale, r.cell.threshold)}</td>
                                <td class="num" data-col="incoming">{num(locale, r.cell.incoming)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <InventoryShell who=v.who.clone() title=m.low_stock_list.to_owned()>
            <h1>{m.low_stock_list}</h1>
            <p class="lead">{m.low_stock_intro}</p>
            <form class="filter-form" method="get" action="/staff/inventory/low-stock">
                <div class="field">
                    <label for="low-location">{m.location}</label>
                    <select id="low-location" name="location">
                        <option value="" selected=v.location.is_none()>{m.all_locations}</option>
                        {location_options(&v.all_locations, v.location)}
                    </select>
                </div>
                <button type="submit" class="primary">{m.show}</button>
            </form>
            <p class="count">{i18n::variants_count(locale, v.total)}</p>
            {table}
            <Pager page=v.page pages=v.pages href/>
            <section aria-labelledby="defaults-h">
                <h2 id="defaults-h">{m.default_threshold}</h2>
                <div class="table-wrap">
                    <table class="defaults">
                        <thead><tr><th scope="col">{m.location}</th><th scope="col" class="num">{m.threshold}</th></tr></thead>
                        <tbody>
                            {v.all_locations.iter().map(|l| view! {
                                <tr><th scope="row">{l.label()}</th><td class="num">{num(locale, l.default_low_stock)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(!v.writable_locations.is_empty()).then(|| view! {
                    <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                        <FormError message=state.general(&["location", "threshold"])/>
                        <Csrf/>
                        <Field id="threshold-location" label=m.location error=location_err>
                            <select id="threshold-location" name="location">
                                <option value="" selected=threshold_location.is_none()>{m.choose}</option>
                                {location_options(&v.writable_locations, threshold_location)}
                            </select>
                        </Field>
                        <Field id="threshold-value" label=m.default_threshold error=threshold_err>
                            <input id="threshold-value" name="threshold" type="number" min="0" step="1"
                                value=threshold_value/>
                        </Field>
                        <Done done=state.done() text=m.saved/>
                        <button type="submit" class="primary" prop:disabled=move || pending.get()>{m.save_threshold}</button>
                    </ActionForm>
                })}
            </section>
        </InventoryShell>
    }
}
