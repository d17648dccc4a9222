//! `/staff/signin`: the staff sign-in form (a plain POST; works without JavaScript).
//!
//! A failed attempt is answered by the `POST` itself: the server renders this form for a
//! request carrying a [`SignInFailure`], so the e-mail typed never travels in a URL (browser
//! history, proxy logs) and the answer has the status of the failure (401, 422, 429 with
//! `Retry-After`, 503).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::layout::StaffLayout;
use crate::{context::request_ctx, i18n};

/// Why a sign-in attempt failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInError {
    /// No e-mail typed.
    EmailRequired,
    /// No password typed.
    PasswordRequired,
    /// Wrong e-mail or password (never says which).
    Credentials,
    /// Too many failures for the account or the address: no password is checked for a while.
    TooManyAttempts {
        /// Seconds until the next attempt is checked.
        retry_after_secs: u64,
    },
    /// Every password check slot was busy.
    Busy,
    /// Something broke on the server.
    Server,
}

impl SignInError {
    /// The HTTP status of the form answered with this error.
    pub fn status(&self) -> u16 {
        match self {
            SignInError::EmailRequired | SignInError::PasswordRequired => 422,
            SignInError::Credentials => 401,
            SignInError::TooManyAttempts { .. } => 429,
            SignInError::Busy => 503,
            SignInError::Server => 500,
        }
    }
}

/// A failed attempt, put by the server into the request it renders this form for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInFailure {
    /// What went wrong.
    pub error: SignInError,
    /// The e-mail typed, to fill the field again.
    pub email: String,
    /// Where to go after signing in.
    pub next: String,
}

/// The failure this request renders the form for (server side; the browser gets it with the
/// page's resource data, so hydration shows the same).
async fn current_failure() -> Option<SignInFailure> {
    #[cfg(feature = "ssr")]
    {
        crate::context::request_extension::<SignInFailure>()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The sign-in form, with the reason of a failed attempt next to the field it concerns.
#[component]
pub fn SignInPage() -> impl IntoView {
    let failure = Resource::new(|| (), |_| current_failure());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move { view! { <SignInForm failure=failure.await/> } })}
        </Suspense>
    }
}

#[component]
fn SignInForm(failure: Option<SignInFailure>) -> impl IntoView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let m = i18n::t(locale);
    let q = use_query_map().get_untracked();
    let signed_out = q.get("signed_out").is_some() && failure.is_none();
    let (error, email, next) = match failure {
        Some(f) => (Some(f.error), f.email, f.next),
        None => (
            None,
            String::new(),
            q.get("next").unwrap_or_else(|| "/staff".into()),
        ),
    };
    let (email_error, password_error, form_error) = match &error {
        Some(SignInError::EmailRequired) => (Some(m.email_required.to_owned()), None, None),
        Some(SignInError::PasswordRequired) => (None, Some(m.password_required.to_owned()), None),
        Some(SignInError::Credentials) => (None, None, Some(m.wrong_credentials.to_owned())),
        Some(SignInError::TooManyAttempts { retry_after_secs }) => (
            None,
            None,
            Some(i18n::too_many_attempts(
                locale,
                retry_after_secs.div_ceil(60).max(1),
            )),
        ),
        Some(SignInError::Busy | SignInError::Server) => {
            (None, None, Some(m.server_error_body.to_owned()))
        }
        None => (None, None, None),
    };
    if let Some(e) = &error {
        crate::error::set_status(e.status());
    }
    let email_invalid = email_error.is_some();
    let password_invalid = password_error.is_some() || form_error.is_some();
    let password_described = if password_error.is_some() {
        Some("password-error")
    } else if form_error.is_some() {
        Some("signin-error")
    } else {
        None
    };
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
                    <div class="field" class:invalid=email_invalid>
                        <label for="email">{m.email}</label>
                        <input id="email" name="email" type="email" autocomplete="username" required
                            maxlength="254" value=email aria-invalid=email_invalid.then_some("true")
                            aria-describedby=email_invalid.then_some("email-error")/>
                        {email_error.map(|e| view! { <p class="field-error" id="email-error">{e}</p> })}
                    </div>
                    <div class="field" class:invalid=password_invalid>
                        <label for="password">{m.password}</label>
                        <input id="password" name="password" type="password" autocomplete="current-password" required
                            maxlength="128" aria-invalid=password_invalid.then_some("true")
                            aria-describedby=password_described/>
                        {password_error.map(|e| view! { <p class="field-error" id="password-error">{e}</p> })}
                    </div>
                    <button type="submit" class="primary">{m.sign_in}</button>
                </form>
            </section>
        </StaffLayout>
    }
    .into_any()
}
