//! The staff area's frame: header with who is signed in and a sign-out button.

use leptos::prelude::*;

use crate::{context::request_ctx, i18n};

/// Header and main area of every staff page.
#[component]
pub fn StaffLayout(
    /// Name shown as signed in, when known.
    #[prop(optional, into)]
    signed_in_as: Option<String>,
    children: Children,
) -> AnyView {
    let ctx = request_ctx();
    let m = i18n::t(ctx.locale);
    view! {
        <a class="skip-link" href="#main">{m.skip_to_content}</a>
        <header class="staff-header">
            <a class="logo" href="/staff">{m.shop_name}" · "{m.staff_area}</a>
            {signed_in_as.map(|name| view! {
                <form class="signout" method="post" action="/staff/signout">
                    <input type="hidden" name="csrf" value=ctx.csrf.clone()/>
                    <span class="who">{m.signed_in_as}" "{name}</span>
                    <button type="submit">{m.sign_out}</button>
                </form>
            })}
        </header>
        <main id="main" class="staff-main">{children()}</main>
    }
    .into_any()
}
