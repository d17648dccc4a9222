//! What a search asks for, read from and written back to the URL query string.
//!
//! `/search?q=kurtka&cat=3&colour=red,blue&size=m&price=2&store=1,2&online=1&sort=price_asc&page=2`
//!
//! Parsing never fails: unknown keys and malformed values are ignored, so any URL shows a page.
//! [`SearchParams::to_query`] writes a canonical query string (sorted, empty parts left out), and
//! the `toggle_*`/`with_*` helpers build the links of the facets and the sort menu.

use std::collections::{BTreeMap, BTreeSet};

use percent_encoding::{utf8_percent_encode, AsciiSet};
use serde::{Deserialize, Serialize};

use crate::text::{form_pairs, QUERY_VALUE};

/// A list value (`size=38,39`): [`QUERY_VALUE`] with its `,` kept.
const LIST_VALUE: &AsciiSet = &QUERY_VALUE.remove(b',');

/// Longest query text kept, in characters (longer input is cut, never refused).
pub const MAX_QUERY_CHARS: usize = 200;

/// Highest page number accepted; deeper pages show as empty with a way back.
pub const MAX_PAGE: u64 = 1000;

/// Most entries a list filter keeps (store ids, colours, sizes): a shop has a handful, and a
/// URL with thousands must not cost thousands of clauses.
pub const MAX_LIST: usize = 20;

/// Lower bounds of the price bands in minor units (VAT included), ascending, the first 0.
pub const PRICE_BANDS: [i64; 6] = [0, 2_500, 5_000, 10_000, 20_000, 50_000];

/// Option codes that become attribute facets, in display order.
pub const ATTRIBUTE_CODES: [&str; 2] = ["colour", "size"];

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best match first (in-stock first among equals).
    #[default]
    Relevance,
    /// Cheapest first.
    PriceAsc,
    /// Dearest first.
    PriceDesc,
    /// Newest first.
    Newest,
}

impl Sort {
    /// Every sort, in menu order.
    pub const ALL: [Sort; 4] = [
        Sort::Relevance,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::Newest,
    ];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::Newest => "newest",
        }
    }

    /// Reads a URL value; anything unknown is [`Sort::Relevance`].
    pub fn parse(s: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .unwrap_or_default()
    }
}

/// A search: text, filters, order and page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SearchParams {
    /// The words typed (at most [`MAX_QUERY_CHARS`] characters).
    pub q: String,
    /// Category filter (includes its descendants).
    pub category: Option<i64>,
    /// Attribute filters: option code → value codes (values of one option are OR-ed).
    pub attrs: BTreeMap<String, BTreeSet<String>>,
    /// Price band filter: indexes into [`PRICE_BANDS`] (OR-ed).
    pub price: BTreeSet<usize>,
    /// "Available at" filter: store ids (OR-ed with each other and with `online`).
    pub stores: BTreeSet<i64>,
    /// "Ships online" filter.
    pub online: bool,
    /// Result order.
    pub sort: Sort,
    /// Page number, from 1.
    pub page: u64,
}

impl SearchParams {
    /// A search for `q` with no filters, first page.
    pub fn text(q: &str) -> Self {
        SearchParams {
            q: clip(q),
            page: 1,
            ..Default::default()
        }
    }

    /// Reads a URL query string (with or without the leading `?`). Never fails; a list (stores,
    /// attribute values) keeps its first [`MAX_LIST`] entries.
    pub fn from_query(query: &str) -> Self {
        let mut p = SearchParams {
            page: 1,
            ..Default::default()
        };
        for (k, v) in form_pairs(query) {
            match k.as_str() {
                "q" => p.q = clip(&v),
                "cat" => p.category = v.trim().parse::<i64>().ok().filter(|c| *c > 0),
                "price" => p.price.extend(
                    list(&v)
                        .filter_map(|x| x.parse::<usize>().ok())
                        .filter(|i| *i < PRICE_BANDS.len()),
                ),
                "store" => p.stores.extend(
                    list(&v)
                        .filter_map(|x| x.parse::<i64>().ok())
                        .filter(|i| *i > 0)
                        .take(MAX_LIST),
                ),
                "online" => p.online = matches!(v.trim(), "1" | "true" | "yes" | "on"),
                "sort" => p.sort = Sort::parse(v.trim()),
                "page" => p.page = v.trim().parse::<u64>().unwrap_or(1).clamp(1, MAX_PAGE + 1),
                code if ATTRIBUTE_CODES.contains(&code) => {
                    let values: BTreeSet<String> = list(&v)
                        .filter(|x| x.len() <= 40 && x.bytes().all(is_code_byte))
                        .take(MAX_LIST)
                        .map(str::to_owned)
                        .collect();
                    if !values.is_empty() {
                        p.attrs.entry(code.to_owned()).or_default().extend(values);
                    }
                }
                _ => {}
            }
        }
        p
    }

    /// The canonical query string (no leading `?`); empty for an empty search.
    pub fn to_query(&self) -> String {
        use std::fmt::Write as _;
        // Written into one string: a results page builds a hundred of these for its links.
        let mut out = String::with_capacity(48);
        let next = |out: &mut String| {
            if !out.is_empty() {
                out.push('&');
            }
        };
        if !self.q.trim().is_empty() {
            let _ = write!(out, "q={}", utf8_percent_encode(self.q.trim(), QUERY_VALUE));
        }
        if let Some(c) = self.category {
            next(&mut out);
            let _ = write!(out, "cat={c}");
        }
        for code in ATTRIBUTE_CODES {
            if let Some(values) = self.attrs.get(code).filter(|v| !v.is_empty()) {
                next(&mut out);
                out.push_str(code);
                out.push('=');
                for (i, value) in values.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let _ = write!(out, "{}", utf8_percent_encode(value, LIST_VALUE));
                }
            }
        }
        if !self.price.is_empty() {
            next(&mut out);
            out.push_str("price=");
            push_list(&mut out, self.price.iter());
        }
        if !self.stores.is_empty() {
            next(&mut out);
            out.push_str("store=");
            push_list(&mut out, self.stores.iter());
        }
        if self.online {
            next(&mut out);
            out.push_str("online=1");
        }
        if self.sort != Sort::Relevance {
            next(&mut out);
            let _ = write!(out, "sort={}", self.sort.as_str());
        }
        if self.page > 1 {
            next(&mut out);
            let _ = write!(out, "page={}", self.page);
        }
        out
    }

    /// Whether any filter (not the text, sort or page) is set.
    pub fn has_filters(&self) -> bool {
        self.category.is_some()
            || self.attrs.values().any(|v| !v.is_empty())
            || !self.price.is_empty()
            || !self.stores.is_empty()
            || self.online
    }

    /// A copy on the first page (every filter change goes back to page 1).
    fn first_page(&self) -> Self {
        SearchParams {
            page: 1,
            ..self.clone()
        }
    }

    /// The same search with `category` as the category filter (`None` removes it).
    pub fn with_category(&self, category: Option<i64>) -> Self {
        SearchParams {
            category,
            ..self.first_page()
        }
    }

    /// The same search with attribute value `code=value` switched on or off.
    pub fn toggle_attr(&self, code: &str, value: &str) -> Self {
        let mut p = self.first_page();
        let set = p.attrs.entry(code.to_owned()).or_default();
        if !set.remove(value) {
            set.insert(value.to_owned());
        }
        if set.is_empty() {
            p.attrs.remove(code);
        }
        p
    }

    /// The same search with price band `band` switched on or off.
    pub fn toggle_price(&self, band: usize) -> Self {
        let mut p = self.first_page();
        if !p.price.remove(&band) {
            p.price.insert(band);
        }
        p
    }

    /// The same search with store `store` switched on or off in the availability filter.
    pub fn toggle_store(&self, store: i64) -> Self {
        let mut p = self.first_page();
        if !p.stores.remove(&store) {
            p.stores.insert(store);
        }
        p
    }

    /// The same search with "ships online" switched on or off.
    pub fn toggle_online(&self) -> Self {
        SearchParams {
            online: !self.online,
            ..self.first_page()
        }
    }

    /// The same search in another order.
    pub fn with_sort(&self, sort: Sort) -> Self {
        SearchParams {
            sort,
            ..self.first_page()
        }
    }

    /// The same search on page `page`.
    pub fn with_page(&self, page: u64) -> Self {
        SearchParams {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// The same text without any filter, first page, same order.
    pub fn without_filters(&self) -> Self {
        SearchParams {
            q: self.q.clone(),
            sort: self.sort,
            page: 1,
            ..Default::default()
        }
    }
}

/// `[lo, hi)` of price band `band` in minor units; `hi` is `None` for the last band.
pub fn price_band_bounds(band: usize) -> Option<(i64, Option<i64>)> {
    let lo = *PRICE_BANDS.get(band)?;
    Some((lo, PRICE_BANDS.get(band + 1).copied()))
}

fn clip(q: &str) -> String {
    q.chars().take(MAX_QUERY_CHARS).collect()
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .take(50)
}

/// Appends `a,b,c`.
fn push_list<T: std::fmt::Display>(out: &mut String, it: impl Iterator<Item = T>) {
    use std::fmt::Write as _;
    for (i, x) in it.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{x}");
    }
}

fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sort_is_sent_to_the_browser_as_its_url_word() {
        for sort in Sort::ALL {
            let json = serde_json::to_string(&sort).unwrap();
            assert_eq!(json, format!("\"{}\"", sort.as_str()));
            assert_eq!(serde_json::from_str::<Sort>(&json).unwrap(), sort);
            assert_eq!(Sort::parse(sort.as_str()), sort);
        }
    }

    #[test]
    fn round_trip_of_a_full_search() {
        let q = "q=%C5%BC%C3%B3%C5%82ta+kurtka&cat=3&colour=red,blue&size=m&price=1,2&store=2&online=1&sort=price_desc&page=3";
        let p = SearchParams::from_query(q);
        assert_eq!(p.q, "żółta kurtka");
        assert_eq!(p.category, Some(3));
        assert_eq!(p.attrs["colour"].len(), 2);
        assert_eq!(p.price, BTreeSet::from([1, 2]));
        assert_eq!(p.stores, BTreeSet::from([2]));
        let many: Vec<String> = (1..=5000).map(|i| i.to_string()).collect();
        let long = SearchParams::from_query(&format!("store={}", many.join(",")));
        assert_eq!(
            long.stores.len(),
            MAX_LIST,
            "a list keeps its first entries"
        );
        assert!(p.online);
        assert_eq!(p.sort, Sort::PriceDesc);
        assert_eq!(p.page, 3);
        assert_eq!(SearchParams::from_query(&p.to_query()), p);
    }

    #[test]
    fn junk_is_ignored_never_an_error() {
        let p = SearchParams::from_query(
            "?cat=x&price=99,-1,a&store=0,-3&page=-2&sort=evil&colour=%3Cscript%3E&size=&zz=1&%ZZ=1",
        );
        assert_eq!(
            p,
            SearchParams {
                page: 1,
                ..Default::default()
            }
        );
        let long = "a".repeat(10_000);
        assert_eq!(
            SearchParams::from_query(&format!("q={long}")).q.len(),
            MAX_QUERY_CHARS
        );
        assert_eq!(
            SearchParams::from_query("page=99999999999999999999").page,
            1
        );
        assert_eq!(SearchParams::from_query("page=5000").page, MAX_PAGE + 1);
    }

    #[test]
    fn toggles_reset_the_page_and_switch_values() {
        let p = SearchParams::from_query("q=shoe&colour=red&page=4");
        let t = p.toggle_attr("colour", "blue");
        assert_eq!(t.page, 1);
        assert_eq!(t.to_query(), "q=shoe&colour=blue,red");
        assert_eq!(
            t.toggle_attr("colour", "blue")
                .toggle_attr("colour", "red")
                .to_query(),
            "q=shoe"
        );
        assert_eq!(
            p.toggle_price(0).toggle_store(2).toggle_online().to_query(),
            "q=shoe&colour=red&price=0&store=2&online=1"
        );
        assert_eq!(p.with_page(5).page, 5);
        assert_eq!(
            p.with_sort(Sort::Newest).to_query(),
            "q=shoe&colour=red&sort=newest"
        );
        assert_eq!(p.without_filters().to_query(), "q=shoe");
        assert_eq!(price_band_bounds(5), Some((50_000, None)));
        assert_eq!(price_band_bounds(0), Some((0, Some(2_500))));
        assert_eq!(price_band_bounds(6), None);
    }
}
