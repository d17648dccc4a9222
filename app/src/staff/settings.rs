//! `/staff/settings`: stores, locations, VAT rates and staff accounts (owner only).

use leptos::{either::Either, prelude::*};
use leptos_meta::Title;

use super::{api::settings_overview, home::role_label, layout::StaffLayout};
use crate::{context::request_locale, error::ErrorPage, i18n};

/// The settings overview. Cashiers and managers get a 403 page: the server function refuses.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| settings_overview());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let locale = request_locale();
                let m = i18n::t(locale);
                match data.await {
                    Ok(s) => Either::Left(view! {
                        <Title text=format!("{} · {}", m.settings, m.shop_name)/>
                        <StaffLayout signed_in_as=s.signed_in_as.clone()>
                            <nav class="breadcrumbs" aria-label="breadcrumbs"><a href="/staff">{m.staff_home}</a></nav>
                            <h1>{m.settings}</h1>
                            <section aria-labelledby="stores-h">
                                <h2 id="stores-h">{m.stores}</h2>
                                <table>
                                    <thead><tr><th>{m.code}</th><th>{m.name}</th><th>{m.address}</th><th>{m.timezone}</th><th>{m.pickups}</th></tr></thead>
                                    <tbody>
                                        {s.stores.into_iter().map(|r| view! {
                                            <tr><td>{r.code}</td><td>{r.name}</td><td>{r.address}</td><td>{r.timezone}</td>
                                            <td>{if r.pickup_enabled { m.yes } else { m.no }}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                            <section aria-labelledby="locations-h">
                                <h2 id="locations-h">{m.locations}</h2>
                                <table>
                                    <thead><tr><th>{m.code}</th><th>{m.name}</th><th>{m.kind}</th><th>{m.ships_online}</th></tr></thead>
                                    <tbody>
                                        {s.locations.into_iter().map(|r| view! {
                                            <tr><td>{r.code}</td><td>{r.name}</td><td>{if r.kind == "warehouse" { m.kind_warehouse } else { m.kind_store }}</td>
                                            <td>{if r.ships_online { m.yes } else { m.no }}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                            <section aria-labelledby="vat-h">
                                <h2 id="vat-h">{m.vat_rates}</h2>
                                <table>
                                    <thead><tr><th>{m.code}</th><th>{m.name}</th><th>{m.rate}</th></tr></thead>
                                    <tbody>
                                        {s.vat_rates.into_iter().map(|(code, name, bp)| view! {
                                            <tr><td>{code}</td><td>{name}</td><td>{i18n::format_percent_bp(locale, bp.max(0) as u32)}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                            <section aria-labelledby="staff-h">
                                <h2 id="staff-h">{m.staff_accounts}</h2>
                                <table>
                                    <thead><tr><th>{m.email}</th><th>{m.name}</th><th>{m.role}</th><th>{m.your_stores}</th><th>{m.active}</th></tr></thead>
                                    <tbody>
                                        {s.staff.into_iter().map(|r| view! {
                                            <tr><td>{r.email}</td><td>{r.name}</td><td>{role_label(m, &r.role)}</td>
                                            <td>{r.stores.join(", ")}</td><td>{if r.active { m.yes } else { m.no }}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                        </StaffLayout>
                    }),
                    Err(e) => Either::Right(view! { <StaffLayout><ErrorPage error=e/></StaffLayout> }),
                }
            })}
        </Suspense>
    }
}
