//! The site's CSS, JS, wasm and public files, embedded into the binary.
//!
//! In release builds the files are compiled in, so the `stoa` file alone serves the full shop.
//! In debug builds `rust-embed` reads them from the site folder cargo-leptos writes
//! (`STOA_SITE_DIR`, set by `build.rs`), so a rebuilt stylesheet shows without relinking.

use axum::{
    body::Body,
    http::{header, HeaderValue, StatusCode, Uri},
    response::{IntoResponse, Response},
};

#[derive(rust_embed::RustEmbed)]
#[folder = "$STOA_SITE_DIR"]
struct Site;

/// Serves one embedded file by its path below the site root (`pkg/stoa.css`, `favicon.svg`…).
pub fn serve(path: &str) -> Option<Response> {
    let file = Site::get(path)?;
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    // Build outputs keep their names across releases, so revalidate rather than cache forever.
    let cache = if path.starts_with("pkg/") {
        "public, max-age=300, must-revalidate"
    } else {
        "public, max-age=3600"
    };
    let etag = format!("\"{}\"", hex(&file.metadata.sha256_hash()[..12]));
    let mut response = Response::new(Body::from(file.data.into_owned()));
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    Some(response)
}

/// Axum handler for `/pkg/*` and the public files at the root.
pub async fn handler(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    match serve(path) {
        Some(r) => r,
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// Whether a file with this path is embedded.
pub fn exists(path: &str) -> bool {
    Site::get(path.trim_start_matches('/')).is_some()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
