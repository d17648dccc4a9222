//! Tells `rust-embed` where cargo-leptos writes the site (CSS, JS, wasm, public files).
use std::path::PathBuf;

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
    // Re-embed when the site files change (release builds compile them in).
    println!("cargo:rerun-if-changed={}", site.join("pkg").display());
    println!(
        "cargo:rerun-if-changed={}",
        workspace.join("public").display()
    );
}
