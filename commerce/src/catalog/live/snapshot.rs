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

/// A product's name and slug in one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// Name (English where untranslated, else the product's base slug).
    pub name: Box<str>,
    /// Slug (the same fallback).
    pub slug: Box<str>,
    /// Whether the product has its own translation in this locale.
    pub own: bool,
}

/// An option (size, colour…) of a product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProductOption {
    /// Id.
    pub id: i64,
    /// Code used in URLs.
    pub code: Arc<str>,
    /// Values in display order.
    pub values: Box<[OptionValue]>,
}

/// One value of an option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionValue {
    /// Id.
    pub id: i64,
    /// Code used in URLs.
    pub code: Arc<str>,
    /// Display position.
    pub position: i32,
    /// Labels per locale.
    pub labels: Labels,
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
    /// Base slug (the last fallback of a link).
    pub slug: Box<str>,
    /// VAT rate.
    pub vat_rate_id: i64,
    /// Brand.
    pub brand: Option<Arc<str>>,
    /// Creation time, unix microseconds.
    pub created_at: i64,
    /// Name and slug per locale.
    pub texts: [Text; 3],
    /// Options in display order.
    pub options: Box<[ProductOption]>,
    /// Active variants in display order.
    pub variants: Box<[Variant]>,
    /// Images in display order.
    pub images: Box<[Image]>,
    /// Per variant (same order): the locations where it is available (on hand − reserved > 0).
    /// The stock ledger writes an outbox notice whenever this flips, so it is as current as the
    /// search index; quantities are always read from the database.
    pub stocked: Box<[Box<[i64]>]>,
}

impl Product {
    /// Whether everything but the stock flags is the same (then nothing derived changes).
    pub fn same_listing(&self, o: &Product) -> bool {
        self.id == o.id
            && self.category_id == o.category_id
            && self.slug == o.slug
            && self.vat_rate_id == o.vat_rate_id
            && self.brand == o.brand
            && self.created_at == o.created_at
            && self.texts == o.texts
            && self.options == o.options
            && self.variants == o.variants
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
        self.stocked.iter().any(|at| !at.is_empty())
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

/// Where a slug or code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    hash: u64,
    product: i64,
    /// For slugs: the locale index, or 3 for the base slug. For codes: the variant index.
    which: u32,
}

/// What is derived from the products and categories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derived {
    /// Active products per category, descendants included.
    pub counts: HashMap<i64, u64>,
    /// Each category's products in every order.
    pub listings: HashMap<i64, Listing>,
    /// The newest products (for the home page).
    pub newest: Vec<i64>,
    /// Products with a variant on sale, by id (for the home page).
    pub on_sale: Vec<i64>,
    /// (option code, value code) → (lowest position, labels): the search facets' labels.
    pub value_labels: HashMap<(Arc<str>, Arc<str>), (i32, Labels)>,
    slugs: Vec<Entry>,
    codes: Vec<Entry>,
}

/// Products on the home page's rows.
pub const HOME_ROW: usize = 8;

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
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
        let price = |p: &Product| p.variants.iter().map(|v| v.price_minor).min();
        let mut newest = all.clone();
        newest.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        let mut price_asc = all.clone();
        price_asc.sort_by_key(|p| (price(p).unwrap_or(i64::MAX), p.id));
        let mut price_desc = all.clone();
        price_desc.sort_by_key(|p| (std::cmp::Reverse(price(p).unwrap_or(i64::MAX)), p.id));
        let by_name: [Vec<&Product>; 3] = std::array::from_fn(|l| {
            let mut keyed: Vec<(String, i64, &Product)> = all
                .iter()
                .map(|p| (p.texts[l].name.to_lowercase(), p.id, *p))
                .collect();
            keyed.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
            keyed.into_iter().map(|(_, _, p)| p).collect()
        });
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
        share(&newest, &mut |l| &mut l.newest, &mut d.listings);
        share(&price_asc, &mut |l| &mut l.price_asc, &mut d.listings);
        share(&price_desc, &mut |l| &mut l.price_desc, &mut d.listings);
        for (l, order) in by_name.iter().enumerate() {
            share(order, &mut |x| &mut x.name[l], &mut d.listings);
        }
        d.newest = newest.iter().take(HOME_ROW).map(|p| p.id).collect();
        d.on_sale = all
            .iter()
            .filter(|p| p.variants.iter().any(|v| v.compare_at_minor.is_some()))
            .take(HOME_ROW)
            .map(|p| p.id)
            .collect();

        for p in &all {
            for o in p.options.iter() {
                for v in o.values.iter() {
                    d.value_labels
                        .entry((o.code.clone(), v.code.clone()))
                        .and_modify(|e| e.0 = e.0.min(v.position))
                        .or_insert((v.position, v.labels.clone()));
                }
            }
            for (i, t) in p.texts.iter().enumerate() {
                if t.own {
                    d.slugs.push(Entry {
                        hash: hash(&t.slug),
                        product: p.id,
                        which: i as u32,
                    });
                }
            }
            d.slugs.push(Entry {
                hash: hash(&p.slug),
                product: p.id,
                which: 3,
            });
            for (i, v) in p.variants.iter().enumerate() {
                d.codes.push(Entry {
                    hash: hash(&v.sku),
                    product: p.id,
                    which: i as u32,
                });
                if let Some(b) = &v.barcode {
                    d.codes.push(Entry {
                        hash: hash(b),
                        product: p.id,
                        which: i as u32,
                    });
                }
            }
        }
        d.slugs.sort_unstable();
        d.codes.sort_unstable();
        d
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
                3 => (&*p.slug == slug, 2),
                l => (&*p.texts[l].slug == slug, u8::from(l != locale)),
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
