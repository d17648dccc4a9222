//! The header search box.
//!
//! Without JavaScript it is a plain `GET` form to `/search`. Once hydrated it suggests products
//! (thumbnail, name, price), categories and an exact SKU/barcode match while typing, following
//! the ARIA combobox pattern: ↑/↓ move through the suggestions, Enter opens the highlighted one
//! (or submits the form when none is), Escape and leaving the box close the list.
//!
//! The list is rendered empty and hidden on the server and stays so until the shopper types, so
//! hydration always matches.

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::{
    hooks::{use_location, use_navigate, use_query_map},
    NavigateOptions,
};

use commerce::{catalog::view::ProductCard, search::Suggestions};

use super::api::search_suggestions;
use crate::{
    context::request_ctx,
    i18n,
    ui::{clip, Price},
};

/// Pause after the last keystroke before asking for suggestions.
const DEBOUNCE: Duration = Duration::from_millis(120);

/// Longest text sent for suggestions, in bytes (the server keeps 200 characters).
const MAX_TEXT_BYTES: usize = 800;

/// `id` of the suggestion list (`aria-controls` of the box).
const LISTBOX_ID: &str = "search-suggestions";

/// One entry of the suggestion list.
#[derive(Clone, Debug, PartialEq)]
enum Suggestion {
    /// A variant whose SKU or barcode is exactly the text.
    Code {
        href: String,
        name: String,
        sku: String,
    },
    /// A category.
    Category { href: String, name: String },
    /// A product.
    Product { href: String, card: ProductCard },
}

impl Suggestion {
    fn href(&self) -> &str {
        match self {
            Suggestion::Code { href, .. }
            | Suggestion::Category { href, .. }
            | Suggestion::Product { href, .. } => href,
        }
    }
}

/// Code match first, then categories, then products (links in the page's language).
fn flatten(s: Suggestions) -> Vec<Suggestion> {
    let ctx = request_ctx();
    let mut out = Vec::new();
    if let Some(c) = s.code_match {
        out.push(Suggestion::Code {
            href: ctx.href(&c.path()),
            name: c.name,
            sku: c.sku,
        });
    }
    out.extend(s.categories.into_iter().map(|c| Suggestion::Category {
        href: ctx.href(&format!("/c/{}", c.slug)),
        name: c.name,
    }));
    out.extend(s.products.into_iter().map(|p| Suggestion::Product {
        href: ctx.href(&format!("/p/{}", p.slug)),
        card: p,
    }));
    out
}

fn option_id(i: usize) -> String {
    format!("search-suggestion-{i}")
}

/// The search form of the shop header.
#[component]
pub fn SearchBox() -> AnyView {
    let ctx = request_ctx();
    let locale = ctx.locale;
    let m = i18n::t(locale);
    let location = use_location();
    let query = use_query_map();
    let navigate = use_navigate();

    // The words of the search page being shown stay in the box.
    let current_q = move || {
        let path = location.pathname.get();
        if i18n::split_locale_path(&path).1 == "/search" {
            // As many characters as the search keeps.
            query
                .read()
                .get("q")
                .unwrap_or_default()
                .chars()
                .take(200)
                .collect()
        } else {
            String::new()
        }
    };

    let items = RwSignal::new(Vec::<Suggestion>::new());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    // Bumped on every keystroke; a response for an older text is dropped.
    let generation = StoredValue::new(0_u64);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let combo_ref = NodeRef::<leptos::html::Div>::new();

    let close = move || {
        open.set(false);
        active.set(None);
    };

    // After client-side navigation: show the new page's words, forget the old suggestions.
    Effect::new(move |prev: Option<()>| {
        let q = current_q();
        if prev.is_some() {
            generation.update_value(|g| *g += 1);
            items.set(Vec::new());
            open.set(false);
            active.set(None);
            if let Some(input) = input_ref.get_untracked() {
                input.set_value(&q);
            }
        }
    });

    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        generation.update_value(|g| *g += 1);
        let this = generation.get_value();
        if text.trim().is_empty() {
            items.set(Vec::new());
            close();
            return;
        }
        set_timeout(
            move || {
                if generation.get_value() != this {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let result =
                        search_suggestions(locale, clip(&text, MAX_TEXT_BYTES).to_owned()).await;
                    if generation.get_value() != this {
                        return;
                    }
                    if let Ok(s) = result {
                        let list = flatten(s);
                        active.set(None);
                        open.set(!list.is_empty());
                        items.set(list);
                    }
                });
            },
            DEBOUNCE,
        );
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let n = items.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                let next = match (open.get_untracked(), active.get_untracked()) {
                    (true, Some(i)) if i + 1 < n => i + 1,
                    _ => 0,
                };
                open.set(true);
                active.set(Some(next));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                let prev = match (open.get_untracked(), active.get_untracked()) {
                    (true, Some(i)) if i > 0 => i - 1,
                    _ => n - 1,
                };
                open.set(true);
                active.set(Some(prev));
            }
            "Enter" => {
                // With nothing highlighted the form is submitted as usual.
                let href = open
                    .get_untracked()
                    .then(|| active.get_untracked())
                    .flatten()
                    .and_then(|i| items.with_untracked(|v| v.get(i).map(|s| s.href().to_owned())));
                if let Some(href) = href {
                    ev.prevent_default();
                    close();
                    navigate(
                        &href,
                        NavigateOptions {
                            // `href` already carries the language prefix.
                            resolve: false,
                            ..Default::default()
                        },
                    );
                }
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                close();
            }
            _ => {}
        }
    };

    // Focus leaving the box and its list (Tab, or a click elsewhere) closes the list.
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::Node>().ok())
            .zip(combo_ref.get_untracked())
            .is_some_and(|(node, combo)| combo.contains(Some(&node)));
        if !inside {
            close();
        }
    };

    let on_focus = move |_| {
        if items.with_untracked(|v| !v.is_empty()) {
            open.set(true);
        }
    };

    let options = move || {
        items
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, s)| {
                let selected = move || {
                    if active.get() == Some(i) {
                        "true"
                    } else {
                        "false"
                    }
                };
                let body = match &s {
                    Suggestion::Code { name, sku, .. } => view! {
                        <span class="kind">{m.exact_match}</span>
                        <span class="name">{name.clone()}</span>
                        <span class="sku">{sku.clone()}</span>
                    }
                    .into_any(),
                    Suggestion::Category { name, .. } => view! {
                        <span class="kind">{m.category}</span>
                        <span class="name">{name.clone()}</span>
                    }
                    .into_any(),
                    Suggestion::Product { card, .. } => view! {
                        {card.image.clone().map(|src| view! {
                            <img src=src alt="" width="48" height="48"/>
                        })}
                        <span class="name">{card.name.clone()}</span>
                        <Price minor=card.price_minor currency=card.currency.clone()
                            compare_at=card.compare_at_minor.unwrap_or(0) from=card.price_varies/>
                    }
                    .into_any(),
                };
                let kind = match &s {
                    Suggestion::Code { .. } => "suggestion is-code",
                    Suggestion::Category { .. } => "suggestion is-category",
                    Suggestion::Product { .. } => "suggestion is-product",
                };
                view! {
                    <li id=option_id(i) role="option" class=kind aria-selected=selected
                        class:active=move || active.get() == Some(i)
                        on:click=move |_| close()>
                        <a href=s.href().to_owned() tabindex="-1">{body}</a>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <form class="site-search" role="search" method="get" action=ctx.href("/search")>
            <div class="combo" node_ref=combo_ref on:focusout=on_focusout>
                <label for="site-search-q" class="visually-hidden">{m.search_label}</label>
                <input id="site-search-q" type="search" name="q" node_ref=input_ref
                    role="combobox" aria-autocomplete="list" aria-controls=LISTBOX_ID
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-activedescendant=move || active.get().filter(|_| open.get()).map(option_id)
                    autocomplete="off" maxlength="200" placeholder=m.search_placeholder
                    value=current_q
                    on:input=on_input on:keydown=on_keydown on:focus=on_focus/>
                <ul id=LISTBOX_ID role="listbox" class="suggestions" aria-label=m.search_suggestions
                    hidden=move || !open.get()>
                    {options}
                </ul>
            </div>
            <button type="submit">{m.search_button}</button>
        </form>
    }
    .into_any()
}
