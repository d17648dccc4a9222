//! [`AppState`]: the one shared state handed to every handler and server function.

use std::{path::PathBuf, sync::Arc};

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use commerce::search::SearchIndex;

use crate::telemetry::Metrics;

/// Shared state: one database pool, the search index, the Leptos options, the data folder and
/// the metrics.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// The database pool (SQLite or PostgreSQL).
    pub db: DatabaseConnection,
    /// Leptos rendering options (output name, pkg folder).
    pub leptos_options: LeptosOptions,
    /// The data folder (images live in `images/`).
    pub data_dir: PathBuf,
    /// Request counters and latency histogram for `/metrics`.
    pub metrics: Arc<Metrics>,
    /// Unix time the process started (prefix of generated request ids).
    pub started_unix: u64,
    /// Whether session cookies get the `Secure` attribute regardless of the request.
    pub secure_cookies: bool,
    /// The product search index of this instance (follows the outbox).
    pub search: Arc<SearchIndex>,
}
