//! `/staff/inventory/counts` (the latest counts and the new-count form) and
//! `/staff/inventory/counts/{id}`: scan codes (a barcode scanner types the code and Enter: each
//! scan counts one unit, `CODE 5` counts five) or type the counted number per line, review the
//! differences with what is on hand now, then post the count (or cancel it). A posted or
//! cancelled count is shown read-only.

use commerce::entity::enums::CountStatus;
use leptos::{either::Either, prelude::*};
use leptos_router::hooks::{use_location, use_query_map};

use super::{
    api::{count_page, counts_page, CancelCount, OpenCount, PostCount, RecordCount, ScanCount},
    clip, invalid, kept, kept_id, location_options,
    model::{CountLineView, CountQuery, CountShow, CountView, CountsView, ScannedLine},
    num, route_id, signed, when, Csrf, DocumentTable, Done, Field, FieldError, FormError,
    FormState, InventoryError, InventoryShell,
};
use crate::{context::request_locale, i18n, ui::Pager};

/// The count list and the new-count form.
#[component]
pub fn CountsPage() -> impl IntoView {
    let locale = request_locale();
    let data = Resource::new(|| (), move |_| counts_page(locale));
    let action = ServerAction::<OpenCount>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <CountsList v action/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CountsList(v: CountsView, action: ServerAction<OpenCount>) -> impl IntoView {
    let m = i18n::t(request_locale());
    let q = use_query_map().get_untracked();
    let state = FormState::new(action, "open", "location");
    let location_err = state.field(&["location"]);
    let category_err = state.field(&["category"]);
    let selected = kept_id(&q, "location").or(match v.locations.as_slice() {
        [only] => Some(only.id),
        _ => None,
    });
    let category = kept_id(&q, "category");
    let pending = action.pending();
    view! {
        <InventoryShell who=v.who.clone() title=m.stock_counts.to_owned()>
            <h1>{m.stock_counts}</h1>
            <section aria-labelledby="new-count-h">
                <h2 id="new-count-h">{m.new_count}</h2>
                <ActionForm action attr:class="stock-form card" attr:novalidate=true>
                    <FormError message=state.general(&["location", "category"])/>
                    <Csrf/>
                    <Field id="count-location" label=m.location error=location_err>
                        <select id="count-location" name="location">
                            <option value="" selected=selected.is_none()>{m.choose}</option>
                            {location_options(&v.locations, selected)}
                        </select>
                    </Field>
                    <Field id="count-category" label=m.count_scope error=category_err>
                        <select id="count-category" name="category">
                            <option value="" selected=category.is_none()>{m.everything}</option>
                            {v.categories.iter().map(|c| view! {
                                <option value=c.id.to_string() selected=category == Some(c.id)>{c.path.clone()}</option>
                            }).collect_view()}
                        </select>
                    </Field>
                    <button type="submit" class="primary" prop:disabled=move || pending.get()>{m.start_count}</button>
                </ActionForm>
            </section>
            <section aria-labelledby="counts-h">
                <h2 id="counts-h">{m.stock_counts}</h2>
                <DocumentTable rows=v.counts.clone() href_prefix="/staff/inventory/counts" status=true empty=m.no_counts/>
            </section>
        </InventoryShell>
    }
}

/// The actions of the count page (created once, so they outlive each reload of the count).
#[derive(Clone, Copy)]
struct CountActions {
    scan: ServerAction<ScanCount>,
    record: ServerAction<RecordCount>,
    post: ServerAction<PostCount>,
    cancel: ServerAction<CancelCount>,
    scan_input: NodeRef<leptos::html::Input>,
}

/// One count: scanning, counted quantities, review, post.
#[component]
pub fn CountPage() -> impl IntoView {
    let locale = request_locale();
    let id = route_id();
    let location = use_location();
    let reload = RwSignal::new(0u32);
    let refocus = RwSignal::new(false);
    let actions = CountActions {
        scan: ServerAction::new(),
        record: ServerAction::new(),
        post: ServerAction::new(),
        cancel: ServerAction::new(),
        scan_input: NodeRef::new(),
    };
    // With JavaScript a successful action reloads the count in place; after a scan the scan
    // box (rendered anew) gets the focus back, ready for the next code.
    Effect::new(move |_| {
        if let Some(Ok(_)) = actions.scan.value().get() {
            if let Some(input) = actions.scan_input.get_untracked() {
                input.set_value("");
                let _ = input.focus();
            }
            refocus.set(true);
            reload.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = actions.record.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = actions.post.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(())) = actions.cancel.value().get() {
            reload.update(|n| *n += 1);
        }
    });
    Effect::new(move |_| {
        if let Some(input) = actions.scan_input.get() {
            if refocus.get_untracked() {
                refocus.set(false);
                let _ = input.focus();
            }
        }
    });
    let data = Resource::new(
        move || (id.get(), location.search.get(), reload.get()),
        move |(id, query, _)| count_page(locale, id, clip(&query, 2_000).to_owned()),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => Either::Left(view! { <CountDoc v actions/> }),
                    Err(e) => Either::Right(view! { <InventoryError error=e/> }),
                }
            })}
        </Transition>
    }
}

#[component]
fn CountDoc(v: CountView, actions: CountActions) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let title = format!("{} {}", m.stock_count, v.number);
    let open = v.status == CountStatus::Open;
    let facts = view! {
        <dl class="facts count-facts">
            <dt>{m.status}</dt><dd class="status" data-status=v.status.word()>{i18n::errors::count_status(m, v.status)}</dd>
            <dt>{m.location}</dt><dd>{v.location.label()}</dd>
            <dt>{m.count_scope}</dt><dd>{v.category.clone().unwrap_or_else(|| m.everything.to_owned())}</dd>
            <dt>{m.created}</dt><dd><time datetime=v.created_at.to_rfc3339()>{when(locale, v.created_at)}" UTC"</time></dd>
            {v.posted_at.map(|p| view! {
                <dt>{m.status_posted}</dt><dd><time datetime=p.to_rfc3339()>{when(locale, p)}" UTC"</time></dd>
            })}
            <dt>{m.counted}</dt><dd class="progress">{format!("{} / {}", num(locale, v.counted_lines as i64), num(locale, v.total_lines as i64))}</dd>
        </dl>
    };
    let body = if open {
        view! { <OpenCountView v=v.clone() actions/> }.into_any()
    } else {
        view! {
            <p class="notice">{m.count_closed}</p>
            <div class="table-wrap">
                <table class="lines count-lines">
                    <thead><tr>
                        <th scope="col">{m.product}</th><th scope="col">{m.variant}</th><th scope="col">{m.sku}</th>
                        <th scope="col" class="num">{m.expected}</th><th scope="col" class="num">{m.counted}</th>
                    </tr></thead>
                    <tbody>
                        {v.lines.iter().map(|l| view! {
                            <tr data-sku=l.variant.sku.clone()>
                                {name_cells(l)}
                                <td class="num">{num(locale, l.expected)}</td>
                                <td class="num" data-col="counted">{l.counted.map_or_else(|| m.not_counted.to_owned(), |c| num(locale, c))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <InventoryShell who=v.who.clone() title=title.clone()>
            <h1>{title}</h1>
            {facts}
            {body}
            <p class="actions"><a class="button" href="/staff/inventory/counts">{m.stock_counts}</a></p>
        </InventoryShell>
    }
}

/// Product, variant and SKU cells of a count line (the product links to its ledger).
fn name_cells(l: &CountLineView) -> impl IntoView {
    view! {
        <th scope="row"><a href=format!("/staff/inventory/variant/{}", l.variant.variant_id)>{l.variant.product.clone()}</a></th>
        <td>{l.variant.options.clone()}</td>
        <td class="sku">{l.variant.sku.clone()}</td>
    }
}

#[component]
fn OpenCountView(v: CountView, actions: CountActions) -> impl IntoView {
    let locale = request_locale();
    let m = i18n::t(locale);
    let q = use_query_map().get_untracked();
    let CountActions {
        scan,
        record,
        post,
        cancel,
        scan_input,
    } = actions;
    let scan_state = FormState::new(scan, "scan", "");
    let scan_err = scan_state.field(&["codes", "counted", "quantity"]);
    let record_state = FormState::new(record, "record", "");
    let record_err = record_state.field(&["counted"]);
    let post_state = FormState::new(post, "post", "");
    let cancel_state = FormState::new(cancel, "cancel", "");
    let id = v.id;
    let page = v.page;
    let show_scan = v.show.word();
    let show_record = v.show.word();
    // What the last scan counted: the action's answer, or after a plain post the page address.
    let scan_value = scan.value();
    let scanned_query: Vec<ScannedLine> = q
        .get("scanned")
        .map(|s| {
            s.lines()
                .filter_map(|l| {
                    let (sku, n) = l.rsplit_once(' ')?;
                    Some(ScannedLine {
                        sku: sku.to_owned(),
                        counted: n.parse().ok()?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let scanned = Signal::derive(move || match scan_value.get() {
        Some(Ok(r)) => r.lines,
        Some(Err(_)) => Vec::new(),
        None => scanned_query.clone(),
    });
    let pager = {
        let show = v.show;
        Callback::new(move |page: u64| CountQuery { show, page }.href(id))
    };
    let filter = |show: CountShow, label: &'static str| {
        let href = CountQuery { show, page: 1 }.href(id);
        let current = v.show == show;
        view! {
            <li><a href=href class:selected=current aria-current=current.then_some("true")>{label}</a></li>
        }
    };
    let lines = v
        .lines
        .iter()
        .map(|l| {
            let input_id = format!("counted-{}", l.variant.variant_id);
            let value = l.counted.map(|c| c.to_string()).unwrap_or_default();
            view! {
                <tr data-sku=l.variant.sku.clone() class:differs=l.change != 0>
                    {name_cells(l)}
                    <td class="num" data-col="expected">{num(locale, l.expected)}</td>
                    <td class="num" data-col="on_hand">{num(locale, l.on_hand)}</td>
                    <td class="num">
                        <label class="visually-hidden" for=input_id.clone()>{m.counted}" "{l.variant.sku.clone()}</label>
                        <input id=input_id type="number" class="qty" min="0" step="1"
                            name=format!("counted[{}]", l.variant.variant_id) value=value.clone() prop:value=value.clone()
                            aria-invalid=invalid(record_err)
                            aria-describedby=move || if record_err.get().is_some() { "record-error count-hint" } else { "count-hint" }/>
                        <input type="hidden" name=format!("was[{}]", l.variant.variant_id) value=value/>
                    </td>
                    <td class="num" data-col="change">{l.counted.map(|_| signed(locale, l.change))}</td>
                </tr>
            }
        })
        .collect_view();
    let review = if v.differences.is_empty() {
        view! { <p class="empty">{m.no_differences}</p> }.into_any()
    } else {
        view! {
            <div class="table-wrap">
                <table class="lines review">
                    <thead><tr>
                        <th scope="col">{m.product}</th><th scope="col">{m.variant}</th><th scope="col">{m.sku}</th>
                        <th scope="col" class="num">{m.expected}</th><th scope="col" class="num">{m.on_hand_now}</th>
                        <th scope="col" class="num">{m.counted}</th><th scope="col" class="num">{m.change_short}</th>
                    </tr></thead>
                    <tbody>
                        {v.differences.iter().map(|l| view! {
                            <tr data-sku=l.variant.sku.clone()>
                                {name_cells(l)}
                                <td class="num" data-col="expected">{num(locale, l.expected)}</td>
                                <td class="num" data-col="on_hand">{num(locale, l.on_hand)}</td>
                                <td class="num" data-col="counted">{l.counted.map(|c| num(locale, c))}</td>
                                <td class="num" data-col="change">{signed(locale, l.change)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <ActionForm action=scan attr:class="scan-form card" attr:novalidate=true>
            <Csrf/>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="show" value=show_scan/>
            <input type="hidden" name="page" value=page.to_string()/>
            <div class="field" class:invalid=move || scan_err.get().is_some()>
                <label for="count-scan">{m.scan_code}</label>
                <div class="scan-row">
                    <input id="count-scan" name="codes" type="text" autofocus=true autocomplete="off"
                        autocapitalize="characters" spellcheck="false" enterkeyhint="done"
                        value=kept(&q, "codes") node_ref=scan_input
                        aria-invalid=invalid(scan_err)
                        aria-describedby=move || if scan_err.get().is_some() { "scan-error scan-hint" } else { "scan-hint" }/>
                    <button type="submit" class="primary">{m.add}</button>
                </div>
                <FieldError id="scan-error" message=scan_err/>
                {move || {
                    let lines = scanned.get();
                    (!lines.is_empty()).then(|| view! {
                        <p class="notice ok scanned" role="status">
                            {lines.iter().map(|l| i18n::counted_so_far(locale, &l.sku, l.counted)).collect::<Vec<_>>().join(" · ")}
                        </p>
                    })
                }}
                <p class="hint" id="scan-hint">{m.scan_hint}</p>
            </div>
            <FormError message=scan_state.general(&["codes", "counted", "quantity"])/>
        </ActionForm>
        <nav class="count-filter" aria-label=m.filters>
            <ul>
                {filter(CountShow::All, m.all_lines)}
                {filter(CountShow::Counted, m.counted_only)}
                {filter(CountShow::Differences, m.differences_only)}
            </ul>
        </nav>
        <ActionForm action=record attr:class="record-form" attr:novalidate=true>
            <FormError message=record_state.general(&["counted"])/>
            <Csrf/>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="show" value=show_record/>
            <input type="hidden" name="page" value=page.to_string()/>
            <p class="hint" id="count-hint">{m.count_empty_hint}</p>
            {if v.lines.is_empty() {
                view! { <p class="empty">{m.no_lines_shown}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="lines count-lines">
                            <thead><tr>
                                <th scope="col">{m.product}</th><th scope="col">{m.variant}</th><th scope="col">{m.sku}</th>
                                <th scope="col" class="num">{m.expected}</th><th scope="col" class="num">{m.on_hand_now}</th>
                                <th scope="col" class="num">{m.counted}</th><th scope="col" class="num">{m.change_short}</th>
                            </tr></thead>
                            <tbody>{lines}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
            <Pager page=v.page pages=v.pages href=pager/>
            <FieldError id="record-error" message=record_err/>
            <Done done=record_state.done() text=m.saved/>
            <button type="submit" prop:disabled=move || record.pending().get()>{m.save_counted}</button>
        </ActionForm>
        <section class="review-section" aria-labelledby="review-h">
            <h2 id="review-h">{m.differences_to_post}</h2>
            {review}
            <FormError message=post_state.general(&[])/>
            <FormError message=cancel_state.general(&[])/>
            <div class="actions">
                <ActionForm action=post attr:class="inline-form">
                    <Csrf/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" class="primary" prop:disabled=move || post.pending().get()>{m.post_count}</button>
                </ActionForm>
                <ActionForm action=cancel attr:class="inline-form">
                    <Csrf/>
                    <input type="hidden" name="id" value=id.to_string()/>
                    <button type="submit" prop:disabled=move || cancel.pending().get()>{m.cancel_count}</button>
                </ActionForm>
            </div>
        </section>
    }
}
