//! `/staff`: what the signed-in person may open.

use leptos::{either::Either, prelude::*};
use leptos_meta::Title;

use super::{api::staff_home, layout::StaffLayout};
use crate::{context::request_locale, error::ErrorPage, i18n};

/// The staff home page.
#[component]
pub fn StaffHomePage() -> impl IntoView {
    let data = Resource::new(|| (), |_| staff_home());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let m = i18n::t(request_locale());
                match data.await {
                    Ok(h) => Either::Left(view! {
                        <Title text=format!("{} · {}", m.staff_home, m.shop_name)/>
                        <StaffLayout signed_in_as=h.name.clone()>
                            <h1>{m.staff_home}</h1>
                            <dl class="facts">
                                <dt>{m.role}</dt><dd class="role">{role_label(m, &h.role)}</dd>
                                <dt>{m.email}</dt><dd>{h.email.clone()}</dd>
                                <dt>{m.your_stores}</dt><dd>{h.stores.join(", ")}</dd>
                            </dl>
                            <nav class="staff-sections" aria-label=m.staff_area>
                                <ul>
                                    {h.links.iter().map(|l| view! {
                                        <li><a class="tile" href=l.href.clone()>{link_label(m, &l.key)}</a></li>
                                    }).collect_view()}
                                </ul>
                            </nav>
                        </StaffLayout>
                    }),
                    Err(e) => Either::Right(view! { <StaffLayout><ErrorPage error=e/></StaffLayout> }),
                }
            })}
        </Suspense>
    }
}

/// The translated name of a role.
pub fn role_label(m: &i18n::Messages, role: &str) -> &'static str {
    match role {
        "owner" => m.role_owner,
        "manager" => m.role_manager,
        "cashier" => m.role_cashier,
        _ => "—",
    }
}

fn link_label(m: &i18n::Messages, key: &str) -> &'static str {
    match key {
        "settings" => m.settings,
        "pos" => m.pos,
        "orders" => m.orders,
        "inventory" => m.inventory,
        "products" => m.products,
        _ => m.staff_home,
    }
}
