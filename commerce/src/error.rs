//! [`CommerceError`]: the one error type of the `commerce` crate.
//! (helper C: extend with the variants you need; keep these.)

/// Result alias used across `commerce`.
pub type Result<T, E = CommerceError> = std::result::Result<T, E>;

/// Everything that can go wrong in a business operation.
///
/// The user-facing variants carry a message fit to show next to a form field or on an error page;
/// [`CommerceError::Internal`] and [`CommerceError::Db`] are logged and shown generically.
#[derive(Debug, thiserror::Error)]
pub enum CommerceError {
    /// Input that breaks a rule; `field` names the form field when there is one.
    #[error("{message}")]
    Validation {
        /// Form field the message belongs next to, if any.
        field: Option<&'static str>,
        /// Human-readable reason.
        message: String,
    },
    /// The thing asked for does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// The request conflicts with the current state (duplicate, illegal transition…).
    #[error("{0}")]
    Conflict(String),
    /// Not enough stock is available for what was asked (a reservation, a sale, a transfer, a
    /// removal): names the variant, the location and what is available.
    #[error("{0}")]
    InsufficientStock(Shortage),
    /// The signed-in user may not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// Wrong e-mail or password (deliberately does not say which).
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    /// Too many failed sign-ins for this account or client address: no password is checked
    /// until the lock ends (see [`crate::sign_in`]).
    #[error("too many failed attempts; try again in {retry_after_secs} s")]
    TooManyAttempts {
        /// Seconds until the next attempt is checked.
        retry_after_secs: u64,
    },
    /// Every password-hashing slot stayed busy (many sign-ins at once): retry in a moment.
    #[error("busy; try again in a moment")]
    Busy,
    /// Bad configuration (database URL, data folder…).
    #[error("{0}")]
    Config(String),
    /// A database error.
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Anything else unexpected.
    #[error("internal error: {0}")]
    Internal(String),
}

impl CommerceError {
    /// A [`CommerceError::Validation`] for the form field `field`.
    pub fn validation(field: &'static str, message: impl Into<String>) -> Self {
        CommerceError::Validation {
            field: Some(field),
            message: message.into(),
        }
    }
}

/// What [`CommerceError::InsufficientStock`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortage {
    /// The variant.
    pub variant_id: i64,
    /// Its SKU.
    pub sku: String,
    /// The location.
    pub location_id: i64,
    /// The location's code.
    pub location_code: String,
    /// Units asked for.
    pub requested: i64,
    /// Units available (on hand − reserved) when asked.
    pub available: i64,
}

impl std::fmt::Display for Shortage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not enough stock of {} at {}: {} available, {} asked for",
            self.sku, self.location_code, self.available, self.requested
        )
    }
}
