//! The demo shop's content: locales, VAT rates, stores, locations, staff, customers, categories
//! and a few hundred products with variants, barcodes, prices, stock levels and image specs.
//!
//! Everything here is plain data generated deterministically from [`SEED`], so every run builds
//! exactly the same shop. Nothing here touches the database or the disk: [`crate::load`] does.
//!
//! Product names are assembled from per-category nouns, colours and adjectives in English, Greek
//! and Polish. Adjectives agree with their noun: Greek by gender and number (six nominative
//! forms), Polish by gender, with the non-masculine-personal plural for plural nouns
//! («Żółta kurtka przeciwdeszczowa», «Κίτρινο αδιάβροχο μπουφάν», «Czarne buty skórzane»).
//! Word order follows each language: Greek puts every adjective before the noun; Polish puts
//! qualities and colours before it and classifying adjectives (material, purpose) after it.

use std::collections::HashSet;

use crate::images::Motif;
use commerce::catalog::barcode::Ean13;
use commerce::types::Slug;

/// Locale codes of the demo shop, default first.
pub const LOCALES: [&str; 3] = commerce::locale::Locale::CODES;

/// Currency of every demo price.
pub const CURRENCY: &str = "EUR";

/// Seed of the generator; changing it changes the whole shop.
pub const SEED: u64 = 42;

/// Size of the full product images, in pixels (square).
pub const IMAGE_SIZE: u32 = 800;

/// Size of the thumbnails, in pixels (square).
pub const THUMB_SIZE: u32 = 320;

// ------------------------------------------------------------------------------------------------
// Public data types
// ------------------------------------------------------------------------------------------------

/// A text in the three demo languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tr {
    /// English.
    pub en: String,
    /// Greek.
    pub el: String,
    /// Polish.
    pub pl: String,
}

impl Tr {
    /// Builds a text from its English, Greek and Polish versions.
    pub fn new(en: impl Into<String>, el: impl Into<String>, pl: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            el: el.into(),
            pl: pl.into(),
        }
    }

    /// The version for `locale` (`"en"`, `"el"` or `"pl"`; anything else gives English).
    pub fn get(&self, locale: &str) -> &str {
        match locale {
            "el" => &self.el,
            "pl" => &self.pl,
            _ => &self.en,
        }
    }

    /// `(locale, text)` pairs in [`LOCALES`] order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        LOCALES.into_iter().map(move |l| (l, self.get(l)))
    }

    fn map(&self, f: impl Fn(&str) -> String) -> Tr {
        Tr::new(f(&self.en), f(&self.el), f(&self.pl))
    }
}

/// A row of `locales`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleSeed {
    /// `"en"`, `"el"`, `"pl"`.
    pub code: &'static str,
    /// The language's own name for itself.
    pub name: &'static str,
    /// Whether this is the shop's default language (English).
    pub is_default: bool,
    /// Order in language pickers.
    pub position: i32,
}

/// A row of `vat_rates`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRateSeed {
    /// `"standard"`, `"reduced"`, `"super_reduced"`, `"zero"`.
    pub code: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Rate in basis points (`2400` = 24 %).
    pub rate_bp: i32,
}

/// A physical shop (row of `stores`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreSeed {
    /// `"ATH"` or `"KRK"`.
    pub code: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Street and number.
    pub address_line: &'static str,
    /// City.
    pub city: &'static str,
    /// Postal code.
    pub postal_code: &'static str,
    /// ISO 3166-1 alpha-2 country code.
    pub country: &'static str,
    /// Phone number in international format.
    pub phone: &'static str,
    /// IANA time zone.
    pub timezone: &'static str,
    /// Opening hours in OpenStreetMap `opening_hours` syntax.
    pub opening_hours: &'static str,
    /// Whether web orders can be collected here.
    pub pickup_enabled: bool,
}

/// A stock location (row of `locations`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationSeed {
    /// `"WEB"`, `"ATH"`, `"KRK"`.
    pub code: &'static str,
    /// Display name.
    pub name: &'static str,
    /// `true` for the online warehouse, `false` for a store's stock room.
    pub warehouse: bool,
    /// Code of the store this location belongs to.
    pub store: Option<&'static str>,
    /// Whether web delivery orders are shipped from here.
    pub ships_online: bool,
    /// Default "low stock" threshold for variants at this location.
    pub default_low_stock_threshold: i32,
}

/// A demo staff account (its password is drawn at random when the demo is loaded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffSeed {
    /// Sign-in e-mail.
    pub email: &'static str,
    /// Full name.
    pub name: &'static str,
    /// `"owner"`, `"manager"` or `"cashier"`.
    pub role: &'static str,
    /// Codes of the stores the account belongs to.
    pub stores: &'static [&'static str],
}

/// A customer record (no password: these are guests known by e-mail).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerSeed {
    /// E-mail.
    pub email: &'static str,
    /// Full name.
    pub name: &'static str,
    /// Phone number in international format.
    pub phone: &'static str,
    /// Preferred locale.
    pub locale: &'static str,
    /// Whether they agreed to marketing e-mails.
    pub marketing_opt_in: bool,
}

/// A category with its translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategorySeed {
    /// Canonical (English) slug.
    pub slug: String,
    /// Canonical slug of the parent category.
    pub parent: Option<String>,
    /// Order among its siblings.
    pub position: i32,
    /// Name per locale.
    pub name: Tr,
    /// Slug per locale (Latin ASCII, unique per locale).
    pub slugs: Tr,
    /// One-sentence description per locale.
    pub description: Tr,
}

/// One value of a product option, e.g. size `M` or colour black.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionValueSeed {
    /// Machine code, unique within the option (`"m"`, `"42"`, `"black"`).
    pub code: String,
    /// Label per locale.
    pub label: Tr,
}

/// A product option (`"size"` or `"colour"`) with its values in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionSeed {
    /// `"size"` or `"colour"`.
    pub code: &'static str,
    /// The values, in display order.
    pub values: Vec<OptionValueSeed>,
}

/// A sellable variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariantSeed {
    /// Stock-keeping unit, e.g. `SH-0001-42-BLK` (A–Z, 0–9 and `-`, at most 32 characters).
    pub sku: String,
    /// EAN-13 barcode with a valid check digit.
    pub barcode: String,
    /// VAT-inclusive price in cents.
    pub price_minor: i64,
    /// Former price when on sale.
    pub compare_at_minor: Option<i64>,
    /// For each option of the product (same order), the index of this variant's value.
    pub values: Vec<usize>,
    /// Shipping weight in grams.
    pub weight_grams: i32,
    /// Opening stock per location code (zero entries included).
    pub stock: Vec<(&'static str, i64)>,
}

/// A product image to draw and register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSeed {
    /// Path of the full image relative to `<data>/images`, e.g. `products/linen-shirt-paros-1.jpg`.
    pub path: String,
    /// Path of the thumbnail relative to `<data>/images`.
    pub thumb_path: String,
    /// What the placeholder shows.
    pub motif: Motif,
    /// Main colour of the item (sRGB).
    pub rgb: [u8; 3],
    /// SKU of the variant this image shows, when it shows one colour of several.
    pub variant_sku: Option<String>,
    /// Alternative text (English).
    pub alt: String,
}

/// A product with translations, options, variants and images.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductSeed {
    /// Canonical slug (the English one).
    pub slug: String,
    /// Canonical slug of its category.
    pub category: String,
    /// `true` when published, `false` for a draft.
    pub active: bool,
    /// Brand name.
    pub brand: &'static str,
    /// VAT rate code (`"standard"` or `"reduced"`).
    pub vat_rate: &'static str,
    /// Name per locale (unique per locale).
    pub name: Tr,
    /// Slug per locale (unique per locale).
    pub slugs: Tr,
    /// Two or three sentences per locale.
    pub description: Tr,
    /// Options in display order (may be empty for single-variant products).
    pub options: Vec<OptionSeed>,
    /// Variants in display order (at least one).
    pub variants: Vec<VariantSeed>,
    /// Images in display order (one or two).
    pub images: Vec<ImageSeed>,
}

/// Categories and products of the demo shop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    /// Categories, parents before children.
    pub categories: Vec<CategorySeed>,
    /// Products.
    pub products: Vec<ProductSeed>,
}

// ------------------------------------------------------------------------------------------------
// Fixed records
// ------------------------------------------------------------------------------------------------

/// The shop's languages.
pub fn locales() -> Vec<LocaleSeed> {
    vec![
        LocaleSeed {
            code: "en",
            name: "English",
            is_default: true,
            position: 0,
        },
        LocaleSeed {
            code: "el",
            name: "Ελληνικά",
            is_default: false,
            position: 1,
        },
        LocaleSeed {
            code: "pl",
            name: "Polski",
            is_default: false,
            position: 2,
        },
    ]
}

/// VAT rates (Greek rates).
pub fn vat_rates() -> Vec<VatRateSeed> {
    vec![
        VatRateSeed {
            code: "standard",
            name: "Standard",
            rate_bp: 2400,
        },
        VatRateSeed {
            code: "reduced",
            name: "Reduced",
            rate_bp: 1300,
        },
        VatRateSeed {
            code: "super_reduced",
            name: "Super-reduced",
            rate_bp: 600,
        },
        VatRateSeed {
            code: "zero",
            name: "Zero",
            rate_bp: 0,
        },
    ]
}

/// The two physical shops.
pub fn stores() -> Vec<StoreSeed> {
    vec![
        StoreSeed {
            code: "ATH",
            name: "Stoa Athens",
            address_line: "Ermou 45",
            city: "Athens",
            postal_code: "105 63",
            country: "GR",
            phone: "+30 210 321 4567",
            timezone: "Europe/Athens",
            opening_hours: "Mo-Fr 10:00-21:00; Sa 10:00-20:00; Su off",
            pickup_enabled: true,
        },
        StoreSeed {
            code: "KRK",
            name: "Stoa Kraków",
            address_line: "ul. Floriańska 20",
            city: "Kraków",
            postal_code: "31-019",
            country: "PL",
            phone: "+48 12 421 3456",
            timezone: "Europe/Warsaw",
            opening_hours: "Mo-Sa 10:00-20:00; Su 11:00-17:00",
            pickup_enabled: true,
        },
    ]
}

/// The stock locations: the online warehouse first, then one per store. Variant stock in
/// [`VariantSeed::stock`] follows this order.
pub fn locations() -> Vec<LocationSeed> {
    vec![
        LocationSeed {
            code: "WEB",
            name: "Online warehouse",
            warehouse: true,
            store: None,
            ships_online: true,
            default_low_stock_threshold: 5,
        },
        LocationSeed {
            code: "ATH",
            name: "Stoa Athens",
            warehouse: false,
            store: Some("ATH"),
            ships_online: false,
            default_low_stock_threshold: 2,
        },
        LocationSeed {
            code: "KRK",
            name: "Stoa Kraków",
            warehouse: false,
            store: Some("KRK"),
            ships_online: false,
            default_low_stock_threshold: 2,
        },
    ]
}

/// One account per role and store.
pub fn staff() -> Vec<StaffSeed> {
    vec![
        StaffSeed {
            email: "owner@stoa.test",
            name: "Eleni Markou",
            role: "owner",
            stores: &["ATH", "KRK"],
        },
        StaffSeed {
            email: "manager.athens@stoa.test",
            name: "Nikos Papadakis",
            role: "manager",
            stores: &["ATH"],
        },
        StaffSeed {
            email: "manager.krakow@stoa.test",
            name: "Magdalena Zielińska",
            role: "manager",
            stores: &["KRK"],
        },
        StaffSeed {
            email: "cashier.athens@stoa.test",
            name: "Kostas Dimitriou",
            role: "cashier",
            stores: &["ATH"],
        },
        StaffSeed {
            email: "cashier.krakow@stoa.test",
            name: "Tomasz Lewandowski",
            role: "cashier",
            stores: &["KRK"],
        },
    ]
}

/// A few customers from Greece, Poland and elsewhere.
pub fn customers() -> Vec<CustomerSeed> {
    vec![
        CustomerSeed {
            email: "eleni.papadopoulou@example.gr",
            name: "Ελένη Παπαδοπούλου",
            phone: "+30 694 123 4567",
            locale: "el",
            marketing_opt_in: true,
        },
        CustomerSeed {
            email: "giorgos.nikolaidis@example.gr",
            name: "Γιώργος Νικολαΐδης",
            phone: "+30 697 765 4321",
            locale: "el",
            marketing_opt_in: false,
        },
        CustomerSeed {
            email: "maria.konstantinou@example.gr",
            name: "Maria Konstantinou",
            phone: "+30 690 555 0199",
            locale: "en",
            marketing_opt_in: false,
        },
        CustomerSeed {
            email: "katarzyna.nowak@example.pl",
            name: "Katarzyna Nowak",
            phone: "+48 601 234 567",
            locale: "pl",
            marketing_opt_in: true,
        },
        CustomerSeed {
            email: "piotr.wisniewski@example.pl",
            name: "Piotr Wiśniewski",
            phone: "+48 502 987 654",
            locale: "pl",
            marketing_opt_in: false,
        },
        CustomerSeed {
            email: "agnieszka.wojcik@example.pl",
            name: "Agnieszka Wójcik",
            phone: "+48 793 111 222",
            locale: "pl",
            marketing_opt_in: true,
        },
        CustomerSeed {
            email: "emma.clarke@example.com",
            name: "Emma Clarke",
            phone: "+44 7700 900123",
            locale: "en",
            marketing_opt_in: false,
        },
    ]
}

// ------------------------------------------------------------------------------------------------
// Deterministic randomness
// ------------------------------------------------------------------------------------------------

/// SplitMix64: tiny, fast and — unlike `rand`'s `StdRng` — guaranteed to give the same sequence
/// on every platform and every crate version, so the demo shop never changes by accident.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    /// `true` with probability `pct` %.
    fn chance(&mut self, pct: u64) -> bool {
        self.next_u64() % 100 < pct
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n` in random order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            idx.swap(i, j);
        }
        idx.truncate(k.min(n));
        idx
    }
}

// ------------------------------------------------------------------------------------------------
// Slugs, barcodes, capitalisation
// ------------------------------------------------------------------------------------------------

/// The URL slug of a name in any of the demo languages: [`Slug::from_title`] (ELOT 743 for
/// Greek: «Παπούτσια» → `papoutsia`, «Μπουφάν» → `boufan`, «γκρι» → `gri`; Polish and other
/// Latin letters lose their diacritics: «Żółta kurtka» → `zolta-kurtka`), empty when nothing
/// is left.
pub fn slugify(text: &str) -> String {
    Slug::from_title(text)
        .map(Slug::into_string)
        .unwrap_or_default()
}

/// Upper-cases the first letter (works for Greek and Polish).
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ------------------------------------------------------------------------------------------------
// Vocabulary
// ------------------------------------------------------------------------------------------------

/// Greek gender and number of a noun; indexes the six nominative forms of an adjective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gr {
    M = 0,
    F = 1,
    N = 2,
    // 3 is the masculine plural, which no demo noun needs.
    Fp = 4,
    Np = 5,
}

/// Polish gender of a noun. Plural nouns here are all non-masculine-personal, whose
/// adjectives take the same ending as the neuter singular.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pg {
    M,
    F,
    /// Plural (no demo noun is neuter singular, whose adjectives would share this form).
    Pl,
}

impl Pg {
    fn idx(self) -> usize {
        match self {
            Pg::M => 0,
            Pg::F => 1,
            Pg::Pl => 2,
        }
    }
}

/// Greek adjective in -ος/-η/-ο with the stress on the stem (κόκκινος, μάλλινος).
macro_rules! el_os {
    ($s:literal) => {
        [
            concat!($s, "ος"),
            concat!($s, "η"),
            concat!($s, "ο"),
            concat!($s, "οι"),
            concat!($s, "ες"),
            concat!($s, "α"),
        ]
    };
}
/// Greek adjective in -ός/-ή/-ό stressed on the ending (λευκός, λινός).
macro_rules! el_ox {
    ($s:literal) => {
        [
            concat!($s, "ός"),
            concat!($s, "ή"),
            concat!($s, "ό"),
            concat!($s, "οί"),
            concat!($s, "ές"),
            concat!($s, "ά"),
        ]
    };
}
/// Indeclinable Greek adjective (μπλε, γκρι, τζιν).
macro_rules! el_inv {
    ($s:literal) => {
        [$s; 6]
    };
}
/// Polish hard-stem adjective: -y/-a/-e (czarny, czarna, czarne).
macro_rules! pl_y {
    ($s:literal) => {
        [concat!($s, "y"), concat!($s, "a"), concat!($s, "e")]
    };
}
/// Polish adjective after k/g: -i/-a/-ie (lekki, lekka, lekkie).
macro_rules! pl_k {
    ($s:literal) => {
        [concat!($s, "i"), concat!($s, "a"), concat!($s, "ie")]
    };
}
/// Polish soft-stem adjective: -i/-ia/-ie (letni, letnia, letnie).
macro_rules! pl_soft {
    ($s:literal) => {
        [concat!($s, "i"), concat!($s, "ia"), concat!($s, "ie")]
    };
}
/// Polish phrase that does not inflect (w paski).
macro_rules! pl_inv {
    ($s:literal) => {
        [$s; 3]
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Evaluative or physical quality: before the noun in every language.
    Quality,
    /// Classifying adjective (material, purpose): after the noun in Polish.
    Class,
    /// Pattern expressed in Polish by a prepositional phrase («w paski»): always last.
    Phrase,
}

#[derive(Debug)]
struct Adj {
    key: &'static str,
    en: &'static str,
    el: [&'static str; 6],
    pl: [&'static str; 3],
    kind: Kind,
    /// Material this adjective implies, overriding the noun's default.
    material: Option<&'static str>,
}

const fn q(
    key: &'static str,
    en: &'static str,
    el: [&'static str; 6],
    pl: [&'static str; 3],
) -> Adj {
    Adj {
        key,
        en,
        el,
        pl,
        kind: Kind::Quality,
        material: None,
    }
}

const fn c(
    key: &'static str,
    en: &'static str,
    el: [&'static str; 6],
    pl: [&'static str; 3],
    material: Option<&'static str>,
) -> Adj {
    Adj {
        key,
        en,
        el,
        pl,
        kind: Kind::Class,
        material,
    }
}

const fn ph(
    key: &'static str,
    en: &'static str,
    el: [&'static str; 6],
    pl: [&'static str; 3],
) -> Adj {
    Adj {
        key,
        en,
        el,
        pl,
        kind: Kind::Phrase,
        material: None,
    }
}

const ADJECTIVES: &[Adj] = &[
    // Qualities.
    q(
        "light",
        "lightweight",
        [
            "ελαφρύς",
            "ελαφριά",
            "ελαφρύ",
            "ελαφριοί",
            "ελαφριές",
            "ελαφριά",
        ],
        pl_k!("lekk"),
    ),
    q("classic", "classic", el_ox!("κλασικ"), pl_y!("klasyczn")),
    q("elegant", "elegant", el_ox!("κομψ"), pl_k!("eleganck")),
    q(
        "comfortable",
        "comfortable",
        el_os!("άνετ"),
        pl_y!("wygodn"),
    ),
    q("soft", "soft", el_ox!("απαλ"), pl_k!("miękk")),
    q("warm", "warm", el_ox!("ζεστ"), pl_y!("ciepł")),
    q("slim", "slim", el_ox!("στεν"), pl_y!("dopasowan")),
    q(
        "wide",
        "wide-leg",
        ["φαρδύς", "φαρδιά", "φαρδύ", "φαρδιοί", "φαρδιές", "φαρδιά"],
        pl_k!("szerok"),
    ),
    q(
        "straight",
        "straight-leg",
        ["ίσιος", "ίσια", "ίσιο", "ίσιοι", "ίσιες", "ίσια"],
        pl_y!("prost"),
    ),
    q("short", "short", el_ox!("κοντ"), pl_k!("krótk")),
    q(
        "long",
        "long",
        ["μακρύς", "μακριά", "μακρύ", "μακριοί", "μακριές", "μακριά"],
        pl_k!("dług"),
    ),
    q(
        "handmade",
        "handmade",
        el_os!("χειροποίητ"),
        pl_y!("ręcznie robion"),
    ),
    q(
        "organic",
        "organic",
        el_ox!("βιολογικ"),
        pl_y!("ekologiczn"),
    ),
    q("large", "large", el_os!("μεγάλ"), pl_y!("duż")),
    q("small", "small", el_ox!("μικρ"), pl_y!("mał")),
    // Materials and purposes.
    c(
        "leather",
        "leather",
        el_os!("δερμάτιν"),
        pl_y!("skórzan"),
        Some("leather"),
    ),
    c(
        "suede",
        "suede",
        el_inv!("σουέτ"),
        pl_y!("zamszow"),
        Some("suede"),
    ),
    c(
        "linen",
        "linen",
        el_ox!("λιν"),
        pl_y!("lnian"),
        Some("linen"),
    ),
    c(
        "cotton",
        "cotton",
        el_ox!("βαμβακερ"),
        pl_y!("bawełnian"),
        Some("cotton"),
    ),
    c(
        "woollen",
        "wool",
        el_os!("μάλλιν"),
        pl_y!("wełnian"),
        Some("wool"),
    ),
    c(
        "silk",
        "silk",
        el_ox!("μεταξωτ"),
        pl_y!("jedwabn"),
        Some("silk"),
    ),
    c(
        "denim",
        "denim",
        el_inv!("τζιν"),
        pl_y!("jeansow"),
        Some("denim"),
    ),
    c(
        "corduroy",
        "corduroy",
        el_inv!("κοτλέ"),
        pl_y!("sztruksow"),
        Some("corduroy"),
    ),
    c(
        "waterproof",
        "waterproof",
        el_os!("αδιάβροχ"),
        pl_y!("przeciwdeszczow"),
        Some("technical"),
    ),
    c(
        "quilted",
        "quilted",
        el_inv!("καπιτονέ"),
        pl_y!("pikowan"),
        Some("down"),
    ),
    c(
        "knitted",
        "knitted",
        el_ox!("πλεκτ"),
        pl_y!("dzianinow"),
        Some("wool"),
    ),
    c(
        "velvet",
        "velvet",
        el_os!("βελούδιν"),
        pl_y!("aksamitn"),
        Some("velvet"),
    ),
    c(
        "canvas",
        "canvas",
        el_os!("πάνιν"),
        pl_y!("płócienn"),
        Some("canvas"),
    ),
    c(
        "straw",
        "straw",
        el_os!("ψάθιν"),
        pl_y!("słomkow"),
        Some("straw"),
    ),
    c(
        "ceramic",
        "ceramic",
        el_ox!("κεραμικ"),
        pl_y!("ceramiczn"),
        Some("stoneware"),
    ),
    c(
        "wooden",
        "olive-wood",
        el_os!("ξύλιν"),
        pl_y!("drewnian"),
        Some("olive_wood"),
    ),
    c(
        "glass",
        "glass",
        el_os!("γυάλιν"),
        pl_y!("szklan"),
        Some("glass"),
    ),
    c(
        "sporty",
        "sports",
        el_ox!("αθλητικ"),
        pl_y!("sportow"),
        None,
    ),
    c(
        "summer",
        "summer",
        el_ox!("καλοκαιριν"),
        pl_soft!("letn"),
        None,
    ),
    // Patterns.
    ph("striped", "striped", el_inv!("ριγέ"), pl_inv!("w paski")),
    ph("floral", "floral", el_inv!("φλοράλ"), pl_inv!("w kwiaty")),
    ph("polka", "polka-dot", el_inv!("πουά"), pl_inv!("w groszki")),
];

fn adj(key: &str) -> &'static Adj {
    ADJECTIVES
        .iter()
        .find(|a| a.key == key)
        .unwrap_or_else(|| panic!("demo content: unknown adjective {key}"))
}

#[derive(Debug)]
struct Colour {
    /// Three letters used in SKUs.
    sku: &'static str,
    /// Option value code.
    key: &'static str,
    en: &'static str,
    el: [&'static str; 6],
    pl: [&'static str; 3],
    rgb: [u8; 3],
}

const COLOURS: &[Colour] = &[
    Colour {
        sku: "BLK",
        key: "black",
        en: "black",
        el: el_os!("μαύρ"),
        pl: pl_y!("czarn"),
        rgb: [38, 38, 42],
    },
    Colour {
        sku: "WHT",
        key: "white",
        en: "white",
        el: el_ox!("λευκ"),
        pl: pl_y!("biał"),
        rgb: [242, 240, 234],
    },
    Colour {
        sku: "RED",
        key: "red",
        en: "red",
        el: el_os!("κόκκιν"),
        pl: pl_y!("czerwon"),
        rgb: [190, 38, 44],
    },
    Colour {
        sku: "BLU",
        key: "blue",
        en: "blue",
        el: el_inv!("μπλε"),
        pl: pl_k!("niebiesk"),
        rgb: [52, 104, 182],
    },
    Colour {
        sku: "NAV",
        key: "navy",
        en: "navy",
        el: el_inv!("μπλε μαρίν"),
        pl: pl_y!("granatow"),
        rgb: [30, 42, 84],
    },
    Colour {
        sku: "YEL",
        key: "yellow",
        en: "yellow",
        el: el_os!("κίτριν"),
        pl: pl_y!("żółt"),
        rgb: [238, 192, 38],
    },
    Colour {
        sku: "GRN",
        key: "green",
        en: "green",
        el: el_os!("πράσιν"),
        pl: pl_y!("zielon"),
        rgb: [46, 128, 80],
    },
    Colour {
        sku: "OLV",
        key: "olive",
        en: "olive",
        el: el_inv!("λαδί"),
        pl: pl_y!("oliwkow"),
        rgb: [112, 116, 58],
    },
    Colour {
        sku: "GRY",
        key: "grey",
        en: "grey",
        el: el_inv!("γκρι"),
        pl: pl_y!("szar"),
        rgb: [128, 128, 134],
    },
    Colour {
        sku: "BEI",
        key: "beige",
        en: "beige",
        el: el_inv!("μπεζ"),
        pl: pl_y!("beżow"),
        rgb: [214, 194, 158],
    },
    Colour {
        sku: "BRN",
        key: "brown",
        en: "brown",
        el: el_inv!("καφέ"),
        pl: pl_y!("brązow"),
        rgb: [112, 72, 44],
    },
    Colour {
        sku: "PNK",
        key: "pink",
        en: "pink",
        el: el_inv!("ροζ"),
        pl: pl_y!("różow"),
        rgb: [236, 152, 172],
    },
    Colour {
        sku: "BUR",
        key: "burgundy",
        en: "burgundy",
        el: el_inv!("μπορντό"),
        pl: pl_y!("bordow"),
        rgb: [112, 26, 48],
    },
    Colour {
        sku: "TER",
        key: "terracotta",
        en: "terracotta",
        el: el_inv!("κεραμιδί"),
        pl: pl_y!("ceglast"),
        rgb: [192, 96, 62],
    },
    Colour {
        sku: "CLR",
        key: "clear",
        en: "clear",
        el: el_os!("διάφαν"),
        pl: pl_y!("przezroczyst"),
        rgb: [196, 222, 226],
    },
    Colour {
        sku: "NAT",
        key: "natural",
        en: "natural",
        el: el_ox!("φυσικ"),
        pl: pl_y!("naturaln"),
        rgb: [204, 176, 128],
    },
];

fn colour(key: &str) -> &'static Colour {
    COLOURS
        .iter()
        .find(|c| c.sku == key)
        .unwrap_or_else(|| panic!("demo content: unknown colour {key}"))
}

impl Colour {
    fn label(&self) -> Tr {
        // Greek names a colour with the neuter («το μαύρο»), Polish with the masculine
        // («kolor czarny»).
        Tr::new(
            capitalise(self.en),
            capitalise(self.el[Gr::N as usize]),
            capitalise(self.pl[0]),
        )
    }
}

/// What a material is like and how to look after it, one sentence each.
#[derive(Debug)]
struct Material {
    key: &'static str,
    about: [&'static str; 3],
    care: [&'static str; 3],
}

const MATERIALS: &[Material] = &[
    Material {
        key: "cotton",
        about: [
            "The combed cotton stays soft and keeps its shape wash after wash.",
            "Το χτενισμένο βαμβάκι μένει απαλό και κρατά το σχήμα του πλύση με την πλύση.",
            "Czesana bawełna pozostaje miękka i trzyma fason pranie po praniu.",
        ],
        care: [
            "Machine wash at 30 °C, inside out.",
            "Πλύσιμο στο πλυντήριο στους 30 °C, από την ανάποδη.",
            "Prać w pralce w 30 °C, na lewej stronie.",
        ],
    },
    Material {
        key: "organic_cotton",
        about: [
            "The organic cotton is GOTS-certified and grown without pesticides.",
            "Το οργανικό βαμβάκι έχει πιστοποίηση GOTS και καλλιεργείται χωρίς φυτοφάρμακα.",
            "Bawełna organiczna ma certyfikat GOTS i jest uprawiana bez pestycydów.",
        ],
        care: [
            "Machine wash at 30 °C with similar colours.",
            "Πλύσιμο στο πλυντήριο στους 30 °C με παρόμοια χρώματα.",
            "Prać w pralce w 30 °C z rzeczami w podobnych kolorach.",
        ],
    },
    Material {
        key: "linen",
        about: [
            "European linen breathes on hot days and softens with every wash.",
            "Το ευρωπαϊκό λινό αναπνέει τις ζεστές μέρες και μαλακώνει με κάθε πλύσιμο.",
            "Europejski len dobrze oddycha w upalne dni i mięknie z każdym praniem.",
        ],
        care: [
            "Machine wash at 40 °C and steam iron.",
            "Πλύσιμο στους 40 °C και σιδέρωμα με ατμό.",
            "Prać w 40 °C, prasować z parą.",
        ],
    },
    Material {
        key: "wool",
        about: [
            "Merino wool keeps you warm without bulk and does not itch.",
            "Το μαλλί μερινό ζεσταίνει χωρίς όγκο και δεν τσιμπάει.",
            "Wełna merynosów grzeje bez zbędnej objętości i nie gryzie.",
        ],
        care: [
            "Hand wash cold or use the wool cycle; dry flat.",
            "Πλύσιμο στο χέρι με κρύο νερό ή στο πρόγραμμα για μάλλινα· στέγνωμα σε οριζόντια θέση.",
            "Prać ręcznie w zimnej wodzie lub w programie do wełny; suszyć na płasko.",
        ],
    },
    Material {
        key: "leather",
        about: [
            "Full-grain leather, vegetable-tanned in a family workshop, ages beautifully.",
            "Το φυσικό δέρμα, βυρσοδεψημένο με φυτικές ουσίες σε οικογενειακό εργαστήριο, ομορφαίνει με τα χρόνια.",
            "Skóra licowa garbowana roślinnie w rodzinnym warsztacie pięknie się starzeje.",
        ],
        care: [
            "Wipe clean and treat with leather balm twice a season.",
            "Καθαρισμός με υγρό πανί και περιποίηση με κρέμα δέρματος δύο φορές τη σεζόν.",
            "Czyścić wilgotną ściereczką i dwa razy w sezonie pielęgnować balsamem do skóry.",
        ],
    },
    Material {
        key: "suede",
        about: [
            "The soft suede has a water-repellent finish.",
            "Το μαλακό σουέτ έχει φινίρισμα που απωθεί το νερό.",
            "Miękki zamsz ma wykończenie odpychające wodę.",
        ],
        care: [
            "Brush with a suede brush and avoid soaking.",
            "Βούρτσισμα με βούρτσα για σουέτ· αποφύγετε το μούσκεμα.",
            "Czyścić szczotką do zamszu; nie moczyć.",
        ],
    },
    Material {
        key: "denim",
        about: [
            "The 12 oz denim has a touch of stretch for all-day comfort.",
            "Το τζιν ύφασμα των 12 oz έχει λίγη ελαστικότητα για άνεση όλη μέρα.",
            "Denim o gramaturze 12 oz ma domieszkę elastanu dla wygody przez cały dzień.",
        ],
        care: [
            "Wash rarely, cold and inside out, to keep the colour deep.",
            "Πλένετε σπάνια, σε κρύο νερό και από την ανάποδη, για να διατηρηθεί το βαθύ χρώμα.",
            "Prać rzadko, w zimnej wodzie i na lewej stronie, aby zachować głęboki kolor.",
        ],
    },
    Material {
        key: "technical",
        about: [
            "The shell is recycled polyester with a PFC-free water-repellent coating.",
            "Το εξωτερικό ύφασμα είναι ανακυκλωμένος πολυεστέρας με αδιάβροχη επίστρωση χωρίς PFC.",
            "Warstwa zewnętrzna to poliester z recyklingu z powłoką hydrofobową bez PFC.",
        ],
        care: [
            "Machine wash at 30 °C; reproof with a spray when water stops beading.",
            "Πλύσιμο στους 30 °C· ανανεώστε την αδιαβροχοποίηση με σπρέι όταν το νερό δεν κυλά πια.",
            "Prać w 30 °C; odnowić impregnację sprayem, gdy woda przestanie się perlić.",
        ],
    },
    Material {
        key: "down",
        about: [
            "Recycled down filling keeps the warmth in down to −10 °C.",
            "Η γέμιση από ανακυκλωμένο πούπουλο κρατά τη ζέστη έως τους −10 °C.",
            "Ocieplenie z puchu z recyklingu chroni przed zimnem do −10 °C.",
        ],
        care: [
            "Machine wash at 30 °C with down detergent; tumble dry low with tennis balls.",
            "Πλύσιμο στους 30 °C με ειδικό απορρυπαντικό για πούπουλα· στέγνωμα σε χαμηλή θερμοκρασία με μπαλάκια του τένις.",
            "Prać w 30 °C w płynie do puchu; suszyć w niskiej temperaturze z piłeczkami tenisowymi.",
        ],
    },
    Material {
        key: "knit",
        about: [
            "The breathable knit upper sits on a cushioned rubber sole.",
            "Το πλεκτό επάνω μέρος αναπνέει και πατά σε αφρώδη σόλα από καουτσούκ.",
            "Przewiewna cholewka z dzianiny osadzona jest na amortyzującej gumowej podeszwie.",
        ],
        care: [
            "Remove the insoles and hand wash in lukewarm water.",
            "Αφαιρέστε τους πάτους και πλύνετε στο χέρι με χλιαρό νερό.",
            "Wyjąć wkładki i umyć ręcznie w letniej wodzie.",
        ],
    },
    Material {
        key: "viscose",
        about: [
            "The fluid viscose drapes softly and feels cool against the skin.",
            "Η ρευστή βισκόζη πέφτει απαλά και δροσίζει την επιδερμίδα.",
            "Lejąca wiskoza miękko się układa i przyjemnie chłodzi skórę.",
        ],
        care: [
            "Gentle wash at 30 °C; do not tumble dry.",
            "Ήπιο πλύσιμο στους 30 °C· όχι στεγνωτήριο.",
            "Prać delikatnie w 30 °C; nie suszyć w suszarce bębnowej.",
        ],
    },
    Material {
        key: "silk",
        about: [
            "Pure mulberry silk has a subtle natural sheen.",
            "Το καθαρό μετάξι έχει διακριτική φυσική λάμψη.",
            "Czysty jedwab morwowy ma subtelny, naturalny połysk.",
        ],
        care: [
            "Dry clean, or hand wash cold with a silk detergent.",
            "Στεγνό καθάρισμα ή πλύσιμο στο χέρι με κρύο νερό και απορρυπαντικό για μεταξωτά.",
            "Czyścić chemicznie lub prać ręcznie w zimnej wodzie z płynem do jedwabiu.",
        ],
    },
    Material {
        key: "corduroy",
        about: [
            "Soft needlecord has a fine, even wale.",
            "Το απαλό κοτλέ ύφασμα έχει λεπτές, ομοιόμορφες ρίγες.",
            "Miękki sztruks ma drobny, równy prążek.",
        ],
        care: [
            "Wash inside out at 30 °C and do not iron the pile.",
            "Πλύσιμο από την ανάποδη στους 30 °C, χωρίς σιδέρωμα στην εξωτερική πλευρά.",
            "Prać na lewej stronie w 30 °C; nie prasować od prawej strony.",
        ],
    },
    Material {
        key: "velvet",
        about: [
            "Cotton velvet has a soft, deep pile.",
            "Το βαμβακερό βελούδο έχει απαλό, πυκνό πέλος.",
            "Bawełniany aksamit ma miękki, gęsty włos.",
        ],
        care: [
            "Dry clean only.",
            "Μόνο στεγνό καθάρισμα.",
            "Tylko czyszczenie chemiczne.",
        ],
    },
    Material {
        key: "canvas",
        about: [
            "Heavy cotton canvas holds its shape even under a heavy load.",
            "Ο χοντρός βαμβακερός καμβάς κρατά το σχήμα του ακόμη και με βαρύ φορτίο.",
            "Grube płótno bawełniane trzyma fason nawet przy ciężkim ładunku.",
        ],
        care: [
            "Spot clean with mild soap.",
            "Τοπικός καθαρισμός με ήπιο σαπούνι.",
            "Czyścić miejscowo łagodnym mydłem.",
        ],
    },
    Material {
        key: "rubber",
        about: [
            "Natural rubber keeps your feet dry in the heaviest rain.",
            "Το φυσικό καουτσούκ κρατά τα πόδια στεγνά ακόμη και στη δυνατή βροχή.",
            "Naturalny kauczuk utrzymuje stopy w suchości nawet w ulewie.",
        ],
        care: [
            "Rinse with clean water and dry away from radiators.",
            "Ξέπλυμα με καθαρό νερό και στέγνωμα μακριά από καλοριφέρ.",
            "Opłukać czystą wodą i suszyć z dala od kaloryferów.",
        ],
    },
    Material {
        key: "straw",
        about: [
            "Natural straw is hand-woven by artisans in Crete.",
            "Η φυσική ψάθα είναι πλεγμένη στο χέρι από τεχνίτες στην Κρήτη.",
            "Naturalna słoma jest ręcznie pleciona przez rzemieślników na Krecie.",
        ],
        care: [
            "Keep away from damp; reshape gently by hand.",
            "Προστασία από την υγρασία· το σχήμα διορθώνεται εύκολα με το χέρι.",
            "Chronić przed wilgocią; kształt łatwo poprawić dłonią.",
        ],
    },
    Material {
        key: "acetate",
        about: [
            "The frame is cut from plant-based acetate and the lenses are polarised UV400.",
            "Ο σκελετός είναι από φυτική οξική κυτταρίνη και οι φακοί είναι πολωτικοί UV400.",
            "Oprawki wykonano z roślinnego octanu celulozy, a soczewki są polaryzacyjne z filtrem UV400.",
        ],
        care: [
            "Clean with the enclosed microfibre cloth.",
            "Καθαρισμός με το πανάκι μικροϊνών που περιλαμβάνεται.",
            "Czyścić dołączoną ściereczką z mikrofibry.",
        ],
    },
    Material {
        key: "stoneware",
        about: [
            "Glazed stoneware, fired at 1,200 °C, goes in the dishwasher and the microwave.",
            "Η εφυαλωμένη πέτρινη κεραμική ψήνεται στους 1.200 °C και μπαίνει σε πλυντήριο πιάτων και φούρνο μικροκυμάτων.",
            "Szkliwiona kamionka wypalana w 1200 °C nadaje się do zmywarki i mikrofalówki.",
        ],
        care: [
            "The glaze is lead-free.",
            "Το υάλωμα δεν περιέχει μόλυβδο.",
            "Szkliwo nie zawiera ołowiu.",
        ],
    },
    Material {
        key: "olive_wood",
        about: [
            "Each piece is carved from Greek olive wood, so no two grains are alike.",
            "Κάθε κομμάτι είναι σκαλισμένο σε ελληνικό ξύλο ελιάς, γι' αυτό τα νερά του ξύλου δεν επαναλαμβάνονται.",
            "Każdy egzemplarz wyrzeźbiono z greckiego drewna oliwnego, więc słoje nigdy się nie powtarzają.",
        ],
        care: [
            "Hand wash only and oil now and then with food-safe oil.",
            "Μόνο πλύσιμο στο χέρι και περιποίηση με λάδι κατάλληλο για τρόφιμα.",
            "Myć wyłącznie ręcznie i od czasu do czasu natłuszczać olejem spożywczym.",
        ],
    },
    Material {
        key: "glass",
        about: [
            "Mouth-blown recycled glass has small bubbles that make each piece unique.",
            "Το φυσητό ανακυκλωμένο γυαλί έχει μικρές φυσαλίδες που κάνουν κάθε κομμάτι μοναδικό.",
            "Ręcznie dmuchane szkło z recyklingu ma drobne pęcherzyki, dzięki którym każdy egzemplarz jest wyjątkowy.",
        ],
        care: [
            "Top-rack dishwasher safe.",
            "Πλύσιμο στο πάνω ράφι του πλυντηρίου πιάτων.",
            "Można myć w zmywarce na górnym koszu.",
        ],
    },
    Material {
        key: "terry",
        about: [
            "Dense 500 g/m² cotton terry dries quickly and stays fluffy.",
            "Το πυκνό βαμβακερό πετσετέ 500 g/m² στεγνώνει γρήγορα και μένει αφράτο.",
            "Gęsta bawełniana frotte 500 g/m² szybko schnie i pozostaje puszysta.",
        ],
        care: [
            "Wash at 60 °C without fabric softener for the best absorbency.",
            "Πλύσιμο στους 60 °C χωρίς μαλακτικό για μέγιστη απορροφητικότητα.",
            "Prać w 60 °C bez płynu zmiękczającego, aby zachować chłonność.",
        ],
    },
    Material {
        key: "soy_wax",
        about: [
            "Hand-poured soy wax burns cleanly for about 40 hours.",
            "Το κερί σόγιας, χυμένο στο χέρι, καίει καθαρά για περίπου 40 ώρες.",
            "Ręcznie odlewany wosk sojowy pali się czysto przez około 40 godzin.",
        ],
        care: [
            "Trim the wick to 5 mm before each use.",
            "Κόβετε το φιτίλι στα 5 mm πριν από κάθε χρήση.",
            "Przed każdym użyciem przyciąć knot do 5 mm.",
        ],
    },
    Material {
        key: "honey",
        about: [
            "A family of beekeepers harvests it in the Cyclades and never heats it above 40 °C.",
            "Το συλλέγει μια οικογένεια μελισσοκόμων στις Κυκλάδες και δεν το θερμαίνει ποτέ πάνω από 40 °C.",
            "Pozyskuje go rodzina pszczelarzy z Cyklad i nigdy nie podgrzewa powyżej 40 °C.",
        ],
        care: [
            "Store at room temperature; crystallisation is natural.",
            "Φυλάξτε σε θερμοκρασία δωματίου· η κρυστάλλωση είναι φυσική.",
            "Przechowywać w temperaturze pokojowej; krystalizacja jest naturalna.",
        ],
    },
    Material {
        key: "tea",
        about: [
            "Hand-picked ironwort from the mountains of Crete, dried in the shade.",
            "Σιδερίτης μαζεμένος με το χέρι στα βουνά της Κρήτης και αποξηραμένος στη σκιά.",
            "Ręcznie zbierany syderytis z gór Krety, suszony w cieniu.",
        ],
        care: [
            "Steep for 5 minutes in water just off the boil.",
            "Αφήστε 5 λεπτά σε νερό που μόλις πήρε βράση.",
            "Parzyć 5 minut w wodzie tuż po zagotowaniu.",
        ],
    },
    Material {
        key: "olive_oil",
        about: [
            "Cold-pressed from Koroneiki olives in Messinia and bottled within weeks of the harvest.",
            "Ψυχρής έκθλιψης από ελιές Κορωνέικη της Μεσσηνίας, εμφιαλωμένο λίγες εβδομάδες μετά τη συγκομιδή.",
            "Tłoczona na zimno z oliwek Koroneiki z Mesenii, butelkowana kilka tygodni po zbiorach.",
        ],
        care: [
            "Store in a cool, dark place.",
            "Φυλάξτε σε δροσερό και σκοτεινό μέρος.",
            "Przechowywać w chłodnym, ciemnym miejscu.",
        ],
    },
];

fn material(key: &str) -> &'static Material {
    MATERIALS
        .iter()
        .find(|m| m.key == key)
        .unwrap_or_else(|| panic!("demo content: unknown material {key}"))
}

/// Fit notes for clothes (worded without reference to the garment, so no agreement is needed).
const FIT_APPAREL: &[[&str; 3]] = &[
    [
        "True to size: take your usual size.",
        "Κανονική εφαρμογή· διαλέξτε το νούμερο που φοράτε συνήθως.",
        "Rozmiar zgodny z tabelą – wybierz swój zwykły rozmiar.",
    ],
    [
        "Relaxed fit; size down for a closer cut.",
        "Χαλαρή γραμμή· για πιο εφαρμοστό αποτέλεσμα διαλέξτε ένα νούμερο μικρότερο.",
        "Luźny krój; jeśli wolisz bardziej dopasowany, wybierz rozmiar mniejszy.",
    ],
    [
        "Slim fit with a little stretch; between sizes, go up.",
        "Στενή γραμμή με λίγη ελαστικότητα· αν είστε ανάμεσα σε δύο νούμερα, διαλέξτε το μεγαλύτερο.",
        "Dopasowany krój z domieszką elastanu; jeśli jesteś pomiędzy rozmiarami, wybierz większy.",
    ],
    [
        "The model is 178 cm tall and wears size M.",
        "Το μοντέλο έχει ύψος 1,78 m και φοράει M.",
        "Osoba na zdjęciu ma 178 cm wzrostu i nosi rozmiar M.",
    ],
];

/// Fit notes for shoes.
const FIT_SHOES: &[[&str; 3]] = &[
    [
        "True to size; wide feet may prefer half a size up.",
        "Κανονικό νούμερο· όσοι έχουν φαρδύ πόδι ίσως προτιμήσουν μισό νούμερο μεγαλύτερο.",
        "Rozmiarówka standardowa; przy szerokiej stopie warto wybrać pół numeru większy.",
    ],
    [
        "The removable footbed moulds to your foot.",
        "Ο αφαιρούμενος πάτος παίρνει το σχήμα του ποδιού σας.",
        "Wyjmowana wkładka dopasowuje się do stopy.",
    ],
    [
        "A cushioned insole and a grippy sole for city cobblestones.",
        "Μαλακός πάτος και σόλα που πατά σταθερά στα καλντερίμια της πόλης.",
        "Miękka wkładka i przyczepna podeszwa na miejskie bruki.",
    ],
];

/// Where a brand makes its things.
const MADE_IN_ATHENS: [&str; 3] = [
    "Made in small batches in Athens.",
    "Παραγωγή σε μικρές ποσότητες στην Αθήνα.",
    "Produkcja w małych seriach w Atenach.",
];
const MADE_IN_KRAKOW: [&str; 3] = [
    "Made in small batches in Kraków.",
    "Παραγωγή σε μικρές ποσότητες στην Κρακοβία.",
    "Produkcja w małych seriach w Krakowie.",
];

/// An invented brand with its GS1 company prefix (country prefix + company number).
#[derive(Debug)]
struct Brand {
    name: &'static str,
    /// First seven digits of its barcodes.
    gs1: &'static str,
    greek: bool,
}

const BRANDS: &[Brand] = &[
    Brand {
        name: "Kyma",
        gs1: "5201482",
        greek: true,
    },
    Brand {
        name: "Meltemi",
        gs1: "5203917",
        greek: true,
    },
    Brand {
        name: "Ermou Atelier",
        gs1: "5204560",
        greek: true,
    },
    Brand {
        name: "Lefka Leather",
        gs1: "5206231",
        greek: true,
    },
    Brand {
        name: "Elaia Home",
        gs1: "5208804",
        greek: true,
    },
    Brand {
        name: "Wisła Works",
        gs1: "5901234",
        greek: false,
    },
    Brand {
        name: "Tatra Trail",
        gs1: "5903377",
        greek: false,
    },
    Brand {
        name: "Kazimierz Studio",
        gs1: "5905120",
        greek: false,
    },
    Brand {
        name: "Bursztyn",
        gs1: "5907643",
        greek: false,
    },
    Brand {
        name: "Glina",
        gs1: "5909015",
        greek: false,
    },
];

fn brand(name: &str) -> &'static Brand {
    BRANDS
        .iter()
        .find(|b| b.name == name)
        .unwrap_or_else(|| panic!("demo content: unknown brand {name}"))
}

/// Model names appended to product names: places in Greece and Poland.
const MODELS: &[&str] = &[
    "Hydra",
    "Paros",
    "Naxos",
    "Milos",
    "Syros",
    "Tinos",
    "Andros",
    "Sifnos",
    "Ithaca",
    "Corfu",
    "Chania",
    "Delphi",
    "Plaka",
    "Psirri",
    "Kifisia",
    "Pelion",
    "Zagori",
    "Meteora",
    "Olympus",
    "Nafplio",
    "Mani",
    "Lefkada",
    "Thassos",
    "Samos",
    "Wawel",
    "Tatra",
    "Wisła",
    "Mazury",
    "Sopot",
    "Kazimierz",
    "Podgórze",
    "Zakopane",
    "Bieszczady",
    "Pieniny",
    "Ojców",
    "Wieliczka",
    "Planty",
    "Kleparz",
    "Tyniec",
    "Hel",
    "Toruń",
    "Sandomierz",
    "Beskidy",
    "Karkonosze",
];

/// How a product type is sized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sizing {
    /// XS–XXL.
    Apparel,
    /// XS–XL.
    ApparelToXl,
    /// Waist sizes 28–36.
    Waist,
    /// EU shoe sizes, inclusive.
    Shoes(u8, u8),
    /// S, M, L.
    Sml,
    /// Colour only.
    OneSize,
    /// A single variant, no options at all.
    Single,
}

/// A product type: the noun of a product name, in three languages, with what can go with it.
#[derive(Debug)]
struct Noun {
    /// Leaf category (canonical slug).
    cat: &'static str,
    en: &'static str,
    el: &'static str,
    g: Gr,
    pl: &'static str,
    p: Pg,
    /// Polish compound nouns («buty do biegania», «kurtka puchowa») take every adjective
    /// before them, except prepositional patterns.
    pl_pre: bool,
    sizing: Sizing,
    colours: &'static [&'static str],
    quals: &'static [&'static str],
    mats: &'static [&'static str],
    material: &'static str,
    prices: &'static [i64],
    weight: i32,
    count: usize,
    brands: &'static [&'static str],
    motif: Motif,
    /// `false` for groceries, whose names carry no model name.
    models: bool,
    vat: &'static str,
    blurb: [&'static str; 3],
}

/// Defaults for [`Noun`] fields, overridden per noun with struct update syntax.
const N: Noun = Noun {
    cat: "",
    en: "",
    el: "",
    g: Gr::N,
    pl: "",
    p: Pg::M,
    pl_pre: false,
    sizing: Sizing::Apparel,
    colours: &[],
    quals: &[],
    mats: &[],
    material: "cotton",
    prices: &[],
    weight: 300,
    count: 0,
    brands: &[],
    motif: Motif::TShirt,
    models: true,
    vat: "standard",
    blurb: ["", "", ""],
};

const NOUNS: &[Noun] = &[
    // ---------------------------------------------------------------- shoes
    Noun {
        cat: "shoes",
        en: "shoes",
        el: "παπούτσια",
        g: Gr::Np,
        pl: "buty",
        p: Pg::Pl,
        sizing: Sizing::Shoes(40, 46),
        colours: &["BLK", "BRN", "BUR", "NAV"],
        quals: &["classic", "elegant", "comfortable"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[7990, 8990, 9990, 11990, 12990],
        weight: 900,
        count: 6,
        brands: &["Lefka Leather", "Tatra Trail"],
        motif: Motif::Shoe,
        blurb: [
            "A lace-up shoe on a Goodyear-welted sole that can be resoled for years.",
            "Δετά παπούτσια με ραφή Goodyear, που δέχονται αλλαγή σόλας για πολλά χρόνια.",
            "Sznurowane buty na podeszwie szytej metodą Goodyear, którą można wymieniać przez lata.",
        ],
        ..N
    },
    Noun {
        cat: "shoes",
        en: "loafers",
        el: "μοκασίνια",
        g: Gr::Np,
        pl: "mokasyny",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 46),
        colours: &["BLK", "BRN", "BEI", "NAV", "BUR"],
        quals: &["classic", "elegant", "comfortable", "soft"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[6990, 7990, 8990, 9990],
        weight: 700,
        count: 5,
        brands: &["Lefka Leather", "Kazimierz Studio"],
        motif: Motif::Shoe,
        blurb: [
            "Slip-on loafers with a cushioned footbed, easy to dress up or down.",
            "Μοκασίνια που φοριούνται εύκολα, με μαλακό πάτο, για επίσημες και καθημερινές εμφανίσεις.",
            "Wsuwane mokasyny z miękką wkładką, pasujące zarówno do eleganckich, jak i codziennych stylizacji.",
        ],
        ..N
    },
    Noun {
        cat: "shoes",
        en: "ballet flats",
        el: "μπαλαρίνες",
        g: Gr::Fp,
        pl: "baleriny",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 41),
        colours: &["BLK", "BEI", "RED", "PNK", "NAV", "WHT"],
        quals: &["classic", "soft", "comfortable", "elegant"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[4990, 5990, 6990, 7990],
        weight: 400,
        count: 5,
        brands: &["Lefka Leather", "Kyma"],
        motif: Motif::Shoe,
        blurb: [
            "Flexible ballet flats that fold into a handbag and stay comfortable all day.",
            "Εύκαμπτες μπαλαρίνες που διπλώνουν για να χωρέσουν στην τσάντα και είναι άνετες όλη μέρα.",
            "Elastyczne baleriny, które zmieszczą się w torebce i są wygodne przez cały dzień.",
        ],
        ..N
    },
    Noun {
        cat: "shoes",
        en: "espadrilles",
        el: "εσπαντρίγιες",
        g: Gr::Fp,
        pl: "espadryle",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 45),
        colours: &["BEI", "NAV", "WHT", "RED", "YEL", "OLV"],
        quals: &["light", "comfortable"],
        mats: &["canvas", "linen"],
        material: "canvas",
        prices: &[3990, 4490, 4990, 5990],
        weight: 350,
        count: 5,
        brands: &["Kyma", "Meltemi"],
        motif: Motif::Shoe,
        blurb: [
            "Summer espadrilles with a hand-stitched jute sole.",
            "Καλοκαιρινές εσπαντρίγιες με ραμμένη στο χέρι σόλα από γιούτα.",
            "Letnie espadryle z ręcznie szytą podeszwą z juty.",
        ],
        ..N
    },
    Noun {
        cat: "sneakers",
        en: "sneakers",
        el: "αθλητικά παπούτσια",
        g: Gr::Np,
        pl: "sneakersy",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 46),
        colours: &["WHT", "BLK", "GRY", "NAV", "GRN", "BEI"],
        quals: &["classic", "light", "comfortable"],
        mats: &["leather", "canvas", "suede"],
        material: "knit",
        prices: &[5990, 6990, 7990, 8990, 9990],
        weight: 800,
        count: 8,
        brands: &["Kyma", "Tatra Trail"],
        motif: Motif::Sneaker,
        blurb: [
            "Low-top sneakers with a vulcanised rubber sole and a padded collar.",
            "Χαμηλά αθλητικά παπούτσια με βουλκανισμένη σόλα από καουτσούκ και επενδυμένο γιακά.",
            "Niskie sneakersy z wulkanizowaną gumową podeszwą i miękkim kołnierzem.",
        ],
        ..N
    },
    Noun {
        cat: "sneakers",
        en: "running shoes",
        el: "παπούτσια για τρέξιμο",
        g: Gr::Np,
        pl: "buty do biegania",
        p: Pg::Pl,
        pl_pre: true,
        sizing: Sizing::Shoes(36, 46),
        colours: &["BLK", "BLU", "GRY", "RED", "YEL", "GRN"],
        quals: &["light", "comfortable"],
        mats: &[],
        material: "knit",
        prices: &[8990, 9990, 11990, 12990],
        weight: 600,
        count: 5,
        brands: &["Tatra Trail"],
        motif: Motif::Sneaker,
        blurb: [
            "Neutral running shoes with responsive foam for daily training.",
            "Ουδέτερα παπούτσια για τρέξιμο με αφρώδη ενδιάμεση σόλα για καθημερινή προπόνηση.",
            "Neutralne buty do biegania z responsywną pianką do codziennych treningów.",
        ],
        ..N
    },
    Noun {
        cat: "sandals",
        en: "sandals",
        el: "σανδάλια",
        g: Gr::Np,
        pl: "sandały",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 45),
        colours: &["BLK", "BRN", "BEI", "WHT", "OLV"],
        quals: &["comfortable", "light"],
        mats: &["leather"],
        material: "leather",
        prices: &[4990, 5990, 6990],
        weight: 450,
        count: 5,
        brands: &["Lefka Leather", "Meltemi"],
        motif: Motif::Sandal,
        blurb: [
            "Adjustable sandals with a contoured cork footbed.",
            "Σανδάλια με ρυθμιζόμενα λουράκια και ανατομικό πάτο από φελλό.",
            "Sandały z regulowanymi paskami i wyprofilowaną korkową wkładką.",
        ],
        ..N
    },
    Noun {
        cat: "sandals",
        en: "flat sandals",
        el: "πέδιλα",
        g: Gr::Np,
        pl: "sandałki",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 41),
        colours: &["BRN", "BEI", "BLK", "WHT", "PNK"],
        quals: &["classic", "handmade", "elegant"],
        mats: &["leather"],
        material: "leather",
        prices: &[3990, 4990, 5990],
        weight: 300,
        count: 5,
        brands: &["Lefka Leather"],
        motif: Motif::Sandal,
        blurb: [
            "Flat sandals cut and stitched by hand, in the Greek tradition.",
            "Πέδιλα κομμένα και ραμμένα στο χέρι, σύμφωνα με την ελληνική παράδοση.",
            "Płaskie sandałki krojone i szyte ręcznie zgodnie z grecką tradycją.",
        ],
        ..N
    },
    Noun {
        cat: "sandals",
        en: "flip-flops",
        el: "σαγιονάρες",
        g: Gr::Fp,
        pl: "klapki",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 45),
        colours: &["BLK", "BLU", "YEL", "PNK", "GRN", "WHT"],
        quals: &["light", "comfortable"],
        mats: &[],
        material: "rubber",
        prices: &[1490, 1990, 2490],
        weight: 200,
        count: 4,
        brands: &["Kyma"],
        motif: Motif::Sandal,
        blurb: [
            "Beach flip-flops with a soft toe post that doesn't rub.",
            "Σαγιονάρες για την παραλία με μαλακό λουράκι ανάμεσα στα δάχτυλα που δεν τρίβει.",
            "Plażowe klapki z miękkim paskiem między palcami, który nie obciera.",
        ],
        ..N
    },
    Noun {
        cat: "boots",
        en: "ankle boots",
        el: "μποτάκια",
        g: Gr::Np,
        pl: "botki",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 41),
        colours: &["BLK", "BRN", "BEI", "BUR"],
        quals: &["classic", "elegant", "warm"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[8990, 9990, 11990, 12990],
        weight: 900,
        count: 6,
        brands: &["Lefka Leather", "Kazimierz Studio"],
        motif: Motif::Boot,
        blurb: [
            "Ankle boots with a stacked block heel and a side zip.",
            "Μποτάκια με σταθερό τακούνι και φερμουάρ στο πλάι.",
            "Botki na stabilnym słupku z zamkiem błyskawicznym z boku.",
        ],
        ..N
    },
    Noun {
        cat: "boots",
        en: "knee-high boots",
        el: "μπότες",
        g: Gr::Fp,
        pl: "kozaki",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 41),
        colours: &["BLK", "BRN", "BUR"],
        quals: &["elegant", "warm", "classic"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[11990, 12990],
        weight: 1200,
        count: 4,
        brands: &["Kazimierz Studio"],
        motif: Motif::Boot,
        blurb: [
            "Knee-high boots with a warm lining for Kraków winters.",
            "Ψηλές μπότες ως το γόνατο με ζεστή επένδυση για τους χειμώνες της Κρακοβίας.",
            "Kozaki do kolan z ciepłą podszewką na krakowskie zimy.",
        ],
        ..N
    },
    Noun {
        cat: "boots",
        en: "hiking boots",
        el: "ορειβατικά μποτάκια",
        g: Gr::Np,
        pl: "buty trekkingowe",
        p: Pg::Pl,
        pl_pre: true,
        sizing: Sizing::Shoes(38, 46),
        colours: &["BRN", "GRY", "OLV", "BLK"],
        quals: &["light", "warm"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[10990, 11990, 12990],
        weight: 1100,
        count: 4,
        brands: &["Tatra Trail"],
        motif: Motif::Boot,
        blurb: [
            "Hiking boots with a grippy lugged sole, made for Tatra trails and Cretan gorges.",
            "Ορειβατικά μποτάκια με σόλα που πατά σταθερά, για τα μονοπάτια των Τάτρα και τα φαράγγια της Κρήτης.",
            "Buty trekkingowe z przyczepną podeszwą, stworzone na tatrzańskie szlaki i kreteńskie wąwozy.",
        ],
        ..N
    },
    Noun {
        cat: "boots",
        en: "rain boots",
        el: "γαλότσες",
        g: Gr::Fp,
        pl: "kalosze",
        p: Pg::Pl,
        sizing: Sizing::Shoes(36, 46),
        colours: &["YEL", "BLK", "GRN", "RED", "NAV"],
        quals: &["classic", "light"],
        mats: &[],
        material: "rubber",
        prices: &[3990, 4990, 5990],
        weight: 1000,
        count: 4,
        brands: &["Tatra Trail", "Meltemi"],
        motif: Motif::Boot,
        blurb: [
            "Rain boots with a pull-on loop and a non-slip sole.",
            "Γαλότσες με θηλιά για εύκολο φόρεμα και αντιολισθητική σόλα.",
            "Kalosze z uchwytem ułatwiającym wkładanie i antypoślizgową podeszwą.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- jackets and coats
    Noun {
        cat: "jackets",
        en: "jacket",
        el: "μπουφάν",
        g: Gr::N,
        pl: "kurtka",
        p: Pg::F,
        colours: &["BLK", "NAV", "YEL", "OLV", "RED", "BEI", "GRY"],
        quals: &["light", "warm", "classic"],
        mats: &["waterproof", "denim", "leather", "quilted", "corduroy"],
        material: "technical",
        prices: &[5990, 6990, 7990, 8990, 9990, 12990],
        weight: 700,
        count: 12,
        brands: &["Tatra Trail", "Meltemi"],
        motif: Motif::Jacket,
        blurb: [
            "A versatile jacket with two zip pockets and an adjustable hem.",
            "Πρακτικό μπουφάν με δύο τσέπες με φερμουάρ και ρυθμιζόμενο τελείωμα.",
            "Uniwersalna kurtka z dwiema kieszeniami na zamek i regulowanym dołem.",
        ],
        ..N
    },
    Noun {
        cat: "jackets",
        en: "windbreaker",
        el: "αντιανεμικό",
        g: Gr::N,
        pl: "wiatrówka",
        p: Pg::F,
        colours: &["YEL", "NAV", "RED", "GRN", "BLK"],
        quals: &["light"],
        mats: &["waterproof"],
        material: "technical",
        prices: &[4990, 5990, 6990],
        weight: 350,
        count: 4,
        brands: &["Meltemi"],
        motif: Motif::Jacket,
        blurb: [
            "A packable windbreaker that folds into its own pocket.",
            "Αντιανεμικό που διπλώνει και χωράει στη δική του τσέπη.",
            "Wiatrówka, którą można złożyć do jej własnej kieszeni.",
        ],
        ..N
    },
    Noun {
        cat: "jackets",
        en: "blazer",
        el: "σακάκι",
        g: Gr::N,
        pl: "marynarka",
        p: Pg::F,
        colours: &["NAV", "BLK", "BEI", "GRY", "OLV"],
        quals: &["elegant", "classic", "slim"],
        mats: &["linen", "woollen", "corduroy", "cotton"],
        material: "wool",
        prices: &[8990, 9990, 11990, 12990, 14990],
        weight: 800,
        count: 5,
        brands: &["Ermou Atelier", "Kazimierz Studio"],
        motif: Motif::Jacket,
        blurb: [
            "An unstructured blazer with patch pockets and a half lining.",
            "Ανεπίσημο σακάκι χωρίς βάτες, με εξωτερικές τσέπες και μισή φόδρα.",
            "Nieusztywniana marynarka z naszywanymi kieszeniami i półpodszewką.",
        ],
        ..N
    },
    Noun {
        cat: "jackets",
        en: "gilet",
        el: "γιλέκο",
        g: Gr::N,
        pl: "kamizelka",
        p: Pg::F,
        colours: &["BLK", "NAV", "OLV", "BEI"],
        quals: &["light", "warm"],
        mats: &["quilted", "woollen"],
        material: "down",
        prices: &[4990, 5990, 6990],
        weight: 400,
        count: 4,
        brands: &["Tatra Trail"],
        motif: Motif::Vest,
        blurb: [
            "A gilet that adds warmth without bulk under a coat or over a knit.",
            "Γιλέκο που προσθέτει ζεστασιά χωρίς όγκο, κάτω από παλτό ή πάνω από πλεκτό.",
            "Kamizelka, która dodaje ciepła bez zbędnej objętości – pod płaszcz lub na sweter.",
        ],
        ..N
    },
    Noun {
        cat: "coats",
        en: "coat",
        el: "παλτό",
        g: Gr::N,
        pl: "płaszcz",
        p: Pg::M,
        colours: &["BLK", "GRY", "BEI", "NAV", "BUR", "BRN"],
        quals: &["classic", "elegant", "warm"],
        mats: &["woollen"],
        material: "wool",
        prices: &[12990, 14990, 16990, 19990],
        weight: 1400,
        count: 6,
        brands: &["Kazimierz Studio", "Ermou Atelier"],
        motif: Motif::Coat,
        blurb: [
            "A single-breasted coat that falls just below the knee.",
            "Μονόπετο παλτό που φτάνει λίγο κάτω από το γόνατο.",
            "Jednorzędowy płaszcz sięgający tuż za kolano.",
        ],
        ..N
    },
    Noun {
        cat: "coats",
        en: "trench coat",
        el: "καμπαρντίνα",
        g: Gr::F,
        pl: "trencz",
        p: Pg::M,
        colours: &["BEI", "NAV", "BLK", "OLV"],
        quals: &["classic", "light", "long"],
        mats: &["waterproof", "cotton"],
        material: "cotton",
        prices: &[12990, 14990, 16990],
        weight: 1000,
        count: 4,
        brands: &["Ermou Atelier"],
        motif: Motif::Coat,
        blurb: [
            "A double-breasted trench with a storm flap and a tie belt.",
            "Κρουαζέ καμπαρντίνα με καπάκι για τη βροχή και ζώνη στη μέση.",
            "Dwurzędowy trencz z klapą przeciwdeszczową i wiązanym paskiem.",
        ],
        ..N
    },
    Noun {
        cat: "coats",
        en: "parka",
        el: "παρκά",
        g: Gr::N,
        pl: "parka",
        p: Pg::F,
        colours: &["OLV", "BLK", "NAV", "BEI"],
        quals: &["warm", "long"],
        mats: &["waterproof"],
        material: "down",
        prices: &[14990, 16990, 18990],
        weight: 1500,
        count: 4,
        brands: &["Tatra Trail"],
        motif: Motif::Coat,
        blurb: [
            "A hooded parka with a detachable faux-fur trim.",
            "Παρκά με κουκούλα και αποσπώμενη συνθετική γούνα.",
            "Parka z kapturem i odpinanym obszyciem ze sztucznego futra.",
        ],
        ..N
    },
    Noun {
        cat: "coats",
        en: "puffer jacket",
        el: "φουσκωτό μπουφάν",
        g: Gr::N,
        pl: "kurtka puchowa",
        p: Pg::F,
        pl_pre: true,
        colours: &["BLK", "NAV", "RED", "OLV", "BEI", "YEL"],
        quals: &["warm", "light", "long"],
        mats: &[],
        material: "down",
        prices: &[9990, 11990, 13990, 15990],
        weight: 900,
        count: 5,
        brands: &["Tatra Trail", "Wisła Works"],
        motif: Motif::Jacket,
        blurb: [
            "A down puffer with a high collar and a two-way zip.",
            "Φουσκωτό μπουφάν με πούπουλο, ψηλό γιακά και φερμουάρ διπλής κατεύθυνσης.",
            "Kurtka puchowa z wysokim kołnierzem i dwukierunkowym zamkiem.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- t-shirts and tops
    Noun {
        cat: "t-shirts",
        en: "T-shirt",
        el: "μπλουζάκι",
        g: Gr::N,
        pl: "koszulka",
        p: Pg::F,
        colours: &[
            "WHT", "BLK", "GRY", "NAV", "GRN", "YEL", "RED", "PNK", "BEI", "TER",
        ],
        quals: &["classic", "soft"],
        mats: &["cotton", "linen", "striped"],
        material: "organic_cotton",
        prices: &[1490, 1990, 2490, 2990],
        weight: 180,
        count: 12,
        brands: &["Kyma", "Wisła Works"],
        motif: Motif::TShirt,
        blurb: [
            "A crew-neck T-shirt with a clean, slightly boxy cut.",
            "Κοντομάνικο μπλουζάκι με στρογγυλή λαιμόκοψη και ελαφρώς ίσια γραμμή.",
            "Koszulka z okrągłym dekoltem i lekko pudełkowym krojem.",
        ],
        ..N
    },
    Noun {
        cat: "t-shirts",
        en: "long-sleeve top",
        el: "μακρυμάνικη μπλούζα",
        g: Gr::F,
        pl: "koszulka z długim rękawem",
        p: Pg::F,
        pl_pre: true,
        colours: &["WHT", "BLK", "NAV", "GRY", "BUR", "OLV"],
        quals: &["soft", "classic"],
        mats: &["cotton", "striped"],
        material: "cotton",
        prices: &[2490, 2990, 3490],
        weight: 230,
        count: 5,
        brands: &["Kyma", "Wisła Works"],
        motif: Motif::Knit,
        blurb: [
            "A long-sleeve top in fine jersey that layers under everything.",
            "Μακρυμάνικη μπλούζα από λεπτό ζέρσεϊ, που φοριέται κάτω από όλα.",
            "Koszulka z długim rękawem z cienkiej dzianiny, idealna na warstwę pod spód.",
        ],
        ..N
    },
    Noun {
        cat: "t-shirts",
        en: "polo shirt",
        el: "μπλούζα πόλο",
        g: Gr::F,
        pl: "koszulka polo",
        p: Pg::F,
        pl_pre: true,
        colours: &["WHT", "NAV", "GRN", "BLK", "YEL", "PNK"],
        quals: &["classic", "slim"],
        mats: &["cotton", "linen"],
        material: "cotton",
        prices: &[2990, 3490, 3990],
        weight: 250,
        count: 5,
        brands: &["Wisła Works"],
        motif: Motif::Shirt,
        blurb: [
            "A piqué polo with a two-button placket and a ribbed collar.",
            "Μπλούζα πόλο από πικέ με δύο κουμπιά και ριμπ γιακά.",
            "Koszulka polo z piki z listwą na dwa guziki i prążkowanym kołnierzykiem.",
        ],
        ..N
    },
    Noun {
        cat: "t-shirts",
        en: "tank top",
        el: "αμάνικο μπλουζάκι",
        g: Gr::N,
        pl: "top na ramiączkach",
        p: Pg::M,
        pl_pre: true,
        sizing: Sizing::ApparelToXl,
        colours: &["WHT", "BLK", "PNK", "YEL", "BEI", "GRN"],
        quals: &["light", "soft"],
        mats: &["cotton", "linen", "silk"],
        material: "cotton",
        prices: &[1490, 1990, 2490],
        weight: 120,
        count: 5,
        brands: &["Kyma"],
        motif: Motif::Tank,
        blurb: [
            "A fitted tank top for hot afternoons.",
            "Εφαρμοστό αμάνικο μπλουζάκι για τα ζεστά απογεύματα.",
            "Dopasowany top na ramiączkach na upalne popołudnia.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- shirts
    Noun {
        cat: "shirts",
        en: "shirt",
        el: "πουκάμισο",
        g: Gr::N,
        pl: "koszula",
        p: Pg::F,
        colours: &["WHT", "BLU", "NAV", "BEI", "OLV", "PNK", "GRY"],
        quals: &["classic", "slim", "elegant", "light"],
        mats: &["linen", "cotton", "striped", "denim", "corduroy"],
        material: "cotton",
        prices: &[3990, 4990, 5990, 6990],
        weight: 280,
        count: 14,
        brands: &["Ermou Atelier", "Kazimierz Studio"],
        motif: Motif::Shirt,
        blurb: [
            "A button-down shirt with a soft collar and mother-of-pearl buttons.",
            "Πουκάμισο με μαλακό γιακά και κουμπιά από φίλντισι.",
            "Koszula z miękkim kołnierzykiem i guzikami z masy perłowej.",
        ],
        ..N
    },
    Noun {
        cat: "shirts",
        en: "blouse",
        el: "μπλούζα",
        g: Gr::F,
        pl: "bluzka",
        p: Pg::F,
        sizing: Sizing::ApparelToXl,
        colours: &["WHT", "BLK", "PNK", "BEI", "BUR", "NAV", "GRN"],
        quals: &["elegant", "light", "soft"],
        mats: &["silk", "linen", "floral", "polka"],
        material: "viscose",
        prices: &[3490, 3990, 4990, 5990],
        weight: 200,
        count: 9,
        brands: &["Ermou Atelier", "Kyma"],
        motif: Motif::Shirt,
        blurb: [
            "A relaxed blouse with a V-neck and gathered cuffs.",
            "Άνετη μπλούζα με λαιμόκοψη σε σχήμα V και σουρωτές μανσέτες.",
            "Luźna bluzka z dekoltem w szpic i marszczonymi mankietami.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- knitwear
    Noun {
        cat: "knitwear",
        en: "jumper",
        el: "πουλόβερ",
        g: Gr::N,
        pl: "sweter",
        p: Pg::M,
        colours: &["GRY", "NAV", "BEI", "BUR", "GRN", "BLK", "WHT"],
        quals: &["warm", "soft", "classic"],
        mats: &["woollen", "cotton", "striped"],
        material: "wool",
        prices: &[4990, 5990, 6990, 7990, 8990],
        weight: 450,
        count: 9,
        brands: &["Kazimierz Studio", "Bursztyn"],
        motif: Motif::Knit,
        blurb: [
            "A crew-neck jumper with classic ribbing at the cuffs and hem.",
            "Πουλόβερ με στρογγυλή λαιμόκοψη και κλασική ριμπ πλέξη σε μανσέτες και τελείωμα.",
            "Sweter z okrągłym dekoltem i klasycznym ściągaczem przy mankietach i na dole.",
        ],
        ..N
    },
    Noun {
        cat: "knitwear",
        en: "cardigan",
        el: "ζακέτα",
        g: Gr::F,
        pl: "kardigan",
        p: Pg::M,
        colours: &["BEI", "GRY", "NAV", "PNK", "OLV", "BLK"],
        quals: &["soft", "warm", "long"],
        mats: &["woollen", "cotton"],
        material: "wool",
        prices: &[5990, 6990, 7990],
        weight: 450,
        count: 6,
        brands: &["Bursztyn"],
        motif: Motif::Knit,
        blurb: [
            "A button-through cardigan with deep pockets.",
            "Ζακέτα με κουμπιά σε όλο το μήκος και βαθιές τσέπες.",
            "Kardigan zapinany na guziki, z głębokimi kieszeniami.",
        ],
        ..N
    },
    Noun {
        cat: "knitwear",
        en: "hoodie",
        el: "φούτερ με κουκούλα",
        g: Gr::N,
        pl: "bluza z kapturem",
        p: Pg::F,
        pl_pre: true,
        colours: &["GRY", "BLK", "NAV", "GRN", "BEI", "BUR"],
        quals: &["warm", "soft", "classic"],
        mats: &["cotton"],
        material: "organic_cotton",
        prices: &[3990, 4990, 5990],
        weight: 600,
        count: 6,
        brands: &["Wisła Works", "Kyma"],
        motif: Motif::Knit,
        blurb: [
            "A brushed-back hoodie with a kangaroo pocket.",
            "Φούτερ με κουκούλα, χνουδωτό εσωτερικό και τσέπη καγκουρό.",
            "Bluza z kapturem, drapana od środka, z kieszenią kangurką.",
        ],
        ..N
    },
    Noun {
        cat: "knitwear",
        en: "sweatshirt",
        el: "φούτερ",
        g: Gr::N,
        pl: "bluza",
        p: Pg::F,
        colours: &["GRY", "NAV", "GRN", "BEI", "PNK", "BLK"],
        quals: &["soft", "classic"],
        mats: &["cotton"],
        material: "organic_cotton",
        prices: &[3490, 3990, 4990],
        weight: 500,
        count: 5,
        brands: &["Wisła Works"],
        motif: Motif::Knit,
        blurb: [
            "A crew-neck sweatshirt in heavyweight loopback jersey.",
            "Φούτερ με στρογγυλή λαιμόκοψη από βαρύ βαμβακερό ύφασμα.",
            "Bluza z okrągłym dekoltem z grubej dzianiny pętelkowej.",
        ],
        ..N
    },
    Noun {
        cat: "knitwear",
        en: "turtleneck",
        el: "ζιβάγκο",
        g: Gr::N,
        pl: "golf",
        p: Pg::M,
        colours: &["BLK", "BEI", "GRY", "BUR", "WHT"],
        quals: &["slim", "warm", "soft"],
        mats: &["woollen"],
        material: "wool",
        prices: &[4990, 5990, 6990],
        weight: 350,
        count: 4,
        brands: &["Bursztyn", "Kazimierz Studio"],
        motif: Motif::Knit,
        blurb: [
            "A fine-knit turtleneck that works alone or under a blazer.",
            "Λεπτό πλεκτό ζιβάγκο που φοριέται μόνο του ή κάτω από σακάκι.",
            "Cienki golf, który sprawdzi się solo albo pod marynarką.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- dresses and skirts
    Noun {
        cat: "dresses",
        en: "dress",
        el: "φόρεμα",
        g: Gr::N,
        pl: "sukienka",
        p: Pg::F,
        sizing: Sizing::ApparelToXl,
        colours: &["BLK", "RED", "NAV", "GRN", "YEL", "PNK", "BEI", "TER"],
        quals: &["elegant", "light", "short", "long"],
        mats: &["linen", "floral", "polka", "silk", "knitted", "velvet"],
        material: "viscose",
        prices: &[4990, 5990, 6990, 7990, 8990, 9990],
        weight: 350,
        count: 14,
        brands: &["Ermou Atelier", "Kyma"],
        motif: Motif::Dress,
        blurb: [
            "A wrap dress with a tie waist and flutter sleeves.",
            "Κρουαζέ φόρεμα που δένει στη μέση, με ανάλαφρα μανίκια.",
            "Kopertowa sukienka wiązana w talii, ze zwiewnymi rękawami.",
        ],
        ..N
    },
    Noun {
        cat: "dresses",
        en: "maxi dress",
        el: "μάξι φόρεμα",
        g: Gr::N,
        pl: "sukienka maxi",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::ApparelToXl,
        colours: &["WHT", "TER", "BLU", "GRN", "YEL", "BLK"],
        quals: &["light", "elegant"],
        mats: &["linen", "floral", "cotton"],
        material: "viscose",
        prices: &[6990, 7990, 8990],
        weight: 400,
        count: 6,
        brands: &["Kyma"],
        motif: Motif::Dress,
        blurb: [
            "An ankle-length dress with a smocked bodice and a tiered skirt.",
            "Φόρεμα μέχρι τον αστράγαλο με σφηκοφωλιά στο μπούστο και φούστα με βολάν.",
            "Długa sukienka do kostek z marszczoną górą i falbaniastym dołem.",
        ],
        ..N
    },
    Noun {
        cat: "dresses",
        en: "shirt dress",
        el: "φόρεμα-πουκάμισο",
        g: Gr::N,
        pl: "sukienka koszulowa",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::ApparelToXl,
        colours: &["BLU", "BEI", "OLV", "WHT", "NAV"],
        quals: &["classic", "light"],
        mats: &["linen", "cotton", "denim"],
        material: "cotton",
        prices: &[5990, 6990, 7990],
        weight: 380,
        count: 5,
        brands: &["Ermou Atelier"],
        motif: Motif::Dress,
        blurb: [
            "A shirt dress with a removable belt and a button front.",
            "Φόρεμα-πουκάμισο με κουμπιά μπροστά και ζώνη που αφαιρείται.",
            "Sukienka koszulowa zapinana na guziki, z odpinanym paskiem.",
        ],
        ..N
    },
    Noun {
        cat: "dresses",
        en: "skirt",
        el: "φούστα",
        g: Gr::F,
        pl: "spódnica",
        p: Pg::F,
        sizing: Sizing::ApparelToXl,
        colours: &["BLK", "BEI", "NAV", "BUR", "GRN", "TER"],
        quals: &["short", "long", "elegant"],
        mats: &["linen", "denim", "corduroy", "floral", "woollen"],
        material: "viscose",
        prices: &[3990, 4990, 5990],
        weight: 300,
        count: 8,
        brands: &["Kyma", "Kazimierz Studio"],
        motif: Motif::Skirt,
        blurb: [
            "An A-line skirt with side pockets and an invisible zip.",
            "Φούστα σε γραμμή Α με τσέπες στο πλάι και κρυφό φερμουάρ.",
            "Rozkloszowana spódnica z kieszeniami po bokach i krytym zamkiem.",
        ],
        ..N
    },
    Noun {
        cat: "dresses",
        en: "jumpsuit",
        el: "ολόσωμη φόρμα",
        g: Gr::F,
        pl: "kombinezon",
        p: Pg::M,
        sizing: Sizing::ApparelToXl,
        colours: &["BLK", "OLV", "NAV", "TER", "BEI"],
        quals: &["elegant", "light"],
        mats: &["linen", "denim"],
        material: "cotton",
        prices: &[6990, 7990, 8990],
        weight: 450,
        count: 4,
        brands: &["Ermou Atelier"],
        motif: Motif::Dress,
        blurb: [
            "A wide-leg jumpsuit with a drawstring waist.",
            "Ολόσωμη φόρμα με φαρδιά μπατζάκια και κορδόνι στη μέση.",
            "Kombinezon z szerokimi nogawkami i troczkiem w talii.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- trousers
    Noun {
        cat: "trousers",
        en: "trousers",
        el: "παντελόνι",
        g: Gr::N,
        pl: "spodnie",
        p: Pg::Pl,
        colours: &["BLK", "NAV", "BEI", "GRY", "OLV", "BRN"],
        quals: &["slim", "elegant", "classic", "light"],
        mats: &["linen", "woollen", "corduroy", "cotton"],
        material: "cotton",
        prices: &[4990, 5990, 6990, 7990],
        weight: 500,
        count: 11,
        brands: &["Ermou Atelier", "Wisła Works"],
        motif: Motif::Trousers,
        blurb: [
            "Pleated trousers with a high rise and a tapered leg.",
            "Παντελόνι με πιέτες, ψηλόμεσο, που στενεύει προς τα κάτω.",
            "Spodnie z zakładkami, z wysokim stanem i zwężaną nogawką.",
        ],
        ..N
    },
    Noun {
        cat: "trousers",
        en: "chinos",
        el: "παντελόνι chino",
        g: Gr::N,
        pl: "chinosy",
        p: Pg::Pl,
        colours: &["BEI", "NAV", "OLV", "BLK", "WHT"],
        quals: &["slim", "classic", "light"],
        mats: &["cotton", "linen"],
        material: "cotton",
        prices: &[4990, 5990],
        weight: 450,
        count: 5,
        brands: &["Wisła Works"],
        motif: Motif::Trousers,
        blurb: [
            "Chinos in garment-dyed twill with a clean front.",
            "Παντελόνι chino από βαμμένο ύφασμα twill, με λιτό μπροστινό μέρος.",
            "Chinosy z barwionego w całości twillu, z gładkim przodem.",
        ],
        ..N
    },
    Noun {
        cat: "trousers",
        en: "joggers",
        el: "παντελόνι φόρμας",
        g: Gr::N,
        pl: "spodnie dresowe",
        p: Pg::Pl,
        pl_pre: true,
        colours: &["GRY", "BLK", "NAV", "OLV", "BEI"],
        quals: &["soft", "comfortable", "warm"],
        mats: &["cotton"],
        material: "organic_cotton",
        prices: &[3490, 3990, 4990],
        weight: 450,
        count: 5,
        brands: &["Wisła Works", "Kyma"],
        motif: Motif::Trousers,
        blurb: [
            "Joggers with an elastic waist, a drawcord and zip pockets.",
            "Παντελόνι φόρμας με λάστιχο, κορδόνι στη μέση και τσέπες με φερμουάρ.",
            "Spodnie dresowe z gumką, sznurkiem w pasie i kieszeniami na zamek.",
        ],
        ..N
    },
    Noun {
        cat: "jeans",
        en: "jeans",
        el: "τζιν παντελόνι",
        g: Gr::N,
        pl: "jeansy",
        p: Pg::Pl,
        sizing: Sizing::Waist,
        colours: &["BLU", "NAV", "BLK", "GRY", "WHT"],
        quals: &["slim", "straight", "wide", "classic"],
        mats: &[],
        material: "denim",
        prices: &[5990, 6990, 7990, 8990],
        weight: 650,
        count: 11,
        brands: &["Wisła Works", "Kyma"],
        motif: Motif::Trousers,
        blurb: [
            "Five-pocket jeans with copper rivets and a button fly.",
            "Πεντάτσεπο τζιν με χάλκινα πριτσίνια και κουμπιά αντί για φερμουάρ.",
            "Jeansy z pięcioma kieszeniami, miedzianymi nitami i rozporkiem na guziki.",
        ],
        ..N
    },
    Noun {
        cat: "shorts",
        en: "shorts",
        el: "σορτς",
        g: Gr::N,
        pl: "szorty",
        p: Pg::Pl,
        colours: &["BEI", "NAV", "OLV", "BLU", "WHT", "BLK"],
        quals: &["light", "classic"],
        mats: &["linen", "denim", "cotton"],
        material: "cotton",
        prices: &[2990, 3490, 3990],
        weight: 250,
        count: 6,
        brands: &["Kyma", "Wisła Works"],
        motif: Motif::Shorts,
        blurb: [
            "Shorts with an 18 cm inseam and a flat front.",
            "Σορτς με εσωτερικό μήκος ποδιού 18 cm και επίπεδο μπροστινό μέρος.",
            "Szorty z nogawką o długości 18 cm i gładkim przodem.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- bags
    Noun {
        cat: "bags",
        en: "tote bag",
        el: "τσάντα",
        g: Gr::F,
        pl: "torba",
        p: Pg::F,
        sizing: Sizing::OneSize,
        colours: &["BEI", "BLK", "NAV", "OLV", "TER", "YEL"],
        quals: &["large", "classic"],
        mats: &["canvas", "leather", "straw"],
        material: "canvas",
        prices: &[2490, 3990, 5990, 8990],
        weight: 500,
        count: 7,
        brands: &["Bursztyn", "Lefka Leather"],
        motif: Motif::Tote,
        blurb: [
            "An open tote with long handles and an inner zip pocket.",
            "Ανοιχτή τσάντα με μακριά χερούλια και εσωτερική τσέπη με φερμουάρ.",
            "Otwarta torba z długimi uchwytami i wewnętrzną kieszenią na zamek.",
        ],
        ..N
    },
    Noun {
        cat: "bags",
        en: "shoulder bag",
        el: "τσάντα ώμου",
        g: Gr::F,
        pl: "torebka na ramię",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::OneSize,
        colours: &["BLK", "BRN", "BUR", "BEI", "RED"],
        quals: &["elegant", "small", "classic"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[7990, 8990, 9990, 12990],
        weight: 600,
        count: 5,
        brands: &["Lefka Leather"],
        motif: Motif::Handbag,
        blurb: [
            "A structured shoulder bag with a magnetic clasp.",
            "Τσάντα ώμου με σταθερό σχήμα και μαγνητικό κούμπωμα.",
            "Torebka na ramię o usztywnionym kształcie z zapięciem na magnes.",
        ],
        ..N
    },
    Noun {
        cat: "bags",
        en: "backpack",
        el: "σακίδιο πλάτης",
        g: Gr::N,
        pl: "plecak",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["BLK", "NAV", "OLV", "GRY", "YEL", "RED"],
        quals: &["light", "large", "classic"],
        mats: &["sporty", "canvas", "leather"],
        material: "canvas",
        prices: &[4990, 5990, 6990, 8990],
        weight: 800,
        count: 6,
        brands: &["Tatra Trail", "Bursztyn"],
        motif: Motif::Backpack,
        blurb: [
            "A 20-litre backpack with a padded laptop sleeve.",
            "Σακίδιο πλάτης 20 λίτρων με επενδυμένη θήκη για φορητό υπολογιστή.",
            "Plecak o pojemności 20 litrów z wyściełaną kieszenią na laptopa.",
        ],
        ..N
    },
    Noun {
        cat: "bags",
        en: "crossbody bag",
        el: "τσαντάκι χιαστί",
        g: Gr::N,
        pl: "listonoszka",
        p: Pg::F,
        sizing: Sizing::OneSize,
        colours: &["BLK", "BRN", "BEI", "RED", "NAV", "GRN"],
        quals: &["small", "elegant"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[4990, 5990, 6990],
        weight: 350,
        count: 5,
        brands: &["Lefka Leather", "Bursztyn"],
        motif: Motif::Handbag,
        blurb: [
            "A compact crossbody bag with an adjustable strap.",
            "Μικρό τσαντάκι χιαστί με ρυθμιζόμενο λουρί.",
            "Niewielka listonoszka z regulowanym paskiem.",
        ],
        ..N
    },
    Noun {
        cat: "bags",
        en: "wallet",
        el: "πορτοφόλι",
        g: Gr::N,
        pl: "portfel",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["BLK", "BRN", "BUR", "NAV", "GRN"],
        quals: &["small", "classic"],
        mats: &["leather"],
        material: "leather",
        prices: &[2990, 3990, 4990],
        weight: 120,
        count: 5,
        brands: &["Lefka Leather", "Bursztyn"],
        motif: Motif::Wallet,
        blurb: [
            "A slim wallet with six card slots and a coin pocket.",
            "Λεπτό πορτοφόλι με έξι θήκες για κάρτες και τσέπη για κέρματα.",
            "Smukły portfel z sześcioma miejscami na karty i kieszenią na monety.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- accessories
    Noun {
        cat: "accessories",
        en: "scarf",
        el: "κασκόλ",
        g: Gr::N,
        pl: "szalik",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["GRY", "BUR", "NAV", "BEI", "RED", "GRN", "YEL"],
        quals: &["warm", "soft", "long"],
        mats: &["woollen", "striped"],
        material: "wool",
        prices: &[2490, 2990, 3990],
        weight: 200,
        count: 6,
        brands: &["Bursztyn", "Meltemi"],
        motif: Motif::Scarf,
        blurb: [
            "A generous scarf, brushed for extra softness.",
            "Μεγάλο κασκόλ, βουρτσισμένο για περισσότερη απαλότητα.",
            "Duży szalik, szczotkowany dla większej miękkości.",
        ],
        ..N
    },
    Noun {
        cat: "accessories",
        en: "beanie",
        el: "σκούφος",
        g: Gr::M,
        pl: "czapka",
        p: Pg::F,
        sizing: Sizing::OneSize,
        colours: &["BLK", "GRY", "NAV", "BUR", "YEL", "OLV", "BEI", "RED"],
        quals: &["warm", "soft"],
        mats: &["woollen"],
        material: "wool",
        prices: &[1990, 2490, 2990],
        weight: 100,
        count: 5,
        brands: &["Bursztyn", "Tatra Trail"],
        motif: Motif::Beanie,
        blurb: [
            "A ribbed beanie with a deep turn-up.",
            "Σκούφος με ριμπ πλέξη και φαρδύ γύρισμα.",
            "Czapka z prążkowanej dzianiny z szerokim wywinięciem.",
        ],
        ..N
    },
    Noun {
        cat: "accessories",
        en: "belt",
        el: "ζώνη",
        g: Gr::F,
        pl: "pasek",
        p: Pg::M,
        sizing: Sizing::Sml,
        colours: &["BLK", "BRN", "BEI"],
        quals: &["classic"],
        mats: &["leather", "suede"],
        material: "leather",
        prices: &[2990, 3990, 4990],
        weight: 200,
        count: 4,
        brands: &["Lefka Leather"],
        motif: Motif::Belt,
        blurb: [
            "A 3 cm belt with a solid brass buckle.",
            "Ζώνη 3 cm με συμπαγή μπρούτζινη αγκράφα.",
            "Pasek o szerokości 3 cm z masywną mosiężną klamrą.",
        ],
        ..N
    },
    Noun {
        cat: "accessories",
        en: "sunglasses",
        el: "γυαλιά ηλίου",
        g: Gr::Np,
        pl: "okulary przeciwsłoneczne",
        p: Pg::Pl,
        pl_pre: true,
        sizing: Sizing::OneSize,
        colours: &["BLK", "BRN", "TER", "GRN"],
        quals: &["classic", "light"],
        mats: &[],
        material: "acetate",
        prices: &[5990, 7990, 8990],
        weight: 40,
        count: 5,
        brands: &["Meltemi"],
        motif: Motif::Sunglasses,
        blurb: [
            "Round sunglasses with a keyhole bridge.",
            "Στρογγυλά γυαλιά ηλίου με γέφυρα σε σχήμα κλειδαρότρυπας.",
            "Okrągłe okulary przeciwsłoneczne z mostkiem w kształcie dziurki od klucza.",
        ],
        ..N
    },
    Noun {
        cat: "accessories",
        en: "hat",
        el: "καπέλο",
        g: Gr::N,
        pl: "kapelusz",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["BEI", "BLK", "BRN", "WHT"],
        quals: &["classic", "light"],
        mats: &["straw", "woollen"],
        material: "straw",
        prices: &[2990, 3990, 4990],
        weight: 150,
        count: 5,
        brands: &["Meltemi"],
        motif: Motif::Hat,
        blurb: [
            "A wide-brimmed hat with a grosgrain band.",
            "Καπέλο με φαρδύ γείσο και κορδέλα γκρο.",
            "Kapelusz z szerokim rondem i ripsową taśmą.",
        ],
        ..N
    },
    Noun {
        cat: "accessories",
        en: "gloves",
        el: "γάντια",
        g: Gr::Np,
        pl: "rękawiczki",
        p: Pg::Pl,
        sizing: Sizing::Sml,
        colours: &["BLK", "BRN", "GRY", "BUR"],
        quals: &["warm"],
        mats: &["leather", "woollen"],
        material: "leather",
        prices: &[2990, 3990, 4990],
        weight: 120,
        count: 4,
        brands: &["Lefka Leather", "Bursztyn"],
        motif: Motif::Gloves,
        blurb: [
            "Gloves with a warm lining and touchscreen fingertips.",
            "Γάντια με ζεστή επένδυση και ακροδάχτυλα για οθόνες αφής.",
            "Rękawiczki z ciepłą podszewką i końcówkami palców do ekranów dotykowych.",
        ],
        ..N
    },
    Noun {
        cat: "accessories",
        en: "socks",
        el: "κάλτσες",
        g: Gr::Fp,
        pl: "skarpetki",
        p: Pg::Pl,
        sizing: Sizing::OneSize,
        colours: &["BLK", "GRY", "NAV", "YEL", "RED", "GRN", "PNK"],
        quals: &["soft", "warm"],
        mats: &["woollen", "cotton", "striped"],
        material: "organic_cotton",
        prices: &[790, 990, 1290],
        weight: 60,
        count: 5,
        brands: &["Wisła Works", "Kyma"],
        motif: Motif::Socks,
        blurb: [
            "Everyday socks with a reinforced heel and toe.",
            "Κάλτσες για κάθε μέρα με ενισχυμένη φτέρνα και δάχτυλα.",
            "Codzienne skarpetki ze wzmocnioną piętą i palcami.",
        ],
        ..N
    },
    // ---------------------------------------------------------------- home and kitchen
    Noun {
        cat: "kitchen",
        en: "mug",
        el: "κούπα",
        g: Gr::F,
        pl: "kubek",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BLU", "TER", "GRN", "YEL", "BLK"],
        quals: &["handmade", "large"],
        mats: &["ceramic"],
        material: "stoneware",
        prices: &[1290, 1490, 1690, 1990],
        weight: 350,
        count: 6,
        brands: &["Glina", "Elaia Home"],
        motif: Motif::Mug,
        blurb: [
            "A 350 ml mug with a generous handle.",
            "Κούπα 350 ml με άνετο χερούλι.",
            "Kubek o pojemności 350 ml z wygodnym uchem.",
        ],
        ..N
    },
    Noun {
        cat: "kitchen",
        en: "bowl",
        el: "μπολ",
        g: Gr::N,
        pl: "miska",
        p: Pg::F,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BLU", "TER", "GRN", "BEI"],
        quals: &["handmade", "large", "small"],
        mats: &["ceramic", "wooden"],
        material: "stoneware",
        prices: &[1490, 1990, 2490, 3490],
        weight: 500,
        count: 5,
        brands: &["Glina", "Elaia Home"],
        motif: Motif::Bowl,
        blurb: [
            "A deep bowl for salads, soups or fruit.",
            "Βαθύ μπολ για σαλάτες, σούπες ή φρούτα.",
            "Głęboka miska na sałatki, zupy lub owoce.",
        ],
        ..N
    },
    Noun {
        cat: "kitchen",
        en: "dinner plates",
        el: "πιάτα",
        g: Gr::Np,
        pl: "talerze",
        p: Pg::Pl,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BEI", "BLU", "GRN"],
        quals: &["handmade", "classic"],
        mats: &["ceramic"],
        material: "stoneware",
        prices: &[3990, 4990, 5990],
        weight: 2400,
        count: 4,
        brands: &["Glina"],
        motif: Motif::Plate,
        blurb: [
            "A set of four 27 cm dinner plates.",
            "Σετ τεσσάρων πιάτων φαγητού των 27 cm.",
            "Zestaw czterech talerzy obiadowych o średnicy 27 cm.",
        ],
        ..N
    },
    Noun {
        cat: "kitchen",
        en: "jug",
        el: "κανάτα",
        g: Gr::F,
        pl: "dzbanek",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BLU", "GRN", "TER"],
        quals: &["handmade", "large"],
        mats: &["ceramic", "glass"],
        material: "stoneware",
        prices: &[2490, 2990, 3490],
        weight: 700,
        count: 4,
        brands: &["Glina", "Elaia Home"],
        motif: Motif::Jug,
        blurb: [
            "A one-litre jug for water, lemonade or flowers.",
            "Κανάτα ενός λίτρου για νερό, λεμονάδα ή λουλούδια.",
            "Litrowy dzbanek na wodę, lemoniadę albo kwiaty.",
        ],
        ..N
    },
    Noun {
        cat: "kitchen",
        en: "tumblers",
        el: "ποτήρια",
        g: Gr::Np,
        pl: "szklanki",
        p: Pg::Pl,
        sizing: Sizing::OneSize,
        colours: &["CLR", "BLU", "GRN", "OLV"],
        quals: &["handmade", "small"],
        mats: &[],
        material: "glass",
        prices: &[1990, 2490, 2990],
        weight: 900,
        count: 4,
        brands: &["Elaia Home"],
        motif: Motif::Tumblers,
        blurb: [
            "A set of four 300 ml tumblers.",
            "Σετ τεσσάρων ποτηριών των 300 ml.",
            "Zestaw czterech szklanek o pojemności 300 ml.",
        ],
        ..N
    },
    Noun {
        cat: "kitchen",
        en: "serving board",
        el: "πλατό σερβιρίσματος",
        g: Gr::N,
        pl: "deska do serwowania",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::Single,
        colours: &["NAT"],
        quals: &["handmade", "large", "small"],
        mats: &["wooden"],
        material: "olive_wood",
        prices: &[2490, 2990, 3990],
        weight: 800,
        count: 4,
        brands: &["Elaia Home"],
        motif: Motif::Board,
        blurb: [
            "A serving board for cheese, bread and meze.",
            "Πλατό σερβιρίσματος για τυριά, ψωμί και μεζέδες.",
            "Deska do serwowania serów, pieczywa i przekąsek.",
        ],
        ..N
    },
    Noun {
        cat: "kitchen",
        en: "thyme honey",
        el: "θυμαρίσιο μέλι",
        g: Gr::N,
        pl: "miód tymiankowy",
        p: Pg::M,
        pl_pre: true,
        sizing: Sizing::Single,
        colours: &["YEL"],
        quals: &["organic"],
        mats: &[],
        material: "honey",
        prices: &[990, 1290],
        weight: 450,
        count: 2,
        brands: &["Elaia Home"],
        motif: Motif::Jar,
        models: false,
        vat: "reduced",
        blurb: [
            "A 400 g jar of thick Greek thyme honey.",
            "Βάζο 400 g με πηχτό ελληνικό θυμαρίσιο μέλι.",
            "Słoik 400 g gęstego greckiego miodu tymiankowego.",
        ],
    },
    Noun {
        cat: "kitchen",
        en: "mountain tea",
        el: "τσάι του βουνού",
        g: Gr::N,
        pl: "herbata górska",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::Single,
        colours: &["GRN"],
        quals: &["organic"],
        mats: &[],
        material: "tea",
        prices: &[590, 790],
        weight: 80,
        count: 2,
        brands: &["Elaia Home"],
        motif: Motif::Jar,
        models: false,
        vat: "reduced",
        blurb: [
            "A 50 g pouch of whole-leaf Greek mountain tea.",
            "Συσκευασία 50 g με ολόκληρα φύλλα ελληνικού τσαγιού του βουνού.",
            "Opakowanie 50 g całych liści greckiej herbaty górskiej.",
        ],
    },
    Noun {
        cat: "kitchen",
        en: "extra virgin olive oil",
        el: "εξαιρετικό παρθένο ελαιόλαδο",
        g: Gr::N,
        pl: "oliwa z oliwek extra virgin",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::Single,
        colours: &["OLV"],
        quals: &["organic"],
        mats: &[],
        material: "olive_oil",
        prices: &[1290, 1590],
        weight: 800,
        count: 2,
        brands: &["Elaia Home"],
        motif: Motif::Bottle,
        models: false,
        vat: "reduced",
        blurb: [
            "A 500 ml tin of early-harvest olive oil.",
            "Δοχείο 500 ml με ελαιόλαδο πρώιμης συγκομιδής.",
            "Puszka 500 ml oliwy z wczesnego zbioru.",
        ],
    },
    Noun {
        cat: "home-textiles",
        en: "towel",
        el: "πετσέτα",
        g: Gr::F,
        pl: "ręcznik",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BEI", "BLU", "GRY", "TER", "GRN"],
        quals: &["large", "soft"],
        mats: &["linen", "striped"],
        material: "terry",
        prices: &[1490, 1990, 2490, 3490],
        weight: 600,
        count: 5,
        brands: &["Elaia Home", "Wisła Works"],
        motif: Motif::Textile,
        blurb: [
            "A bath towel that doubles as a beach towel.",
            "Πετσέτα μπάνιου που χρησιμεύει και για την παραλία.",
            "Ręcznik kąpielowy, który sprawdzi się też na plaży.",
        ],
        ..N
    },
    Noun {
        cat: "home-textiles",
        en: "cushion cover",
        el: "μαξιλαροθήκη",
        g: Gr::F,
        pl: "poszewka na poduszkę",
        p: Pg::F,
        pl_pre: true,
        sizing: Sizing::OneSize,
        colours: &["BEI", "TER", "GRN", "BLU", "YEL", "GRY"],
        quals: &["soft"],
        mats: &["linen", "velvet", "striped"],
        material: "linen",
        prices: &[1490, 1990, 2490],
        weight: 200,
        count: 5,
        brands: &["Elaia Home", "Bursztyn"],
        motif: Motif::Cushion,
        blurb: [
            "A 45 × 45 cm cushion cover with a hidden zip.",
            "Μαξιλαροθήκη 45 × 45 cm με κρυφό φερμουάρ.",
            "Poszewka 45 × 45 cm z krytym zamkiem.",
        ],
        ..N
    },
    Noun {
        cat: "home-textiles",
        en: "throw",
        el: "κουβέρτα",
        g: Gr::F,
        pl: "koc",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["GRY", "BEI", "BUR", "GRN", "NAV"],
        quals: &["warm", "soft", "large"],
        mats: &["woollen", "cotton"],
        material: "wool",
        prices: &[4990, 5990, 7990],
        weight: 1200,
        count: 5,
        brands: &["Bursztyn"],
        motif: Motif::Textile,
        blurb: [
            "A 130 × 170 cm throw with fringed ends.",
            "Κουβέρτα 130 × 170 cm με κρόσσια στις άκρες.",
            "Koc 130 × 170 cm z frędzlami na końcach.",
        ],
        ..N
    },
    Noun {
        cat: "home-textiles",
        en: "tablecloth",
        el: "τραπεζομάντιλο",
        g: Gr::N,
        pl: "obrus",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BEI", "BLU", "TER"],
        quals: &["large", "classic"],
        mats: &["linen", "striped"],
        material: "linen",
        prices: &[3490, 4490, 5490],
        weight: 700,
        count: 4,
        brands: &["Elaia Home"],
        motif: Motif::Textile,
        blurb: [
            "A 150 × 250 cm tablecloth for a table of eight.",
            "Τραπεζομάντιλο 150 × 250 cm για τραπέζι οκτώ ατόμων.",
            "Obrus 150 × 250 cm na stół dla ośmiu osób.",
        ],
        ..N
    },
    Noun {
        cat: "home-textiles",
        en: "apron",
        el: "ποδιά κουζίνας",
        g: Gr::F,
        pl: "fartuch kuchenny",
        p: Pg::M,
        pl_pre: true,
        sizing: Sizing::OneSize,
        colours: &["BEI", "OLV", "NAV", "TER", "BLK"],
        quals: &["classic"],
        mats: &["linen", "canvas", "striped"],
        material: "linen",
        prices: &[2490, 2990],
        weight: 250,
        count: 4,
        brands: &["Elaia Home", "Glina"],
        motif: Motif::Apron,
        blurb: [
            "A full apron with an adjustable neck strap and a front pocket.",
            "Ποδιά κουζίνας με ρυθμιζόμενο λουρί στον λαιμό και τσέπη μπροστά.",
            "Fartuch kuchenny z regulowanym paskiem na szyję i kieszenią z przodu.",
        ],
        ..N
    },
    Noun {
        cat: "home-kitchen",
        en: "candle",
        el: "κερί",
        g: Gr::N,
        pl: "świeca",
        p: Pg::F,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BEI", "TER", "GRN"],
        quals: &["handmade", "large", "small"],
        mats: &[],
        material: "soy_wax",
        prices: &[1490, 1990, 2490],
        weight: 300,
        count: 4,
        brands: &["Elaia Home"],
        motif: Motif::Candle,
        blurb: [
            "A scented candle with notes of fig leaf and sea salt.",
            "Αρωματικό κερί με νότες από φύλλα συκιάς και θαλασσινό αλάτι.",
            "Świeca zapachowa z nutami liści figowca i soli morskiej.",
        ],
        ..N
    },
    Noun {
        cat: "home-kitchen",
        en: "vase",
        el: "βάζο",
        g: Gr::N,
        pl: "wazon",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["WHT", "BLU", "TER", "GRN", "BLK"],
        quals: &["handmade", "large", "small"],
        mats: &["ceramic", "glass"],
        material: "stoneware",
        prices: &[2490, 3490, 4490],
        weight: 900,
        count: 5,
        brands: &["Glina", "Elaia Home"],
        motif: Motif::Vase,
        blurb: [
            "A vase with a narrow neck for a few stems or dried flowers.",
            "Βάζο με στενό λαιμό για λίγα κλαδιά ή αποξηραμένα λουλούδια.",
            "Wazon z wąską szyjką na kilka gałązek lub suszone kwiaty.",
        ],
        ..N
    },
    Noun {
        cat: "home-kitchen",
        en: "basket",
        el: "καλάθι",
        g: Gr::N,
        pl: "kosz",
        p: Pg::M,
        sizing: Sizing::OneSize,
        colours: &["NAT", "BLK", "BEI"],
        quals: &["handmade", "large", "small"],
        mats: &["straw"],
        material: "straw",
        prices: &[2490, 3490, 4490],
        weight: 400,
        count: 4,
        brands: &["Elaia Home", "Bursztyn"],
        motif: Motif::Basket,
        blurb: [
            "A woven basket for logs, laundry or plants.",
            "Πλεκτό καλάθι για ξύλα, ρούχα ή φυτά.",
            "Pleciony kosz na drewno, pranie lub rośliny.",
        ],
        ..N
    },
];

/// A category: canonical slug, parent, SKU prefix (top-level only), names and descriptions.
struct Cat {
    slug: &'static str,
    parent: Option<&'static str>,
    sku: &'static str,
    name: [&'static str; 3],
    description: [&'static str; 3],
}

const CATEGORIES: &[Cat] = &[
    Cat {
        slug: "shoes",
        parent: None,
        sku: "SH",
        name: ["Shoes", "Παπούτσια", "Buty"],
        description: [
            "Leather shoes, sneakers, sandals and boots for city streets and island paths.",
            "Δερμάτινα παπούτσια, αθλητικά, σανδάλια και μπότες για την πόλη και τα νησιά.",
            "Skórzane buty, sneakersy, sandały i kozaki na miasto i na wakacje.",
        ],
    },
    Cat {
        slug: "sneakers",
        parent: Some("shoes"),
        sku: "",
        name: ["Sneakers", "Αθλητικά παπούτσια", "Sneakersy"],
        description: [
            "Everyday sneakers and running shoes.",
            "Αθλητικά παπούτσια για κάθε μέρα και για τρέξιμο.",
            "Sneakersy na co dzień i buty do biegania.",
        ],
    },
    Cat {
        slug: "sandals",
        parent: Some("shoes"),
        sku: "",
        name: ["Sandals", "Σανδάλια και πέδιλα", "Sandały"],
        description: [
            "Leather sandals made for the Greek summer.",
            "Δερμάτινα σανδάλια φτιαγμένα για το ελληνικό καλοκαίρι.",
            "Skórzane sandały stworzone na greckie lato.",
        ],
    },
    Cat {
        slug: "boots",
        parent: Some("shoes"),
        sku: "",
        name: ["Boots", "Μπότες", "Kozaki i botki"],
        description: [
            "Ankle boots, knee-high boots and hiking boots for the cold months.",
            "Μποτάκια, ψηλές μπότες και ορειβατικά για τους κρύους μήνες.",
            "Botki, kozaki i buty trekkingowe na chłodne miesiące.",
        ],
    },
    Cat {
        slug: "jackets",
        parent: None,
        sku: "JK",
        name: ["Jackets", "Μπουφάν", "Kurtki"],
        description: [
            "Rain jackets, denim and leather jackets, blazers and gilets.",
            "Αδιάβροχα, τζιν και δερμάτινα μπουφάν, σακάκια και γιλέκα.",
            "Kurtki przeciwdeszczowe, jeansowe i skórzane, marynarki i kamizelki.",
        ],
    },
    Cat {
        slug: "coats",
        parent: Some("jackets"),
        sku: "",
        name: ["Coats", "Παλτά", "Płaszcze"],
        description: [
            "Wool coats, trench coats, parkas and puffers.",
            "Μάλλινα παλτά, καμπαρντίνες, παρκά και φουσκωτά μπουφάν.",
            "Wełniane płaszcze, trencze, parki i kurtki puchowe.",
        ],
    },
    Cat {
        slug: "t-shirts",
        parent: None,
        sku: "TS",
        name: ["T-shirts & tops", "Μπλουζάκια", "Koszulki i topy"],
        description: [
            "T-shirts, polos and tops in organic cotton and linen.",
            "Μπλουζάκια, πόλο και τοπ από οργανικό βαμβάκι και λινό.",
            "Koszulki, polówki i topy z bawełny organicznej i lnu.",
        ],
    },
    Cat {
        slug: "shirts",
        parent: None,
        sku: "SR",
        name: [
            "Shirts & blouses",
            "Πουκάμισα και μπλούζες",
            "Koszule i bluzki",
        ],
        description: [
            "Linen and cotton shirts and light blouses.",
            "Λινά και βαμβακερά πουκάμισα και ανάλαφρες μπλούζες.",
            "Lniane i bawełniane koszule oraz zwiewne bluzki.",
        ],
    },
    Cat {
        slug: "knitwear",
        parent: None,
        sku: "KN",
        name: ["Knitwear", "Πλεκτά", "Swetry i bluzy"],
        description: [
            "Jumpers, cardigans, hoodies and turtlenecks.",
            "Πουλόβερ, ζακέτες, φούτερ και ζιβάγκο.",
            "Swetry, kardigany, bluzy i golfy.",
        ],
    },
    Cat {
        slug: "dresses",
        parent: None,
        sku: "DR",
        name: [
            "Dresses & skirts",
            "Φορέματα και φούστες",
            "Sukienki i spódnice",
        ],
        description: [
            "Dresses, skirts and jumpsuits from day to evening.",
            "Φορέματα, φούστες και ολόσωμες φόρμες για μέρα και βράδυ.",
            "Sukienki, spódnice i kombinezony na dzień i na wieczór.",
        ],
    },
    Cat {
        slug: "trousers",
        parent: None,
        sku: "TR",
        name: ["Trousers", "Παντελόνια", "Spodnie"],
        description: [
            "Tailored trousers, chinos, joggers, jeans and shorts.",
            "Κομψά παντελόνια, chino, φόρμες, τζιν και σορτς.",
            "Eleganckie spodnie, chinosy, dresy, jeansy i szorty.",
        ],
    },
    Cat {
        slug: "jeans",
        parent: Some("trousers"),
        sku: "",
        name: ["Jeans", "Τζιν", "Jeansy"],
        description: [
            "Five-pocket jeans in slim, straight and wide cuts.",
            "Πεντάτσεπα τζιν σε στενή, ίσια και φαρδιά γραμμή.",
            "Jeansy z pięcioma kieszeniami w kroju dopasowanym, prostym i szerokim.",
        ],
    },
    Cat {
        slug: "shorts",
        parent: Some("trousers"),
        sku: "",
        name: ["Shorts", "Σορτς", "Szorty"],
        description: [
            "Linen, cotton and denim shorts for hot days.",
            "Λινά, βαμβακερά και τζιν σορτς για τις ζεστές μέρες.",
            "Lniane, bawełniane i jeansowe szorty na upały.",
        ],
    },
    Cat {
        slug: "bags",
        parent: None,
        sku: "BG",
        name: ["Bags", "Τσάντες", "Torby"],
        description: [
            "Totes, shoulder bags, backpacks and wallets.",
            "Τσάντες για ψώνια και ώμου, σακίδια πλάτης και πορτοφόλια.",
            "Torby, torebki, plecaki i portfele.",
        ],
    },
    Cat {
        slug: "accessories",
        parent: None,
        sku: "AC",
        name: ["Accessories", "Αξεσουάρ", "Akcesoria"],
        description: [
            "Scarves, hats, belts, gloves, sunglasses and socks.",
            "Κασκόλ, καπέλα, ζώνες, γάντια, γυαλιά ηλίου και κάλτσες.",
            "Szaliki, czapki, paski, rękawiczki, okulary przeciwsłoneczne i skarpetki.",
        ],
    },
    Cat {
        slug: "home-kitchen",
        parent: None,
        sku: "HM",
        name: ["Home & kitchen", "Σπίτι & κουζίνα", "Dom i kuchnia"],
        description: [
            "Handmade ceramics, textiles, candles and a little Greek pantry.",
            "Χειροποίητα κεραμικά, υφάσματα, κεριά και λίγα ελληνικά προϊόντα κελαριού.",
            "Ręcznie robiona ceramika, tekstylia, świece i odrobina greckiej spiżarni.",
        ],
    },
    Cat {
        slug: "kitchen",
        parent: Some("home-kitchen"),
        sku: "",
        name: ["Kitchen & pantry", "Κουζίνα", "Kuchnia"],
        description: [
            "Stoneware, glassware, olive wood, honey, tea and olive oil.",
            "Κεραμικά, γυάλινα, ξύλο ελιάς, μέλι, τσάι και ελαιόλαδο.",
            "Kamionka, szkło, drewno oliwne, miód, herbata i oliwa.",
        ],
    },
    Cat {
        slug: "home-textiles",
        parent: Some("home-kitchen"),
        sku: "",
        name: ["Home textiles", "Λευκά είδη", "Tekstylia domowe"],
        description: [
            "Towels, throws, cushion covers, tablecloths and aprons.",
            "Πετσέτες, κουβέρτες, μαξιλαροθήκες, τραπεζομάντιλα και ποδιές.",
            "Ręczniki, koce, poszewki, obrusy i fartuchy.",
        ],
    },
];

/// Products written out by hand so that the showcase names always exist: the English noun and
/// the words that go with it.
const HEROES: &[(&str, Descriptor)] = &[
    ("jacket", hero(None, Some("YEL"), Some("waterproof"))),
    ("shoes", hero(None, Some("BLK"), Some("leather"))),
    ("sneakers", hero(None, Some("WHT"), Some("leather"))),
    ("dress", hero(None, Some("RED"), Some("floral"))),
    ("shirt", hero(None, None, Some("linen"))),
    ("coat", hero(None, Some("NAV"), Some("woollen"))),
];

const fn hero(
    qual: Option<&'static str>,
    col: Option<&'static str>,
    mat: Option<&'static str>,
) -> Descriptor {
    Descriptor { qual, col, mat }
}

// ------------------------------------------------------------------------------------------------
// Generation
// ------------------------------------------------------------------------------------------------

/// The whole catalogue, always the same for the same [`SEED`].
pub fn catalogue() -> Catalogue {
    let categories = build_categories();
    let mut gen = Generator {
        rng: Rng::new(SEED),
        names: [HashSet::new(), HashSet::new(), HashSet::new()],
        slugs: [HashSet::new(), HashSet::new(), HashSet::new()],
        serials: vec![0; BRANDS.len()],
        products: Vec::new(),
    };
    let mut used: Vec<HashSet<Descriptor>> = NOUNS.iter().map(|_| HashSet::new()).collect();

    // Heroes first, so their names are never taken by generated products.
    for &(noun_en, d) in HEROES {
        let ni = NOUNS
            .iter()
            .position(|n| n.en == noun_en)
            .expect("hero noun exists");
        used[ni].insert(d);
        gen.product(ni, d);
    }
    for (ni, noun) in NOUNS.iter().enumerate() {
        let already = used[ni].len();
        for _ in already..noun.count {
            let d = gen.descriptor(noun, &used[ni]);
            used[ni].insert(d);
            gen.product(ni, d);
        }
    }
    // A few drafts, so the admin has something unpublished to look at.
    let n = gen.products.len();
    for i in [n / 7, n / 3, n / 2, (n * 5) / 6] {
        gen.products[i].active = false;
    }
    Catalogue {
        categories,
        products: gen.products,
    }
}

fn build_categories() -> Vec<CategorySeed> {
    let mut position_in_parent: Vec<(Option<&str>, i32)> = Vec::new();
    CATEGORIES
        .iter()
        .map(|c| {
            let pos = match position_in_parent.iter_mut().find(|(p, _)| *p == c.parent) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    position_in_parent.push((c.parent, 0));
                    0
                }
            };
            let name = Tr::new(c.name[0], c.name[1], c.name[2]);
            CategorySeed {
                slug: c.slug.to_owned(),
                parent: c.parent.map(str::to_owned),
                position: pos,
                slugs: Tr::new(c.slug, slugify(c.name[1]), slugify(c.name[2])),
                name,
                description: Tr::new(c.description[0], c.description[1], c.description[2]),
            }
        })
        .collect()
}

/// The words that make a product name unique among products of the same noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Descriptor {
    qual: Option<&'static str>,
    /// A colour in the name makes a single-colour product.
    col: Option<&'static str>,
    mat: Option<&'static str>,
}

struct Generator {
    rng: Rng,
    /// Names used per locale.
    names: [HashSet<String>; 3],
    /// Slugs used per locale.
    slugs: [HashSet<String>; 3],
    /// Next item number per brand (for barcodes).
    serials: Vec<u32>,
    products: Vec<ProductSeed>,
}

impl Generator {
    /// Picks an unused combination of quality, colour and material for `noun`.
    fn descriptor(&mut self, noun: &Noun, used: &HashSet<Descriptor>) -> Descriptor {
        let single = matches!(noun.sizing, Sizing::Single);
        for _ in 0..200 {
            let col = if !single && self.rng.chance(40) {
                Some(*self.rng.pick(noun.colours))
            } else {
                None
            };
            let mut qual = if !noun.quals.is_empty() && self.rng.chance(45) {
                Some(*self.rng.pick(noun.quals))
            } else {
                None
            };
            let mut mat = if !noun.mats.is_empty() && self.rng.chance(65) {
                Some(*self.rng.pick(noun.mats))
            } else {
                None
            };
            // At most two descriptive words besides the noun, and at least one when the
            // colour is not in the name (or the noun has nothing to add, like groceries).
            if col.is_some() && qual.is_some() && mat.is_some() {
                if self.rng.chance(50) {
                    qual = None;
                } else {
                    mat = None;
                }
            }
            let d = Descriptor { qual, col, mat };
            let bare = qual.is_none() && col.is_none() && mat.is_none();
            if bare && !single && !noun.mats.is_empty() {
                continue;
            }
            if !used.contains(&d) {
                return d;
            }
        }
        // Everything sensible is taken: fall back to any free combination.
        let cols = std::iter::once(None).chain(noun.colours.iter().map(|c| Some(*c)));
        for col in cols {
            for q in std::iter::once(None).chain(noun.quals.iter().map(|q| Some(*q))) {
                for m in std::iter::once(None).chain(noun.mats.iter().map(|m| Some(*m))) {
                    let d = Descriptor {
                        qual: q,
                        col,
                        mat: m,
                    };
                    if !used.contains(&d) {
                        return d;
                    }
                }
            }
        }
        panic!("demo content: not enough name combinations for {}", noun.en);
    }

    fn product(&mut self, ni: usize, d: Descriptor) {
        let noun = &NOUNS[ni];
        let number = self.products.len() + 1;
        let cat = category_of(noun.cat);
        let top = top_category(cat);
        let brand_name: &&str = self.rng.pick(noun.brands);
        let brand = brand(brand_name);

        // Name, unique per locale thanks to the model name.
        let mut name;
        let mut tries = 0;
        loop {
            let model = if noun.models {
                Some(*self.rng.pick(MODELS))
            } else {
                None
            };
            name = product_name(noun, d, model);
            let free = name.iter().enumerate().all(|(i, (_, n))| {
                !self.names[i].contains(n) && !self.slugs[i].contains(&slugify(n))
            });
            if free {
                break;
            }
            tries += 1;
            assert!(
                noun.models && tries < 500,
                "demo content: cannot name a {} uniquely",
                noun.en
            );
        }
        let slugs = name.map(slugify);
        for (i, ((_, n), (_, s))) in name.iter().zip(slugs.iter()).enumerate() {
            self.names[i].insert(n.to_owned());
            self.slugs[i].insert(s.to_owned());
        }

        // Material: the adjective's, else the noun's.
        let mat_key = d.mat.and_then(|m| adj(m).material).unwrap_or(noun.material);
        let material = material(mat_key);
        let description = self.description(noun, material, brand);

        // Options.
        let sizes = sizes(noun.sizing);
        let colours: Vec<&'static Colour> = match (d.col, noun.sizing) {
            (Some(c), _) => vec![colour(c)],
            (None, Sizing::Single) => vec![colour(noun.colours[0])],
            (None, _) => {
                let max = if matches!(noun.sizing, Sizing::Shoes(..)) {
                    2
                } else {
                    3
                };
                let k = if self.rng.chance(25) {
                    1
                } else {
                    2 + self.rng.below(max - 1)
                };
                let picked = self.rng.sample(noun.colours.len(), k);
                picked
                    .into_iter()
                    .map(|i| colour(noun.colours[i]))
                    .collect()
            }
        };
        let colour_option = d.col.is_none() && !matches!(noun.sizing, Sizing::Single);
        let mut options = Vec::new();
        if !sizes.is_empty() {
            options.push(OptionSeed {
                code: "size",
                values: sizes
                    .iter()
                    .map(|s| OptionValueSeed {
                        code: s.to_ascii_lowercase(),
                        label: Tr::new(*s, *s, *s),
                    })
                    .collect(),
            });
        }
        if colour_option {
            options.push(OptionSeed {
                code: "colour",
                values: colours
                    .iter()
                    .map(|c| OptionValueSeed {
                        code: c.key.to_owned(),
                        label: c.label(),
                    })
                    .collect(),
            });
        }

        // Prices: one per product, sometimes on sale.
        let price = *self.rng.pick(noun.prices);
        let compare_at = if self.rng.chance(15) {
            let pct = self.rng.range(125, 145);
            Some(round_up_to_90(price * pct / 100).max(price + 100))
        } else {
            None
        };

        // Variants: colours outer, sizes inner, so a colour's sizes sit together.
        let prefix = top.sku;
        let mut variants = Vec::new();
        let size_slots: Vec<Option<usize>> = if sizes.is_empty() {
            vec![None]
        } else {
            (0..sizes.len()).map(Some).collect()
        };
        for (ci, col) in colours.iter().enumerate() {
            for &si in &size_slots {
                let mut sku = format!("{prefix}-{number:04}");
                let mut values = Vec::new();
                if let Some(si) = si {
                    sku.push('-');
                    sku.push_str(sizes[si]);
                    values.push(si);
                }
                if !matches!(noun.sizing, Sizing::Single) {
                    sku.push('-');
                    sku.push_str(col.sku);
                }
                if colour_option {
                    values.push(ci);
                }
                let weight = match (noun.sizing, si) {
                    (Sizing::Shoes(..), Some(si)) => noun.weight + 20 * si as i32,
                    _ => noun.weight,
                };
                let barcode = self.barcode(brand);
                let stock = self.stock();
                variants.push(VariantSeed {
                    sku,
                    barcode,
                    price_minor: price,
                    compare_at_minor: compare_at,
                    values,
                    weight_grams: weight,
                    stock,
                });
            }
        }

        // Images: the first colour, and the second colour when there is one.
        let slug = slugs.en.clone();
        let mut images = Vec::new();
        for (n, col) in colours.iter().take(2).enumerate() {
            if n == 1 && !colour_option {
                break;
            }
            images.push(ImageSeed {
                path: format!("products/{slug}-{}.jpg", n + 1),
                thumb_path: format!("products/{slug}-{}-thumb.jpg", n + 1),
                motif: noun.motif,
                rgb: col.rgb,
                // The second picture shows the first variant of the second colour.
                variant_sku: (n == 1).then(|| variants[size_slots.len()].sku.clone()),
                alt: if colour_option {
                    format!("{}, {}", name.en, col.en)
                } else {
                    name.en.clone()
                },
            });
        }

        self.products.push(ProductSeed {
            slug,
            category: cat.slug.to_owned(),
            active: true,
            brand: brand.name,
            vat_rate: noun.vat,
            name,
            slugs,
            description,
            options,
            variants,
            images,
        });
    }

    fn description(&mut self, noun: &Noun, material: &Material, brand: &Brand) -> Tr {
        let apparel = !matches!(noun.sizing, Sizing::OneSize | Sizing::Single | Sizing::Sml);
        let shoes = matches!(noun.sizing, Sizing::Shoes(..));
        let third: Option<[&str; 3]> = match self.rng.below(10) {
            0 | 1 => None,
            2..=4 if apparel => Some(*self.rng.pick(if shoes { FIT_SHOES } else { FIT_APPAREL })),
            5 if noun.models => Some(if brand.greek {
                MADE_IN_ATHENS
            } else {
                MADE_IN_KRAKOW
            }),
            _ => Some(material.care),
        };
        let sentence = |i: usize| {
            let mut s = format!("{} {}", noun.blurb[i], material.about[i]);
            if let Some(t) = third {
                s.push(' ');
                s.push_str(t[i]);
            }
            s
        };
        Tr::new(sentence(0), sentence(1), sentence(2))
    }

    fn barcode(&mut self, brand: &Brand) -> String {
        let bi = BRANDS
            .iter()
            .position(|b| b.name == brand.name)
            .expect("brand is listed");
        self.serials[bi] += 1;
        let body = format!("{}{:05}", brand.gs1, self.serials[bi]);
        Ean13::from_body(&body)
            .expect("a brand prefix and a serial make twelve digits")
            .into_string()
    }

    /// Opening stock per location: the warehouse holds most, stores a few; some variants are
    /// sold out or low somewhere, and about one in ten is not stocked in the stores at all.
    fn stock(&mut self) -> Vec<(&'static str, i64)> {
        let web = match self.rng.below(100) {
            0..=7 => 0,
            8..=19 => self.rng.range(1, 4),
            _ => self.rng.range(5, 40),
        };
        let no_store = self.rng.chance(10);
        let mut store = || {
            if no_store {
                return 0;
            }
            match self.rng.below(100) {
                0..=24 => 0,
                25..=54 => self.rng.range(1, 2),
                _ => self.rng.range(3, 8),
            }
        };
        let ath = store();
        let krk = store();
        vec![("WEB", web), ("ATH", ath), ("KRK", krk)]
    }
}

/// Builds the three names from a noun, a descriptor and an optional model name.
fn product_name(noun: &Noun, d: Descriptor, model: Option<&str>) -> Tr {
    let qual = d.qual.map(adj);
    let col = d.col.map(colour);
    let mat = d.mat.map(adj);
    let g = noun.g as usize;
    let p = noun.p.idx();

    // English and Greek: quality, colour, material, noun.
    let mut en: Vec<&str> = Vec::new();
    let mut el: Vec<&str> = Vec::new();
    if let Some(q) = qual {
        en.push(q.en);
        el.push(q.el[g]);
    }
    if let Some(c) = col {
        en.push(c.en);
        el.push(c.el[g]);
    }
    if let Some(m) = mat {
        en.push(m.en);
        el.push(m.el[g]);
    }
    en.push(noun.en);
    el.push(noun.el);

    // Polish: quality and colour before the noun; classifying adjectives after it (or before a
    // compound noun); prepositional patterns last.
    let mut pl: Vec<&str> = Vec::new();
    if let Some(q) = qual {
        pl.push(q.pl[p]);
    }
    if let Some(c) = col {
        pl.push(c.pl[p]);
    }
    let mut tail: Vec<&str> = Vec::new();
    if let Some(m) = mat {
        match m.kind {
            Kind::Phrase => tail.push(m.pl[p]),
            Kind::Class if noun.pl_pre => pl.push(m.pl[p]),
            _ => tail.push(m.pl[p]),
        }
    }
    pl.push(noun.pl);
    pl.extend(tail);

    if let Some(model) = model {
        en.push(model);
        el.push(model);
        pl.push(model);
    }
    Tr::new(
        capitalise(&en.join(" ")),
        capitalise(&el.join(" ")),
        capitalise(&pl.join(" ")),
    )
}

fn sizes(sizing: Sizing) -> Vec<&'static str> {
    const SHOES: [&str; 11] = [
        "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46",
    ];
    match sizing {
        Sizing::Apparel => vec!["XS", "S", "M", "L", "XL", "XXL"],
        Sizing::ApparelToXl => vec!["XS", "S", "M", "L", "XL"],
        Sizing::Waist => vec!["28", "30", "32", "34", "36"],
        Sizing::Shoes(lo, hi) => SHOES[(lo - 36) as usize..=(hi - 36) as usize].to_vec(),
        Sizing::Sml => vec!["S", "M", "L"],
        Sizing::OneSize | Sizing::Single => Vec::new(),
    }
}

/// Rounds up to the next price ending in 90 cents.
fn round_up_to_90(minor: i64) -> i64 {
    let euros = (minor + 10 + 99) / 100;
    euros * 100 - 10
}

fn category_of(slug: &str) -> &'static Cat {
    CATEGORIES
        .iter()
        .find(|c| c.slug == slug)
        .unwrap_or_else(|| panic!("demo content: unknown category {slug}"))
}

fn top_category(cat: &'static Cat) -> &'static Cat {
    match cat.parent {
        Some(p) => top_category(category_of(p)),
        None => cat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use commerce::{catalog::sku::Sku, types::Email};

    #[test]
    fn staff_accounts_are_valid() {
        let staff = staff();
        for role in ["owner", "manager", "cashier"] {
            assert!(staff.iter().any(|s| s.role == role));
        }
        for s in &staff {
            assert_eq!(Email::parse(s.email).unwrap().as_str(), s.email);
            assert!(s
                .stores
                .iter()
                .all(|c| stores().iter().any(|st| st.code == *c)));
        }
        for c in customers() {
            assert_eq!(Email::parse(c.email).unwrap().as_str(), c.email);
            assert!(LOCALES.contains(&c.locale));
        }
    }

    #[test]
    fn slugs_are_transliterated() {
        assert_eq!(slugify("Παπούτσια"), "papoutsia");
        assert_eq!(slugify("Μπουφάν"), "boufan");
        assert_eq!(slugify("Buty"), "buty");
        assert_eq!(
            slugify("Żółta kurtka przeciwdeszczowa"),
            "zolta-kurtka-przeciwdeszczowa"
        );
        assert_eq!(slugify("Σπίτι & κουζίνα"), "spiti-kouzina");
        assert_eq!(slugify("Λευκά είδη"), "lefka-eidi");
        assert_eq!(slugify("Home & kitchen"), "home-kitchen");
        assert_eq!(slugify("T-shirts & tops"), "t-shirts-tops");
        assert_eq!(
            slugify("Ελαφριά παπούτσια για τρέξιμο"),
            "elafria-papoutsia-gia-treximo"
        );
        assert_eq!(slugify("Αθλητικά παπούτσια"), "athlitika-papoutsia");
        assert_eq!(slugify("Ευρώπη αυγό"), "evropi-avgo");
        assert_eq!(slugify("  --Płaszcze!  "), "plaszcze");
        // The demo's stored slugs: word-initial γκ, μπ, ντ are g, b, d (ELOT 743).
        assert_eq!(slugify("Γκρι σκούφος Olympus"), "gri-skoufos-olympus");
        assert_eq!(slugify("Μπλε"), "ble");
        assert_eq!(slugify("ντουλάπα"), "doulapa");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn prices_round_up_to_90() {
        assert_eq!(round_up_to_90(1490), 1490);
        assert_eq!(round_up_to_90(1500), 1590);
        assert_eq!(round_up_to_90(1401), 1490);
    }

    #[test]
    fn grammar_of_showcase_names() {
        let cat = catalogue();
        let has = |locale: &str, text: &str| {
            cat.products
                .iter()
                .any(|p| p.name.get(locale).starts_with(text))
        };
        assert!(has("pl", "Żółta kurtka przeciwdeszczowa"));
        assert!(has("el", "Κίτρινο αδιάβροχο μπουφάν"));
        assert!(has("en", "Yellow waterproof jacket"));
        assert!(has("pl", "Czarne buty skórzane"));
        assert!(has("el", "Μαύρα δερμάτινα παπούτσια"));
        assert!(has("pl", "Czerwona sukienka w kwiaty"));
        assert!(has("el", "Κόκκινο φλοράλ φόρεμα"));
        assert!(has("pl", "Granatowy płaszcz wełniany"));
        assert!(has("el", "Μπλε μαρίν μάλλινο παλτό"));
    }

    #[test]
    fn catalogue_is_complete_and_consistent() {
        let cat = catalogue();
        assert_eq!(cat, catalogue(), "deterministic");
        let top = cat.categories.iter().filter(|c| c.parent.is_none()).count();
        assert!(top >= 8, "{top} top-level categories");
        assert!(cat.categories.iter().any(|c| c.name.el == "Παπούτσια"));
        let active = cat.products.iter().filter(|p| p.active).count();
        assert!(active >= 320, "{active} active products");

        let mut skus = HashSet::new();
        let mut barcodes = HashSet::new();
        let mut names = [HashSet::new(), HashSet::new(), HashSet::new()];
        let mut slugs = [HashSet::new(), HashSet::new(), HashSet::new()];
        for c in &cat.categories {
            for (i, (_, s)) in c.slugs.iter().enumerate() {
                assert!(slugs[i].insert(format!("c:{s}")), "category slug {s}");
            }
        }
        for p in &cat.products {
            assert!(cat.categories.iter().any(|c| c.slug == p.category));
            for (i, (_, n)) in p.name.iter().enumerate() {
                assert!(!n.is_empty());
                assert!(names[i].insert(n.to_owned()), "duplicate name {n}");
            }
            for (i, (_, s)) in p.slugs.iter().enumerate() {
                assert!(
                    s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "slug {s}"
                );
                assert!(slugs[i].insert(s.to_owned()), "duplicate slug {s}");
            }
            assert_eq!(p.slug, p.slugs.en);
            for (_, d) in p.description.iter() {
                let sentences = d.matches(['.', '!']).count();
                assert!((2..=4).contains(&sentences), "description {d}");
            }
            assert!(!p.variants.is_empty() && !p.images.is_empty() && p.images.len() <= 2);
            let combos: usize = p.options.iter().map(|o| o.values.len()).product();
            assert_eq!(combos, p.variants.len(), "{}", p.slug);
            for v in &p.variants {
                let sku = Sku::parse(&v.sku).expect("valid SKU");
                assert_eq!(sku.as_str(), v.sku);
                assert!(v
                    .sku
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'));
                assert!(skus.insert(v.sku.clone()), "duplicate sku {}", v.sku);
                assert!(Ean13::parse(&v.barcode).is_ok(), "{}", v.barcode);
                assert!(v.barcode.starts_with("520") || v.barcode.starts_with("590"));
                assert!(barcodes.insert(v.barcode.clone()));
                assert!(v.price_minor > 0 && v.price_minor % 10 == 0);
                assert!(v.price_minor % 100 == 0 || v.price_minor % 100 == 90);
                if let Some(c) = v.compare_at_minor {
                    assert!(c > v.price_minor && c % 100 == 90);
                }
                assert_eq!(v.values.len(), p.options.len());
                for (o, &vi) in p.options.iter().zip(&v.values) {
                    assert!(vi < o.values.len());
                }
                assert_eq!(v.stock.len(), 3);
            }
            for img in &p.images {
                if let Some(sku) = &img.variant_sku {
                    assert!(p.variants.iter().any(|v| &v.sku == sku));
                }
            }
        }
        let variants: usize = cat.products.iter().map(|p| p.variants.len()).sum();
        let zero_store = cat
            .products
            .iter()
            .flat_map(|p| &p.variants)
            .filter(|v| v.stock[1].1 == 0 && v.stock[2].1 == 0)
            .count();
        assert!(
            zero_store * 100 / variants >= 8,
            "{zero_store} of {variants}"
        );
        assert!(cat.products.iter().any(|p| p.vat_rate == "reduced"));
    }
}
