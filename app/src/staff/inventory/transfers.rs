//! `/staff/inventory/transfers` (the latest transfers and the new-transfer form) and
//! `/staff/inventory/transfers/{id}`: a draft is sent or cancelled; a sent transfer is received
//! with the quantity that arrived per line (a shortfall is booked as lost in transit).

use commerce::entity::enums::TransferStatus;
use leptos::{either::Either, prelude::*};
use leptos_router::hooks::use_query_map;

use super::{
    api::{
        transfer_page, transfers_page, CancelTransfer, CreateTransfer, ReceiveTransfer,
        SendTransfer,
    },
    invalid, kept, kept_id, location_options,
    model::{TransferView, TransfersView},
    num, route_id, when, Csrf, DocumentTable, Field, FieldError, FormError, FormState,
    InventoryError, InventoryShell,
};
use crate::{context::request_locale, i18n};

/// The transfer list and the new-transfer form.
#[component]
pub fn TransfersPage() -> impl IntoView {
    let locale = request_locale();
    let data = Resource::new(|| (), move |_| transfers_page(locale));
    let action = ServerAction::<CreateTransfer>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <TransfersList v action/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Suspense>
    }
}

const CREATE_FIELDS: &[&str] = &["from", "to", "lines", "quantity", "note"];

#[component]
fn TransfersList(v: TransfersView, action: ServerAction<CreateTransfer>) -> impl IntoView {
    let m = i18n::t(request_locale());
    let q = use_query_map().get_untracked();
    let state = FormState::new(action, "create", "from");
    let from_err = state.field(&["from"]);
    let to_err = state.field(&["to"]);
    let lines_err = state.field(&["lines", "quantity"]);
    let note_err = state.field(&["note"]);
    let from = kept_id(&q, "from").or(match v.from_locations.as_slice() {
        [only] => Some(only.id),
        _ => None,
    });
    let to = kept_id(&q, "to");
    let (lines, note) = (kept(&q, "lines"), kept(&q, "note"));
    let pending = action.pending();
    view! {
        <InventoryShell who=v.who.clone() title=m.transfers.to_owned()>
            <h1>{m.transfers}</h1>
            <section aria-labelledby="new-transfer-h">
                <h2 id="new-transfer-h">{m.new_transfer}</h2>
                <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                    <FormError message=state.general(CREATE_FIELDS)/>
                    <Csrf/>
                    <Field id="transfer-from" label=m.from_location error=from_err>
                        <select id="transfer-from" name="from">
                            <option value="" selected=from.is_none()>{m.choose}</option>
                            {location_options(&v.from_locations, from)}
                        </select>
                    </Field>
                    <Field id="transfer-to" label=m.to_location error=to_err>
                        <select id="transfer-to" name="to">
                            <option value="" selected=to.is_none()>{m.choose}</option>
                            {location_options(&v.to_locations, to)}
                        </select>
                    </Field>
                    <Field id="transfer-lines" label=m.code_lines error=lines_err hint=Some(m.code_lines_hint.to_owned())>
                        <textarea id="transfer-lines" name="lines" rows="6" spellcheck="false"
                            autocomplete="off" autocapitalize="characters">{lines}</textarea>
                    </Field>
                    <Field id="transfer-note" label=m.note error=note_err>
                        <input id="transfer-note" name="note" type="text" maxlength="2000" value=note/>
                    </Field>
                    <button type="submit" class="primary" prop:disabled=move || pending.get()>{m.create_transfer}</button>
                </ActionForm>
            </section>
            <section aria-labelledby="transfers-h">
                <h2 id="transfers-h">{m.transfers}</h2>
                <DocumentTable rows=v.transfers.clone() href_prefix="/staff/inventory/transfers" status=true empty=m.no_transfers/>
            </section>
        </InventoryShell>
    }
}

/// One transfer, with the actions its status allows.
#[component]
pub fn TransferPage() -> impl IntoView {
    let locale = request_locale();
    let id = route_id();
    let reload = RwSignal::new(0u32);
    let send = ServerAction::<SendTransfer>::new();
    let cancel = ServerAction::<CancelTransfer>::new();
    let receive = ServerAction::<ReceiveTransfer>::new();
    // With JavaScript a successful action reloads the transfer in place.
    Effect::new(move |_| {
        if let Some(Ok(())) = send.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = cancel.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = receive.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    let data = Resource::new(
        move || (id.get(), reload.get()),
        move |(id, _)| transfer_page(locale, id),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <TransferDoc v send cancel receive/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn TransferDoc(
    v: TransferView,
    send: ServerAction<SendTransfer>,
    cancel: ServerAction<CancelTransfer>,
    receive: ServerAction<ReceiveTransfer>,
) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let title = format!("{} {}", m.transfer, v.number);
    let send_state = FormState::new(send, "send", "");
    let cancel_state = FormState::new(cancel, "cancel", "");
    let receive_state = FormState::new(receive, "receive", "");
    let received_err = receive_state.field(&["received"]);
    let id = v.id;
    let date = move |d: Option<chrono::DateTime<chrono::Utc>>| match d {
        Some(d) => {
            view! { <time datetime=d.to_rfc3339()>{when(locale, d)}" UTC"</time> }.into_any()
        }
        None => view! { "—" }.into_any(),
    };
    let line_cells = move |l: &super::model::TransferLineView| {
        view! {
            <th scope="row"><a href=format!("/staff/inventory/variant/{}", l.variant.variant_id)>{l.variant.product.clone()}</a></th>
            <td>{l.variant.options.clone()}</td>
            <td class="sku">{l.variant.sku.clone()}</td>
            <td class="num" data-col="sent">{num(locale, l.sent)}</td>
        }
    };
    let draft_table = || {
        view! {
            <div class="table-wrap">
                <table class="lines">
                    <thead><tr>
                        <th scope="col">{m.product}</th><th scope="col">{m.variant}</th>
                        <th scope="col">{m.sku}</th><th scope="col" class="num">{m.quantity}</th>
                    </tr></thead>
                    <tbody>
                        {v.lines.iter().map(|l| view! { <tr data-sku=l.variant.sku.clone()>{line_cells(l)}</tr> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let body = match v.status {
        // Only staff who may act at the source send or cancel a draft, and only staff who may
        // act at the destination receive it: nobody is offered a form the server would refuse.
        TransferStatus::Draft if !v.may_send => draft_table(),
        TransferStatus::Draft => view! {
            {draft_table()}
            <FormError message=send_state.general(&[])/>
            <FormError message=cancel_state.general(&[])/>
            <div class="actions">
                <ActionForm action=send attr:class="inline-form">
                    <Csrf/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="primary" prop:disabled=move || send.pending().get()>{m.send}</button>
                </ActionForm>
                <ActionForm action=cancel attr:class="inline-form">
                    <Csrf/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" prop:disabled=move || cancel.pending().get()>{m.cancel_transfer}</button>
                </ActionForm>
            </div>
        }
        .into_any(),
        TransferStatus::Sent if v.may_receive => view! {
            <ActionForm action=receive attr:class="stock-form card wide" attr:novalidate=true>
                <FormError message=receive_state.general(&["received"])/>
                <Csrf/>
                <input type="hidden" name="id" value=id.to_string()/>
                <p class="hint" id="receive-hint">{m.shortfall_note}</p>
                <div class="table-wrap">
                    <table class="lines">
                        <thead><tr>
                            <th scope="col">{m.product}</th><th scope="col">{m.variant}</th>
                            <th scope="col">{m.sku}</th><th scope="col" class="num">{m.sent}</th>
                            <th scope="col" class="num">{m.received}</th>
                        </tr></thead>
                        <tbody>
                            {v.lines.iter().map(|l| {
                                let input_id = format!("received-{}", l.variant.variant_id);
                                view! {
                                    <tr data-sku=l.variant.sku.clone()>
                                        {line_cells(l)}
                                        <td class="num">
                                            <label class="visually-hidden" for=input_id.clone()>{m.received}" "{l.variant.sku.clone()}</label>
                                            <input id=input_id type="number" class="qty" min="0" max=l.sent.to_string() step="1"
                                                name=format!("received[{}]", l.variant.variant_id) value=l.sent.to_string()
                                                aria-invalid=invalid(received_err)
                                                aria-describedby=move || if received_err.get().is_some() { "received-error receive-hint" } else { "receive-hint" }/>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <FieldError id="received-error" message=received_err/>
                <button type="submit" class="primary" prop:disabled=move || receive.pending().get()>{m.receive}</button>
            </ActionForm>
        }
        .into_any(),
        _ => view! {
            <div class="table-wrap">
                <table class="lines">
                    <thead><tr>
                        <th scope="col">{m.product}</th><th scope="col">{m.variant}</th>
                        <th scope="col">{m.sku}</th><th scope="col" class="num">{m.sent}</th>
                        <th scope="col" class="num">{m.received}</th>
                    </tr></thead>
                    <tbody>
                        {v.lines.iter().map(|l| view! {
                            <tr data-sku=l.variant.sku.clone()>
                                {line_cells(l)}
                                <td class="num" data-col="received">{l.received.map_or_else(|| "—".to_owned(), |r| num(locale, r))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    };
    view! {
        <InventoryShell who=v.who.clone() title=title.clone()>
            <h1>{title}</h1>
            <dl class="facts transfer-facts">
                <dt>{m.status}</dt><dd class="status" data-status=v.status.word()>{i18n::errors::transfer_status(m, v.status)}</dd>
                <dt>{m.from_location}</dt><dd>{v.from.label()}</dd>
                <dt>{m.to_location}</dt><dd>{v.to.label()}</dd>
                <dt>{m.created}</dt><dd>{date(Some(v.created_at))}</dd>
                <dt>{m.sent}</dt><dd>{date(v.sent_at)}</dd>
                <dt>{m.received}</dt><dd>{date(v.received_at)}</dd>
                <dt>{m.note}</dt><dd>{v.note.clone().unwrap_or_else(|| "—".into())}</dd>
            </dl>
            {body}
            <p class="actions"><a class="button" href="/staff/inventory/transfers">{m.transfers}</a></p>
        </InventoryShell>
    }
}
