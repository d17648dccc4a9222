//! The shop's frame: header (logo, search box, categories, language switcher) and footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::{api::nav_categories, searchbox::SearchBox};
use crate::{
    context::request_ctx,
    i18n::{self, Locale},
};

/// Header, main content and footer of every shop page.
///
/// Returns an erased view ([`AnyView`]): the frame's full view type (header, search box,
/// language switcher, navigation) is deep enough to overflow the compiler's query depth in the
/// wasm-release profile, so each part is erased at its component boundary.
#[component]
pub fn ShopLayout(children: Children) -> AnyView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let m = i18n::t(locale);
    // Reference-counted, not owned by the page's arena: a render cut short (the visitor left)
    // may still poll the navigation's future after the page's owner was disposed, and an
    // arena resource then panics ("already been disposed").
    let nav = ArcResource::new(move || locale, nav_categories);
    let home = ctx.href("/");
    view! {
        <a class="skip-link" href="#main">{m.skip_to_content}</a>
        <header class="site-header">
            <div class="bar">
                <a class="logo" href=home>{m.shop_name}</a>
                <SearchBox/>
                <LanguageSwitcher/>
            </div>
            <nav class="category-nav" aria-label=m.categories>
                <Suspense fallback=|| ()>
                    {move || {
                        let nav = nav.clone();
                        Suspend::new(async move {
                        let ctx = request_ctx();
                        nav.await
                            .map(|cats| {
                                cats.into_iter()
                                    .map(|c| {
                                        view! { <a href=ctx.href(&format!("/c/{}", c.slug))>{c.name}</a> }
                                    })
                                    .collect_view()
                            })
                            .ok()
                    })}}
                </Suspense>
            </nav>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            <p><strong>{m.footer_about}</strong>" · "{m.footer_about_text}</p>
            <p>{m.returns_policy_short}</p>
            <p class="staff-link"><a href="/staff/signin">{m.staff_area}</a></p>
        </footer>
    }
    .into_any()
}

/// Links to the same page in the other languages (full page loads: the URL prefix changes).
/// Each goes through [`i18n::SWITCH_PATH`], which remembers the choice in
/// [`i18n::LOCALE_COOKIE`] (for the staff pages and unprefixed addresses) and redirects.
#[component]
pub fn LanguageSwitcher() -> AnyView {
    let ctx = request_ctx();
    let m = i18n::t(ctx.locale);
    let location = use_location();
    let current = ctx.locale;
    view! {
        <nav class="languages" aria-label=m.language>
            {move || {
                let path = location.pathname.get();
                let query = location.search.get();
                let (_, rest) = i18n::split_locale_path(&path);
                // The address as typed may start with `//` (a 404 page): keep links on this site.
                let rest = i18n::same_site_path(rest);
                let mut back = rest;
                if !query.is_empty() {
                    back.push('?');
                    back.push_str(query.trim_start_matches('?'));
                }
                Locale::ALL
                    .iter()
                    .map(|l| {
                        let href = i18n::switch_href(*l, &back);
                        view! {
                            <a href=href rel="external" hreflang=l.code() lang=l.code()
                                aria-current=(*l == current).then_some("true")>{l.native_name()}</a>
                        }
                    })
                    .collect_view()
            }}
        </nav>
    }
    .into_any()
}
