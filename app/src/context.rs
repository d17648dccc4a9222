//! What every page needs to know about the request: language, URL prefix, CSRF token, staff.
//!
//! On the server the `stoa` middleware puts a [`RequestCtx`] into the request extensions; in the
//! browser the same facts are read back from the rendered document (`<html lang>`, the path and
//! `<meta name="csrf-token">`) so hydration renders exactly what the server did.

use serde::{Deserialize, Serialize};

use crate::i18n::{self, Locale};

/// The signed-in staff member, as the pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSession {
    /// Staff user id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Sign-in e-mail.
    pub email: String,
    /// `owner`, `manager` or `cashier`.
    pub role: String,
    /// Codes of the stores this person works in.
    pub stores: Vec<String>,
}

/// A form posted without JavaScript that failed: its name, the error and what was typed. The
/// server keeps it in the session (never in the URL: `?flash=<id>` only names it) and shows it
/// once, on the page the post is sent back to; the page carries it in
/// `<meta name="stoa-flash">` so hydration shows the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// Its id (the `flash` query parameter of the page it belongs to).
    pub id: String,
    /// The form's name.
    pub form: String,
    /// Why it failed.
    pub error: crate::error::AppError,
    /// The fields to fill in again.
    pub inputs: Vec<(String, String)>,
}

impl Flash {
    /// The kept value of one field (empty when none).
    pub fn input(&self, field: &str) -> String {
        self.inputs
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// The raw session token of the request (server side only, never rendered): the middleware
/// puts it into the request extensions for the code that keeps a [`Flash`].
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct SessionToken(pub String);

/// Per-request facts for rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestCtx {
    /// Language of the page content.
    pub locale: Locale,
    /// The double-submit CSRF token every form carries.
    pub csrf: String,
    /// The signed-in staff member (server side only).
    pub staff: Option<StaffSession>,
    /// Request path.
    pub path: String,
    /// A failed form post being shown again, if any.
    pub flash: Option<Flash>,
}

impl RequestCtx {
    /// The language prefix present in the URL (`/el`, `/pl`), if any. Links keep it, so a page
    /// reached without a prefix (language from `Accept-Language`) links without one too.
    pub fn prefix(&self) -> Option<Locale> {
        i18n::split_locale_path(&self.path).0
    }

    /// A shop link that keeps the current URL's language prefix.
    pub fn href(&self, path: &str) -> String {
        match self.prefix() {
            Some(locale) => i18n::localized_path(locale, path),
            None => path.to_owned(),
        }
    }
}

/// The data folder (server only), for server functions that touch files.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct DataDir(pub std::path::PathBuf);

/// The current request's context.
///
/// On the server it is read from the request's own `http::request::Parts` (where the server
/// middleware put it) before any `RequestCtx` provided as context. leptos_axum runs each
/// server-function call under an owner made with `Owner::new()`, which becomes a child of
/// whatever reactive owner is current on the worker thread — possibly another request's page
/// render, whose `App` provided *its* `RequestCtx`. Looking that up first made a manager's call
/// run with the owner's session under concurrent load. The `Parts` are provided on the call's
/// (or the render's) own owner, so the nearest ones are always this request's.
pub fn request_ctx() -> RequestCtx {
    #[cfg(feature = "ssr")]
    if let Some(ctx) = own_request() {
        return ctx;
    }
    if let Some(ctx) = leptos::prelude::use_context::<RequestCtx>() {
        return ctx;
    }
    from_environment()
}

/// The current request's language: [`request_ctx`]'s `locale`, read in place without copying
/// the rest of the context (prices, counts and labels ask for it many times per page).
pub fn request_locale() -> Locale {
    #[cfg(feature = "ssr")]
    if let Some(locale) = with_request_extension(|c: &RequestCtx| c.locale) {
        return locale;
    }
    if let Some(locale) = leptos::reactive::owner::with_context::<RequestCtx, _>(|c| c.locale) {
        return locale;
    }
    from_environment().locale
}

/// This request's own context, read in place: `use_context` would clone the whole
/// `http::request::Parts` (headers and extensions) on every call, and pages call this often.
#[cfg(feature = "ssr")]
fn own_request() -> Option<RequestCtx> {
    request_extension::<RequestCtx>()
}

/// A value the server put into this request's extensions (server side only).
#[cfg(feature = "ssr")]
pub(crate) fn request_extension<T: Clone + Send + Sync + 'static>() -> Option<T> {
    with_request_extension(T::clone)
}

/// `f` applied in place to a value the server put into this request's extensions (server side
/// only), without cloning it.
#[cfg(feature = "ssr")]
fn with_request_extension<T: Send + Sync + 'static, R>(f: impl FnOnce(&T) -> R) -> Option<R> {
    leptos::reactive::owner::with_context::<http::request::Parts, _>(|p| {
        p.extensions.get::<T>().map(f)
    })
    .flatten()
}

#[cfg(feature = "ssr")]
fn from_environment() -> RequestCtx {
    RequestCtx {
        locale: Locale::En,
        csrf: String::new(),
        staff: None,
        path: "/".into(),
        flash: None,
    }
}

#[cfg(not(feature = "ssr"))]
fn from_environment() -> RequestCtx {
    #[cfg(feature = "hydrate")]
    {
        let doc = leptos::prelude::document();
        let locale = doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Locale::from_code(&l))
            .unwrap_or_default();
        let csrf = doc
            .query_selector("meta[name=csrf-token]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default();
        let path = leptos::prelude::window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "/".into());
        let flash = doc
            .query_selector("meta[name=stoa-flash]")
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .and_then(|json| serde_json::from_str(&json).ok());
        RequestCtx {
            locale,
            csrf,
            staff: None,
            path,
            flash,
        }
    }
    #[cfg(not(feature = "hydrate"))]
    RequestCtx {
        locale: Locale::En,
        csrf: String::new(),
        staff: None,
        path: "/".into(),
        flash: None,
    }
}
