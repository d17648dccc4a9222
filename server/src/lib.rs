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
        .output_name(assets::bundle_name())
        .site_pkg_dir("pkg")
        .site_root("target/site")
        .site_addr(addr)
        .build()
}

/// How often the search index and the catalogue read model look for committed changes in the
/// outbox.
pub const SEARCH_SYNC_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

/// How often lapsed stock reservations are released (on one instance at a time).
pub const RESERVATION_EXPIRY_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// How often applied outbox rows are deleted.
pub const OUTBOX_PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(600);
/// How often expired sessions and stale sign-in counts are deleted.
pub const SESSION_PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

/// Starts the background jobs every instance runs (each job runs once across instances):
/// reservation expiry and outbox pruning. Abort the handles to stop them.
pub fn spawn_jobs(db: &DatabaseConnection) -> Vec<tokio::task::JoinHandle<()>> {
    use commerce::jobs::{instance_name, name, spawn_recurring};
    let instance = instance_name();
    vec![
        spawn_recurring(
            db.clone(),
            name::RESERVATION_EXPIRY,
            instance.clone(),
            RESERVATION_EXPIRY_EVERY,
            |db| async move {
                let done =
                    commerce::inventory::reservations::expire_lapsed(&db, chrono::Utc::now(), 500)
                        .await?;
                if done.reservations > 0 {
                    tracing::info!(
                        reservations = done.reservations,
                        units = done.units,
                        "released lapsed reservations"
                    );
                }
                Ok(())
            },
        ),
        spawn_recurring(
            db.clone(),
            name::SESSION_PURGE,
            instance.clone(),
            SESSION_PURGE_EVERY,
            |db| async move {
                let sessions = commerce::sessions::purge_expired(&db).await?;
                let throttles = commerce::sign_in::purge_stale(&db).await?;
                if sessions + throttles > 0 {
                    tracing::info!(
                        sessions,
                        throttles,
                        "purged expired sessions and sign-in counts"
                    );
                }
                Ok(())
            },
        ),
        spawn_recurring(
            db.clone(),
            name::OUTBOX_PRUNE,
            instance,
            OUTBOX_PRUNE_EVERY,
            |db| async move {
                let n = commerce::outbox::prune(&db, chrono::Duration::hours(1)).await?;
                if n > 0 {
                    tracing::info!(rows = n, "pruned the outbox");
                }
                Ok(())
            },
        ),
    ]
}

/// Builds the shared state over an open, migrated database: opens the search index in
/// `data_dir` and loads the catalogue read model.
pub async fn state(
    db: DatabaseConnection,
    data_dir: std::path::PathBuf,
    addr: SocketAddr,
    web: state::WebOptions,
) -> commerce::Result<AppState> {
    let search = commerce::search::SearchIndex::open(&db, &data_dir).await?;
    let catalogue = commerce::catalog::live::Catalogue::load(&db).await?;
    Ok(AppState {
        db,
        leptos_options: leptos_options(addr),
        data_dir,
        metrics: Arc::new(telemetry::Metrics::default()),
        web,
        search,
        catalogue,
    })
}

/// Serves the application on an already bound listener until `shutdown` resolves. While it
/// serves, the search index and the catalogue follow the outbox every [`SEARCH_SYNC_EVERY`] and
/// the background
/// jobs of [`spawn_jobs`] run.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sync =
        commerce::search::spawn_sync(state.search.clone(), state.db.clone(), SEARCH_SYNC_EVERY);
    let catalogue_sync = commerce::catalog::live::spawn_sync(
        state.catalogue.clone(),
        state.db.clone(),
        SEARCH_SYNC_EVERY,
    );
    let jobs = spawn_jobs(&state.db);
    let app = routes::router(state);
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    sync.abort();
    catalogue_sync.abort();
    for job in jobs {
        job.abort();
    }
    served
}
