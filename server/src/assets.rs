//! The site's CSS, JS, wasm and public files, embedded into the binary, and the product images
//! from the data folder.
//!
//! In release builds the files are compiled in, so the `stoa` file alone serves the full shop.
//! In debug builds `rust-embed` reads them from the site folder cargo-leptos writes
//! (`STOA_SITE_DIR`, set by `build.rs`), so a rebuilt stylesheet shows without relinking.
//!
//! - The browser bundle is linked from pages under content-hashed names
//!   (`/pkg/stoa.<hash>.css|js|wasm`, see [`bundle_name`]) and served with
//!   `Cache-Control: immutable`: a new release has new names, so browsers never keep a stale
//!   bundle and never ask again for a current one. The plain names keep working (revalidated).
//! - Release builds carry brotli and gzip versions of the bundle, compressed once by `build.rs`
//!   (`STOA_PRECOMPRESSED_DIR`); a request gets the best one its `Accept-Encoding` allows.
//! - Every file has an `ETag`; a matching `If-None-Match` is answered `304 Not Modified`.

use std::{path::Component, sync::OnceLock};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::state::AppState;

/// The site files. A release binary leaves out the wasm as it is (2.7 MB): it carries only its
/// brotli and gzip forms, and unpacks the gzip one for the rare client that accepts neither.
#[derive(rust_embed::RustEmbed)]
#[folder = "$STOA_SITE_DIR"]
#[cfg_attr(not(debug_assertions), exclude = "pkg/stoa.wasm")]
struct Site;

/// `<file>.br` and `<file>.gz` of the bundle files (empty in debug builds).
#[derive(rust_embed::RustEmbed)]
#[folder = "$STOA_PRECOMPRESSED_DIR"]
struct Precompressed;

/// The output name of the browser bundle (cargo-leptos's `output-name`).
const OUTPUT_NAME: &str = "stoa";

/// The bundle's files below `pkg/` (their extensions).
const BUNDLE: [&str; 3] = ["css", "js", "wasm"];

/// Caching of files whose name carries their content hash.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `stoa.<hash>`: the bundle's output name with a hash of the CSS, JS and wasm in it. Pages
/// link `/pkg/<this>.css|js|wasm` (the Leptos options carry it as the output name).
pub fn bundle_name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| {
        let mut parts = Vec::new();
        for ext in BUNDLE {
            if let Some(hash) = content_hash(&format!("pkg/{OUTPUT_NAME}.{ext}")) {
                parts.extend_from_slice(&hash);
            }
        }
        if parts.is_empty() {
            return OUTPUT_NAME.to_owned();
        }
        let digest = <sha2::Sha256 as sha2::Digest>::digest(&parts);
        format!("{OUTPUT_NAME}.{}", hex(&digest[..8]))
    })
}

/// A hash of the embedded file `name` (of its gzip form when only that is embedded).
fn content_hash(name: &str) -> Option<[u8; 32]> {
    Site::get(name)
        .or_else(|| Precompressed::get(&format!("{name}.gz")))
        .map(|f| f.metadata.sha256_hash())
}

/// The embedded file a request path names, and whether the name carried the current hash.
/// `pkg/stoa.<hash>.css` → (`pkg/stoa.css`, true); a hash of another build is not served.
fn resolve(path: &str) -> Option<(String, bool)> {
    if let Some(rest) = path.strip_prefix("pkg/") {
        if let Some((name, ext)) = rest.rsplit_once('.') {
            if name != OUTPUT_NAME && name.starts_with(&format!("{OUTPUT_NAME}.")) {
                if !BUNDLE.contains(&ext) || name != bundle_name() {
                    return None;
                }
                return Some((format!("pkg/{OUTPUT_NAME}.{ext}"), true));
            }
        }
    }
    Some((path.to_owned(), false))
}

/// Which encodings the client accepts (`q=0` refuses one).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            name.eq_ignore_ascii_case(coding) && !refused
        })
}

/// Whether `If-None-Match` names `etag` (or is `*`).
fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .any(|t| t == "*" || t.trim_start_matches("W/") == etag)
}

/// A `304 Not Modified` carrying the validators and caching headers of the full answer.
fn not_modified_response(etag: &HeaderValue, cache: &HeaderValue, vary: bool) -> Response {
    let mut r = StatusCode::NOT_MODIFIED.into_response();
    r.headers_mut().insert(header::ETAG, etag.clone());
    r.headers_mut().insert(header::CACHE_CONTROL, cache.clone());
    if vary {
        r.headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    r
}

/// Serves one embedded file by its path below the site root (`pkg/stoa.css`,
/// `pkg/stoa.<hash>.wasm`, `favicon.svg`…), honouring `Accept-Encoding` and `If-None-Match`.
pub fn serve(path: &str, headers: &HeaderMap) -> Option<Response> {
    let (name, hashed) = resolve(path)?;
    // Each embedded form looked up once: the file as it is (absent for a release binary's
    // wasm), and its brotli and gzip forms (release builds of the bundle only).
    let file = Site::get(&name);
    let br = Precompressed::get(&format!("{name}.br"));
    let gz = Precompressed::get(&format!("{name}.gz"));
    let hash = file.as_ref().or(gz.as_ref())?.metadata.sha256_hash();
    let mime = mime_guess::from_path(&name).first_or_octet_stream();
    let cache = if hashed {
        IMMUTABLE
    } else if name.starts_with("pkg/") {
        // The plain names keep their name across releases: revalidate.
        "public, max-age=300, must-revalidate"
    } else {
        "public, max-age=3600"
    };
    let cache = HeaderValue::from_static(cache);
    let has_variants = br.is_some() || gz.is_some();
    let encoded = [("br", &br), ("gzip", &gz)]
        .into_iter()
        .filter(|(coding, _)| accepts(headers, coding))
        .find_map(|(coding, f)| f.as_ref().map(|f| (coding, f)));
    let tag = hex(&hash[..12]);
    let etag = match &encoded {
        Some((coding, _)) => format!("\"{tag}-{coding}\""),
        None => format!("\"{tag}\""),
    };
    let etag_value = HeaderValue::from_str(&etag).ok()?;
    if not_modified(headers, &etag) {
        return Some(not_modified_response(&etag_value, &cache, has_variants));
    }
    let (data, coding) = match (encoded, &file, &gz) {
        (Some((coding, f)), _, _) => (f.data.to_vec(), Some(coding)),
        (None, Some(f), _) => (f.data.to_vec(), None),
        (None, None, Some(gz)) => (gunzip(&gz.data)?, None),
        (None, None, None) => return None,
    };
    let mut response = Response::new(Body::from(data));
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CACHE_CONTROL, cache);
    h.insert(header::ETAG, etag_value);
    if let Some(coding) = coding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
    }
    if has_variants {
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    Some(response)
}

/// The bytes of a gzip stream (`None` if it is corrupt, which a build never embeds).
fn gunzip(data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// Axum handler for `/pkg/*` and the public files at the root.
pub async fn handler(req: Request) -> Response {
    let path = req.uri().path().trim_start_matches('/');
    match serve(path, req.headers()) {
        Some(r) => r,
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// Whether a file with this path is embedded.
pub fn exists(path: &str) -> bool {
    content_hash(path.trim_start_matches('/')).is_some()
}

/// `GET /images/*`: a product image from `<data>/images`, with an `ETag` (its size and
/// modification time) and a day of caching; a matching `If-None-Match` gets `304`. Only plain
/// file paths below the folder are served (no `..`, no hidden files, no folders).
pub async fn image(State(state): State<AppState>, req: Request) -> Response {
    let not_found = || (StatusCode::NOT_FOUND, "not found").into_response();
    let Ok(rel) =
        percent_encoding::percent_decode_str(req.uri().path().trim_start_matches("/images/"))
            .decode_utf8()
    else {
        return not_found();
    };
    let rel = std::path::Path::new(&*rel);
    let plain = rel.components().all(|c| match c {
        Component::Normal(s) => !s.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if !plain || rel.as_os_str().is_empty() {
        return not_found();
    }
    let path = state.data_dir.join("images").join(rel);
    let Ok(meta) = tokio::fs::metadata(&path).await else {
        return not_found();
    };
    if !meta.is_file() {
        return not_found();
    }
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), modified);
    let Ok(etag_value) = HeaderValue::from_str(&etag) else {
        return not_found();
    };
    let cache = HeaderValue::from_static("public, max-age=86400");
    if not_modified(req.headers(), &etag) {
        return not_modified_response(&etag_value, &cache, false);
    }
    let Ok(data) = tokio::fs::read(&path).await else {
        return not_found();
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let mut response = Response::new(Body::from(data));
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(mime.as_ref()) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CACHE_CONTROL, cache);
    h.insert(header::ETAG, etag_value);
    response
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        let h = headers(&[("accept-encoding", "gzip, deflate, br;q=0.9")]);
        assert!(accepts(&h, "br") && accepts(&h, "gzip"));
        let h = headers(&[("accept-encoding", "gzip;q=1.0, br;q=0")]);
        assert!(!accepts(&h, "br") && accepts(&h, "gzip"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        let h = headers(&[("if-none-match", "\"a\", W/\"b\"")]);
        assert!(not_modified(&h, "\"a\"") && not_modified(&h, "\"b\""));
        assert!(!not_modified(&h, "\"c\""));
    }

    #[test]
    fn only_the_current_hash_is_served_under_a_hashed_name() {
        let current = bundle_name();
        if current == OUTPUT_NAME {
            return; // no bundle built (clippy-only builds)
        }
        assert_eq!(
            resolve(&format!("pkg/{current}.css")),
            Some(("pkg/stoa.css".into(), true))
        );
        assert_eq!(resolve("pkg/stoa.0123456789abcdef.css"), None);
        assert_eq!(
            resolve("pkg/stoa.css"),
            Some(("pkg/stoa.css".into(), false))
        );
    }
}
