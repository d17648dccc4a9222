//! `/staff/inventory…`: stock by location, receiving, adjustments, transfers, stock counts, the
//! low-stock list and each variant's movement ledger (DESIGN §3.2 "Inventory").
//!
//! Every page renders in full on the server, and every form is an [`ActionForm`]: a plain
//! `POST` to its server function. Without JavaScript the browser posts the form and follows the
//! redirect the server function answers with: on success to the result (the receipt, the
//! transfer, the ledger…), on failure back to the form, where the message appears next to its
//! field and nothing typed is lost ([`FormState`]). With JavaScript
//! the same form is sent by the hydrated page; the error comes back as the action's value and is
//! shown in the same place, and success navigates client-side or reloads the page's data.
//!
//! The error and the input of a failed plain post never travel in the URL (browser history,
//! proxy logs, URL length limits): they are kept in the session as a one-shot
//! [`Flash`](crate::context::Flash) that the redirect names with `?flash=<id>`.
//!
//! Who may do what is decided on the server: [`api`] checks the role's permission
//! (`ManageInventory` to see stock, receive, transfer and set thresholds; `AdjustStock` to adjust
//! and count) and `commerce::inventory` checks that a manager acts only at their stores'
//! locations.

pub mod adjust;
pub mod api;
pub mod counts;
pub mod ledger;
pub mod low_stock;
pub mod model;
pub mod receive;
pub mod stock;
pub mod transfers;

use chrono::{DateTime, Datelike, Timelike, Utc};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::{hooks::use_query_map, params::ParamsMap};

use self::model::{DocumentRow, LocationOption, Who};
use super::layout::StaffLayout;
use crate::{
    context::request_ctx,
    error::{AppError, ErrorPage},
    i18n::{self, Locale, Messages},
};

/// Longest value of one form field kept for the form after a failed plain post.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub(crate) const MAX_KEPT_INPUT: usize = 64_000;

/// Cuts `s` to at most `max` bytes on a character boundary.
pub(crate) fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The failed plain post of form `form` this page was sent back with, if any: the request's
/// [`Flash`](crate::context::Flash), while the address still names it.
fn flash_for(q: &ParamsMap, form: &str) -> Option<crate::context::Flash> {
    let id = q.get_str("flash")?;
    request_ctx().flash.filter(|f| f.id == id && f.form == form)
}

/// The error of form `form` after a failed plain post, if any.
pub(crate) fn query_error(q: &ParamsMap, form: &str) -> Option<AppError> {
    flash_for(q, form).map(|f| f.error)
}

/// A form field's value kept after a failed plain post (empty when there is none).
pub(crate) fn kept(q: &ParamsMap, field: &str) -> String {
    let Some(id) = q.get_str("flash") else {
        return String::new();
    };
    request_ctx()
        .flash
        .filter(|f| f.id == id)
        .map(|f| f.input(field))
        .unwrap_or_default()
}

/// The state of one form on a page: its last error and whether it just succeeded, whether the
/// form was sent by the hydrated page (the action's value) or posted without JavaScript (the
/// query string of the page the server redirected back to).
#[derive(Clone, Copy)]
pub(crate) struct FormState {
    error: Signal<Option<AppError>>,
    done: Signal<bool>,
    locale: Locale,
    /// The field next to which "you may not act at this location" is shown.
    forbidden_field: &'static str,
}

impl FormState {
    /// The state of the form named `form` (the name its server function puts in the query
    /// string), sent through `action`.
    pub(crate) fn new<S>(
        action: ServerAction<S>,
        form: &'static str,
        forbidden_field: &'static str,
    ) -> Self
    where
        S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
        S::Output: Clone + Send + Sync + 'static,
    {
        let query = use_query_map();
        let value = action.value();
        let error = Signal::derive(move || match value.get() {
            Some(Err(e)) => Some(e),
            Some(Ok(_)) => None,
            None => query.with(|q| query_error(q, form)),
        });
        let done = Signal::derive(move || match value.get() {
            Some(result) => result.is_ok(),
            None => query.with(|q| q.get_str("done") == Some(form)),
        });
        FormState {
            error,
            done,
            locale: request_ctx().locale,
            forbidden_field,
        }
    }

    /// The message that belongs next to one of `fields`, if the last error does.
    pub(crate) fn field(self, fields: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || match self.error.get()? {
            AppError::Validation {
                field: Some(f),
                message,
            } if fields.contains(&f.as_str()) => Some(message),
            AppError::Forbidden if fields.contains(&self.forbidden_field) => {
                Some(i18n::t(self.locale).inventory_forbidden.to_owned())
            }
            _ => None,
        })
    }

    /// The message of an error that belongs to none of `fields` (shown above the form).
    pub(crate) fn general(self, fields: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || {
            let m = i18n::t(self.locale);
            match self.error.get()? {
                AppError::Validation { field: Some(f), .. } if fields.contains(&f.as_str()) => None,
                AppError::Forbidden if fields.contains(&self.forbidden_field) => None,
                AppError::Validation { message, .. } | AppError::Conflict(message) => Some(message),
                AppError::Forbidden => Some(m.inventory_forbidden.to_owned()),
                AppError::NotFound => Some(m.not_found_body.to_owned()),
                AppError::Unauthorized => Some(m.session_expired.to_owned()),
                AppError::Internal | AppError::Transport(_) => Some(m.server_error_body.to_owned()),
            }
        })
    }

    /// The form just succeeded.
    pub(crate) fn done(self) -> Signal<bool> {
        self.done
    }
}

/// A field's error message under it (`id` for `aria-describedby`).
#[component]
pub(crate) fn FieldError(id: &'static str, message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|e| view! { <p class="field-error" id=id>{e}</p> })
    }
}

/// A form's error that belongs to no single field, as an alert above the form.
#[component]
pub(crate) fn FormError(message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|e| view! { <p class="form-error" role="alert">{e}</p> })
    }
}

/// "Saved." after a form that stays on its page succeeded.
#[component]
pub(crate) fn Done(done: Signal<bool>, text: &'static str) -> impl IntoView {
    move || {
        done.get()
            .then(|| view! { <p class="notice ok" role="status">{text}</p> })
    }
}

/// `aria-invalid` for a field with this error.
pub(crate) fn invalid(
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || message.get().map(|_| "true")
}

/// `aria-describedby` pointing at the field's error when there is one.
pub(crate) fn described(
    message: Signal<Option<String>>,
    id: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || message.get().map(|_| id)
}

/// The hidden CSRF field every form carries.
#[component]
pub(crate) fn Csrf() -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=request_ctx().csrf/> }
}

/// Frame of every inventory page: title, staff header, breadcrumbs and the inventory sections.
#[component]
pub(crate) fn InventoryShell(who: Who, title: String, children: Children) -> impl IntoView {
    let m = i18n::t(request_ctx().locale);
    let section = section_of(
        &leptos_router::hooks::use_location()
            .pathname
            .get_untracked(),
    );
    let current = move |s: &'static str| (section == s).then_some("page");
    view! {
        <Title text=format!("{title} · {}", m.shop_name)/>
        <StaffLayout signed_in_as=who.name.clone()>
            <nav class="breadcrumbs" aria-label=m.breadcrumb>
                <a href="/staff">{m.staff_home}</a>" › "<a href="/staff/inventory">{m.inventory}</a>
            </nav>
            <nav class="inventory-nav" aria-label=m.inventory_sections>
                <ul>
                    <li><a href="/staff/inventory" aria-current=current("stock")>{m.stock_by_location}</a></li>
                    <li><a href="/staff/inventory/receive" aria-current=current("receive")>{m.receive_stock}</a></li>
                    {who.can_adjust.then(|| view! { <li><a href="/staff/inventory/adjust" aria-current=current("adjust")>{m.adjust_stock}</a></li> })}
                    <li><a href="/staff/inventory/transfers" aria-current=current("transfers")>{m.transfers}</a></li>
                    {who.can_adjust.then(|| view! { <li><a href="/staff/inventory/counts" aria-current=current("counts")>{m.stock_counts}</a></li> })}
                    <li><a href="/staff/inventory/low-stock" aria-current=current("low-stock")>{m.low_stock_list}</a></li>
                </ul>
            </nav>
            <div class="inventory">{children()}</div>
        </StaffLayout>
    }
}

/// The inventory section a path belongs to (`stock`, `receive`, `adjust`, `transfers`,
/// `counts`, `low-stock`), for `aria-current` in the sub-navigation; `""` for a ledger.
fn section_of(path: &str) -> &'static str {
    match path.trim_end_matches('/').strip_prefix("/staff/inventory") {
        Some("") => "stock",
        Some(rest) => {
            let first = rest.trim_start_matches('/').split('/').next().unwrap_or("");
            match first {
                "receive" | "receipts" => "receive",
                "adjust" => "adjust",
                "transfers" => "transfers",
                "counts" => "counts",
                "low-stock" => "low-stock",
                _ => "",
            }
        }
        None => "",
    }
}

/// The error page inside the staff frame (403 for a role without the permission…).
#[component]
pub(crate) fn InventoryError(error: AppError) -> impl IntoView {
    view! { <StaffLayout><ErrorPage error/></StaffLayout> }
}

/// `<option>`s for a location `<select>`, with `selected` chosen.
pub(crate) fn location_options(
    locations: &[LocationOption],
    selected: Option<i64>,
) -> impl IntoView {
    locations
        .iter()
        .map(|l| {
            view! { <option value=l.id.to_string() selected=selected == Some(l.id)>{l.label()}</option> }
        })
        .collect_view()
}

/// A list of receipts, transfers or counts; each number links to `{href_prefix}/{id}`.
#[component]
pub(crate) fn DocumentTable(
    rows: Vec<DocumentRow>,
    href_prefix: &'static str,
    /// Show the status column (receipts have none).
    #[prop(optional)]
    status: bool,
    /// Shown when there is no row.
    empty: &'static str,
) -> impl IntoView {
    let locale = request_ctx().locale;
    let m = i18n::t(locale);
    if rows.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="documents">
                <thead>
                    <tr>
                        <th scope="col">{m.number}</th>
                        <th scope="col">{m.location}</th>
                        {status.then(|| view! { <th scope="col">{m.status}</th> })}
                        <th scope="col" class="num">{m.lines}</th>
                        <th scope="col">{m.date}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|d| view! {
                        <tr>
                            <th scope="row"><a href=format!("{href_prefix}/{}", d.id)>{d.number}</a></th>
                            <td>{d.place}</td>
                            {status.then(|| view! { <td class="status" data-status=d.status.clone()>{status_label(m, &d.status)}</td> })}
                            <td class="num">{num(locale, d.lines as i64)}</td>
                            <td><time datetime=d.created_at.to_rfc3339()>{when(locale, d.created_at)}</time></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A location id from a kept form value.
pub(crate) fn kept_id(q: &ParamsMap, field: &str) -> Option<i64> {
    let kept = kept(q, field);
    let value = if kept.is_empty() {
        q.get(field).unwrap_or_default()
    } else {
        kept
    };
    value.trim().parse().ok()
}

/// The translated word for a document status (`draft`, `sent`, `received`, `cancelled`,
/// `open`, `posted`).
pub(crate) fn status_label(m: &Messages, status: &str) -> &'static str {
    match status {
        "draft" => m.status_draft,
        "sent" => m.status_sent,
        "received" => m.status_received,
        "cancelled" => m.status_cancelled,
        "open" => m.status_open,
        "posted" => m.status_posted,
        _ => "—",
    }
}

/// The translated reason of a stock movement (`receipt`, `transfer_out`…).
pub(crate) fn movement_label(m: &Messages, reason: &str) -> &'static str {
    match reason {
        "receipt" => m.movement_receipt,
        "sale" => m.movement_sale,
        "return" => m.movement_return,
        "adjustment" => m.movement_adjustment,
        "count" => m.movement_count,
        "transfer_out" => m.movement_transfer_out,
        "transfer_in" => m.movement_transfer_in,
        "transit_loss" => m.movement_transit_loss,
        "write_off" => m.movement_write_off,
        "initial" => m.movement_initial,
        _ => "—",
    }
}

/// The translated reason of an adjustment (`damaged`, `lost`, `found`, `correction`).
pub(crate) fn adjustment_label(m: &Messages, reason: &str) -> &'static str {
    match reason {
        "damaged" => m.reason_damaged,
        "lost" => m.reason_lost,
        "found" => m.reason_found,
        "correction" => m.reason_correction,
        _ => "—",
    }
}

/// A moment as the inventory tables show it: numeric date and time in UTC ("05/03/2026 14:07").
pub(crate) fn when(locale: Locale, t: DateTime<Utc>) -> String {
    format!(
        "{} {}",
        i18n::format_date_numeric(locale, t.year(), t.month(), t.day()),
        i18n::format_time(locale, t.hour(), t.minute())
    )
}

/// A signed quantity: "+3", "−2" (a real minus sign), "0".
pub(crate) fn signed(locale: Locale, n: i64) -> String {
    let abs = i18n::format_number(locale, n.abs());
    match n {
        n if n > 0 => format!("+{abs}"),
        n if n < 0 => format!("−{abs}"),
        _ => abs,
    }
}

/// A whole number in the page's locale.
pub(crate) fn num(locale: Locale, n: i64) -> String {
    i18n::format_number(locale, n)
}

/// The id in the route (`/…/{id}`), 0 when it is not a number (the server answers 404).
pub(crate) fn route_id() -> Memo<i64> {
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| {
        params
            .read()
            .get_str("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses a query string the way the router does (percent-decoding, `+` for space).
    fn params(query: &str) -> ParamsMap {
        let mut map = ParamsMap::new();
        for (k, v) in form_urlencoded::parse(query.as_bytes()) {
            map.insert(k.into_owned(), v.into_owned());
        }
        map
    }

    #[test]
    fn a_failed_post_is_shown_from_its_flash_while_the_address_names_it() {
        use crate::context::{Flash, RequestCtx};
        let e = AppError::Validation {
            field: Some("lines".into()),
            message: "line 2: no product has the code \"X&Y\" — ł".into(),
        };
        let owner = leptos::prelude::Owner::new();
        owner.with(|| {
            provide_context(RequestCtx {
                locale: Locale::En,
                csrf: String::new(),
                staff: None,
                path: "/staff/inventory/receive".into(),
                flash: Some(Flash {
                    id: "abc123".into(),
                    form: "receive".into(),
                    error: e.clone(),
                    inputs: vec![
                        ("location".into(), "3".into()),
                        ("lines".into(), "X&Y".into()),
                    ],
                }),
            });
            let q = params("flash=abc123");
            assert_eq!(query_error(&q, "receive"), Some(e.clone()));
            assert_eq!(query_error(&q, "adjust"), None);
            assert_eq!(kept(&q, "lines"), "X&Y");
            assert_eq!(kept_id(&q, "location"), Some(3));
            // Another (or no) flash id in the address: nothing is shown.
            for other in ["flash=zzz", "location=4"] {
                let q = params(other);
                assert_eq!(query_error(&q, "receive"), None, "{other}");
                assert_eq!(kept(&q, "lines"), "", "{other}");
            }
            assert_eq!(kept_id(&params("location=4"), "location"), Some(4));
        });
    }

    #[test]
    fn sections_of_paths() {
        assert_eq!(section_of("/staff/inventory"), "stock");
        assert_eq!(section_of("/staff/inventory/"), "stock");
        assert_eq!(section_of("/staff/inventory/receipts/4"), "receive");
        assert_eq!(section_of("/staff/inventory/transfers/12"), "transfers");
        assert_eq!(section_of("/staff/inventory/counts"), "counts");
        assert_eq!(section_of("/staff/inventory/low-stock"), "low-stock");
        assert_eq!(section_of("/staff/inventory/variant/9"), "");
        assert_eq!(section_of("/staff/inventoryx"), "");
    }

    #[test]
    fn encodes_and_clips() {
        assert_eq!(commerce::text::query_value("a b&c=ł"), "a%20b%26c%3D%C5%82");
        assert_eq!(clip("αβγ", 3), "α");
        assert_eq!(signed(Locale::En, -3), "−3");
        assert_eq!(signed(Locale::En, 4), "+4");
    }
}
