//! `/staff/inventory/adjust`: a manual adjustment with a reason (damaged, lost, found,
//! correction). `?variant=ID` (the ledger's "Adjust stock" link) fills in the variant's SKU.

use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;

use commerce::entity::enums::AdjustmentReason;

use super::{
    api::{adjust_form, AdjustStock},
    kept, kept_id, location_options,
    model::AdjustFormView,
    Csrf, Field, FormError, FormState, InventoryError, InventoryShell,
};
use crate::{context::request_locale, i18n};

/// The adjustment form.
#[component]
pub fn AdjustPage() -> impl IntoView {
    let locale = request_locale();
    let query = use_query_map();
    let variant = Memo::new(move |_| {
        // From the link that opened the form, or kept from a failed plain post.
        query.with(|q| kept_id(q, "variant"))
    });
    let data = Resource::new(move || variant.get(), move |v| adjust_form(locale, v));
    let action = ServerAction::<AdjustStock>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <AdjustView v action/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Suspense>
    }
}

const FIELDS: &[&str] = &["location", "code", "variant", "change", "reason", "note"];

#[component]
fn AdjustView(v: AdjustFormView, action: ServerAction<AdjustStock>) -> impl IntoView {
    let m = i18n::t(request_locale());
    let q = use_query_map().get_untracked();
    let state = FormState::new(action, "adjust", "location");
    let location_err = state.field(&["location"]);
    let code_err = state.field(&["code", "variant"]);
    let change_err = state.field(&["change"]);
    let reason_err = state.field(&["reason"]);
    let note_err = state.field(&["note"]);
    let selected = kept_id(&q, "location").or(match v.locations.as_slice() {
        [only] => Some(only.id),
        _ => None,
    });
    let code = Some(kept(&q, "code"))
        .filter(|c| !c.is_empty())
        .or_else(|| v.variant.as_ref().map(|x| x.sku.clone()))
        .unwrap_or_default();
    let reason = kept(&q, "reason");
    let (change, note) = (kept(&q, "change"), kept(&q, "note"));
    let variant_hint = v.variant.as_ref().map(|x| {
        if x.options.is_empty() {
            x.product.clone()
        } else {
            format!("{} · {}", x.product, x.options)
        }
    });
    let pending = action.pending();
    view! {
        <InventoryShell who=v.who.clone() title=m.adjust_stock.to_owned()>
            <h1>{m.adjust_stock}</h1>
            <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                <FormError message=state.general(FIELDS)/>
                <Csrf/>
                <Field id="adjust-location" label=m.location error=location_err>
                    <select id="adjust-location" name="location">
                        <option value="" selected=selected.is_none()>{m.choose}</option>
                        {location_options(&v.locations, selected)}
                    </select>
                </Field>
                <Field id="adjust-code" label=m.product_code error=code_err hint=variant_hint>
                    <input id="adjust-code" name="code" type="text" value=code autocomplete="off"
                        autocapitalize="characters" spellcheck="false" maxlength="64"/>
                </Field>
                <Field id="adjust-change" label=m.change error=change_err>
                    <input id="adjust-change" name="change" type="number" step="1" value=change/>
                </Field>
                <Field id="adjust-reason" label=m.reason error=reason_err>
                    <select id="adjust-reason" name="reason">
                        <option value="" selected=reason.is_empty()>{m.choose}</option>
                        {AdjustmentReason::ALL.iter().map(|r| view! {
                            <option value=r.word() selected=reason == r.word()>{i18n::errors::adjustment_reason(m, *r)}</option>
                        }).collect_view()}
                    </select>
                </Field>
                <Field id="adjust-note" label=m.note error=note_err>
                    <input id="adjust-note" name="note" type="text" maxlength="2000" value=note/>
                </Field>
                <button type="submit" class="primary" prop:disabled=move || pending.get()>{m.post_adjustment}</button>
            </ActionForm>
        </InventoryShell>
    }
}
