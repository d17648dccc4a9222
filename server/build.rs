//! Tells `rust-embed` where cargo-leptos writes the site (CSS, JS, wasm, public files), refuses
//! a release build whose site folder lacks the browser bundle, and compresses the bundle once
//! (brotli and gzip at their best levels) for the release binary to embed beside it.
use std::path::{Path, PathBuf};

/// What the release binary must embed, relative to the site root (cargo-leptos's
/// `site-pkg-dir` + the output name `stoa`).
const BUNDLE: [&str; 3] = ["pkg/stoa.wasm", "pkg/stoa.js", "pkg/stoa.css"];

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let workspace = manifest.parent().unwrap().to_path_buf();
    // cargo-leptos sets LEPTOS_SITE_ROOT (relative to the workspace) when it builds the server.
    let site = std::env::var("LEPTOS_SITE_ROOT").unwrap_or_else(|_| "target/site".into());
    let site = if PathBuf::from(&site).is_absolute() {
        PathBuf::from(site)
    } else {
        workspace.join(site)
    };
    std::fs::create_dir_all(&site).ok();
    println!("cargo:rustc-env=STOA_SITE_DIR={}", site.display());
    println!("cargo:rerun-if-env-changed=LEPTOS_SITE_ROOT");
    println!("cargo:rerun-if-env-changed=STOA_ALLOW_NO_BUNDLE");
    // Re-embed when the site files change (release builds compile them in).
    println!("cargo:rerun-if-changed={}", site.join("pkg").display());
    println!(
        "cargo:rerun-if-changed={}",
        workspace.join("public").display()
    );
    // A release binary is what users copy to a server: it must carry the browser bundle, or
    // every page it serves stays without JavaScript. (Debug builds read the folder at run time.)
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("precompressed");
    std::fs::create_dir_all(out.join("pkg")).ok();
    println!("cargo:rustc-env=STOA_PRECOMPRESSED_DIR={}", out.display());
    if std::env::var("PROFILE").as_deref() == Ok("release") {
        check_bundle(&site);
        precompress(&site, &out);
    }
}

/// Writes `<file>.br` and `<file>.gz` of each bundle file into `out` (served to clients that
/// accept them; compressing 3 MB of wasm per request would cost more than serving it).
fn precompress(site: &Path, out: &Path) {
    use std::io::Write;
    for f in BUNDLE {
        let Ok(data) = std::fs::read(site.join(f)) else {
            continue;
        };
        let mut br = Vec::new();
        {
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 22,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &data[..], &mut br, &params).expect("brotli");
        }
        std::fs::write(out.join(format!("{f}.br")), br).expect("write .br");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&data).expect("gzip");
        std::fs::write(out.join(format!("{f}.gz")), gz.finish().expect("gzip")).expect("write .gz");
    }
}

/// Stops the build, naming the missing files, unless `STOA_ALLOW_NO_BUNDLE=1` says that a
/// bundle-less binary is wanted on purpose (e.g. `cargo clippy --release`).
fn check_bundle(site: &Path) {
    let missing: Vec<String> = BUNDLE
        .iter()
        .map(|f| site.join(f))
        .filter(|p| !p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() || std::env::var("STOA_ALLOW_NO_BUNDLE").as_deref() == Ok("1") {
        return;
    }
    panic!(
        "\n\nThe release binary embeds the site, but the browser bundle is missing:\n  {}\n\n\
         Build the site first: `cargo leptos build --release --frontend-only`, then the server\n\
         (`cargo leptos build --release --server-only`), or run `scripts/demo --release`.\n\
         Set STOA_ALLOW_NO_BUNDLE=1 only for a binary that should serve pages without JavaScript.\n",
        missing.join("\n  ")
    );
}
