//! [`CommerceError`]: the one error type of the `commerce` crate, and the codes it carries.
//!
//! Errors a person can act on carry a *code*, not a sentence: [`Problem`] for input that breaks
//! a rule (next to the form field [`CommerceError::Validation`] names), [`Conflict`] for a
//! request that clashes with the current state, [`Shortage`] for missing stock. The pages put
//! each code into words in the page's language (`app::i18n::errors`); the `Display` texts here
//! are English for logs, the command line and tests' failure output.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::entity::enums::{
    CountStatus, OrderStatus, PaymentLinkStatus, ReturnStatus, ShiftStatus, TransferStatus,
};

/// Result alias used across `commerce`.
pub type Result<T, E = CommerceError> = std::result::Result<T, E>;

/// Everything that can go wrong in a business operation.
///
/// The variants a person can act on carry codes ([`Problem`], [`Conflict`], [`Shortage`]);
/// [`CommerceError::Internal`], [`CommerceError::Config`] and the database error are logged and
/// shown generically.
#[derive(Debug, thiserror::Error)]
pub enum CommerceError {
    /// Input that breaks a rule; `field` names the form field when there is one.
    #[error("{}{problem}", field.map(|f| format!("{f}: ")).unwrap_or_default())]
    Validation {
        /// Form field the problem belongs next to, if any.
        field: Option<&'static str>,
        /// What is wrong with it.
        problem: Problem,
    },
    /// The thing asked for does not exist.
    #[error("{0} not found")]
    NotFound(String),
    /// The request conflicts with the current state (an illegal transition, a stale edit…).
    #[error("{0}")]
    Conflict(Conflict),
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
    /// until the lock ends (see `commerce::sign_in`).
    #[error("too many failed attempts; try again in {retry_after_secs} s")]
    TooManyAttempts {
        /// Seconds until the next attempt is checked.
        retry_after_secs: u64,
    },
    /// Every password-hashing slot stayed busy (many sign-ins at once): retry in a moment.
    #[error("busy; try again in a moment")]
    Busy,
    /// The search index folder is held by another Stoa process (a running server).
    #[error("the search index is in use by another stoa process")]
    IndexLocked,
    /// Bad configuration (database URL, data folder…).
    #[error("{0}")]
    Config(String),
    /// A database error.
    #[cfg(feature = "db")]
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    /// Anything else unexpected.
    #[error("internal error: {0}")]
    Internal(String),
}

impl CommerceError {
    /// A [`CommerceError::Validation`] of `problem` on the form field `field`.
    pub fn validation(field: &'static str, problem: Problem) -> Self {
        CommerceError::Validation {
            field: Some(field),
            problem,
        }
    }

    /// The [`Problem`] of a validation error, if this is one (for tests and callers that
    /// branch on the code).
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            CommerceError::Validation { problem, .. } => Some(problem),
            _ => None,
        }
    }
}

impl From<Conflict> for CommerceError {
    fn from(c: Conflict) -> Self {
        CommerceError::Conflict(c)
    }
}

/// Why an input was refused: a code the pages word in each language.
///
/// Limits travel with the code (`max`, `min`…) so the words can name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "detail", rename_all = "snake_case")]
pub enum Problem {
    /// Nothing was entered (or nothing is left after trimming).
    Required,
    /// Nothing was chosen from a list (a location, a reason…).
    ChooseOne,
    /// Not a whole number.
    NotAWholeNumber,
    /// A number outside `min..=max`.
    OutOfRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// More than `max` characters.
    TooLong {
        /// Most characters allowed.
        max: u64,
    },
    /// Fewer than `min` characters.
    TooShort {
        /// Fewest characters allowed.
        min: u64,
    },
    /// A character this field does not allow.
    InvalidChar {
        /// The character.
        ch: char,
    },
    /// Not an e-mail address such as `name@example.com`.
    NotAnEmail,
    /// A URL name (slug) that starts or ends with `-` or holds `--`.
    BadHyphen,
    /// A barcode without the right number of digits.
    BarcodeLength {
        /// Digits required.
        expected: u64,
    },
    /// A barcode whose last digit does not match its check digit (mistyped?).
    BarcodeCheckDigit,
    /// Not an amount of money.
    NotAnAmount,
    /// A currency the shop does not use.
    UnknownCurrency,
    /// No such location.
    UnknownLocation,
    /// No such product variant.
    UnknownVariant,
    /// No such category.
    UnknownCategory,
    /// No such store.
    UnknownStore,
    /// No such staff role.
    UnknownRole,
    /// No product has this SKU or barcode.
    UnknownCode {
        /// The code as typed.
        code: String,
    },
    /// A line of a list that is not "SKU-or-barcode quantity".
    LineFormat,
    /// A problem on one line of a list (1-based).
    OnLine {
        /// The line's number.
        line: u64,
        /// What is wrong on it.
        problem: Box<Problem>,
    },
    /// More lines than one document takes.
    TooManyLines {
        /// Most lines allowed.
        max: u64,
    },
    /// This item is not on the document (the transfer or count).
    NotOnDocument {
        /// Its SKU (or id when it has none).
        code: String,
    },
    /// The destination is the source.
    SameLocation,
    /// Nothing to count: no active products in the chosen place and category.
    NothingToCount,
    /// A change of zero units.
    ZeroChange,
    /// The reason removes stock, so the change must be negative.
    MustRemove,
    /// The reason adds stock, so the change must be positive.
    MustAdd,
    /// The previous ("compare at") price must be higher than the price.
    CompareAtNotHigher,
    /// A password that is one character repeated.
    RepeatedCharacter,
    /// Not enough stock for this quantity (a shortage shown next to the quantity field).
    NotEnoughStock(Shortage),
    /// A request that does not fit what the endpoint takes (for callers other than the pages).
    Malformed {
        /// What did not fit.
        detail: String,
    },
}

impl Problem {
    /// `problem` on line `line` (1-based) of a list.
    pub fn on_line(line: usize, problem: Problem) -> Problem {
        Problem::OnLine {
            line: line as u64,
            problem: Box::new(problem),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => write!(f, "required"),
            Problem::ChooseOne => write!(f, "choose one"),
            Problem::NotAWholeNumber => write!(f, "not a whole number"),
            Problem::OutOfRange { min, max } => write!(f, "must be between {min} and {max}"),
            Problem::TooLong { max } => write!(f, "at most {max} characters"),
            Problem::TooShort { min } => write!(f, "at least {min} characters"),
            Problem::InvalidChar { ch } => write!(f, "cannot contain {ch:?}"),
            Problem::NotAnEmail => write!(f, "not an e-mail address"),
            Problem::BadHyphen => write!(f, "cannot start or end with '-' or contain '--'"),
            Problem::BarcodeLength { expected } => write!(f, "a barcode has {expected} digits"),
            Problem::BarcodeCheckDigit => write!(f, "wrong check digit: mistyped barcode?"),
            Problem::NotAnAmount => write!(f, "not an amount"),
            Problem::UnknownCurrency => write!(f, "unknown currency"),
            Problem::UnknownLocation => write!(f, "unknown location"),
            Problem::UnknownVariant => write!(f, "unknown variant"),
            Problem::UnknownCategory => write!(f, "unknown category"),
            Problem::UnknownStore => write!(f, "unknown store"),
            Problem::UnknownRole => write!(f, "unknown role (owner, manager or cashier)"),
            Problem::UnknownCode { code } => write!(f, "no product has the code {code:?}"),
            Problem::LineFormat => write!(f, "expected a SKU or barcode and a quantity"),
            Problem::OnLine { line, problem } => write!(f, "line {line}: {problem}"),
            Problem::TooManyLines { max } => write!(f, "at most {max} lines"),
            Problem::NotOnDocument { code } => write!(f, "{code} is not on this document"),
            Problem::SameLocation => write!(f, "choose a different location to send to"),
            Problem::NothingToCount => write!(f, "nothing to count: no active products there"),
            Problem::ZeroChange => write!(f, "the quantity must change"),
            Problem::MustRemove => write!(f, "this reason removes stock: enter a negative change"),
            Problem::MustAdd => write!(f, "this reason adds stock: enter a positive change"),
            Problem::CompareAtNotHigher => {
                write!(f, "the previous price must be higher than the price")
            }
            Problem::RepeatedCharacter => write!(f, "cannot be one character repeated"),
            Problem::NotEnoughStock(s) => write!(f, "{s}"),
            Problem::Malformed { detail } => write!(f, "malformed request: {detail}"),
        }
    }
}

/// Why a request clashes with the current state: a code the pages word in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", content = "detail", rename_all = "snake_case")]
pub enum Conflict {
    /// A status change its state machine does not allow (see [`crate::orders::status`]).
    Transition(Transition),
    /// Someone else changed the record meanwhile: reload it and try again.
    Stale,
    /// The count is posted or cancelled already and can no longer change.
    CountClosed(CountStatus),
    /// The reservation has lapsed or was already used.
    ReservationLapsed,
    /// A count below what is reserved for orders at the location.
    CountBelowReserved {
        /// The variant's SKU.
        sku: String,
        /// The location's code.
        location_code: String,
        /// Units counted.
        counted: i64,
        /// Units reserved.
        reserved: i64,
    },
    /// A staff account with this e-mail address exists.
    StaffExists {
        /// The address.
        email: String,
    },
    /// The demo shop loads only into an empty shop.
    ShopNotEmpty {
        /// Staff accounts found.
        staff: u64,
        /// Products found.
        products: u64,
    },
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::Transition(t) => write!(f, "{t}"),
            Conflict::Stale => write!(f, "someone else changed this meanwhile; reload it"),
            Conflict::CountClosed(status) => write!(f, "the count is already {status}"),
            Conflict::ReservationLapsed => {
                write!(f, "the reservation has lapsed or was already used")
            }
            Conflict::CountBelowReserved {
                sku,
                location_code,
                counted,
                reserved,
            } => write!(
                f,
                "{sku} at {location_code}: counted {counted} but {reserved} are reserved for \
                 orders; release those first or count again"
            ),
            Conflict::StaffExists { email } => {
                write!(f, "a staff account for {email} already exists")
            }
            Conflict::ShopNotEmpty { staff, products } => write!(
                f,
                "this database already holds {staff} staff account(s) and {products} \
                 product(s): the demo shop loads only into an empty shop (use --force to load \
                 it anyway)"
            ),
        }
    }
}

/// A refused status change: which machine, from which status, to which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "machine", content = "from_to", rename_all = "snake_case")]
pub enum Transition {
    /// An order.
    Order(OrderStatus, OrderStatus),
    /// A return.
    Return(ReturnStatus, ReturnStatus),
    /// A payment link.
    PaymentLink(PaymentLinkStatus, PaymentLinkStatus),
    /// A register shift.
    Shift(ShiftStatus, ShiftStatus),
    /// A stock transfer.
    Transfer(TransferStatus, TransferStatus),
    /// A stock count.
    Count(CountStatus, CountStatus),
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, from, to) = match self {
            Transition::Order(a, b) => ("order", a.word(), b.word()),
            Transition::Return(a, b) => ("return", a.word(), b.word()),
            Transition::PaymentLink(a, b) => ("payment link", a.word(), b.word()),
            Transition::Shift(a, b) => ("shift", a.word(), b.word()),
            Transition::Transfer(a, b) => ("transfer", a.word(), b.word()),
            Transition::Count(a, b) => ("count", a.word(), b.word()),
        };
        write!(f, "cannot move {what} from {from} to {to}")
    }
}

/// What [`CommerceError::InsufficientStock`] reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

impl fmt::Display for Shortage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not enough stock of {} at {}: {} available, {} asked for",
            self.sku, self.location_code, self.available, self.requested
        )
    }
}
