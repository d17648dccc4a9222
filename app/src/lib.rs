//! Stoa's user interface: the public shop and the staff pages, rendered on the server and
//! hydrated in the browser. Every page works without JavaScript.
#![recursion_limit = "256"]

pub mod context;
pub mod error;
pub mod i18n;
pub mod shop;
pub mod staff;
pub mod ui;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::{context::request_ctx, error::NotFound};

/// The HTML document around the app (server side only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let ctx = request_ctx();
    view! {
        <!DOCTYPE html>
        <html lang=ctx.locale.html_lang()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="csrf-token" content=ctx.csrf.clone()/>
                <meta name="theme-color" content="#1f3a5f"/>
                <link rel="stylesheet" href="/pkg/stoa.css"/>
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
        <Router base=base>
            <Routes fallback=|| view! { <shop::layout::ShopLayout><NotFound/></shop::layout::ShopLayout> }>
                <Route path=path!("/") view=shop::home::HomePage/>
                <Route path=path!("/c/:slug") view=shop::category::CategoryPage/>
                <Route path=path!("/p/:slug") view=shop::product::ProductPage/>
                <Route path=path!("/search") view=shop::search::SearchPage/>
                <Route path=path!("/staff/signin") view=staff::signin::SignInPage/>
                <Route path=path!("/staff") view=staff::home::StaffHomePage/>
                <Route path=path!("/staff/settings") view=staff::settings::SettingsPage/>
                <Route path=path!("/staff/inventory") view=staff::inventory::stock::StockPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/receive") view=staff::inventory::receive::ReceivePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/receipts/:id") view=staff::inventory::receive::ReceiptPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/adjust") view=staff::inventory::adjust::AdjustPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/transfers") view=staff::inventory::transfers::TransfersPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/transfers/:id") view=staff::inventory::transfers::TransferPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/counts") view=staff::inventory::counts::CountsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/counts/:id") view=staff::inventory::counts::CountPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/low-stock") view=staff::inventory::low_stock::LowStockPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/inventory/variant/:id") view=staff::inventory::ledger::LedgerPage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}
