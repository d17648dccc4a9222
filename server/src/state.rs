//! [`AppState`]: the one shared state handed to every handler and server function.

use std::{path::PathBuf, sync::Arc};

use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;

use commerce::{catalog::live::Catalogue, search::SearchIndex};

use crate::telemetry::Metrics;

/// Shared state: one database pool, the search index and catalogue read model, the Leptos
/// options, the data folder and the metrics.
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
    /// How this instance faces the web (cookies, public origin, metrics access).
    pub web: WebOptions,
    /// The product search index of this instance (follows the outbox).
    pub search: Arc<SearchIndex>,
    /// The catalogue read model of this instance (follows the outbox).
    pub catalogue: Arc<Catalogue>,
}

/// How an instance faces the web: set from `stoa serve` flags.
#[derive(Clone, Debug, Default)]
pub struct WebOptions {
    /// Cookies always get `Secure` and the `__Host-` prefix (a TLS proxy sits in front).
    pub secure_cookies: bool,
    /// The origin browsers see (`https://shop.example.com`), when a reverse proxy rewrites
    /// `Host`: state-changing requests from it pass the Origin check.
    pub public_origin: Option<String>,
    /// The bearer token `/metrics` requires; without one `/metrics` is not served.
    pub metrics_token: Option<String>,
}

impl WebOptions {
    /// Parses a public URL (`--public-url`) into its origin: scheme `http` or `https`, a host,
    /// an optional port, nothing else.
    pub fn parse_public_url(url: &str) -> Result<String, String> {
        let url = url.trim().trim_end_matches('/');
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| format!("{url:?} is not a URL (expected https://host[:port])"))?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(format!("{url:?}: the scheme must be http or https"));
        }
        if rest.is_empty()
            || rest.contains(['/', '?', '#', '@', ' '])
            || rest.starts_with(':')
            || rest.ends_with(':')
        {
            return Err(format!(
                "{url:?}: give only the scheme, host and port (https://shop.example.com)"
            ));
        }
        Ok(format!("{scheme}://{}", rest.to_ascii_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::WebOptions;

    #[test]
    fn public_urls_are_origins() {
        assert_eq!(
            WebOptions::parse_public_url("https://Shop.Example.com/").unwrap(),
            "https://shop.example.com"
        );
        assert_eq!(
            WebOptions::parse_public_url("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        for bad in [
            "shop.example.com",
            "ftp://x",
            "https://",
            "https://x/path",
            "https://u@x",
            "https://x:",
        ] {
            assert!(WebOptions::parse_public_url(bad).is_err(), "{bad}");
        }
    }
}
