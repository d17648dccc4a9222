//! `/staff/signin`: the staff sign-in form (a plain POST; works without JavaScript).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::layout::StaffLayout;
use crate::{context::request_ctx, i18n};

/// The sign-in form, with the reason of a failed attempt next to the field it concerns.
#[component]
pub fn SignInPage() -> impl IntoView {
    let ctx = request_ctx();
    let m = i18n::t(ctx.locale);
    let query = use_query_map();
    let q = query.get_untracked();
    let error = q.get("error").unwrap_or_default();
    let email = q.get("email").unwrap_or_default();
    let next = q.get("next").unwrap_or_else(|| "/staff".into());
    let signed_out = q.get("signed_out").is_some();
    let (email_error, password_error, form_error) = match error.as_str() {
        "email_required" => (Some(m.email_required), None, None),
        "password_required" => (None, Some(m.password_required), None),
        "credentials" => (None, None, Some(m.wrong_credentials)),
        "server" => (None, None, Some(m.server_error_body)),
        _ => (None, None, None),
    };
    if !error.is_empty() {
        crate::error::set_status(if error == "server" { 500 } else { 401 });
    }
    view! {
        <Title text=format!("{} · {}", m.staff_sign_in, m.shop_name)/>
        <StaffLayout>
            <section class="signin card">
                <h1>{m.staff_sign_in}</h1>
                {signed_out.then(|| view! { <p class="notice" role="status">{m.signed_out}</p> })}
                {form_error.map(|e| view! { <p class="form-error" role="alert" id="signin-error">{e}</p> })}
                <form method="post" action="/staff/signin" novalidate>
                    <input type="hidden" name="csrf" value=ctx.csrf.clone()/>
                    <input type="hidden" name="next" value=next/>
                    <div class="field" class:invalid=email_error.is_some()>
                        <label for="email">{m.email}</label>
                        <input id="email" name="email" type="email" autocomplete="username" required
                            value=email aria-invalid=email_error.is_some().then_some("true")
                            aria-describedby=email_error.map(|_| "email-error")/>
                        {email_error.map(|e| view! { <p class="field-error" id="email-error">{e}</p> })}
                    </div>
                    <div class="field" class:invalid=password_error.is_some() || form_error.is_some()>
                        <label for="password">{m.password}</label>
                        <input id="password" name="password" type="password" autocomplete="current-password" required
                            aria-invalid=(password_error.is_some() || form_error.is_some()).then_some("true")
                            aria-describedby=password_error.map(|_| "password-error").or(form_error.map(|_| "signin-error"))/>
                        {password_error.map(|e| view! { <p class="field-error" id="password-error">{e}</p> })}
                    </div>
                    <button type="submit" class="primary">{m.sign_in}</button>
                </form>
            </section>
        </StaffLayout>
    }
}
