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
use leptos_meta::Title;
#[cfg(test)]
use leptos_router::params::ParamsMap;

use self::model::{DocumentStatus, DocumentSummary, LocationInfo, Who};
use super::layout::StaffLayout;
pub(crate) use crate::form::{
    invalid, kept, kept_id, query_error, Csrf, Done, Field, FieldError, FormError, FormState,
};
use crate::{
    context::request_locale,
    error::{AppError, ErrorPage},
    i18n::{self, Locale, Messages},
    ui::clip,
};

/// Frame of every inventory page: title, staff header, breadcrumbs and the inventory sections.
#[component]
pub(crate) fn InventoryShell(who: Who, title: String, children: Children) -> impl IntoView {
    let m = i18n::t(request_locale());
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
pub(crate) fn location_options(locations: &[LocationInfo], selected: Option<i64>) -> impl IntoView {
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
    rows: Vec<DocumentSummary>,
    href_prefix: &'static str,
    /// Show the status column (receipts have none).
    #[prop(optional)]
    status: bool,
    /// Shown when there is no row.
    empty: &'static str,
) -> impl IntoView {
    let locale = request_locale();
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
                            {status.then(|| view! { <td class="status" data-status=d.status.word()>{status_label(m, d.status)}</td> })}
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

/// The translated word for a document status (a transfer's or a count's; receipts have none).
pub(crate) fn status_label(m: &Messages, status: DocumentStatus) -> &'static str {
    use commerce::entity::enums::TransferStatus;
    match status {
        DocumentStatus::Receipt => i18n::errors::transfer_status(m, TransferStatus::Received),
        DocumentStatus::Transfer(s) => i18n::errors::transfer_status(m, s),
        DocumentStatus::Count(s) => i18n::errors::count_status(m, s),
    }
}

/// The translated reason of a stock movement (`receipt`, `transfer_out`…).
pub(crate) fn movement_label(
    m: &Messages,
    reason: commerce::entity::enums::MovementReason,
) -> &'static str {
    i18n::errors::movement_reason(m, reason)
}

/// The translated reason of an adjustment (`damaged`, `lost`, `found`, `correction`).
pub(crate) fn adjustment_label(
    m: &Messages,
    reason: commerce::entity::enums::AdjustmentReason,
) -> &'static str {
    i18n::errors::adjustment_reason(m, reason)
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
        let e = AppError::invalid(
            "lines",
            commerce::error::Problem::on_line(
                2,
                commerce::error::Problem::UnknownCode {
                    code: "X&Y — ł".into(),
                },
            ),
        );
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
