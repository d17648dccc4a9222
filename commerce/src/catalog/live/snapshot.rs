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

/// A range of a product's strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The range it covers, to slice the string or list it points into.
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Puts a product's strings into one.
#[derive(Default)]
struct Blob {
    text: String,
}

impl Blob {
    /// Stores `s`, or reuses an equal string among `reuse`.
    fn put(&mut self, s: &str, reuse: &[Span]) -> Span {
        for &span in reuse {
            if self.get(span) == s {
                return span;
            }
        }
        let start = self.text.len();
        self.text.push_str(s);
        Span {
            start: start as u32,
            end: self.text.len() as u32,
        }
    }

    fn get(&self, span: Span) -> &str {
        &self.text[span.range()]
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
    /// Behind a second box: one pointer wide, as it is almost always empty.
    #[allow(clippy::box_collection, clippy::redundant_allocation)]
    more: Option<Box<Box<[i64]>>>,
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
            more: (!more.is_empty()).then(|| Box::new(more.into_boxed_slice())),
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

/// An active variant, as read from its [`Product`] (a view of the product's packed rows), or
/// what [`Product::new`] packs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant<'a> {
    /// Id.
    pub id: i64,
    /// SKU.
    pub sku: &'a str,
    /// EAN-13.
    pub barcode: Option<&'a str>,
    /// Price, VAT included.
    pub price_minor: i64,
    /// Previous price, when on sale.
    pub compare_at_minor: Option<i64>,
    /// ISO currency.
    pub currency: &'a str,
    /// Display position.
    pub position: i32,
    /// Its own low-stock threshold.
    pub low_stock_threshold: Option<i32>,
    /// (option index, value index) of its values, sorted ([`Product::new`] sorts them).
    pub values: &'a [(u16, u16)],
    /// Where it is available. The stock ledger writes an outbox notice whenever this flips, so
    /// it is as current as the search index; quantities are always read from the database.
    pub stocked: &'a Stocked,
}

/// A variant as a product stores it: its strings are spans of the product's one string, its
/// values a range of the product's one list (a 100k catalogue holds a quarter of a million).
#[derive(Clone, Debug, PartialEq, Eq)]
struct VariantRow {
    id: i64,
    price_minor: i64,
    /// Meaningful when `ON_SALE` is set.
    compare_at_minor: i64,
    sku: Span,
    /// Meaningful when `HAS_BARCODE` is set.
    barcode: Span,
    currency: Span,
    /// A range of [`Product::values`].
    values: Span,
    position: i32,
    /// Meaningful when `HAS_THRESHOLD` is set.
    low_stock_threshold: i32,
    flags: u8,
    stocked: Stocked,
}

const ON_SALE: u8 = 1;
const HAS_BARCODE: u8 = 2;
const HAS_THRESHOLD: u8 = 4;
const HAS_ALT: u8 = 1;

/// A product image, as read from its [`Product`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Image<'a> {
    /// Path below the images folder.
    pub path: &'a str,
    /// Width.
    pub width: i32,
    /// Height.
    pub height: i32,
    /// Alternative text.
    pub alt: Option<&'a str>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ImageRow {
    path: Span,
    alt: Span,
    width: i32,
    height: i32,
    flags: u8,
}

/// What a product is made from (the loader's input to [`Product::new`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewProduct<'a> {
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
    /// The base slug.
    pub base_slug: &'a str,
    /// Name, slug and whether it is the product's own translation, in
    /// [`crate::locale::Locale::ALL`] order (the fallback already applied).
    pub per_locale: [(&'a str, &'a str, bool); 3],
    /// Options in display order.
    pub options: Arc<[ProductOption]>,
    /// Active variants in display order.
    pub variants: Vec<Variant<'a>>,
    /// Images in display order.
    pub images: Vec<Image<'a>>,
}

/// An active product as the shop shows it. Its strings (names, slugs, SKUs, barcodes, image
/// paths) are one string and its variants one packed list: a few allocations per product
/// instead of a dozen or more, which is most of what a 100k catalogue holds.
#[derive(Clone, PartialEq, Eq)]
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
    /// Options in display order (shared between products with the same ones).
    pub options: Arc<[ProductOption]>,
    /// Every string of the product, each name or slug once (a locale that falls back to
    /// English shares its text).
    blob: Box<str>,
    /// Name then slug per locale, then the base slug.
    texts: [Span; 7],
    /// Bit `l`: locale `l` has its own translation.
    own: u8,
    variants: Box<[VariantRow]>,
    /// Every variant's (option index, value index) pairs.
    values: Box<[(u16, u16)]>,
    images: Box<[ImageRow]>,
}

impl Product {
    /// Packs a product.
    pub fn new(n: NewProduct<'_>) -> Product {
        let mut blob = Blob::default();
        let mut texts = [Span::default(); 7];
        let mut own = 0u8;
        for (l, (name, slug, is_own)) in n.per_locale.into_iter().enumerate() {
            texts[2 * l] = blob.put(name, &texts[..2 * l]);
            texts[2 * l + 1] = blob.put(slug, &texts[..2 * l + 1]);
            own |= u8::from(is_own) << l;
        }
        texts[6] = blob.put(n.base_slug, &texts[..6]);

        let mut values = Vec::new();
        let mut currency: Option<Span> = None;
        let variants = n
            .variants
            .into_iter()
            .map(|v| {
                let start = values.len();
                values.extend_from_slice(v.values);
                values[start..].sort_unstable();
                let cur = blob.put(v.currency, currency.as_slice());
                currency = Some(cur);
                let mut flags = 0;
                let mut flag = |on: bool, bit: u8| flags |= if on { bit } else { 0 };
                flag(v.compare_at_minor.is_some(), ON_SALE);
                flag(v.barcode.is_some(), HAS_BARCODE);
                flag(v.low_stock_threshold.is_some(), HAS_THRESHOLD);
                VariantRow {
                    id: v.id,
                    price_minor: v.price_minor,
                    compare_at_minor: v.compare_at_minor.unwrap_or(0),
                    sku: blob.put(v.sku, &[]),
                    barcode: v.barcode.map_or(Span::default(), |b| blob.put(b, &[])),
                    currency: cur,
                    values: Span {
                        start: start as u32,
                        end: values.len() as u32,
                    },
                    position: v.position,
                    low_stock_threshold: v.low_stock_threshold.unwrap_or(0),
                    flags,
                    stocked: v.stocked.clone(),
                }
            })
            .collect();
        let images = n
            .images
            .into_iter()
            .map(|i| ImageRow {
                path: blob.put(i.path, &[]),
                alt: i.alt.map_or(Span::default(), |a| blob.put(a, &[])),
                width: i.width,
                height: i.height,
                flags: if i.alt.is_some() { HAS_ALT } else { 0 },
            })
            .collect();
        Product {
            id: n.id,
            category_id: n.category_id,
            vat_rate_id: n.vat_rate_id,
            brand: n.brand,
            created_at: n.created_at,
            options: n.options,
            // Copied into blocks of their exact size: a grown `String` or `Vec` has up to
            // twice the room it needs, and the allocator keeps a shrunk block where it was
            // when at least half of it is used.
            blob: Box::from(blob.text.as_str()),
            texts,
            own,
            variants,
            values: Box::from(values.as_slice()),
            images,
        }
    }

    /// What the product was made from (to build an edited copy).
    pub fn to_new(&self) -> NewProduct<'_> {
        NewProduct {
            id: self.id,
            category_id: self.category_id,
            vat_rate_id: self.vat_rate_id,
            brand: self.brand.clone(),
            created_at: self.created_at,
            base_slug: self.base_slug(),
            per_locale: std::array::from_fn(|l| (self.name(l), self.slug(l), self.own(l))),
            options: self.options.clone(),
            variants: self.variants().collect(),
            images: self.images().collect(),
        }
    }

    fn text(&self, span: Span) -> &str {
        &self.blob[span.range()]
    }

    /// Name in locale `l` (English where untranslated, else the base slug).
    pub fn name(&self, l: usize) -> &str {
        self.text(self.texts[2 * l])
    }

    /// Slug in locale `l` (the same fallback).
    pub fn slug(&self, l: usize) -> &str {
        self.text(self.texts[2 * l + 1])
    }

    /// Whether the product has its own translation in locale `l`.
    pub fn own(&self, l: usize) -> bool {
        self.own & (1 << l) != 0
    }

    /// The base slug (the last fallback of a link).
    pub fn base_slug(&self) -> &str {
        self.text(self.texts[6])
    }

    fn variant_at<'a>(&'a self, r: &'a VariantRow) -> Variant<'a> {
        Variant {
            id: r.id,
            sku: self.text(r.sku),
            barcode: (r.flags & HAS_BARCODE != 0).then(|| self.text(r.barcode)),
            price_minor: r.price_minor,
            compare_at_minor: (r.flags & ON_SALE != 0).then_some(r.compare_at_minor),
            currency: self.text(r.currency),
            position: r.position,
            low_stock_threshold: (r.flags & HAS_THRESHOLD != 0).then_some(r.low_stock_threshold),
            values: &self.values[r.values.range()],
            stocked: &r.stocked,
        }
    }

    /// Active variants in display order.
    pub fn variants(&self) -> impl ExactSizeIterator<Item = Variant<'_>> + Clone + '_ {
        self.variants.iter().map(|r| self.variant_at(r))
    }

    /// The variant at `index` in display order.
    pub fn variant(&self, index: usize) -> Option<Variant<'_>> {
        self.variants.get(index).map(|r| self.variant_at(r))
    }

    /// Whether it has no active variant.
    pub fn has_variants(&self) -> bool {
        !self.variants.is_empty()
    }

    /// Images in display order.
    pub fn images(&self) -> impl ExactSizeIterator<Item = Image<'_>> + Clone + '_ {
        self.images.iter().map(|r| Image {
            path: self.text(r.path),
            width: r.width,
            height: r.height,
            alt: (r.flags & HAS_ALT != 0).then(|| self.text(r.alt)),
        })
    }

    /// Whether everything but the stock flags is the same (then nothing derived changes).
    pub fn same_listing(&self, o: &Product) -> bool {
        self.id == o.id
            && self.category_id == o.category_id
            && self.vat_rate_id == o.vat_rate_id
            && self.brand == o.brand
            && self.created_at == o.created_at
            && self.options == o.options
            && self.blob == o.blob
            && self.texts == o.texts
            && self.own == o.own
            && self.values == o.values
            && self.images == o.images
            && self.variants.len() == o.variants.len()
            && self.variants.iter().zip(o.variants.iter()).all(|(a, b)| {
                Variant {
                    stocked: &b.stocked,
                    ..self.variant_at(a)
                } == o.variant_at(b)
            })
    }

    /// The cheapest variant (lowest price, then position).
    pub fn cheapest(&self) -> Option<Variant<'_>> {
        self.variants().min_by_key(|v| (v.price_minor, v.position))
    }

    /// The lowest variant price (`None` without variants).
    pub fn lowest_price(&self) -> Option<i64> {
        self.variants.iter().map(|r| r.price_minor).min()
    }

    /// Whether some variant is on sale.
    pub fn on_sale(&self) -> bool {
        self.variants.iter().any(|r| r.flags & ON_SALE != 0)
    }

    /// Whether some variant is available somewhere.
    pub fn in_stock(&self) -> bool {
        self.variants.iter().any(|r| !r.stocked.is_empty())
    }

    /// Heap bytes of the product's own parts, its variants' and its images' (not counting the
    /// shared option lists).
    fn heap_bytes(&self) -> (usize, usize, usize) {
        use std::mem::size_of;
        let more = |r: &VariantRow| r.stocked.more.as_ref().map_or(0, |m| 16 + 8 * m.len());
        let own = self.blob.len() + 4 * self.values.len();
        let variants = self
            .variants
            .iter()
            .map(|r| size_of::<VariantRow>() + more(r))
            .sum();
        let images = self.images.len() * size_of::<ImageRow>();
        (own, variants, images)
    }
}

impl std::fmt::Debug for Product {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Product")
            .field("id", &self.id)
            .field("category_id", &self.category_id)
            .field("vat_rate_id", &self.vat_rate_id)
            .field("brand", &self.brand)
            .field("created_at", &self.created_at)
            .field(
                "texts",
                &std::array::from_fn::<_, 3, _>(|l| (self.name(l), self.slug(l), self.own(l))),
            )
            .field("base_slug", &self.base_slug())
            .field("options", &self.options)
            .field("variants", &self.variants().collect::<Vec<_>>())
            .field("images", &self.images().collect::<Vec<_>>())
            .finish()
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

/// Product ids in some order: 4 bytes each while every id fits in 32 bits (any shop short of
/// four billion products), 8 bytes each otherwise. A 100k catalogue holds about two million.
#[derive(Clone, Debug)]
pub enum Ids {
    /// Every id fits in a `u32`.
    Narrow(Vec<u32>),
    /// Some id does not.
    Wide(Vec<i64>),
}

impl Default for Ids {
    fn default() -> Self {
        Ids::Narrow(Vec::new())
    }
}

/// Equal when they hold the same ids in the same order, whatever their width.
impl PartialEq for Ids {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Ids {}

impl Ids {
    /// How many.
    pub fn len(&self) -> usize {
        match self {
            Ids::Narrow(v) => v.len(),
            Ids::Wide(v) => v.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id at `i`.
    pub fn get(&self, i: usize) -> Option<i64> {
        match self {
            Ids::Narrow(v) => v.get(i).map(|x| i64::from(*x)),
            Ids::Wide(v) => v.get(i).copied(),
        }
    }

    /// The ids from `start` to `end` (clamped to the list).
    pub fn page(&self, start: usize, end: usize) -> Vec<i64> {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            Ids::Narrow(v) => v[start..end].iter().map(|x| i64::from(*x)).collect(),
            Ids::Wide(v) => v[start..end].to_vec(),
        }
    }

    /// Every id, in order.
    pub fn iter(&self) -> impl Iterator<Item = i64> + '_ {
        let (narrow, wide) = match self {
            Ids::Narrow(v) => (v.as_slice(), &[][..]),
            Ids::Wide(v) => (&[][..], v.as_slice()),
        };
        narrow
            .iter()
            .map(|x| i64::from(*x))
            .chain(wide.iter().copied())
    }

    /// Makes room for `id`: a list that must hold an id beyond 32 bits becomes wide.
    fn fit(&mut self, id: i64) {
        if let Ids::Narrow(v) = self {
            if u32::try_from(id).is_err() {
                *self = Ids::Wide(v.iter().map(|x| i64::from(*x)).collect());
            }
        }
    }

    fn push(&mut self, id: i64) {
        self.insert(self.len(), id);
    }

    fn insert(&mut self, at: usize, id: i64) {
        self.fit(id);
        match self {
            // `fit` made it wide unless the id fits.
            Ids::Narrow(v) => v.insert(at, id as u32),
            Ids::Wide(v) => v.insert(at, id),
        }
    }

    fn remove(&mut self, id: i64) {
        let at = self.iter().position(|x| x == id);
        if let Some(at) = at {
            match self {
                Ids::Narrow(v) => {
                    v.remove(at);
                }
                Ids::Wide(v) => {
                    v.remove(at);
                }
            }
        }
    }

    /// The index of the first id for which `before` is false (the list is partitioned by it).
    fn partition_point(&self, before: impl Fn(i64) -> bool) -> usize {
        match self {
            Ids::Narrow(v) => v.partition_point(|x| before(i64::from(*x))),
            Ids::Wide(v) => v.partition_point(|x| before(*x)),
        }
    }

    /// Bytes it holds.
    fn bytes(&self) -> usize {
        match self {
            Ids::Narrow(v) => 4 * v.capacity(),
            Ids::Wide(v) => 8 * v.capacity(),
        }
    }
}

/// A category's products (its descendants included) in every order, as product ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// Newest first.
    pub newest: Ids,
    /// Cheapest first (the lowest variant price; products without variants last).
    pub price_asc: Ids,
    /// Dearest first.
    pub price_desc: Ids,
    /// By name in each locale.
    pub name: [Ids; 3],
}

impl Listing {
    /// The order for `sort` (one of [`SORTS`]; anything else is `newest`) in `locale`.
    pub fn by(&self, sort: &str, locale: usize) -> &Ids {
        match sort {
            "price_asc" => &self.price_asc,
            "price_desc" => &self.price_desc,
            "name" => &self.name[locale],
            _ => &self.newest,
        }
    }

    /// Room for `n` products in every order (a build knows each category's count).
    fn with_capacity(n: usize) -> Listing {
        let ids = || Ids::Narrow(Vec::with_capacity(n));
        Listing {
            newest: ids(),
            price_asc: ids(),
            price_desc: ids(),
            name: std::array::from_fn(|_| ids()),
        }
    }

    fn all(&self) -> [&Ids; 6] {
        let [a, b, c] = &self.name;
        [&self.newest, &self.price_asc, &self.price_desc, a, b, c]
    }

    fn all_mut(&mut self) -> [&mut Ids; 6] {
        let [a, b, c] = &mut self.name;
        [
            &mut self.newest,
            &mut self.price_asc,
            &mut self.price_desc,
            a,
            b,
            c,
        ]
    }
}

/// Where a slug or code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    /// The key's hash, cut to 32 bits (a lookup compares the strings it finds).
    hash: u32,
    /// For slugs: the locale index, or 3 for the base slug. For codes: the variant index.
    which: u32,
    product: i64,
}

/// An [`Entry`] whose product id fits in 32 bits: 12 bytes instead of 16 (a 100k catalogue
/// has close to a million).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Narrow {
    hash: u32,
    which: u32,
    product: u32,
}

/// Slug or code entries, sorted by hash: narrow ones, and the few (in practice none) of
/// products whose id does not fit in 32 bits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Lookup {
    narrow: Vec<Narrow>,
    wide: Vec<Entry>,
}

impl Lookup {
    /// Room for `n` entries.
    fn with_capacity(n: usize) -> Lookup {
        Lookup {
            narrow: Vec::with_capacity(n),
            wide: Vec::new(),
        }
    }

    /// Adds `e` (unsorted until [`Lookup::sort`]).
    fn push(&mut self, e: Entry) {
        match u32::try_from(e.product) {
            Ok(product) => self.narrow.push(Narrow {
                hash: e.hash,
                which: e.which,
                product,
            }),
            Err(_) => self.wide.push(e),
        }
    }

    fn sort(&mut self) {
        self.narrow.sort_unstable();
        self.wide.sort_unstable();
    }

    /// Adds `entries`, keeping the lists sorted.
    fn add(&mut self, entries: impl IntoIterator<Item = Entry>) {
        let mut new = Lookup::default();
        for e in entries {
            new.push(e);
        }
        add_sorted(&mut self.narrow, new.narrow);
        add_sorted(&mut self.wide, new.wide);
    }

    /// Drops the entries of the products in `ids` (sorted).
    fn remove(&mut self, ids: &[i64]) {
        self.narrow
            .retain(|e| ids.binary_search(&i64::from(e.product)).is_err());
        self.wide.retain(|e| ids.binary_search(&e.product).is_err());
    }

    /// The entries whose key hashes as `key` does.
    fn find(&self, key: &str) -> impl Iterator<Item = Entry> + '_ {
        /// The run of `list` (sorted by hash) whose hash is `h`.
        fn run<T>(list: &[T], h: u32, hash_of: fn(&T) -> u32) -> &[T] {
            let start = list.partition_point(|e| hash_of(e) < h);
            let end = start + list[start..].partition_point(|e| hash_of(e) == h);
            &list[start..end]
        }
        let h = hash(key);
        let narrow = run(&self.narrow, h, |e| e.hash).iter().map(|e| Entry {
            hash: e.hash,
            which: e.which,
            product: i64::from(e.product),
        });
        narrow.chain(run(&self.wide, h, |e| e.hash).iter().copied())
    }

    /// Bytes it holds.
    fn bytes(&self) -> usize {
        std::mem::size_of::<Narrow>() * self.narrow.capacity()
            + std::mem::size_of::<Entry>() * self.wide.capacity()
    }
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
    slugs: Lookup,
    codes: Lookup,
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
        p.lowest_price().unwrap_or(i64::MAX)
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
        (p.name(l).to_lowercase(), p.id)
    }
}

/// Inserts `p` into `list` (ordered by `key` over `products`) where `key` puts it.
fn place<K: Ord>(
    list: &mut Ids,
    products: &HashMap<i64, Arc<Product>>,
    p: &Product,
    key: impl Fn(&Product) -> K,
) {
    let k = key(p);
    let at = list.partition_point(|id| products.get(&id).is_none_or(|q| key(q) < k));
    list.insert(at, p.id);
}

/// A product's slug lookup entries: its own slug per locale, then its base slug.
fn slug_entries(p: &Product) -> impl Iterator<Item = Entry> + '_ {
    let own = (0..3).filter(|l| p.own(*l));
    own.map(|l| Entry {
        hash: hash(p.slug(l)),
        product: p.id,
        which: l as u32,
    })
    .chain(std::iter::once(Entry {
        hash: hash(p.base_slug()),
        product: p.id,
        which: 3,
    }))
}

/// A product's code lookup entries: each variant's SKU and barcode.
fn code_entries(p: &Product) -> impl Iterator<Item = Entry> + '_ {
    p.variants().enumerate().flat_map(move |(i, v)| {
        let sku = Entry {
            hash: hash(v.sku),
            product: p.id,
            which: i as u32,
        };
        let barcode = v.barcode.map(|b| Entry {
            hash: hash(b),
            product: p.id,
            which: i as u32,
        });
        std::iter::once(sku).chain(barcode)
    })
}

/// Adds `entries` to the sorted `list`, keeping it sorted.
fn add_sorted<T: Ord>(list: &mut Vec<T>, mut entries: Vec<T>) {
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
        // Each listing sized once: a category's count is how many products it lists.
        let mut listings: HashMap<i64, Listing> = d
            .counts
            .iter()
            .filter(|(id, _)| paths.contains_key(id))
            .map(|(id, n)| (*id, Listing::with_capacity(*n as usize)))
            .collect();
        let share = |order: &[&Product],
                     pick: &mut dyn FnMut(&mut Listing) -> &mut Ids,
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
            .filter(|p| p.on_sale())
            .take(HOME_ROW)
            .map(|p| p.id)
            .collect();

        // The lookups sized once (counted first), so they hold no spare room.
        d.slugs = Lookup::with_capacity(all.iter().map(|p| slug_entries(p).count()).sum());
        d.codes = Lookup::with_capacity(all.iter().map(|p| code_entries(p).count()).sum());
        for p in &all {
            d.add_labels(p);
            slug_entries(p).for_each(|e| d.slugs.push(e));
            code_entries(p).for_each(|e| d.codes.push(e));
        }
        d.slugs.sort();
        d.codes.sort();
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
                for ids in listing.all_mut() {
                    ids.remove(p.id);
                }
                if listing.newest.is_empty() {
                    self.listings.remove(&a);
                }
            }
        }
        if !olds.is_empty() {
            self.slugs.remove(&changed);
            self.codes.remove(&changed);
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
        self.slugs.add(news.iter().flat_map(|p| slug_entries(p)));
        self.codes.add(news.iter().flat_map(|p| code_entries(p)));

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
            if p.on_sale()
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
        for e in self.derived.slugs.find(slug) {
            let Some(p) = self.product(e.product) else {
                continue;
            };
            let (matches, rank) = match e.which as usize {
                3 => (p.base_slug() == slug, 2),
                l => (p.slug(l) == slug, u8::from(l != locale)),
            };
            if matches && best.is_none_or(|(r, q)| (rank, p.id) < (r, q.id)) {
                best = Some((rank, p));
            }
        }
        best.map(|(_, p)| p)
    }

    /// The active variant whose EAN-13 barcode or SKU is exactly `code`, with its product
    /// (a barcode wins over a SKU that reads the same).
    pub fn variant_by_code(&self, code: &str) -> Option<(&Product, Variant<'_>)> {
        let mut found: Option<(u8, &Product, Variant<'_>)> = None;
        for e in self.derived.codes.find(code) {
            let Some(p) = self.product(e.product) else {
                continue;
            };
            let Some(v) = p.variant(e.which as usize) else {
                continue;
            };
            let rank = if v.barcode == Some(code) {
                0
            } else if v.sku == code {
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

    /// Bytes the read model asked the allocator for, by part (what a change to its layout
    /// saves; the allocator's rounding and its own bookkeeping come on top). Printed by the
    /// `bench_catalogue` example.
    pub fn footprint(&self) -> Vec<(&'static str, usize)> {
        use std::mem::size_of;
        let arc = 2 * size_of::<usize>();
        let map = |n: usize, entry: usize| n.next_power_of_two() * 8 / 7 * (entry + 1);
        let mut products = map(self.products.len(), size_of::<(i64, Arc<Product>)>());
        let mut variants = 0;
        let mut images = 0;
        for p in self.products.values() {
            let (own, v, i) = p.heap_bytes();
            products += arc + size_of::<Product>() + own;
            variants += v;
            images += i;
        }
        let d = &self.derived;
        let listings: usize = d
            .listings
            .values()
            .map(|l| {
                arc + size_of::<Listing>() + l.all().into_iter().map(Ids::bytes).sum::<usize>()
            })
            .sum::<usize>()
            + map(d.listings.len(), size_of::<(i64, Arc<Listing>)>());
        let lookups = d.slugs.bytes() + d.codes.bytes();
        vec![
            ("products", products),
            ("variants", variants),
            ("images", images),
            ("listings", listings),
            ("slug and code lookups", lookups),
        ]
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
        let sku = format!("SKU-{}", s.sku);
        let barcode = format!("200{}", s.sku);
        let none = Stocked::default();
        let variants = s.price.map(|price| Variant {
            id: id * 10,
            sku: &sku,
            barcode: s.sku.is_multiple_of(2).then_some(barcode.as_str()),
            price_minor: price * 100,
            compare_at_minor: s.on_sale.then_some(price * 200),
            currency: "EUR",
            position: 0,
            low_stock_threshold: None,
            values: &[(0, 0)],
            stocked: &none,
        });
        let (a, b) = (NAMES[s.name], NAMES[(s.name + 1) % 4]);
        let (a_slug, b_slug) = (a.to_lowercase(), b.to_lowercase());
        let base = format!("p{id}");
        Arc::new(Product::new(NewProduct {
            id,
            // 6 is a category the tree does not have.
            category_id: if s.category == 6 { 99 } else { s.category },
            vat_rate_id: 1,
            brand: None,
            created_at: s.created,
            base_slug: &base,
            per_locale: [
                (a, &a_slug, true),
                (b, &b_slug, s.name.is_multiple_of(2)),
                (a, &a_slug, false),
            ],
            options: Arc::new([ProductOption {
                code: Arc::from("size"),
                values: Box::new([OptionValue {
                    code: Arc::from(if s.sku.is_multiple_of(3) { "s" } else { "m" }),
                    position: s.position,
                    labels,
                }]),
            }]),
            variants: variants.into_iter().collect(),
            images: vec![],
        }))
    }

    /// A product with two variants, an image and translations that fall back.
    fn packed() -> Product {
        let (some, none) = (Stocked::new([3, 90]), Stocked::default());
        Product::new(NewProduct {
            id: 7,
            category_id: 1,
            vat_rate_id: 2,
            brand: Some(Arc::from("Acme")),
            created_at: 5,
            base_slug: "base",
            per_locale: [
                ("Shoe", "shoe", true),
                ("Παπούτσι", "base", true),
                ("Shoe", "shoe", false),
            ],
            options: Arc::new([]),
            variants: vec![
                Variant {
                    id: 70,
                    sku: "SH-1",
                    barcode: Some("2000000000015"),
                    price_minor: 1999,
                    compare_at_minor: Some(2999),
                    currency: "EUR",
                    position: 1,
                    low_stock_threshold: Some(0),
                    values: &[(1, 0), (0, 2)],
                    stocked: &some,
                },
                Variant {
                    id: 71,
                    sku: "SH-2",
                    barcode: None,
                    price_minor: 0,
                    compare_at_minor: None,
                    currency: "EUR",
                    position: 2,
                    low_stock_threshold: None,
                    values: &[],
                    stocked: &none,
                },
            ],
            images: vec![
                Image {
                    path: "a/b.jpg",
                    width: 800,
                    height: 600,
                    alt: Some(""),
                },
                Image {
                    path: "c.jpg",
                    width: 1,
                    height: 2,
                    alt: None,
                },
            ],
        })
    }

    #[test]
    fn a_packed_product_gives_back_what_it_was_made_of() {
        let p = packed();
        assert_eq!((p.name(0), p.slug(0), p.own(0)), ("Shoe", "shoe", true));
        assert_eq!((p.name(1), p.slug(1), p.own(1)), ("Παπούτσι", "base", true));
        assert_eq!((p.name(2), p.slug(2), p.own(2)), ("Shoe", "shoe", false));
        assert_eq!(p.base_slug(), "base");
        let v: Vec<Variant> = p.variants().collect();
        assert_eq!(v.len(), 2);
        assert_eq!(
            (v[0].id, v[0].sku, v[0].barcode, v[0].currency),
            (70, "SH-1", Some("2000000000015"), "EUR")
        );
        assert_eq!(
            (v[0].price_minor, v[0].compare_at_minor),
            (1999, Some(2999))
        );
        assert_eq!((v[0].position, v[0].low_stock_threshold), (1, Some(0)));
        // Values come back sorted.
        assert_eq!(v[0].values, [(0, 2), (1, 0)]);
        assert_eq!(v[0].stocked.iter().collect::<Vec<_>>(), [3, 90]);
        assert_eq!(
            (v[1].sku, v[1].barcode, v[1].compare_at_minor),
            ("SH-2", None, None)
        );
        assert_eq!((v[1].low_stock_threshold, v[1].values), (None, &[][..]));
        assert!(v[1].stocked.is_empty());
        assert_eq!(p.variant(1), Some(v[1]));
        assert_eq!(p.variant(2), None);
        let images: Vec<Image> = p.images().collect();
        assert_eq!(images[0].alt, Some(""));
        assert_eq!(
            (images[1].path, images[1].width, images[1].alt),
            ("c.jpg", 1, None)
        );
        assert_eq!(
            (p.lowest_price(), p.on_sale(), p.in_stock()),
            (Some(0), true, true)
        );
        assert_eq!(p.cheapest().map(|v| v.id), Some(71));
        // "Shoe", "shoe", "Παπούτσι", "base" and the currency once each.
        assert_eq!(
            p.blob.len(),
            "Shoeshoe".len()
                + "Παπούτσι".len()
                + "base".len()
                + "EUR".len()
                + "SH-1SH-2".len()
                + "2000000000015".len()
                + "a/b.jpgc.jpg".len()
        );
        // Unpacked and packed again, it is the same product.
        assert_eq!(Product::new(p.to_new()), p);
    }

    #[test]
    fn a_stock_flag_alone_keeps_the_listing() {
        let p = packed();
        let mut n = p.to_new();
        let one = Stocked::new([1]);
        n.variants[1].stocked = &one;
        let sold = Product::new(n);
        assert!(sold != p && sold.same_listing(&p));
        let mut n = p.to_new();
        n.variants[1].price_minor = 1;
        assert!(!Product::new(n).same_listing(&p));
        let mut n = p.to_new();
        n.variants[0].barcode = None;
        assert!(!Product::new(n).same_listing(&p));
    }

    #[test]
    fn ids_widen_for_an_id_beyond_32_bits_and_compare_by_content() {
        let mut ids = Ids::default();
        for id in [5, 7, 9] {
            ids.push(id);
        }
        assert!(matches!(ids, Ids::Narrow(_)));
        let narrow = ids.clone();
        let big = i64::from(u32::MAX) + 1;
        ids.insert(1, big);
        assert!(matches!(ids, Ids::Wide(_)));
        assert_eq!(ids.iter().collect::<Vec<_>>(), [5, big, 7, 9]);
        assert_eq!(ids.page(1, 3), [big, 7]);
        assert_eq!(ids.page(3, 99), [9]);
        assert_eq!(ids.page(9, 99), Vec::<i64>::new());
        assert_eq!(ids.get(1), Some(big));
        ids.remove(big);
        // Still wide, but equal to the narrow list with the same ids.
        assert!(matches!(ids, Ids::Wide(_)));
        assert_eq!(ids, narrow);
        ids.remove(7);
        assert_ne!(ids, narrow);
        assert_eq!(ids.partition_point(|id| id < 9), 1);
    }

    #[test]
    fn products_with_ids_beyond_32_bits_are_listed_and_found() {
        let big = i64::from(u32::MAX) + 7;
        let spec = |sku: u8, price: i64| Spec {
            category: 2,
            price: Some(price),
            created: 1,
            name: 2,
            on_sale: false,
            position: 0,
            label: 0,
            sku,
        };
        let products: HashMap<i64, Arc<Product>> = [(5, spec(1, 3)), (big, spec(4, 1))]
            .into_iter()
            .map(|(id, s)| (id, product(id, &s)))
            .collect();
        let places = Places {
            locations: vec![],
            stores: vec![],
            vat: HashMap::new(),
        };
        let snap = Snapshot::new(products.clone(), tree(), places);
        let base = format!("p{big}");
        assert_eq!(snap.product_by_slug(0, &base).map(|p| p.id), Some(big));
        assert_eq!(snap.product_by_slug(0, "p5").map(|p| p.id), Some(5));
        assert_eq!(snap.variant_by_code("SKU-4").map(|(p, _)| p.id), Some(big));
        assert_eq!(
            snap.variant_by_code("2004").map(|(_, v)| v.id),
            Some(big * 10)
        );
        assert_eq!(snap.variant_by_code("SKU-1").map(|(p, _)| p.id), Some(5));
        // Listed in every ancestor, cheapest first.
        let listing = &snap.derived.listings[&0];
        assert_eq!(listing.price_asc.iter().collect::<Vec<_>>(), [big, 5]);
        // Removing it again gives what a rebuild gives.
        let mut after = products.clone();
        after.remove(&big);
        let mut derived = (*snap.derived).clone();
        derived.update(&products, &after, &[big], &tree());
        assert_eq!(derived, Derived::build(&after, &tree()));
        assert_eq!(derived.slugs.find(&base).count(), 0);
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
