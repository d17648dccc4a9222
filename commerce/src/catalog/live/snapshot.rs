//! One immutable state of the catalogue read model, and what is derived from it once per change
//! instead of once per request: category counts, each category's products in every sort order,
//! the slug and code lookups, the search facets' value labels.

use std::{
    collections::{hash_map::DefaultHasher, HashMap},
    hash::{Hash, Hasher},
    sync::Arc,
};

use crate::entity::location;

/// A value's labels in every locale ([`crate::locale::Locale::ALL`] order), English where
/// untranslated, else its code. Shared between the values that read the same.
pub type Labels = Arc<[Arc<str>; 3]>;

/// A product's name and slug in every locale and its base slug, in one allocation (a large
/// catalogue holds hundreds of thousands of these strings).
#[derive(Clone, PartialEq, Eq)]
pub struct Texts {
    /// Every string, each stored once (a locale that falls back to English shares its text).
    blob: Box<str>,
    /// (start, end) in `blob`: name then slug per locale, then the base slug.
    ranges: [(u32, u32); 7],
    /// Bit `l`: locale `l` has its own translation.
    own: u8,
}

impl Texts {
    /// `per_locale`: name, slug and whether it is the product's own translation, in
    /// [`crate::locale::Locale::ALL`] order (the fallback already applied).
    pub fn new(base_slug: &str, per_locale: [(&str, &str, bool); 3]) -> Texts {
        let mut blob = String::new();
        let mut ranges = [(0u32, 0u32); 7];
        let mut own = 0u8;
        let put = |blob: &mut String, s: &str, ranges: &[(u32, u32)]| -> (u32, u32) {
            // Reuse an equal string already stored (fallbacks, slugs equal to the base).
            for &(a, b) in ranges {
                if &blob[a as usize..b as usize] == s {
                    return (a, b);
                }
            }
            let start = blob.len();
            blob.push_str(s);
            (start as u32, blob.len() as u32)
        };
        for (l, (name, slug, is_own)) in per_locale.into_iter().enumerate() {
            ranges[2 * l] = put(&mut blob, name, &ranges[..2 * l]);
            ranges[2 * l + 1] = put(&mut blob, slug, &ranges[..2 * l + 1]);
            own |= u8::from(is_own) << l;
        }
        ranges[6] = put(&mut blob, base_slug, &ranges[..6]);
        Texts {
            blob: blob.into_boxed_str(),
            ranges,
            own,
        }
    }

    fn at(&self, i: usize) -> &str {
        let (a, b) = self.ranges[i];
        &self.blob[a as usize..b as usize]
    }

    /// Name in locale `l` (English where untranslated, else the base slug).
    pub fn name(&self, l: usize) -> &str {
        self.at(2 * l)
    }

    /// Slug in locale `l` (the same fallback).
    pub fn slug(&self, l: usize) -> &str {
        self.at(2 * l + 1)
    }

    /// Whether the product has its own translation in locale `l`.
    pub fn own(&self, l: usize) -> bool {
        self.own & (1 << l) != 0
    }

    /// The base slug (the last fallback of a link).
    pub fn base_slug(&self) -> &str {
        self.at(6)
    }
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("Texts");
        for l in 0..3 {
            d.field("name", &self.name(l))
                .field("slug", &self.slug(l))
                .field("own", &self.own(l));
        }
        d.field("base", &self.base_slug()).finish()
    }
}

/// An option (size, colour…) of a product. Products with the same options and values share
/// one copy.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ProductOption {
    /// Code used in URLs.
    pub code: Arc<str>,
    /// Values in display order.
    pub values: Box<[OptionValue]>,
}

/// One value of an option.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OptionValue {
    /// Code used in URLs.
    pub code: Arc<str>,
    /// Display position.
    pub position: i32,
    /// Labels per locale.
    pub labels: Labels,
}

/// The locations where a variant is available (on hand − reserved > 0), by id: ids below 64
/// as bits (a shop has a handful of locations), any others listed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stocked {
    bits: u64,
    more: Option<Box<[i64]>>,
}

impl Stocked {
    /// The set of `ids`.
    pub fn new(ids: impl IntoIterator<Item = i64>) -> Stocked {
        let mut bits = 0u64;
        let mut more = vec![];
        for id in ids {
            match u32::try_from(id) {
                Ok(i) if i < 64 => bits |= 1 << i,
                _ => more.push(id),
            }
        }
        more.sort_unstable();
        more.dedup();
        Stocked {
            bits,
            more: (!more.is_empty()).then(|| more.into_boxed_slice()),
        }
    }

    /// Whether it is available nowhere.
    pub fn is_empty(&self) -> bool {
        self.bits == 0 && self.more.is_none()
    }

    /// Whether it is available at `location`.
    pub fn contains(&self, location: i64) -> bool {
        match u32::try_from(location) {
            Ok(i) if i < 64 => self.bits & (1 << i) != 0,
            _ => self
                .more
                .as_deref()
                .is_some_and(|m| m.binary_search(&location).is_ok()),
        }
    }

    /// The locations, by ascending id.
    pub fn iter(&self) -> impl Iterator<Item = i64> + '_ {
        (0..64i64)
            .filter(|i| self.bits & (1 << i) != 0)
            .chain(self.more.iter().flat_map(|m| m.iter().copied()))
    }
}

/// An active variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Id.
    pub id: i64,
    /// SKU.
    pub sku: Box<str>,
    /// EAN-13.
    pub barcode: Option<Box<str>>,
    /// Price, VAT included.
    pub price_minor: i64,
    /// Previous price, when on sale.
    pub compare_at_minor: Option<i64>,
    /// ISO currency.
    pub currency: Arc<str>,
    /// Display position.
    pub position: i32,
    /// Its own low-stock threshold.
    pub low_stock_threshold: Option<i32>,
    /// (option index, value index) of its values, sorted.
    pub values: Box<[(u16, u16)]>,
    /// Where it is available. The stock ledger writes an outbox notice whenever this flips, so
    /// it is as current as the search index; quantities are always read from the database.
    pub stocked: Stocked,
}

impl Variant {
    /// Whether everything but the stock flags is the same.
    fn same_listing(&self, o: &Variant) -> bool {
        self.id == o.id
            && self.sku == o.sku
            && self.barcode == o.barcode
            && self.price_minor == o.price_minor
            && self.compare_at_minor == o.compare_at_minor
            && self.currency == o.currency
            && self.position == o.position
            && self.low_stock_threshold == o.low_stock_threshold
            && self.values == o.values
    }
}

/// A product image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Path below the images folder.
    pub path: Box<str>,
    /// Width.
    pub width: i32,
    /// Height.
    pub height: i32,
    /// Alternative text.
    pub alt: Option<Box<str>>,
}

/// An active product as the shop shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Product {
    /// Id.
    pub id: i64,
    /// Its category.
    pub category_id: i64,
    /// VAT rate.
    pub vat_rate_id: i64,
    /// Brand.
    pub brand: Option<Arc<str>>,
    /// Creation time, unix microseconds.
    pub created_at: i64,
    /// Name and slug per locale, and the base slug.
    pub texts: Texts,
    /// Options in display order (shared between products with the same ones).
    pub options: Arc<[ProductOption]>,
    /// Active variants in display order.
    pub variants: Box<[Variant]>,
    /// Images in display order.
    pub images: Box<[Image]>,
}

impl Product {
    /// Whether everything but the stock flags is the same (then nothing derived changes).
    pub fn same_listing(&self, o: &Product) -> bool {
        self.id == o.id
            && self.category_id == o.category_id
            && self.vat_rate_id == o.vat_rate_id
            && self.brand == o.brand
            && self.created_at == o.created_at
            && self.texts == o.texts
            && self.options == o.options
            && self.variants.len() == o.variants.len()
            && self
                .variants
                .iter()
                .zip(o.variants.iter())
                .all(|(a, b)| a.same_listing(b))
            && self.images == o.images
    }

    /// The cheapest variant (lowest price, then position).
    pub fn cheapest(&self) -> Option<&Variant> {
        self.variants
            .iter()
            .min_by_key(|v| (v.price_minor, v.position))
    }

    /// Whether some variant is available somewhere.
    pub fn in_stock(&self) -> bool {
        self.variants.iter().any(|v| !v.stocked.is_empty())
    }
}

/// A category's texts in one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatText {
    /// Name (English where untranslated, else the base slug).
    pub name: Box<str>,
    /// Slug (the same fallback).
    pub slug: Box<str>,
    /// Description (English where untranslated, else empty).
    pub description: Box<str>,
    /// Whether the category has its own translation in this locale.
    pub own: bool,
}

/// A category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cat {
    /// Id.
    pub id: i64,
    /// Parent.
    pub parent_id: Option<i64>,
    /// Base slug.
    pub slug: Box<str>,
    /// Texts per locale.
    pub texts: [CatText; 3],
}

/// The category tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Categories {
    /// Every category, by (position, id).
    pub list: Vec<Cat>,
    index: HashMap<i64, usize>,
    children: HashMap<Option<i64>, Vec<i64>>,
}

impl Categories {
    pub(super) fn new(list: Vec<Cat>) -> Self {
        let index = list.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
        let mut children: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
        for c in &list {
            children.entry(c.parent_id).or_default().push(c.id);
        }
        Categories {
            list,
            index,
            children,
        }
    }

    /// A category by id.
    pub fn get(&self, id: i64) -> Option<&Cat> {
        self.index.get(&id).map(|i| &self.list[*i])
    }

    /// Direct children of `parent` (`None`: the top level), in display order.
    pub fn children(&self, parent: Option<i64>) -> &[i64] {
        self.children.get(&parent).map_or(&[], Vec::as_slice)
    }

    /// `id` and its descendants.
    pub fn subtree(&self, id: i64) -> Vec<i64> {
        let mut out = vec![id];
        let mut i = 0;
        while i < out.len() {
            out.extend_from_slice(self.children(Some(out[i])));
            i += 1;
        }
        out
    }

    /// `id` and its ancestors, root first (just `[id]` for an unknown id; a cycle stops at 32).
    pub fn path(&self, id: i64) -> Vec<i64> {
        let mut chain = vec![];
        let mut cur = Some(id);
        while let Some(c) = cur {
            chain.push(c);
            cur = self.get(c).and_then(|c| c.parent_id);
            if chain.len() > 32 {
                break;
            }
        }
        chain.reverse();
        chain
    }

    /// The category whose slug is `slug`: its own slug in `locale` first, then in any locale,
    /// then its base slug.
    pub fn by_slug(&self, locale: usize, slug: &str) -> Option<&Cat> {
        let own = |c: &&Cat, i: usize| c.texts[i].own && &*c.texts[i].slug == slug;
        self.list
            .iter()
            .find(|c| own(c, locale))
            .or_else(|| self.list.iter().find(|c| (0..3).any(|i| own(c, i))))
            .or_else(|| self.list.iter().find(|c| &*c.slug == slug))
    }
}

/// Locations, stores and VAT rates (few rows, read whole on every change).
#[derive(Clone, Debug, PartialEq)]
pub struct Places {
    /// Locations, those that ship online first, then by id.
    pub locations: Vec<location::Model>,
    /// Stores (id, name) by id.
    pub stores: Vec<(i64, String)>,
    /// VAT rate id → basis points.
    pub vat: HashMap<i64, i32>,
}

/// The sort orders of a category page (`newest`, `price_asc`, `price_desc`, `name`).
pub const SORTS: [&str; 4] = ["newest", "price_asc", "price_desc", "name"];

/// A category's products (its descendants included) in every order, as product ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Newest first.
    pub newest: Vec<i64>,
    /// Cheapest first (the lowest variant price; products without variants last).
    pub price_asc: Vec<i64>,
    /// Dearest first.
    pub price_desc: Vec<i64>,
    /// By name in each locale.
    pub name: [Vec<i64>; 3],
}

impl Listing {
    /// The order for `sort` (one of [`SORTS`]; anything else is `newest`) in `locale`.
    pub fn by(&self, sort: &str, locale: usize) -> &[i64] {
        match sort {
            "price_asc" => &self.price_asc,
            "price_desc" => &self.price_desc,
            "name" => &self.name[locale],
            _ => &self.newest,
        }
    }
}

/// Where a slug or code points (16 bytes: a large catalogue has close to ten per product).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    /// The key's hash, cut to 32 bits (a lookup compares the strings it finds).
    hash: u32,
    /// For slugs: the locale index, or 3 for the base slug. For codes: the variant index.
    which: u32,
    product: i64,
}

/// What is derived from the products and categories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derived {
    /// Active products per category, descendants included.
    pub counts: HashMap<i64, u64>,
    /// Each category's products in every order (one `Arc` per category, so that a change
    /// copies only the listings of the categories it touches).
    pub listings: HashMap<i64, Arc<Listing>>,
    /// The newest products (for the home page).
    pub newest: Vec<i64>,
    /// Products with a variant on sale, by id (for the home page).
    pub on_sale: Vec<i64>,
    /// Option code → value code → (lowest position, labels): the search facets' labels (read
    /// with [`Derived::value_label`]).
    pub value_labels: HashMap<Arc<str>, ValueLabels>,
    slugs: Vec<Entry>,
    codes: Vec<Entry>,
}

/// Value code → (lowest position, labels), for one option code.
pub type ValueLabels = HashMap<Arc<str>, (i32, Labels)>;

/// Products on the home page's rows.
pub const HOME_ROW: usize = 8;

/// Above this many changed products (or this share of the catalogue, whichever is larger),
/// [`Derived::update`] rebuilds instead of editing in place.
const UPDATE_LIMIT: usize = 2_000;

fn hash(s: &str) -> u32 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish() as u32
}

/// The sort keys of the listings, shared by [`Derived::build`] and [`Derived::update`] so that
/// an update gives exactly the order a rebuild would. Each ends with the product id: every
/// order is total.
mod key {
    use std::cmp::Reverse;

    use super::Product;

    /// The lowest variant price (products without variants last).
    fn price(p: &Product) -> i64 {
        p.variants
            .iter()
            .map(|v| v.price_minor)
            .min()
            .unwrap_or(i64::MAX)
    }

    pub(super) fn newest(p: &Product) -> (Reverse<i64>, Reverse<i64>) {
        (Reverse(p.created_at), Reverse(p.id))
    }

    pub(super) fn price_asc(p: &Product) -> (i64, i64) {
        (price(p), p.id)
    }

    pub(super) fn price_desc(p: &Product) -> (Reverse<i64>, i64) {
        (Reverse(price(p)), p.id)
    }

    /// Case-insensitive name in locale `l`.
    pub(super) fn name(p: &Product, l: usize) -> (String, i64) {
        (p.texts.name(l).to_lowercase(), p.id)
    }
}

/// Inserts `p` into `list` (ordered by `key` over `products`) where `key` puts it.
fn place<K: Ord>(
    list: &mut Vec<i64>,
    products: &HashMap<i64, Arc<Product>>,
    p: &Product,
    key: impl Fn(&Product) -> K,
) {
    let k = key(p);
    let at = list.partition_point(|id| products.get(id).is_none_or(|q| key(q) < k));
    list.insert(at, p.id);
}

/// Removes `id` from `list`.
fn unplace(list: &mut Vec<i64>, id: i64) {
    if let Some(at) = list.iter().position(|x| *x == id) {
        list.remove(at);
    }
}

/// A product's slug lookup entries: its own slug per locale, then its base slug.
fn slug_entries(p: &Product) -> impl Iterator<Item = Entry> + '_ {
    let own = (0..3).filter(|l| p.texts.own(*l));
    own.map(|l| Entry {
        hash: hash(p.texts.slug(l)),
        product: p.id,
        which: l as u32,
    })
    .chain(std::iter::once(Entry {
        hash: hash(p.texts.base_slug()),
        product: p.id,
        which: 3,
    }))
}

/// A product's code lookup entries: each variant's SKU and barcode.
fn code_entries(p: &Product) -> impl Iterator<Item = Entry> + '_ {
    p.variants.iter().enumerate().flat_map(move |(i, v)| {
        let sku = Entry {
            hash: hash(&v.sku),
            product: p.id,
            which: i as u32,
        };
        let barcode = v.barcode.as_deref().map(|b| Entry {
            hash: hash(b),
            product: p.id,
            which: i as u32,
        });
        std::iter::once(sku).chain(barcode)
    })
}

/// Adds `entries` to the sorted `list`, keeping it sorted.
fn add_sorted(list: &mut Vec<Entry>, mut entries: Vec<Entry>) {
    if entries.len() <= 64 {
        for e in entries {
            let at = list.partition_point(|x| *x < e);
            list.insert(at, e);
        }
    } else {
        list.append(&mut entries);
        list.sort_unstable();
    }
}

impl Derived {
    /// Derives everything from `products` (active ones) and the tree.
    pub fn build(products: &HashMap<i64, Arc<Product>>, categories: &Categories) -> Derived {
        let mut d = Derived::default();
        let mut all: Vec<&Product> = products.values().map(|p| &**p).collect();
        all.sort_by_key(|p| p.id);

        // Counts: per category directly, then summed up the tree.
        let mut direct: HashMap<i64, u64> = HashMap::new();
        for p in &all {
            *direct.entry(p.category_id).or_default() += 1;
        }
        // Ancestors of each category (root first), cached per category.
        let mut paths: HashMap<i64, Vec<i64>> = HashMap::new();
        for c in &categories.list {
            paths.insert(c.id, categories.path(c.id));
        }
        for (cat, n) in &direct {
            let path = paths.get(cat).cloned().unwrap_or_else(|| vec![*cat]);
            for a in path {
                *d.counts.entry(a).or_default() += n;
            }
        }

        // Every order, once over all products, then shared out to each product's ancestors.
        let mut newest = all.clone();
        newest.sort_by_key(|p| key::newest(p));
        let mut price_asc = all.clone();
        price_asc.sort_by_key(|p| key::price_asc(p));
        let mut price_desc = all.clone();
        price_desc.sort_by_key(|p| key::price_desc(p));
        let by_name: [Vec<&Product>; 3] = std::array::from_fn(|l| {
            let mut order = all.clone();
            order.sort_by_cached_key(|p| key::name(p, l));
            order
        });
        let mut listings: HashMap<i64, Listing> = HashMap::new();
        let share = |order: &[&Product],
                     pick: &mut dyn FnMut(&mut Listing) -> &mut Vec<i64>,
                     listings: &mut HashMap<i64, Listing>| {
            for p in order {
                if let Some(path) = paths.get(&p.category_id) {
                    for a in path {
                        pick(listings.entry(*a).or_default()).push(p.id);
                    }
                }
            }
        };
        share(&newest, &mut |l| &mut l.newest, &mut listings);
        share(&price_asc, &mut |l| &mut l.price_asc, &mut listings);
        share(&price_desc, &mut |l| &mut l.price_desc, &mut listings);
        for (l, order) in by_name.iter().enumerate() {
            share(order, &mut |x| &mut x.name[l], &mut listings);
        }
        d.listings = listings
            .into_iter()
            .map(|(id, listing)| (id, Arc::new(listing)))
            .collect();
        d.newest = newest.iter().take(HOME_ROW).map(|p| p.id).collect();
        d.on_sale = all
            .iter()
            .filter(|p| p.variants.iter().any(|v| v.compare_at_minor.is_some()))
            .take(HOME_ROW)
            .map(|p| p.id)
            .collect();

        for p in &all {
            d.add_labels(p);
            d.slugs.extend(slug_entries(p));
            d.codes.extend(code_entries(p));
        }
        d.slugs.sort_unstable();
        d.codes.sort_unstable();
        d
    }

    /// The lowest position and the labels of value `value` of option `option` (codes).
    pub fn value_label(&self, option: &str, value: &str) -> Option<&(i32, Labels)> {
        self.value_labels.get(option)?.get(value)
    }

    /// Adds `p`'s option values to the facet labels.
    fn add_labels(&mut self, p: &Product) {
        for o in p.options.iter() {
            for v in o.values.iter() {
                self.value_labels
                    .entry(o.code.clone())
                    .or_default()
                    .entry(v.code.clone())
                    .and_modify(|e| e.0 = e.0.min(v.position))
                    .or_insert((v.position, v.labels.clone()));
            }
        }
    }

    /// Brings what was derived from `before` up to `after`, where only the products in
    /// `changed` differ (added, removed or edited) and the tree is the same. Gives exactly
    /// what [`Derived::build`] on `after` would (the tests check), at a cost that grows with
    /// the change, not the catalogue; a change to many products rebuilds.
    pub fn update(
        &mut self,
        before: &HashMap<i64, Arc<Product>>,
        after: &HashMap<i64, Arc<Product>>,
        changed: &[i64],
        categories: &Categories,
    ) {
        if changed.len() > UPDATE_LIMIT.max(after.len() / 20) {
            *self = Derived::build(after, categories);
            return;
        }
        let mut changed = changed.to_vec();
        changed.sort_unstable();
        changed.dedup();
        let olds: Vec<&Product> = changed
            .iter()
            .filter_map(|id| before.get(id))
            .map(|p| &**p)
            .collect();
        let news: Vec<&Product> = changed
            .iter()
            .filter_map(|id| after.get(id))
            .map(|p| &**p)
            .collect();
        let listed = |p: &Product| {
            categories
                .get(p.category_id)
                .map(|_| categories.path(p.category_id))
        };

        // Out with the old…
        for p in &olds {
            for a in categories.path(p.category_id) {
                if let Some(n) = self.counts.get_mut(&a) {
                    *n -= 1;
                    if *n == 0 {
                        self.counts.remove(&a);
                    }
                }
            }
            for a in listed(p).unwrap_or_default() {
                let Some(listing) = self.listings.get_mut(&a) else {
                    continue;
                };
                let listing = Arc::make_mut(listing);
                unplace(&mut listing.newest, p.id);
                unplace(&mut listing.price_asc, p.id);
                unplace(&mut listing.price_desc, p.id);
                for l in 0..3 {
                    unplace(&mut listing.name[l], p.id);
                }
                if listing.newest.is_empty() {
                    self.listings.remove(&a);
                }
            }
        }
        if !olds.is_empty() {
            self.slugs
                .retain(|e| changed.binary_search(&e.product).is_err());
            self.codes
                .retain(|e| changed.binary_search(&e.product).is_err());
        }

        // …in with the new, placed among the products that did not change.
        for p in &news {
            for a in categories.path(p.category_id) {
                *self.counts.entry(a).or_default() += 1;
            }
            for a in listed(p).unwrap_or_default() {
                let listing = Arc::make_mut(self.listings.entry(a).or_default());
                place(&mut listing.newest, after, p, key::newest);
                place(&mut listing.price_asc, after, p, key::price_asc);
                place(&mut listing.price_desc, after, p, key::price_desc);
                for l in 0..3 {
                    place(&mut listing.name[l], after, p, |q| key::name(q, l));
                }
            }
        }
        add_sorted(
            &mut self.slugs,
            news.iter().flat_map(|p| slug_entries(p)).collect(),
        );
        add_sorted(
            &mut self.codes,
            news.iter().flat_map(|p| code_entries(p)).collect(),
        );

        // The facet labels: each value's lowest position, and the labels of the first product
        // (by id) that has it. Merged in when no product lost or changed an option and the
        // labels agree; otherwise read again from every product, in id order.
        let merge = olds.iter().all(|old| {
            after
                .get(&old.id)
                .is_some_and(|new| new.options == old.options)
        }) && news.iter().all(|p| {
            p.options.iter().all(|o| {
                o.values.iter().all(|v| {
                    self.value_label(&o.code, &v.code)
                        .is_none_or(|(_, labels)| *labels == v.labels)
                })
            })
        });
        if merge {
            for p in &news {
                self.add_labels(p);
            }
        } else {
            let mut all: Vec<&Product> = after.values().map(|p| &**p).collect();
            all.sort_unstable_by_key(|p| p.id);
            self.value_labels.clear();
            for p in all {
                self.add_labels(p);
            }
        }

        // The home page's rows, over every product (a scan, no sort of the catalogue).
        let mut newest: Vec<&Product> = Vec::with_capacity(HOME_ROW + 1);
        let mut on_sale: Vec<i64> = Vec::with_capacity(HOME_ROW + 1);
        for p in after.values() {
            let k = key::newest(p);
            if newest.len() < HOME_ROW || newest.last().is_some_and(|q| k < key::newest(q)) {
                let at = newest.partition_point(|q| key::newest(q) < k);
                newest.insert(at, p);
                newest.truncate(HOME_ROW);
            }
            if p.variants.iter().any(|v| v.compare_at_minor.is_some())
                && (on_sale.len() < HOME_ROW || on_sale.last().is_some_and(|q| p.id < *q))
            {
                let at = on_sale.partition_point(|q| *q < p.id);
                on_sale.insert(at, p.id);
                on_sale.truncate(HOME_ROW);
            }
        }
        self.newest = newest.iter().map(|p| p.id).collect();
        self.on_sale = on_sale;
    }

    fn entries<'a>(list: &'a [Entry], key: &str) -> &'a [Entry] {
        let h = hash(key);
        let start = list.partition_point(|e| e.hash < h);
        let end = start + list[start..].partition_point(|e| e.hash == h);
        &list[start..end]
    }
}

/// One state of the read model. Cheap to hold: pages take an `Arc` of the current one and read
/// it without locks while the next one is built.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// Active products by id.
    pub products: HashMap<i64, Arc<Product>>,
    /// The category tree.
    pub categories: Arc<Categories>,
    /// Locations, stores, VAT rates.
    pub places: Arc<Places>,
    /// What is derived from the above.
    pub derived: Arc<Derived>,
}

impl Snapshot {
    /// Builds a snapshot and derives from it.
    pub fn new(
        products: HashMap<i64, Arc<Product>>,
        categories: Categories,
        places: Places,
    ) -> Snapshot {
        let derived = Derived::build(&products, &categories);
        Snapshot {
            products,
            categories: Arc::new(categories),
            places: Arc::new(places),
            derived: Arc::new(derived),
        }
    }

    /// An active product by id.
    pub fn product(&self, id: i64) -> Option<&Product> {
        self.products.get(&id).map(|p| &**p)
    }

    /// The active product whose slug is `slug`: its own slug in `locale` first, then in any
    /// locale, then its base slug.
    pub fn product_by_slug(&self, locale: usize, slug: &str) -> Option<&Product> {
        let mut best: Option<(u8, &Product)> = None;
        for e in Derived::entries(&self.derived.slugs, slug) {
            let Some(p) = self.product(e.product) else {
                continue;
            };
            let (matches, rank) = match e.which as usize {
                3 => (p.texts.base_slug() == slug, 2),
                l => (p.texts.slug(l) == slug, u8::from(l != locale)),
            };
            if matches && best.is_none_or(|(r, q)| (rank, p.id) < (r, q.id)) {
                best = Some((rank, p));
            }
        }
        best.map(|(_, p)| p)
    }

    /// The active variant whose EAN-13 barcode or SKU is exactly `code`, with its product
    /// (a barcode wins over a SKU that reads the same).
    pub fn variant_by_code(&self, code: &str) -> Option<(&Product, &Variant)> {
        let mut found: Option<(u8, &Product, &Variant)> = None;
        for e in Derived::entries(&self.derived.codes, code) {
            let Some(p) = self.product(e.product) else {
                continue;
            };
            let Some(v) = p.variants.get(e.which as usize) else {
                continue;
            };
            let rank = if v.barcode.as_deref() == Some(code) {
                0
            } else if &*v.sku == code {
                1
            } else {
                continue;
            };
            if found.is_none_or(|(r, _, w)| (rank, v.id) < (r, w.id)) {
                found = Some((rank, p, v));
            }
        }
        found.map(|(_, p, v)| (p, v))
    }

    /// Active products in `category` and its descendants.
    pub fn count(&self, category: i64) -> u64 {
        self.derived.counts.get(&category).copied().unwrap_or(0)
    }

    /// Describes the first difference from `other` (`None`: they show the same shop). Used by
    /// the tests that check the read model against a fresh load from the database.
    pub fn difference(&self, other: &Snapshot) -> Option<String> {
        let mut ids: Vec<i64> = self
            .products
            .keys()
            .chain(other.products.keys())
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            match (self.products.get(&id), other.products.get(&id)) {
                (Some(a), Some(b)) if a == b => {}
                (a, b) => return Some(format!("product {id}: {a:?}\n  vs {b:?}")),
            }
        }
        if self.categories != other.categories {
            return Some("categories differ".into());
        }
        if self.places != other.places {
            return Some("locations, stores or VAT rates differ".into());
        }
        if self.derived != other.derived {
            return Some("derived listings, counts or lookups differ".into());
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A product drawn from a few small sets, so that names, prices, dates, codes and option
    /// values collide often (the ties are where an edited order could drift from a rebuilt one).
    #[derive(Clone, Debug)]
    struct Spec {
        category: i64,
        price: Option<i64>,
        created: i64,
        name: usize,
        on_sale: bool,
        position: i32,
        label: usize,
        sku: u8,
    }

    fn spec() -> impl Strategy<Value = Spec> {
        (
            0i64..7,
            proptest::option::weighted(0.9, 1i64..5),
            0i64..4,
            0usize..4,
            any::<bool>(),
            0i32..3,
            0usize..2,
            0u8..6,
        )
            .prop_map(
                |(category, price, created, name, on_sale, position, label, sku)| Spec {
                    category,
                    price,
                    created,
                    name,
                    on_sale,
                    position,
                    label,
                    sku,
                },
            )
    }

    const NAMES: [&str; 4] = ["Alpha", "alpha", "Beta", "Ωμέγα"];

    fn product(id: i64, s: &Spec) -> Arc<Product> {
        let labels: Labels = Arc::new(std::array::from_fn(|l| {
            Arc::from(format!("L{}-{l}", s.label).as_str())
        }));
        let variants = s.price.map(|price| Variant {
            id: id * 10,
            sku: format!("SKU-{}", s.sku).into(),
            barcode: s
                .sku
                .is_multiple_of(2)
                .then(|| format!("200{}", s.sku).into()),
            price_minor: price * 100,
            compare_at_minor: s.on_sale.then_some(price * 200),
            currency: Arc::from("EUR"),
            position: 0,
            low_stock_threshold: None,
            values: Box::new([(0, 0)]),
            stocked: Stocked::default(),
        });
        let (a, b) = (NAMES[s.name], NAMES[(s.name + 1) % 4]);
        let (a_slug, b_slug) = (a.to_lowercase(), b.to_lowercase());
        Arc::new(Product {
            id,
            // 6 is a category the tree does not have.
            category_id: if s.category == 6 { 99 } else { s.category },
            vat_rate_id: 1,
            brand: None,
            created_at: s.created,
            texts: Texts::new(
                &format!("p{id}"),
                [
                    (a, &a_slug, true),
                    (b, &b_slug, s.name.is_multiple_of(2)),
                    (a, &a_slug, false),
                ],
            ),
            options: Arc::new([ProductOption {
                code: Arc::from("size"),
                values: Box::new([OptionValue {
                    code: Arc::from(if s.sku.is_multiple_of(3) { "s" } else { "m" }),
                    position: s.position,
                    labels,
                }]),
            }]),
            variants: variants.into_iter().collect(),
            images: Box::new([]),
        })
    }

    #[test]
    fn texts_keep_each_string_and_share_repeats() {
        let t = Texts::new(
            "base",
            [
                ("Shoe", "shoe", true),
                ("Παπούτσι", "base", true),
                ("Shoe", "shoe", false),
            ],
        );
        assert_eq!((t.name(0), t.slug(0), t.own(0)), ("Shoe", "shoe", true));
        assert_eq!((t.name(1), t.slug(1), t.own(1)), ("Παπούτσι", "base", true));
        assert_eq!((t.name(2), t.slug(2), t.own(2)), ("Shoe", "shoe", false));
        assert_eq!(t.base_slug(), "base");
        // "Shoe", "shoe", "Παπούτσι" and "base" once each.
        assert_eq!(
            t.blob.len(),
            "Shoeshoe".len() + "Παπούτσι".len() + "base".len()
        );
    }

    #[test]
    fn stocked_holds_small_and_large_location_ids() {
        let s = Stocked::new([70, 3, 0, 63, 64, 3]);
        assert_eq!(s.iter().collect::<Vec<_>>(), [0, 3, 63, 64, 70]);
        assert!(s.contains(0) && s.contains(63) && s.contains(64) && s.contains(70));
        assert!(!s.contains(1) && !s.contains(65) && !s.contains(-1));
        assert!(!s.is_empty());
        assert!(Stocked::new([]).is_empty());
        assert_eq!(Stocked::new([2, 1]), Stocked::new([1, 2]));
    }

    /// 0 ← 1 ← 2, 0 ← 3, and 4 ← 5 (two roots).
    fn tree() -> Categories {
        let cat = |id: i64, parent_id: Option<i64>| Cat {
            id,
            parent_id,
            slug: format!("c{id}").into(),
            texts: std::array::from_fn(|_| CatText {
                name: format!("c{id}").into(),
                slug: format!("c{id}").into(),
                description: "".into(),
                own: true,
            }),
        };
        Categories::new(vec![
            cat(0, None),
            cat(1, Some(0)),
            cat(2, Some(1)),
            cat(3, Some(0)),
            cat(4, None),
            cat(5, Some(4)),
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Editing the derived listings, counts, lookups and labels in place after each batch of
        /// added, edited and removed products gives exactly what a rebuild gives.
        #[test]
        fn an_update_equals_a_rebuild(
            start in proptest::collection::vec(spec(), 0..30),
            batches in proptest::collection::vec(
                proptest::collection::vec((1i64..40, proptest::option::weighted(0.7, spec())), 1..6),
                1..8,
            ),
        ) {
            let categories = tree();
            let mut products: HashMap<i64, Arc<Product>> = start
                .iter()
                .enumerate()
                .map(|(i, s)| (i as i64 + 1, product(i as i64 + 1, s)))
                .collect();
            let mut derived = Derived::build(&products, &categories);
            for batch in batches {
                let before = products.clone();
                let mut changed = vec![];
                for (id, edit) in batch {
                    match edit {
                        Some(s) => products.insert(id, product(id, &s)),
                        None => products.remove(&id),
                    };
                    changed.push(id);
                }
                derived.update(&before, &products, &changed, &categories);
                prop_assert_eq!(&derived, &Derived::build(&products, &categories));
            }
        }
    }
}
