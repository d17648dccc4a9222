//! `/staff/inventory/adjust`: a manual adjustment with a reason (damaged, lost, found,
//! correction). `?variant=ID` (the ledger's "Adjust stock" link) fills in the variant's SKU.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{
    adjustment_label,
    api::{adjust_form, AdjustStock},
    described, invalid, kept, kept_id, location_options,
    model::AdjustFormView,
    Csrf, FieldError, FormError, FormState, InventoryError, InventoryShell,
};
use crate::{context::request_ctx, i18n};

/// The adjustment form.
#[component]
pub fn AdjustPage() -> impl IntoView {
    let locale = request_ctx().locale;
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
                    Ok(v) => view! { <AdjustView v action/> }.into_any(),
                    Err(e) => view! { <InventoryError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

const FIELDS: &[&str] = &["location", "code", "variant", "change", "reason", "note"];
const REASONS: [&str; 4] = ["damaged", "lost", "found", "correction"];

#[component]
fn AdjustView(v: AdjustFormView, action: ServerAction<AdjustStock>) -> impl IntoView {
    let m = i18n::t(request_ctx().locale);
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
    let pending = action.pending();
    view! {
        <InventoryShell who=v.who.clone() title=m.adjust_stock.to_owned()>
            <h1>{m.adjust_stock}</h1>
            <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                <FormError message=state.general(FIELDS)/>
                <Csrf/>
                <div class="field" class:invalid=move || location_err.get().is_some()>
                    <label for="adjust-location">{m.location}</label>
                    <select id="adjust-location" name="location"
                        aria-invalid=invalid(location_err)
                        aria-describedby=described(location_err, "adjust-location-error")>
                        <option value="" selected=selected.is_none()>{m.choose}</option>
                        {location_options(&v.locations, selected)}
                    </select>
                    <FieldError id="adjust-location-error" message=location_err/>
                </div>
                <div class="field" class:invalid=move || code_err.get().is_some()>
                    <label for="adjust-code">{m.product_code}</label>
                    <input id="adjust-code" name="code" type="text" value=code autocomplete="off"
                        autocapitalize="characters" spellcheck="false" maxlength="64"
                        aria-invalid=invalid(code_err)
                        aria-describedby=described(code_err, "adjust-code-error")/>
                    {v.variant.as_ref().map(|x| view! {
                        <p class="hint">{x.product.clone()}{(!x.options.is_empty()).then(|| format!(" · {}", x.options))}</p>
                    })}
                    <FieldError id="adjust-code-error" message=code_err/>
                </div>
                <div class="field" class:invalid=move || change_err.get().is_some()>
                    <label for="adjust-change">{m.change}</label>
                    <input id="adjust-change" name="change" type="number" step="1" value=kept(&q, "change")
                        aria-invalid=invalid(change_err)
                        aria-describedby=described(change_err, "adjust-change-error")/>
                    <FieldError id="adjust-change-error" message=change_err/>
                </div>
                <div class="field" class:invalid=move || reason_err.get().is_some()>
                    <label for="adjust-reason">{m.reason}</label>
                    <select id="adjust-reason" name="reason"
                        aria-invalid=invalid(reason_err)
                        aria-describedby=described(reason_err, "adjust-reason-error")>
                        <option value="" selected=reason.is_empty()>{m.choose}</option>
                        {REASONS.iter().map(|r| view! {
                            <option value=*r selected=reason == *r>{adjustment_label(m, r)}</option>
                        }).collect_view()}
                    </select>
                    <FieldError id="adjust-reason-error" message=reason_err/>
                </div>
                <div class="field" class:invalid=move || note_err.get().is_some()>
                    <label for="adjust-note">{m.note}</label>
                    <input id="adjust-note" name="note" type="text" maxlength="2000" value=kept(&q, "note")
                        aria-invalid=invalid(note_err)
                        aria-describedby=described(note_err, "adjust-note-error")/>
                    <FieldError id="adjust-note-error" message=note_err/>
                </div>
                <button type="submit" class="primary" prop:disabled=move || pending.get()>{m.post_adjustment}</button>
            </ActionForm>
        </InventoryShell>
    }
}
