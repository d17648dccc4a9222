//! The server half of a form: how every server function ends.
//!
//! A server function is: permission check → `commerce` parses the input into a typed value →
//! one call → [`finish`]. A change posted by a plain HTML form (`Accept: text/html`, no
//! JavaScript) is answered with a redirect: to the result on success ([`Then`]), or back to
//! the form ([`Back`]) with the error and the input kept in the session as a one-shot
//! [`Flash`](crate::context::Flash). Called from script or by anything else, a failure
//! answers with the error's HTTP status ([`AppError::status`], the one place that decides it).
//! Reads go through [`read`], which sets the same status for the page and for a direct call.

use leptos::prelude::*;

use super::MAX_KEPT_INPUT;
use crate::{
    error::{set_status, AppError},
    ui::clip,
};

/// The database connection the server provides to every server function.
pub(crate) fn db() -> Result<sea_orm::DatabaseConnection, AppError> {
    use_context::<sea_orm::DatabaseConnection>().ok_or(AppError::Internal)
}

/// Runs a read; a failure also sets the HTTP status (403 for a role without the permission,
/// 404…), for the page and for a direct call alike.
pub(crate) async fn read<T>(
    body: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let result = body.await;
    if let Err(e) = &result {
        set_status(e.status());
    }
    result
}

/// Whether the request is a plain HTML form post (the browser wants a page back).
pub(crate) fn plain_form() -> bool {
    leptos::reactive::owner::with_context::<http::request::Parts, _>(|p| {
        p.headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
    .unwrap_or(false)
}

/// Where a change leads when it succeeds.
pub(crate) enum Then {
    /// To this page (the new receipt, transfer…), with or without JavaScript.
    Go(String),
    /// Stay on this page: the hydrated page reloads its data; a plain post is redirected
    /// back to the page with `done=<form>`.
    Stay(String),
}

/// The form a change came from, to send a plain post back to it after a failure.
pub(crate) struct Back<'a> {
    /// The form page (with the query of its view: filter, page…).
    pub path: String,
    /// The form's name (its error carries it, so the right form shows it).
    pub form: &'static str,
    /// The fields to fill in again.
    pub inputs: Vec<(&'static str, &'a str)>,
}

impl Back<'_> {
    /// Where a failed plain post goes: back to the form, naming the
    /// [`Flash`](crate::context::Flash) that keeps the error and the input in the session
    /// (short, and nothing typed in the URL).
    async fn url(&self, e: &AppError) -> String {
        let flash = crate::context::Flash {
            id: String::new(),
            form: self.form.to_owned(),
            error: e.clone(),
            inputs: self
                .inputs
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| ((*k).to_owned(), clip(v, MAX_KEPT_INPUT).to_owned()))
                .collect(),
        };
        let token = crate::context::request_extension::<crate::context::SessionToken>();
        let kept = match (token, db(), serde_json::to_value(&flash)) {
            (Some(token), Ok(db), Ok(value)) => {
                match commerce::sessions::put_flash(&db, &token.0, value).await {
                    Ok(id) => id,
                    Err(err) => {
                        tracing::error!(error = %err, "keeping a failed form failed");
                        None
                    }
                }
            }
            _ => None,
        };
        match kept {
            Some(id) => with_param(&self.path, "flash", &id),
            None => self.path.clone(),
        }
    }
}

/// `path` with `key=value` added to its query string.
fn with_param(path: &str, key: &str, value: &str) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    format!("{path}{sep}{key}={value}")
}

/// Runs a change and finishes it: redirects as [`Then`] says on success; on failure sends a
/// plain post back to its form, and gives anyone else the error's HTTP status.
pub(crate) async fn finish<T>(
    change: impl std::future::Future<Output = Result<T, AppError>>,
    then: impl FnOnce(&T) -> Then,
    back: Back<'_>,
) -> Result<T, AppError> {
    let result = change.await;
    match &result {
        Ok(v) => match then(v) {
            Then::Go(url) => leptos_axum::redirect(&url),
            Then::Stay(path) => {
                if plain_form() {
                    leptos_axum::redirect(&with_param(&path, "done", back.form));
                }
            }
        },
        Err(e) => {
            if plain_form() {
                leptos_axum::redirect(&back.url(e).await);
            } else {
                set_status(e.status());
            }
        }
    }
    result
}
