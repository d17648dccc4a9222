//! The `stoa` server: configuration, router, sessions, telemetry and embedded assets.
//!
//! `main.rs` is the command line; everything it runs lives here so integration tests can start
//! the same server on port 0.
#![recursion_limit = "256"]

pub mod assets;
pub mod auth;
pub mod cli;
pub mod config;
pub mod routes;
pub mod state;
pub mod telemetry;

use std::{net::SocketAddr, sync::Arc};

use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

pub use state::AppState;

/// Leptos options for the embedded site (names match the cargo-leptos metadata).
pub fn leptos_options(addr: SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("stoa")
        .site_pkg_dir("pkg")
        .site_root("target/site")
        .site_addr(addr)
        .build()
}

/// How often the search index looks for committed changes in the outbox.
pub const SEARCH_SYNC_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// Builds the shared state over an open, migrated database and its search index.
pub fn state(
    db: DatabaseConnection,
    search: Arc<commerce::search::SearchIndex>,
    data_dir: std::path::PathBuf,
    addr: SocketAddr,
    secure_cookies: bool,
) -> AppState {
    AppState {
        db,
        leptos_options: leptos_options(addr),
        data_dir,
        metrics: Arc::new(telemetry::Metrics::default()),
        started_unix: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default(),
        secure_cookies,
        search,
    }
}

/// Serves the application on an already bound listener until `shutdown` resolves. While it
/// serves, the search index follows the outbox every [`SEARCH_SYNC_EVERY`].
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sync =
        commerce::search::spawn_sync(state.search.clone(), state.db.clone(), SEARCH_SYNC_EVERY);
    let app = routes::router(state);
    let served = axum::serve(listener, app.into_make_service())
        .with_graceful_shutdown(shutdown)
        .await;
    sync.abort();
    served
}
