//! The baseline for `scripts/bench-http`: a bare axum handler returning a small HTML page, with
//! no database, no middleware and no rendering. Run with
//! `cargo run --release -p server --example bare_axum -- 127.0.0.1:3201`.

use axum::{response::Html, routing::get, Router};

#[tokio::main]
async fn main() {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:3201".into());
    let app = Router::new().route(
        "/",
        get(|| async { Html("<!DOCTYPE html><html><body><h1>hello</h1></body></html>") }),
    );
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
    axum::serve(listener, app).await.expect("serve");
}
