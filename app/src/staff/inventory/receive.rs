//! `/staff/inventory/receive` (record a delivery: location, supplier, note and the codes that
//! arrived, typed or scanned one per line) and `/staff/inventory/receipts/{id}` (the receipt).

use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;

use super::{
    api::{receipt_page, receive_form, ReceiveStock},
    kept, kept_id, location_options,
    model::{ReceiptView, ReceiveFormView},
    num, route_id, when, Csrf, DocumentTable, Field, FormError, FormState, InventoryError,
    InventoryShell,
};
use crate::{context::request_locale, i18n};

/// The receive form with the latest receipts.
#[component]
pub fn ReceivePage() -> impl IntoView {
    let locale = request_locale();
    let data = Resource::new(|| (), move |_| receive_form(locale));
    let action = ServerAction::<ReceiveStock>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <ReceiveView v action/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Suspense>
    }
}

const FIELDS: &[&str] = &["location", "supplier", "note", "lines", "quantity"];

#[component]
fn ReceiveView(v: ReceiveFormView, action: ServerAction<ReceiveStock>) -> impl IntoView {
    let m = i18n::t(request_locale());
    let q = use_query_map().get_untracked();
    let state = FormState::new(action, "receive", "location");
    let location_err = state.field(&["location"]);
    let supplier_err = state.field(&["supplier"]);
    let note_err = state.field(&["note"]);
    let lines_err = state.field(&["lines", "quantity"]);
    let selected = kept_id(&q, "location").or(match v.locations.as_slice() {
        [only] => Some(only.id),
        _ => None,
    });
    let (supplier, note, lines) = (kept(&q, "supplier"), kept(&q, "note"), kept(&q, "lines"));
    let pending = action.pending();
    view! {
        <InventoryShell who=v.who.clone() title=m.receive_stock.to_owned()>
            <h1>{m.receive_stock}</h1>
            <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                <FormError message=state.general(FIELDS)/>
                <Csrf/>
                <Field id="receive-location" label=m.location error=location_err>
                    <select id="receive-location" name="location">
                        <option value="" selected=selected.is_none()>{m.choose}</option>
                        {location_options(&v.locations, selected)}
                    </select>
                </Field>
                <Field id="receive-supplier" label=m.supplier error=supplier_err>
                    <input id="receive-supplier" name="supplier" type="text" maxlength="200" value=supplier/>
                </Field>
                <Field id="receive-note" label=m.note error=note_err>
                    <input id="receive-note" name="note" type="text" maxlength="2000" value=note/>
                </Field>
                <Field id="receive-lines" label=m.code_lines error=lines_err hint=Some(m.code_lines_hint.to_owned())>
                    <textarea id="receive-lines" name="lines" rows="8" spellcheck="false"
                        autocomplete="off" autocapitalize="characters">{lines}</textarea>
                </Field>
                <button type="submit" class="primary" prop:disabled=move || pending.get()>{m.receive}</button>
            </ActionForm>
            <section aria-labelledby="receipts-h">
                <h2 id="receipts-h">{m.recent_receipts}</h2>
                <DocumentTable rows=v.receipts.clone() href_prefix="/staff/inventory/receipts" empty=m.no_receipts/>
            </section>
        </InventoryShell>
    }
}

/// A receipt: where, from whom, what.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let locale = request_locale();
    let id = route_id();
    let data = Resource::new(move || id.get(), move |id| receipt_page(locale, id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <ReceiptDoc v/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReceiptDoc(v: ReceiptView) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let title = format!("{} {}", m.goods_receipt, v.number);
    let just_received = use_query_map().with_untracked(|q| q.get_str("done") == Some("receive"));
    view! {
        <InventoryShell who=v.who.clone() title=title.clone()>
            <h1>{title}</h1>
            {just_received.then(|| view! { <p class="notice ok" role="status">{m.stock_received}</p> })}
            <dl class="facts">
                <dt>{m.status}</dt><dd>{m.status_received}</dd>
                <dt>{m.location}</dt><dd>{v.location.label()}</dd>
                <dt>{m.supplier}</dt><dd>{v.supplier.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{m.note}</dt><dd>{v.note.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{m.date}</dt><dd><time datetime=v.created_at.to_rfc3339()>{when(locale, v.created_at)}" UTC"</time></dd>
            </dl>
            <div class="table-wrap">
                <table class="lines">
                    <thead>
                        <tr>
                            <th scope="col">{m.product}</th>
                            <th scope="col">{m.variant}</th>
                            <th scope="col">{m.sku}</th>
                            <th scope="col" class="num">{m.quantity}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {v.lines.iter().map(|l| view! {
                            <tr data-sku=l.variant.sku.clone()>
                                <th scope="row"><a href=format!("/staff/inventory/variant/{}", l.variant.variant_id)>{l.variant.product.clone()}</a></th>
                                <td>{l.variant.options.clone()}</td>
                                <td class="sku">{l.variant.sku.clone()}</td>
                                <td class="num">{num(locale, l.quantity)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p class="actions">
                <a class="button" href="/staff/inventory">{m.back_to_inventory}</a>
                <a class="button" href="/staff/inventory/receive">{m.receive_more}</a>
            </p>
        </InventoryShell>
    }
}
