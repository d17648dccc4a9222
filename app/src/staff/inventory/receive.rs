//! `/staff/inventory/receive` (record a delivery: location, supplier, note and the codes that
//! arrived, typed or scanned one per line) and `/staff/inventory/receipts/{id}` (the receipt).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    api::{receipt_page, receive_form, ReceiveStock},
    described, invalid, kept, kept_id, location_options,
    model::{ReceiptView, ReceiveFormView},
    num, route_id, when, Csrf, DocumentTable, FieldError, FormError, FormState, InventoryError,
    InventoryShell,
};
use crate::{context::request_ctx, i18n};

/// The receive form with the latest receipts.
#[component]
pub fn ReceivePage() -> impl IntoView {
    let locale = request_ctx().locale;
    let data = Resource::new(|| (), move |_| receive_form(locale));
    let action = ServerAction::<ReceiveStock>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <ReceiveView v action/> }.into_any(),
                    Err(e) => view! { <InventoryError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const FIELDS: &[&str] = &["location", "supplier", "note", "lines", "quantity"];

#[component]
fn ReceiveView(v: ReceiveFormView, action: ServerAction<ReceiveStock>) -> impl IntoView {
    let m = i18n::t(request_ctx().locale);
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
    let pending = action.pending();
    view! {
        <InventoryShell who=v.who.clone() title=m.receive_stock.to_owned()>
            <h1>{m.receive_stock}</h1>
            <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                <FormError message=state.general(FIELDS)/>
                <Csrf/>
                <div class="field" class:invalid=move || location_err.get().is_some()>
                    <label for="receive-location">{m.location}</label>
                    <select id="receive-location" name="location"
                        aria-invalid=invalid(location_err)
                        aria-describedby=described(location_err, "receive-location-error")>
                        <option value="" selected=selected.is_none()>{m.choose}</option>
                        {location_options(&v.locations, selected)}
                    </select>
                    <FieldError id="receive-location-error" message=location_err/>
                </div>
                <div class="field" class:invalid=move || supplier_err.get().is_some()>
                    <label for="receive-supplier">{m.supplier}</label>
                    <input id="receive-supplier" name="supplier" type="text" maxlength="200"
                        value=kept(&q, "supplier")
                        aria-invalid=invalid(supplier_err)
                        aria-describedby=described(supplier_err, "receive-supplier-error")/>
                    <FieldError id="receive-supplier-error" message=supplier_err/>
                </div>
                <div class="field" class:invalid=move || note_err.get().is_some()>
                    <label for="receive-note">{m.note}</label>
                    <input id="receive-note" name="note" type="text" maxlength="2000"
                        value=kept(&q, "note")
                        aria-invalid=invalid(note_err)
                        aria-describedby=described(note_err, "receive-note-error")/>
                    <FieldError id="receive-note-error" message=note_err/>
                </div>
                <div class="field" class:invalid=move || lines_err.get().is_some()>
                    <label for="receive-lines">{m.code_lines}</label>
                    <textarea id="receive-lines" name="lines" rows="8" spellcheck="false"
                        autocomplete="off" autocapitalize="characters"
                        aria-invalid=invalid(lines_err)
                        aria-describedby=move || if lines_err.get().is_some() {
                            "receive-lines-error receive-lines-hint"
                        } else {
                            "receive-lines-hint"
                        }>{kept(&q, "lines")}</textarea>
                    <FieldError id="receive-lines-error" message=lines_err/>
                    <p class="hint" id="receive-lines-hint">{m.code_lines_hint}</p>
                </div>
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
    let locale = request_ctx().locale;
    let id = route_id();
    let data = Resource::new(move || id.get(), move |id| receipt_page(locale, id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => view! { <ReceiptDoc v/> }.into_any(),
                    Err(e) => view! { <InventoryError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReceiptDoc(v: ReceiptView) -> impl IntoView {
    let locale = request_ctx().locale;
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
                                <th scope="row"><a href=format!("/staff/inventory/variant/{}", l.variant.id)>{l.variant.product.clone()}</a></th>
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
