//! Stoa's user interface: the public shop and the staff pages, rendered on the server and
//! hydrated in the browser. Every page works without JavaScript.
#![recursion_limit = "256"]

pub mod context;
pub mod error;
pub mod form;
pub mod i18n;
pub mod shop;
pub mod staff;
pub mod ui;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::{context::request_ctx, error::NotFound};

/// The HTML document around the app (server side only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let ctx = request_ctx();
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=ctx.locale.html_lang()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="csrf-token" content=ctx.csrf.clone()/>
                {ctx.flash.as_ref().and_then(|f| serde_json::to_string(f).ok()).map(|json| view! {
                    <meta name="stoa-flash" content=json/>
                })}
                <meta name="theme-color" content="#1f3a5f"/>
                // `output_name` is `stoa.<hash>` (the server's content-hashed bundle name).
                <link rel="stylesheet" href=format!("/pkg/{}.css", options.output_name)/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The `Content-Security-Policy` of a page: scripts only from this site or inline with this
/// response's nonce (Leptos's hydration script and resource data carry it), WebAssembly
/// compilation allowed, no plugins, no framing, no `<base>`. Everything else from this site
/// (images also as `data:` URLs).
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'"
    )
}

/// Puts [`content_security_policy`] with this response's nonce (provided per request by
/// `leptos_axum`) on the page being rendered.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    if let Ok(value) = http::HeaderValue::from_str(&content_security_policy(&nonce)) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The application: routes for the shop (optionally under `/el` or `/pl`) and the staff area.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let ctx = request_ctx();
    provide_context(ctx.clone());
    let base = ctx
        .prefix()
        .map(|l| l.path_prefix().to_owned())
        .unwrap_or_default();
    view! {
        // Every page's title text is escaped here, once (see `ui::title`).
        <Title formatter=ui::title::head_text/>
        <Router base=base>
            <Routes fallback=|| view! { <shop::layout::ShopLayout><NotFound/></shop::layout::ShopLayout> }>
                <Route path=path!("/") view=shop::home::HomePage/>
                <Route path=path!("/c/:slug") view=shop::category::CategoryPage/>
                <Route path=path!("/p/:slug") view=shop::product::ProductPage/>
                <Route path=path!("/search") view=shop::search::SearchPage/>
                <Route path=path!("/staff/signin") view=staff::signin::SignInPage/>
                <Route path=path!("/staff") view=staff::home::StaffHomePage/>
                <Route path=path!("/staff/settings") view=staff::settings::SettingsPage/>
                <Route path=path!("/staff/inventory") view=staff::inventory::stock::StockPage/>
                <Route path=path!("/staff/inventory/receive") view=staff::inventory::receive::ReceivePage/>
                <Route path=path!("/staff/inventory/receipts/:id") view=staff::inventory::receive::ReceiptPage/>
                <Route path=path!("/staff/inventory/adjust") view=staff::inventory::adjust::AdjustPage/>
                <Route path=path!("/staff/inventory/transfers") view=staff::inventory::transfers::TransfersPage/>
                <Route path=path!("/staff/inventory/transfers/:id") view=staff::inventory::transfers::TransferPage/>
                <Route path=path!("/staff/inventory/counts") view=staff::inventory::counts::CountsPage/>
                <Route path=path!("/staff/inventory/counts/:id") view=staff::inventory::counts::CountPage/>
                <Route path=path!("/staff/inventory/low-stock") view=staff::inventory::low_stock::LowStockPage/>
                <Route path=path!("/staff/inventory/variant/:id") view=staff::inventory::ledger::LedgerPage/>
            </Routes>
        </Router>
    }
}
