//! [`AppError`]: what crosses the network from a server function, and the error pages.

use leptos::prelude::*;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use commerce::error::{Conflict, Problem, Shortage};

use crate::{context::request_ctx, i18n};

/// A server function's failure, safe to show to the user.
///
/// Input and state errors travel as `commerce`'s codes ([`Problem`], [`Conflict`],
/// [`Shortage`]) and are put into words in the page's language by [`AppError::message`]; the
/// HTTP status of every error is decided by [`AppError::status`] alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The page or record does not exist.
    #[error("not found")]
    NotFound,
    /// Signed in, but the role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// Not signed in.
    #[error("not signed in")]
    Unauthorized,
    /// Bad input; `field` names the form field the problem belongs next to.
    #[error("{problem}")]
    Validation {
        /// Form field, if any.
        field: Option<String>,
        /// What is wrong.
        problem: Problem,
    },
    /// Conflicts with the current state.
    #[error("{0}")]
    Conflict(Conflict),
    /// Not enough stock for what was asked.
    #[error("{0}")]
    InsufficientStock(Shortage),
    /// Something went wrong on the server (details are in the log, not here).
    #[error("server error")]
    Internal,
    /// Transport or encoding failure of the server-function call itself.
    #[error("{0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A request whose body or query does not fit the function's arguments is the
            // caller's mistake: a 4xx with the reason, not a server error.
            ServerFnErrorErr::Deserialization(m)
            | ServerFnErrorErr::Args(m)
            | ServerFnErrorErr::MissingArg(m) => AppError::Validation {
                field: None,
                problem: Problem::Malformed { detail: m },
            },
            other => AppError::Transport(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<commerce::CommerceError> for AppError {
    fn from(e: commerce::CommerceError) -> Self {
        use commerce::CommerceError as E;
        match e {
            E::Validation { field, problem } => AppError::Validation {
                field: field.map(str::to_owned),
                problem,
            },
            E::NotFound(_) => AppError::NotFound,
            E::Conflict(c) => AppError::Conflict(c),
            E::InsufficientStock(s) => AppError::InsufficientStock(s),
            E::Forbidden(_) => AppError::Forbidden,
            E::InvalidCredentials => AppError::Unauthorized,
            other => {
                tracing::error!(error = %other, "internal error in server function");
                AppError::Internal
            }
        }
    }
}

impl AppError {
    /// A validation error of `problem` on the form field `field`.
    pub fn invalid(field: &str, problem: Problem) -> Self {
        AppError::Validation {
            field: Some(field.to_owned()),
            problem,
        }
    }

    /// The HTTP status this error renders with: the one place that decides it.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::Unauthorized => 401,
            AppError::Validation { .. } => 422,
            AppError::Conflict(_) | AppError::InsufficientStock(_) => 409,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The error as a sentence in `locale`.
    pub fn message(&self, locale: i18n::Locale) -> String {
        let m = i18n::t(locale);
        match self {
            AppError::NotFound => m.not_found_body.to_owned(),
            AppError::Forbidden => m.not_permitted_body.to_owned(),
            AppError::Unauthorized => m.session_expired.to_owned(),
            AppError::Validation { problem, .. } => i18n::errors::problem(locale, problem),
            AppError::Conflict(c) => i18n::errors::conflict(locale, c),
            AppError::InsufficientStock(s) => i18n::errors::shortage(locale, s),
            AppError::Internal | AppError::Transport(_) => m.server_error_body.to_owned(),
        }
    }
}

/// Sets the HTTP status of the page being rendered (no-op in the browser).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    {
        if let (Some(opts), Ok(status)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            http::StatusCode::from_u16(code),
        ) {
            opts.set_status(status);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// The page shown for an error, in the shop's style, with the matching status code.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    let ctx = request_ctx();
    let m = i18n::t(ctx.locale);
    set_status(error.status());
    let (title, body) = match &error {
        AppError::NotFound => (m.not_found_title, m.not_found_body.to_owned()),
        AppError::Forbidden | AppError::Unauthorized => {
            (m.not_permitted_title, m.not_permitted_body.to_owned())
        }
        AppError::Validation { .. }
        | AppError::Conflict(_)
        | AppError::InsufficientStock(_)
        | AppError::Internal
        | AppError::Transport(_) => (m.server_error_title, error.message(ctx.locale)),
    };
    let staff = matches!(error, AppError::Forbidden | AppError::Unauthorized);
    let (back_href, back_label) = if staff {
        ("/staff".to_owned(), m.back_to_staff_home)
    } else {
        (ctx.href("/"), m.back_to_home)
    };
    view! {
        <leptos_meta::Title text=title/>
        <section class="error-page" role="alert">
            <p class="error-code">{error.status()}</p>
            <h1>{title}</h1>
            <p>{body}</p>
            <a class="button" href=back_href>{back_label}</a>
        </section>
    }
}

/// The 404 page for unknown addresses.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound/> }
}
