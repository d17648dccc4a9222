//! Read models built on the index: the results page with its facets, header suggestions, and the
//! exact SKU/barcode shortcut. Names, labels and prices come from the in-memory catalogue
//! ([`crate::catalog::live`]); the index only picks and counts products. No database reads.

use std::sync::{Arc, OnceLock};

use tokio::sync::Semaphore;

use super::{
    analysis,
    index::{Hits, SearchIndex},
    params::{price_band_bounds, SearchParams, Sort, ATTRIBUTE_CODES, PRICE_BANDS},
};
use crate::{
    catalog::{
        barcode::Ean13,
        browse,
        live::{self, Snapshot},
        sku::Sku,
    },
    CommerceError, Result,
};

pub use super::view::{
    CategorySuggestion, CodeMatch, FacetGroup, FacetValue, PriceBandValue, SearchPage, SortLink,
    Suggestions,
};

/// Results per page.
pub const PAGE_SIZE: u64 = 24;

/// Products in the header suggestions.
pub const SUGGESTED_PRODUCTS: usize = 6;

/// Categories in the header suggestions.
pub const SUGGESTED_CATEGORIES: usize = 3;

/// Runs a search (CPU work) on a blocking thread, so the async workers keep serving pages, at
/// most one per core at a time: more would only take turns on the same cores, and each blocking
/// thread keeps memory of its own (a burst of 64 searches would otherwise start 64 threads).
async fn off_workers<T: Send + 'static>(search: impl FnOnce() -> T + Send + 'static) -> Result<T> {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    let slots = SLOTS.get_or_init(|| {
        Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });
    let _slot = slots
        .acquire()
        .await
        .map_err(|e| CommerceError::Internal(format!("search slots closed: {e}")))?;
    tokio::task::spawn_blocking(search)
        .await
        .map_err(|e| CommerceError::Internal(format!("search task failed: {e}")))
}

/// Runs `params` and builds the results page in `locale`.
///
/// Never fails on user input: junk text finds nothing, a page past the end is empty. Errors are
/// only a failed search task.
pub async fn search_page(
    snap: &Snapshot,
    index: &Arc<SearchIndex>,
    locale: &str,
    params: &SearchParams,
) -> Result<SearchPage> {
    let mut params = params.clone();
    params.page = params.page.max(1);
    // A repeated search is answered from memory; a new one is matched and counted off the
    // async workers.
    let hits: Arc<Hits> = match index.remembered_hits(&params, PAGE_SIZE as usize) {
        Some(hits) => hits,
        None => {
            let (index, params) = (Arc::clone(index), params.clone());
            off_workers(move || index.cached_hits(&params, PAGE_SIZE as usize)).await?
        }
    };
    let pages = hits.total.div_ceil(PAGE_SIZE).max(1);
    let products = browse::cards(snap, locale, &hits.ids);
    let code_match = find_code(snap, locale, &params.q);
    let l = live::locale_index(locale).unwrap_or(0);

    // Categories: trail of the selection, then the children to drill into.
    let tree = &snap.categories;
    let name = |id: i64| -> String {
        tree.get(id)
            .map_or_else(|| id.to_string(), |c| c.texts[l].name.to_string())
    };
    let mut category_trail = Vec::new();
    if let Some(selected) = params.category {
        let path = if tree.get(selected).is_some() {
            tree.path(selected)
        } else {
            Vec::new()
        };
        for id in path {
            category_trail.push(FacetValue {
                key: id.to_string(),
                label: name(id),
                count: 0,
                selected: id == selected,
                query: params.with_category(Some(id)).to_query(),
            });
        }
    }
    let mut categories: Vec<FacetValue> = hits
        .categories
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(id, n)| FacetValue {
            key: id.to_string(),
            label: name(*id),
            count: *n,
            selected: false,
            query: params.with_category(Some(*id)).to_query(),
        })
        .collect();
    categories.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));

    // Attributes, labelled in the locale.
    let derived = &snap.derived;
    let mut attributes = Vec::new();
    for code in ATTRIBUTE_CODES {
        let selected = params.attrs.get(code);
        let counts = hits.attrs.get(code);
        let mut keys: Vec<&String> = counts.map(|c| c.keys().collect()).unwrap_or_default();
        if let Some(sel) = selected {
            keys.extend(
                sel.iter()
                    .filter(|k| !counts.is_some_and(|c| c.contains_key(*k))),
            );
        }
        let mut values: Vec<(i32, FacetValue)> = keys
            .into_iter()
            .map(|k| {
                let (position, label) = derived
                    .value_label(code, k)
                    .map_or((i32::MAX, k.clone()), |(p, labels)| {
                        (*p, labels[l].to_string())
                    });
                let v = FacetValue {
                    key: k.clone(),
                    label,
                    count: counts.and_then(|c| c.get(k)).copied().unwrap_or(0),
                    selected: selected.is_some_and(|s| s.contains(k)),
                    query: params.toggle_attr(code, k).to_query(),
                };
                (position, v)
            })
            .filter(|(_, v)| v.count > 0 || v.selected)
            .collect();
        values.sort_by(|a, b| {
            value_order(code, &a.1.key, a.0)
                .cmp(&value_order(code, &b.1.key, b.0))
                .then(a.1.label.cmp(&b.1.label))
        });
        if !values.is_empty() {
            attributes.push(FacetGroup {
                code: code.to_owned(),
                values: values.into_iter().map(|(_, v)| v).collect(),
            });
        }
    }

    let price_bands = (0..PRICE_BANDS.len())
        .filter_map(|band| {
            let (min_minor, max_minor) = price_band_bounds(band)?;
            let count = hits.price_bands.get(band).copied().unwrap_or(0);
            let selected = params.price.contains(&band);
            (count > 0 || selected).then(|| PriceBandValue {
                facet: FacetValue {
                    key: band.to_string(),
                    label: String::new(),
                    count,
                    selected,
                    query: params.toggle_price(band).to_query(),
                },
                min_minor,
                max_minor,
            })
        })
        .collect();

    let mut availability = vec![FacetValue {
        key: "online".into(),
        label: String::new(),
        count: hits.online,
        selected: params.online,
        query: params.toggle_online().to_query(),
    }];
    for (id, store_name) in &snap.places.stores {
        let count = hits.stores.get(id).copied().unwrap_or(0);
        availability.push(FacetValue {
            key: format!("store-{id}"),
            label: store_name.clone(),
            count,
            selected: params.stores.contains(id),
            query: params.toggle_store(*id).to_query(),
        });
    }

    let sorts = Sort::ALL
        .into_iter()
        .map(|sort| SortLink {
            sort,
            selected: sort == params.sort,
            query: params.with_sort(sort).to_query(),
        })
        .collect();

    let currency = products
        .first()
        .map(|p| p.currency.clone())
        .unwrap_or_else(|| crate::money::Currency::Eur.code().to_owned());
    Ok(SearchPage {
        q: params.q.trim().to_owned(),
        page_query: params.with_page(1).to_query(),
        all_categories_query: params.with_category(None).to_query(),
        has_filters: params.has_filters(),
        currency,
        query: params.to_query(),
        clear_query: params.without_filters().to_query(),
        products,
        total: hits.total,
        page: params.page,
        pages,
        sorts,
        category_trail,
        categories,
        attributes,
        price_bands,
        availability,
        code_match,
    })
}

/// Suggestions for the header box: an exact code match, a few categories, the best products.
pub async fn suggest(
    snap: &Snapshot,
    index: &Arc<SearchIndex>,
    locale: &str,
    q: &str,
) -> Result<Suggestions> {
    let q: String = q.chars().take(super::params::MAX_QUERY_CHARS).collect();
    if q.trim().is_empty() {
        return Ok(Suggestions::default());
    }
    let ids = match index.remembered_suggest(&q, SUGGESTED_PRODUCTS) {
        Some(ids) => ids,
        None => {
            let (index, q) = (Arc::clone(index), q.clone());
            off_workers(move || index.cached_suggest(&q, SUGGESTED_PRODUCTS)).await?
        }
    };
    let products = browse::cards(snap, locale, &ids);
    let code_match = find_code(snap, locale, &q);
    let l = live::locale_index(locale).unwrap_or(0);
    // Categories whose name (in this locale) has a word starting with each typed word.
    let words = analysis::fold_words(&q);
    let mut categories = Vec::new();
    if !words.is_empty() {
        for c in &snap.categories.list {
            let (name, slug) = (&*c.texts[l].name, &*c.texts[l].slug);
            let name_words = analysis::fold_words(name);
            let all = words
                .iter()
                .all(|w| name_words.iter().any(|n| n.starts_with(w.as_str())));
            if all {
                categories.push(CategorySuggestion {
                    slug: slug.to_owned(),
                    name: name.to_owned(),
                });
            }
        }
        categories.sort_by(|a, b| a.name.cmp(&b.name));
        categories.truncate(SUGGESTED_CATEGORIES);
    }
    Ok(Suggestions {
        code_match,
        categories,
        products,
    })
}

/// The active variant whose SKU or EAN-13 barcode is exactly `q` (spaces around ignored).
pub fn find_code(snap: &Snapshot, locale: &str, q: &str) -> Option<CodeMatch> {
    let q = q.trim();
    if q.is_empty() || q.len() > 64 || q.contains(char::is_whitespace) {
        return None;
    }
    let by_barcode = Ean13::parse(q)
        .ok()
        .and_then(|ean| snap.variant_by_code(ean.as_str()));
    let (p, v) = match by_barcode {
        Some(found) => found,
        None => snap.variant_by_code(Sku::parse(q).ok()?.as_str())?,
    };
    let l = live::locale_index(locale).unwrap_or(0);
    // Selection: option code = value code of this variant, in option order.
    let selection = browse::selection_query(v.values.iter().map(|(o, x)| {
        let o = &p.options[*o as usize];
        (&*o.code, &*o.values[*x as usize].code)
    }));
    Some(CodeMatch {
        slug: p.slug(l).to_string(),
        selection,
        name: p.name(l).to_string(),
        sku: v.sku.to_string(),
        barcode: v.barcode.map(str::to_owned),
    })
}

/// Display order of an attribute value: clothing sizes smallest first, numeric sizes by number,
/// anything else by its catalogue position.
fn value_order(code: &str, key: &str, position: i32) -> (u8, i64) {
    const SIZES: [&str; 9] = ["xxs", "xs", "s", "m", "l", "xl", "xxl", "xxxl", "one-size"];
    if code == "size" {
        if let Some(i) = SIZES.iter().position(|s| *s == key) {
            return (0, i as i64);
        }
        if let Ok(n) = key.replace(['-', '_'], ".").parse::<f64>() {
            return (1, (n * 100.0) as i64);
        }
    }
    (2, i64::from(position))
}
