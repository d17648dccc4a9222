//! `/staff/inventory/variant/{id}`: a variant's stock at every location, its own low-stock
//! threshold, and its movement ledger (newest first, with the running balance at each
//! location), filtered by location, 50 a page.

use leptos::{either::Either, prelude::*};
use leptos_router::hooks::{use_location, use_query_map};

use super::{
    adjustment_label,
    api::{ledger_page, SetVariantThreshold},
    clip, kept, location_options,
    model::LedgerView,
    movement_label, num, query_error, route_id, signed, when, Csrf, Done, Field, FormError,
    FormState, InventoryError, InventoryShell,
};
use crate::{context::request_locale, i18n, ui::Pager};

/// The ledger page.
#[component]
pub fn LedgerPage() -> impl IntoView {
    let locale = request_locale();
    let id = route_id();
    let location = use_location();
    let reload = RwSignal::new(0u32);
    let action = ServerAction::<SetVariantThreshold>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    let data = Resource::new(
        move || (id.get(), location.search.get(), reload.get()),
        move |(id, query, _)| ledger_page(locale, id, clip(&query, 2_000).to_owned()),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <LedgerDoc v action/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn LedgerDoc(v: LedgerView, action: ServerAction<SetVariantThreshold>) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let q = use_query_map().get_untracked();
    let adjusted = q.get_str("done") == Some("adjust");
    let state = FormState::new(action, "threshold", "");
    let threshold_err = state.field(&["threshold"]);
    let base = format!("/staff/inventory/variant/{}", v.ledger.label.variant_id);
    let href = {
        let base = base.clone();
        let location = v.location;
        Callback::new(move |p: u64| {
            let mut parts = Vec::new();
            if let Some(l) = location {
                parts.push(format!("location={l}"));
            }
            if p > 1 {
                parts.push(format!("page={p}"));
            }
            if parts.is_empty() {
                base.clone()
            } else {
                format!("{base}?{}", parts.join("&"))
            }
        })
    };
    let title = if v.ledger.label.options.is_empty() {
        v.ledger.label.product.clone()
    } else {
        format!("{} · {}", v.ledger.label.product, v.ledger.label.options)
    };
    // After a failed plain post, what was typed; else the saved value.
    let threshold = match query_error(&q, "threshold") {
        Some(_) => kept(&q, "threshold"),
        None => v
            .ledger
            .label
            .low_stock_threshold
            .map(|t| t.to_string())
            .unwrap_or_default(),
    };
    let pending = action.pending();
    let stock_rows = v
        .ledger
        .locations
        .iter()
        .zip(&v.ledger.cells)
        .map(|(l, c)| {
            view! {
                <tr data-location=l.code.clone()>
                    <th scope="row">{l.label()}</th>
                    <td class="num" data-col="on_hand">{num(locale, c.on_hand)}</td>
                    <td class="num" data-col="reserved">{num(locale, c.reserved)}</td>
                    <td class="num available" class:low=c.low data-col="available">
                        {num(locale, c.available)}
                        {c.low.then(|| view! { " "<span class="low-flag">{m.low_marker}</span> })}
                    </td>
                    <td class="num" data-col="incoming">{num(locale, c.incoming)}</td>
                    <td class="num" data-col="threshold">{num(locale, c.threshold)}</td>
                </tr>
            }
        })
        .collect_view();
    let movements = if v.ledger.rows.is_empty() {
        view! { <p class="empty">{m.no_movements}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="ledger">
                    <thead><tr>
                        <th scope="col">{m.time}</th>
                        <th scope="col">{m.location}</th>
                        <th scope="col" class="num">{m.change_short}</th>
                        <th scope="col">{m.reason}</th>
                        <th scope="col">{m.document}</th>
                        <th scope="col">{m.staff_member}</th>
                        <th scope="col">{m.note}</th>
                        <th scope="col" class="num">{m.balance}</th>
                    </tr></thead>
                    <tbody>
                        {v.ledger.rows.iter().map(|r| {
                            let reason = match r.adjustment_reason {
                                Some(a) => format!("{} ({})", movement_label(m, r.reason), adjustment_label(m, a)),
                                None => movement_label(m, r.reason).to_owned(),
                            };
                            view! {
                                <tr data-reason=r.reason.word() data-location=r.location_code.clone()>
                                    <td><time datetime=r.created_at.to_rfc3339()>{when(locale, r.created_at)}</time></td>
                                    <td>{r.location_code.clone()}</td>
                                    <td class="num" data-col="quantity">{signed(locale, r.quantity)}</td>
                                    <td>{reason}</td>
                                    <td>{r.document.clone().map(|d| match d.href() {
                                        Some(href) => view! { <a href=href>{d.number}</a> }.into_any(),
                                        None => view! { {d.number} }.into_any(),
                                    })}</td>
                                    <td>{r.staff_name.clone()}</td>
                                    <td class="note">{r.note.clone()}</td>
                                    <td class="num" data-col="balance">{num(locale, r.balance_after)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="hint">{m.times_in_utc}</p>
        }
        .into_any()
    };
    view! {
        <InventoryShell who=v.who.clone() title=title.clone()>
            <h1>{title}</h1>
            {adjusted.then(|| view! { <p class="notice ok" role="status">{m.stock_adjusted}</p> })}
            <dl class="facts">
                <dt>{m.sku}</dt><dd class="sku">{v.ledger.label.sku.clone()}</dd>
                <dt>{m.barcode}</dt><dd>{v.ledger.label.barcode.clone().unwrap_or_else(|| "—".into())}</dd>
            </dl>
            {v.who.can_adjust.then(|| view! {
                <p class="actions">
                    <a class="button" href=format!("/staff/inventory/adjust?variant={}", v.ledger.label.variant_id)>{m.adjust_stock}</a>
                </p>
            })}
            <section aria-labelledby="stock-h">
                <h2 id="stock-h">{m.stock_by_location}</h2>
                <div class="table-wrap">
                    <table class="variant-stock">
                        <thead><tr>
                            <th scope="col">{m.location}</th>
                            <th scope="col" class="num">{m.on_hand}</th>
                            <th scope="col" class="num">{m.reserved}</th>
                            <th scope="col" class="num">{m.available}</th>
                            <th scope="col" class="num">{m.incoming}</th>
                            <th scope="col" class="num">{m.threshold}</th>
                        </tr></thead>
                        <tbody>{stock_rows}</tbody>
                    </table>
                </div>
                // A variant's own threshold applies at every location: owners set it.
                {v.who.everywhere.then(|| view! {
                    <ActionForm action attr:class="stock-form card threshold-form" attr:novalidate=true>
                        <FormError message=state.general(&["threshold"])/>
                        <Csrf/>
                        <input type="hidden" name="variant" value=v.ledger.label.variant_id.to_string()/>
                        <Field id="variant-threshold" label=m.own_threshold error=threshold_err>
                            <input id="variant-threshold" name="threshold" type="number" min="0" step="1" value=threshold/>
                        </Field>
                        <Done done=state.done() text=m.saved/>
                        <button type="submit" prop:disabled=move || pending.get()>{m.save_threshold}</button>
                    </ActionForm>
                }.into_any())}
            </section>
            <section aria-labelledby="movements-h">
                <h2 id="movements-h">{m.movements}</h2>
                <form class="filter-form" method="get" action=base.clone()>
                    <div class="field">
                        <label for="ledger-location">{m.location}</label>
                        <select id="ledger-location" name="location">
                            <option value="" selected=v.location.is_none()>{m.all_locations}</option>
                            {location_options(&v.ledger.locations, v.location)}
                        </select>
                    </div>
                    <button type="submit" class="primary">{m.show}</button>
                </form>
                {movements}
                <Pager page=v.ledger.page pages=v.ledger.pages href/>
            </section>
        </InventoryShell>
    }
}
