//! The query set: built with a fixed seed from products sampled in the database, so word
//! popularity follows the catalogue (a word in many names is picked often).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use commerce::search::{params::PRICE_BANDS, SearchParams, Sort};
use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use unicode_normalization::UnicodeNormalization;

use super::catalogue::anyhow_lite::Result;

/// The shape of a query, for the per-shape table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    OneWord,
    TwoWords,
    ThreeWords,
    Typo,
    Prefix,
    Code,
    TextTwoFacets,
    TwoFacetsNoText,
    Sorted,
    Junk,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::OneWord,
        Kind::TwoWords,
        Kind::ThreeWords,
        Kind::Typo,
        Kind::Prefix,
        Kind::Code,
        Kind::TextTwoFacets,
        Kind::TwoFacetsNoText,
        Kind::Sorted,
        Kind::Junk,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::OneWord => "1 word",
            Kind::TwoWords => "2 words",
            Kind::ThreeWords => "3 words",
            Kind::Typo => "typo (1-2 edits)",
            Kind::Prefix => "prefix (2-6 letters)",
            Kind::Code => "SKU / EAN",
            Kind::TextTwoFacets => "1-2 words + 2 facets",
            Kind::TwoFacetsNoText => "2 facets, no text",
            Kind::Sorted => "1 word, price/newest sort",
            Kind::Junk => "junk",
        }
    }

    /// Share of the mix, in percent.
    fn weight(self) -> u32 {
        match self {
            Kind::OneWord => 20,
            Kind::TwoWords => 12,
            Kind::ThreeWords => 8,
            Kind::Typo => 15,
            Kind::Prefix => 15,
            Kind::Code => 5,
            Kind::TextTwoFacets => 15,
            Kind::TwoFacetsNoText => 3,
            Kind::Sorted => 2,
            Kind::Junk => 5,
        }
    }
}

/// One query of the set.
#[derive(Clone, Debug)]
pub struct Query {
    pub kind: Kind,
    pub params: SearchParams,
    /// Words for the SQL `LIKE` baseline (empty: no baseline for this query).
    pub like: Vec<String>,
}

/// What a sampled product offers to build queries from.
#[derive(Default, Clone)]
struct Product {
    names: [String; 3],
    descs: [String; 3],
    codes: Vec<String>,
    attrs: BTreeSet<(String, String)>,
    stores: BTreeSet<i64>,
    online: bool,
    price: i64,
    category: i64,
}

async fn rows(db: &DatabaseConnection, sql: String) -> Result<Vec<sea_orm::QueryResult>> {
    Ok(db
        .query_all(Statement::from_string(DbBackend::Sqlite, sql))
        .await?)
}

async fn sample_products(
    db: &DatabaseConnection,
    rng: &mut StdRng,
    n: usize,
) -> Result<Vec<Product>> {
    let all: Vec<i64> = rows(db, "SELECT id FROM products WHERE status = 'active'".into())
        .await?
        .iter()
        .map(|r| r.try_get_by_index::<i64>(0))
        .collect::<std::result::Result<_, _>>()?;
    let ids: Vec<i64> = (0..n)
        .map(|_| *all.choose(rng).expect("products"))
        .collect();
    let set: BTreeSet<i64> = ids.iter().copied().collect();
    let list = set
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let mut by_id: HashMap<i64, Product> = set.iter().map(|i| (*i, Product::default())).collect();
    let loc = |l: &str| ["en", "el", "pl"].iter().position(|x| *x == l);
    for r in rows(db, format!("SELECT product_id, locale, name, description FROM product_translations WHERE product_id IN ({list})")).await? {
        let p = by_id.get_mut(&r.try_get_by_index::<i64>(0)?).ok_or("product")?;
        if let Some(i) = loc(&r.try_get_by_index::<String>(1)?) {
            p.names[i] = r.try_get_by_index(2)?;
            p.descs[i] = r.try_get_by_index(3)?;
        }
    }
    for r in rows(
        db,
        format!("SELECT id, category_id FROM products WHERE id IN ({list})"),
    )
    .await?
    {
        by_id
            .get_mut(&r.try_get_by_index::<i64>(0)?)
            .ok_or("product")?
            .category = r.try_get_by_index(1)?;
    }
    for r in rows(db, format!("SELECT product_id, sku, barcode, price_minor FROM variants WHERE active AND product_id IN ({list})")).await? {
        let p = by_id.get_mut(&r.try_get_by_index::<i64>(0)?).ok_or("product")?;
        p.codes.push(r.try_get_by_index(1)?);
        if let Some(b) = r.try_get_by_index::<Option<String>>(2)? {
            p.codes.push(b);
        }
        let price: i64 = r.try_get_by_index(3)?;
        p.price = if p.price == 0 { price } else { p.price.min(price) };
    }
    for r in rows(
        db,
        format!(
            "SELECT v.product_id, o.code, ov.code FROM variants v \
         JOIN variant_option_values x ON x.variant_id = v.id \
         JOIN option_values ov ON ov.id = x.option_value_id \
         JOIN product_options o ON o.id = ov.option_id WHERE v.product_id IN ({list})"
        ),
    )
    .await?
    {
        let p = by_id
            .get_mut(&r.try_get_by_index::<i64>(0)?)
            .ok_or("product")?;
        p.attrs
            .insert((r.try_get_by_index(1)?, r.try_get_by_index(2)?));
    }
    for r in rows(
        db,
        format!(
            "SELECT v.product_id, l.store_id, l.ships_online FROM stock_levels s \
         JOIN variants v ON v.id = s.variant_id JOIN locations l ON l.id = s.location_id \
         WHERE s.on_hand - s.reserved > 0 AND v.product_id IN ({list})"
        ),
    )
    .await?
    {
        let p = by_id
            .get_mut(&r.try_get_by_index::<i64>(0)?)
            .ok_or("product")?;
        if let Some(s) = r.try_get_by_index::<Option<i64>>(1)? {
            p.stores.insert(s);
        }
        p.online |= r.try_get_by_index::<bool>(2)?;
    }
    Ok(ids.iter().map(|i| by_id[i].clone()).collect())
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

fn strip_marks(s: &str) -> String {
    s.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'ł' => 'l',
            'Ł' => 'L',
            c => c,
        })
        .collect::<String>()
        .nfc()
        .collect()
}

/// How people type in `locale`: lower case; Greek sometimes in capitals without accents or
/// without accents; Polish sometimes without diacritics.
fn as_typed(rng: &mut StdRng, locale: usize, text: &str) -> String {
    let lower = text.to_lowercase();
    match locale {
        1 => match rng.gen_range(0..100) {
            0..=24 => strip_marks(&text.to_uppercase()),
            25..=39 => strip_marks(&lower),
            _ => lower,
        },
        2 if rng.gen_bool(0.35) => strip_marks(&lower),
        _ => lower,
    }
}

const LATIN: &str = "abcdefghijklmnopqrstuvwxyz";
const GREEK: &str = "αβγδεζηθικλμνξοπρστυφχψω";

/// `word` with `edits` typing mistakes (substitution, deletion, insertion, swap).
fn typo(rng: &mut StdRng, word: &str, edits: usize) -> String {
    let greek = word.chars().any(|c| ('\u{370}'..='\u{3ff}').contains(&c));
    let upper = word.chars().all(|c| !c.is_lowercase());
    let alphabet: Vec<char> = if greek { GREEK } else { LATIN }
        .chars()
        .flat_map(|c| {
            if upper {
                c.to_uppercase().next()
            } else {
                Some(c)
            }
        })
        .collect();
    for _ in 0..20 {
        let mut w: Vec<char> = word.chars().collect();
        for _ in 0..edits {
            // Mistakes after the first letter are far more common.
            let pos = if rng.gen_bool(0.85) && w.len() > 1 {
                rng.gen_range(1..w.len())
            } else {
                rng.gen_range(0..w.len())
            };
            match rng.gen_range(0..4) {
                0 => w[pos] = *alphabet.choose(rng).unwrap(),
                1 if w.len() > 4 => {
                    w.remove(pos);
                }
                2 => w.insert(pos, *alphabet.choose(rng).unwrap()),
                _ if pos + 1 < w.len() => w.swap(pos, pos + 1),
                _ => w[pos] = *alphabet.choose(rng).unwrap(),
            }
        }
        let out: String = w.into_iter().collect();
        if out != word {
            return out;
        }
    }
    format!("{word}x")
}

fn band_of(price: i64) -> usize {
    PRICE_BANDS
        .partition_point(|b| *b <= price)
        .saturating_sub(1)
}

/// Two facet filters this product passes (so the query usually finds something).
fn two_facets(rng: &mut StdRng, p: &Product, params: &mut SearchParams) {
    let attr = |code: &str| -> Vec<&String> {
        p.attrs
            .iter()
            .filter(|(c, _)| c == code)
            .map(|(_, v)| v)
            .collect()
    };
    let colours = attr("colour");
    let sizes = attr("size");
    let set = |params: &mut SearchParams, code: &str, v: &str| {
        params
            .attrs
            .entry(code.to_owned())
            .or_default()
            .insert(v.to_owned());
    };
    let store = p.stores.iter().next().copied();
    let mut options: Vec<u8> = vec![0]; // price band + online
    if !colours.is_empty() {
        options.push(1); // colour + online
        options.push(2); // colour + category
    }
    if !sizes.is_empty() {
        options.push(3); // size + online
        if !colours.is_empty() {
            options.push(4); // size + colour
        }
    }
    if store.is_some() {
        options.push(5); // price band + store
    }
    match *options.choose(rng).unwrap() {
        1 => {
            set(params, "colour", colours.choose(rng).unwrap());
            params.online = true;
        }
        2 => {
            set(params, "colour", colours.choose(rng).unwrap());
            params.category = Some(p.category);
        }
        3 => {
            set(params, "size", sizes.choose(rng).unwrap());
            params.online = true;
        }
        4 => {
            set(params, "size", sizes.choose(rng).unwrap());
            set(params, "colour", colours.choose(rng).unwrap());
        }
        5 => {
            params.price.insert(band_of(p.price));
            params.stores.insert(store.unwrap());
        }
        _ => {
            params.price.insert(band_of(p.price));
            params.online = true;
        }
    }
}

/// The `nth` junk query (the forms take turns, so each is equally represented).
fn junk(rng: &mut StdRng, nth: usize) -> String {
    match nth % 10 {
        0 => String::new(),
        1 => " * : ( ) ~ ^ \\ / -".into(),
        2 => "🙂🛒👟".into(),
        3 => "a".repeat(10_000),
        4 => "αβγδεζηθικλμνξοπρστυφχψω"
            .repeat(3)
            .chars()
            .take(60)
            .collect(),
        5 => "'; DROP TABLE products; --".into(),
        6 => "\u{301}\u{301} \u{308}".into(),
        7 => rng.gen_range(10_000..99_999).to_string(),
        _ => {
            let len = rng.gen_range(5..9);
            (0..len)
                .map(|_| *b"bcdfghjklmnpqrstvwxz".choose(rng).unwrap() as char)
                .collect()
        }
    }
}

/// Builds `n` queries with `seed`.
pub async fn build(db: &DatabaseConnection, n: usize, seed: u64) -> Result<Vec<Query>> {
    let mut rng = StdRng::seed_from_u64(seed);
    let products = sample_products(db, &mut rng, n).await?;
    let total: u32 = Kind::ALL.iter().map(|k| k.weight()).sum();
    let mut out = Vec::with_capacity(n);
    let mut junk_n = 0;
    for (qi, p) in products.iter().enumerate() {
        // Kinds in fixed proportions, then shuffled.
        let slot = (qi as u32 * total / n as u32) % total;
        let mut acc = 0;
        let kind = *Kind::ALL
            .iter()
            .find(|k| {
                acc += k.weight();
                slot < acc
            })
            .unwrap();
        let locale = match rng.gen_range(0..10) {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        let name = words(&p.names[locale]);
        let desc = words(&p.descs[locale]);
        let window = |rng: &mut StdRng, k: usize| -> Vec<String> {
            let k = k.min(name.len()).max(1);
            let start = rng.gen_range(0..=name.len().saturating_sub(k));
            name[start..(start + k).min(name.len())].to_vec()
        };
        let long_word = |rng: &mut StdRng, min: usize| -> Option<String> {
            let c: Vec<&String> = name
                .iter()
                .filter(|w| w.chars().count() >= min && w.chars().all(char::is_alphabetic))
                .collect();
            c.choose(rng).map(|w| (*w).clone())
        };
        let mut params = SearchParams::text("");
        let text = match kind {
            Kind::OneWord | Kind::Sorted => {
                let w = if rng.gen_bool(0.15) && !desc.is_empty() {
                    let d: Vec<&String> = desc.iter().filter(|w| w.chars().count() >= 3).collect();
                    d.choose(&mut rng)
                        .map(|w| (*w).clone())
                        .unwrap_or_else(|| name[0].clone())
                } else {
                    window(&mut rng, 1).join(" ")
                };
                if kind == Kind::Sorted {
                    params.sort = if rng.gen_bool(0.5) {
                        Sort::PriceAsc
                    } else {
                        Sort::Newest
                    };
                }
                as_typed(&mut rng, locale, &w)
            }
            Kind::TwoWords => {
                let w = window(&mut rng, 2).join(" ");
                as_typed(&mut rng, locale, &w)
            }
            Kind::ThreeWords => {
                let w = window(&mut rng, 3).join(" ");
                as_typed(&mut rng, locale, &w)
            }
            Kind::Typo => {
                let w = long_word(&mut rng, 4).unwrap_or_else(|| name[0].clone());
                let typed = as_typed(&mut rng, locale, &w);
                let edits = if w.chars().count() >= 8 { 2 } else { 1 };
                let bad = typo(&mut rng, &typed, edits);
                let other = window(&mut rng, 1).join(" ");
                if rng.gen_bool(0.3) && other != w {
                    format!("{} {bad}", as_typed(&mut rng, locale, &other))
                } else {
                    bad
                }
            }
            Kind::Prefix => {
                let w = long_word(&mut rng, 3).unwrap_or_else(|| name[0].clone());
                let chars: Vec<char> = as_typed(&mut rng, locale, &w).chars().collect();
                let len = rng.gen_range(2..=6.min(chars.len().saturating_sub(1)).max(2));
                let prefix: String = chars.iter().take(len).collect();
                let first = window(&mut rng, 1).join(" ");
                if rng.gen_bool(0.4) && first != w {
                    format!("{} {prefix}", as_typed(&mut rng, locale, &first))
                } else {
                    prefix
                }
            }
            Kind::Code => {
                let c = p.codes.choose(&mut rng).cloned().unwrap_or_default();
                if rng.gen_bool(0.3) {
                    c.to_lowercase()
                } else {
                    c
                }
            }
            Kind::TextTwoFacets => {
                let k = rng.gen_range(1..=2);
                let w = window(&mut rng, k).join(" ");
                let t = as_typed(&mut rng, locale, &w);
                two_facets(&mut rng, p, &mut params);
                t
            }
            Kind::TwoFacetsNoText => {
                two_facets(&mut rng, p, &mut params);
                String::new()
            }
            Kind::Junk => {
                junk_n += 1;
                junk(&mut rng, junk_n - 1)
            }
        };
        params.q = SearchParams::text(&text).q;
        let like = params
            .q
            .split_whitespace()
            .take(8)
            .map(str::to_owned)
            .collect();
        out.push(Query { kind, params, like });
    }
    out.shuffle(&mut rng);
    Ok(out)
}

/// Counts of queries per kind.
pub fn mix(queries: &[Query]) -> BTreeMap<Kind, usize> {
    let mut m = BTreeMap::new();
    for q in queries {
        *m.entry(q.kind).or_insert(0) += 1;
    }
    m
}
