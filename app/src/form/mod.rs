//! The one shape of a form, for every staff and shop page.
//!
//! A form is an [`ActionForm`] (a plain `POST` to its server function) holding the hidden
//! [`Csrf`] field, a [`FormError`] for errors that belong to no field, and one [`Field`] per
//! input (label, control, `aria-invalid`, `aria-describedby` and the error under it). Its state
//! is a [`FormState`]: the last error and whether it just succeeded, whether the form was sent
//! by the hydrated page (the action's value) or posted without JavaScript (the one-shot
//! [`Flash`](crate::context::Flash) the server redirected back with, see [`server::finish`]).
//!
//! Errors arrive as codes ([`AppError`]) and are worded here in the page's language, so the
//! same refusal reads in Greek on a Greek page. Values typed into a form that was refused come
//! back through [`kept`], so nobody retypes them.
//!
//! [`ActionForm`]: leptos::form::ActionForm

#[cfg(feature = "ssr")]
pub mod server;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::{hooks::use_query_map, params::ParamsMap};

use crate::{
    context::{request_ctx, request_locale, Flash},
    error::AppError,
    i18n::{self, Locale},
};

/// Longest value of one form field kept for the form after a failed plain post.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub(crate) const MAX_KEPT_INPUT: usize = 64_000;

/// The failed plain post of form `form` this page was sent back with, if any: the request's
/// [`Flash`], while the address still names it.
fn flash_for(q: &ParamsMap, form: &str) -> Option<Flash> {
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

/// An id (a location, a variant) kept after a failed plain post, else from the address
/// (`?field=ID`).
pub(crate) fn kept_id(q: &ParamsMap, field: &str) -> Option<i64> {
    let kept = kept(q, field);
    let value = if kept.is_empty() {
        q.get(field).unwrap_or_default()
    } else {
        kept
    };
    value.trim().parse().ok()
}

/// The state of one form on a page: its last error and whether it just succeeded.
#[derive(Clone, Copy)]
pub(crate) struct FormState {
    error: Signal<Option<AppError>>,
    done: Signal<bool>,
    locale: Locale,
    /// The field next to which "you may not act here" is shown.
    forbidden_field: &'static str,
}

impl FormState {
    /// The state of the form named `form` (the name its server function gives
    /// [`server::Back::form`]), sent through `action`.
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
            locale: request_locale(),
            forbidden_field,
        }
    }

    /// The message that belongs next to one of `fields`, if the last error does.
    pub(crate) fn field(self, fields: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || match self.error.get()? {
            AppError::Validation {
                field: Some(f),
                problem,
            } if fields.contains(&f.as_str()) => Some(i18n::errors::problem(self.locale, &problem)),
            AppError::Forbidden if fields.contains(&self.forbidden_field) => {
                Some(i18n::t(self.locale).inventory_forbidden.to_owned())
            }
            _ => None,
        })
    }

    /// The message of an error that belongs to none of `fields` (shown above the form).
    pub(crate) fn general(self, fields: &'static [&'static str]) -> Signal<Option<String>> {
        Signal::derive(move || match self.error.get()? {
            AppError::Validation { field: Some(f), .. } if fields.contains(&f.as_str()) => None,
            AppError::Forbidden if fields.contains(&self.forbidden_field) => None,
            AppError::Forbidden => Some(i18n::t(self.locale).inventory_forbidden.to_owned()),
            e => Some(e.message(self.locale)),
        })
    }

    /// The form just succeeded.
    pub(crate) fn done(self) -> Signal<bool> {
        self.done
    }
}

/// One labelled input: the label, the control (the children: one `<input>`, `<select>` or
/// `<textarea>` whose `id` is `id`), the error under it and an optional hint. The control gets
/// `aria-invalid` while there is an error, and `aria-describedby` naming the error
/// (`{id}-error`) and the hint (`{id}-hint`) that are shown.
#[component]
pub(crate) fn Field(
    /// The control's `id` (the label's `for`).
    id: &'static str,
    /// The label's text.
    label: &'static str,
    /// The field's error, if any.
    error: Signal<Option<String>>,
    /// A line under the control (what the code names, a unit…).
    #[prop(default = None)]
    hint: Option<String>,
    /// Extra classes of the field's `<div>` besides `field`.
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    use leptos::tachys::html::attribute::{aria_describedby, aria_invalid};
    let error_id = format!("{id}-error");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described_by = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || match (error.get().is_some(), &hint_id) {
            (true, Some(hint)) => Some(format!("{error_id} {hint}")),
            (true, None) => Some(error_id.clone()),
            (false, hint) => hint.clone(),
        }
    };
    let control = children()
        .add_any_attr(aria_invalid(move || error.get().map(|_| "true")))
        .add_any_attr(aria_describedby(described_by));
    let class = if class.is_empty() {
        "field".to_owned()
    } else {
        format!("field {class}")
    };
    view! {
        <div class=class class:invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {control}
            <FieldError id=error_id message=error/>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
    .into_any()
}

/// A field's error message under it (`id` for `aria-describedby`).
#[component]
pub(crate) fn FieldError(
    #[prop(into)] id: String,
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message
            .get()
            .map(|e| view! { <p class="field-error" id=id.clone()>{e}</p> })
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

/// `aria-invalid` for a control outside a [`Field`] (a table cell's input) with this error.
pub(crate) fn invalid(
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || message.get().map(|_| "true")
}

/// The hidden CSRF field every form carries.
#[component]
pub(crate) fn Csrf() -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=request_ctx().csrf/> }
}
