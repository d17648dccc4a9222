//! Relevance of product search over the demo catalogue (English, Greek, Polish).
//!
//! Each case is a query with what its top 5 must (and must not) hold. Products are named by
//! their name in the case's locale and looked up in the database, and the word checks compare
//! folded words (case, accents and final sigma ignored) of the hits' names in that locale, so
//! the suite checks what the shop really shows, not just that something came back.
//!
//! The demo takes a while to load: one test loads it once, runs every case and reports every
//! failing case with the names it got.
//!
//! For tuning: `SEARCH_RELEVANCE_DUMP=1` prints every case's top 5, and
//! `SEARCH_PROBE='query|other query'` prints the hits and suggestions of ad-hoc queries
//! (run with `-- --nocapture`).

use std::collections::HashMap;

use commerce::{
    entity::{
        category, enums::ProductStatus, option_value, product, product_option, product_translation,
        variant, variant_option_value,
    },
    search::{analysis::fold_words, find_code, SearchIndex, SearchParams},
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

/// Hits looked at per query.
const TOP: usize = 5;

/// A query and what its top 5 must look like. Product references are names (or a unique part
/// of a name) in `loc`; word lists are compared as folded word prefixes of the hits' names in
/// `loc`.
#[derive(Clone, Copy)]
struct Case {
    q: &'static str,
    loc: &'static str,
    /// What the case is about.
    why: &'static str,
    /// The best hit.
    first: Option<&'static str>,
    /// The first hits, in any order.
    lead: &'static [&'static str],
    /// Each of these is somewhere in the top 5.
    must: &'static [&'static str],
    /// None of these is in the top 5.
    not: &'static [&'static str],
    /// Every top-5 hit's name has, for each of these words, a word starting with it.
    every: &'static [&'static str],
    /// No top-5 hit's name has a word starting with any of these words.
    never: &'static [&'static str],
    /// Every top-5 hit is in this category (canonical slug) or below it.
    in_cat: Option<&'static str>,
    /// Exactly the same top 5, in the same order, as this query.
    same_as: Option<&'static str>,
    /// Ask the header suggestions (names only) instead of the results page.
    suggest: bool,
    /// At least this many hits in the top 5.
    min: usize,
}

const C: Case = Case {
    q: "",
    loc: "en",
    why: "",
    first: None,
    lead: &[],
    must: &[],
    not: &[],
    every: &[],
    never: &[],
    in_cat: None,
    same_as: None,
    suggest: false,
    min: 1,
};

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---------------------------------------------------------------- Greek
    Case { q: "παπούτσια", loc: "el", why: "Greek noun with tonos: names first", every: &["παπούτσια"], min: 5, ..C },
    Case { q: "παπουτσια", loc: "el", why: "Greek typed without tonos", same_as: Some("παπούτσια"), min: 5, ..C },
    Case { q: "ΠΑΠΟΎΤΣΙΑ", loc: "el", why: "Greek capitals with tonos", same_as: Some("παπούτσια"), min: 5, ..C },
    Case { q: "ΠΑΠΟΥΤΣΙΑ", loc: "el", why: "Greek capitals without tonos", same_as: Some("παπούτσια"), min: 5, ..C },
    Case { q: "μπότες", loc: "el", why: "final sigma ς",
        must: &["Καφέ μπότες Syros", "Σουέτ μπότες Hydra", "Μαύρες δερμάτινες μπότες Ithaca", "Μπορντό δερμάτινες μπότες Zagori"],
        never: &["παπούτσια"], ..C },
    Case { q: "μποτεσ", loc: "el", why: "final sigma typed as σ", same_as: Some("μπότες"), ..C },
    Case { q: "ΜΠΟΤΕΣ", loc: "el", why: "capital Σ at the end", same_as: Some("μπότες"), ..C },
    Case { q: "κάλτσες", loc: "el", why: "final sigma, every sock", every: &["κάλτσες"], min: 5, ..C },
    Case { q: "καλτσεσ", loc: "el", why: "σ at the end, no tonos", same_as: Some("κάλτσες"), ..C },
    Case { q: "κιτρινο αδιαβροχο μπουφαν", loc: "el", why: "three Greek words without tonos",
        first: Some("Κίτρινο αδιάβροχο μπουφάν Mazury"), in_cat: Some("jackets"), ..C },
    Case { q: "μαυρα δερματινα μποτακια", loc: "el", why: "multi-word AND, no tonos",
        first: Some("Μαύρα δερμάτινα μποτάκια Kleparz"), in_cat: Some("boots"), ..C },
    Case { q: "ΚΑΦΈ ΠΟΡΤΟΦΌΛΙ", loc: "el", why: "capitals with tonos, two words",
        first: Some("Καφέ πορτοφόλι Kazimierz"), every: &["πορτοφόλι"], ..C },
    Case { q: "αθλητικα παπουτσια", loc: "el", why: "two-word noun",
        every: &["αθλητικά", "παπούτσια"], min: 5, ..C },
    Case { q: "γυαλια ηλιου", loc: "el", why: "two-word noun, genitive", every: &["γυαλιά", "ηλίου"], min: 5, ..C },
    Case { q: "θυμαρισιο μελι", loc: "el", why: "both honeys, nothing else first",
        lead: &["Θυμαρίσιο μέλι", "Βιολογικό θυμαρίσιο μέλι"], ..C },
    Case { q: "μπουφον", loc: "el", why: "1 edit in a 7-letter word (μπουφάν)", every: &["μπουφάν"], min: 5, ..C },
    Case { q: "ποτροφολι", loc: "el", why: "transposed letters in a 9-letter word (πορτοφόλι)",
        every: &["πορτοφόλι"], min: 5, ..C },
    Case { q: "πορτφολυ", loc: "el", why: "2 edits in an 8-letter word (πορτοφόλι)", every: &["πορτοφόλι"], min: 5, ..C },
    Case { q: "σανδ", loc: "el", why: "prefix of the last word", every: &["σανδάλια"], min: 5, ..C },
    Case { q: "δερμάτινο μπουφ", loc: "el", why: "whole word then a prefix",
        must: &["Δερμάτινο μπουφάν Kifisia", "Λαδί δερμάτινο μπουφάν Olympus"], every: &["δερμάτιν", "μπουφάν"], ..C },
    Case { q: "μπουφαν δερματινο", loc: "el", why: "word order does not matter",
        lead: &["Δερμάτινο μπουφάν Kifisia", "Λαδί δερμάτινο μπουφάν Olympus"], ..C },
    Case { q: "πεδιλα", loc: "el", why: "Greek noun without tonos", every: &["πέδιλα"], min: 5, ..C },
    Case { q: "κούπα", loc: "el", why: "short noun; no jug (κανάτα) or bowl", every: &["κούπα"], never: &["κανάτα", "μπολ"], min: 5, ..C },
    Case { q: "λινό πουκάμισο", loc: "el", why: "names beat descriptions (linen, shirt in many descriptions)",
        lead: &["Λινό πουκάμισο Planty", "Μπλε λινό πουκάμισο Bieszczady", "Ελαφρύ λινό πουκάμισο Wisła"], every: &["λιν"], ..C },

    // ---------------------------------------------------------------- Polish
    Case { q: "żółta kurtka", loc: "pl", why: "Polish diacritics", first: Some("Żółta kurtka przeciwdeszczowa Mazury"), ..C },
    Case { q: "zolta kurtka", loc: "pl", why: "Polish without diacritics", same_as: Some("żółta kurtka"), ..C },
    Case { q: "ŻÓŁTA KURTKA", loc: "pl", why: "Polish capitals", same_as: Some("żółta kurtka"), ..C },
    Case { q: "kurtka", loc: "pl", why: "Polish noun", every: &["kurtka"], min: 5, ..C },
    Case { q: "kurt", loc: "pl", why: "prefix of the last word", every: &["kurtka"], min: 5, ..C },
    Case { q: "kurtak", loc: "pl", why: "transposition in a 6-letter word", every: &["kurtka"], min: 5, ..C },
    Case { q: "kurtki", loc: "pl", why: "plural, also the category name: jackets only", in_cat: Some("jackets"), min: 5, ..C },
    Case { q: "kur", loc: "pl", why: "3 letters: prefix only, no typo expansion", every: &["kurtka"], min: 5, ..C },
    Case { q: "zolta kurkta", loc: "pl", why: "no diacritics and a transposition in the last word",
        first: Some("Żółta kurtka przeciwdeszczowa Mazury"), ..C },
    Case { q: "prezciwdeszczowa", loc: "pl", why: "transposition in a 16-letter word", every: &["przeciwdeszczow"], min: 5, ..C },
    Case { q: "buty do biegania", loc: "pl", why: "two-letter word inside a phrase", every: &["buty", "do", "biegania"], min: 5, ..C },
    Case { q: "baleriny", loc: "pl", why: "Polish plural noun", every: &["baleriny"], min: 5, ..C },
    Case { q: "buty skorzane", loc: "pl", why: "both words in the name outrank category matches",
        lead: &["Czarne buty skórzane Psirri", "Buty skórzane Pelion", "Wygodne buty skórzane Samos"], ..C },
    Case { q: "rozowe sandalki skorzane", loc: "pl", why: "three words without diacritics",
        first: Some("Różowe sandałki skórzane Lefkada"), ..C },
    Case { q: "swieca", loc: "pl", why: "ś folded", every: &["świeca"], min: 4, ..C },
    Case { q: "rekawiczki", loc: "pl", why: "ę folded", every: &["rękawiczki"], min: 4, ..C },
    Case { q: "lystonoska", loc: "pl", why: "2 edits in a 10+ letter word (listonoszka)", every: &["listonoszka"], min: 5, ..C },
    Case { q: "okulary przeciwsloneczne", loc: "pl", why: "long word with ł", every: &["okulary", "przeciwsłoneczne"], min: 5, ..C },
    Case { q: "czarne bu", loc: "pl", why: "word then a 2-letter prefix",
        lead: &["Czarne buty skórzane Psirri", "Czarne buty do biegania Pelion"], ..C },
    Case { q: "sukienka w kwiaty", loc: "pl", why: "one-letter word in the middle", every: &["sukienka", "kwiaty"], min: 4, ..C },
    Case { q: "wisla", loc: "pl", why: "model name in the name beats the brand Wisła Works (meta)", every: &["wisła"], min: 5, ..C },
    Case { q: "kubek", loc: "pl", why: "an inactive product (Niebieski kubek Sopot) never shows",
        every: &["kubek"], not: &["Niebieski kubek Sopot"], never: &["dzbanek"], min: 5, ..C },

    // ---------------------------------------------------------------- English
    Case { q: "jackets", loc: "en", why: "English plural stems to jacket", every: &["jacket"], min: 5, ..C },
    Case { q: "sneakres", loc: "en", why: "transposition in an 8-letter word", every: &["sneakers"], min: 5, ..C },
    Case { q: "sandls", loc: "en", why: "1 deletion in a 6-letter word", every: &["sandals"], min: 5, ..C },
    Case { q: "sunglases", loc: "en", why: "1 deletion in a 10-letter word", every: &["sunglasses"], min: 5, ..C },
    Case { q: "cardigna", loc: "en", why: "transposition at the end", every: &["cardigan"], min: 5, ..C },
    Case { q: "hoodi", loc: "en", why: "prefix of hoodie", every: &["hoodie"], min: 5, ..C },
    Case { q: "hood", loc: "en", why: "suggestions: a prefix of a name", suggest: true, every: &["hoodie"], min: 5, ..C },
    Case { q: "σανδ", loc: "el", why: "suggestions: Greek prefix", suggest: true, every: &["σανδάλια"], min: 5, ..C },
    Case { q: "zolta ku", loc: "pl", why: "suggestions: word without diacritics + prefix", suggest: true,
        first: Some("Żółta kurtka przeciwdeszczowa Mazury"), every: &["żółt"], min: 1, ..C },
    Case { q: "waterprof jacket", loc: "en", why: "typo + AND: the three waterproof jackets first",
        lead: &["Yellow waterproof jacket Mazury", "Waterproof jacket Karkonosze", "Lightweight waterproof jacket Thassos"], ..C },
    Case { q: "running shoes", loc: "en", why: "two-word noun", every: &["running", "shoes"], min: 5, ..C },
    Case { q: "red dress", loc: "en", why: "colour + noun in the name first",
        lead: &["Red floral dress Beskidy", "Red velvet dress Zagori", "Elegant red dress Meteora"], ..C },
    Case { q: "olive oil", loc: "en", why: "olive oil, not olive-coloured things",
        lead: &["Extra virgin olive oil", "Organic extra virgin olive oil"], ..C },
    Case { q: "wool scarf", loc: "en", why: "AND of two words",
        lead: &["Warm wool scarf Psirri", "Grey wool scarf Delphi", "Wool scarf Karkonosze"], every: &["scarf"], ..C },
    Case { q: "suede", loc: "en", why: "names outrank description-only matches", every: &["suede"], min: 5, ..C },
    Case { q: "leather", loc: "en", why: "names outrank description-only matches", every: &["leather"], min: 5, ..C },
    Case { q: "ankle boots", loc: "en", why: "two words", every: &["ankle", "boots"], min: 5, ..C },
    Case { q: "shirt", loc: "en", why: "no typo expansion of a known word (skirt)", never: &["skirt"], min: 5, ..C },
    Case { q: "skirt", loc: "en", why: "no typo expansion of a known word (shirt)", every: &["skirt"], min: 5, ..C },
    Case { q: "mug", loc: "en", why: "3 letters: no typo expansion (jug)", every: &["mug"], never: &["jug"], not: &["Blue mug Sopot"], min: 5, ..C },
    Case { q: "goodyear", loc: "en", why: "a word only in shoe descriptions still finds shoes", every: &["shoes"], never: &["jacket"], min: 5, ..C },
    Case { q: "Wisła", loc: "en", why: "Polish letter in an English-locale search", same_as: Some("wisla"), ..C },
];

/// Which code of a variant to type.
#[derive(Clone, Copy, Debug)]
enum Code {
    Sku,
    SkuLowerCase,
    Ean,
}

/// A SKU or barcode typed in the search box: the product owning it comes first, and
/// `find_code` names it with the variant's selection.
#[derive(Clone, Copy)]
struct CodeCase {
    code: Code,
    /// The product, by name in `loc`.
    product: &'static str,
    loc: &'static str,
    /// The variant, by its option values (`size=m&colour=red`, in option order).
    selection: &'static str,
}

const CODE_CASES: &[CodeCase] = &[
    CodeCase {
        code: Code::Sku,
        product: "Yellow waterproof jacket Mazury",
        loc: "en",
        selection: "size=m",
    },
    CodeCase {
        code: Code::SkuLowerCase,
        product: "Klasyczne buty zamszowe Tyniec",
        loc: "pl",
        selection: "size=42&colour=burgundy",
    },
    CodeCase {
        code: Code::Ean,
        product: "Κίτρινο αδιάβροχο μπουφάν Mazury",
        loc: "el",
        selection: "size=xl",
    },
    CodeCase {
        code: Code::Ean,
        product: "Miód tymiankowy",
        loc: "pl",
        selection: "",
    },
    CodeCase {
        code: Code::Sku,
        product: "Απαλό μάλλινο πουλόβερ Ojców",
        loc: "el",
        selection: "size=l&colour=white",
    },
];

/// What the tests know about a product.
struct Product {
    id: i64,
    active: bool,
    category_id: i64,
    /// Locale → name.
    names: HashMap<String, String>,
}

struct Catalogue {
    products: Vec<Product>,
    by_id: HashMap<i64, usize>,
    /// Category id → (canonical slug, parent id).
    categories: HashMap<i64, (String, Option<i64>)>,
}

impl Catalogue {
    async fn load(db: &DatabaseConnection) -> Catalogue {
        let mut products: Vec<Product> = product::Entity::find()
            .order_by_asc(product::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|p| Product {
                id: p.id,
                active: p.status == ProductStatus::Active,
                category_id: p.category_id,
                names: HashMap::new(),
            })
            .collect();
        let by_id: HashMap<i64, usize> = products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id, i))
            .collect();
        for t in product_translation::Entity::find().all(db).await.unwrap() {
            if let Some(i) = by_id.get(&t.product_id) {
                products[*i].names.insert(t.locale, t.name);
            }
        }
        let categories = category::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.id, (c.slug, c.parent_id)))
            .collect();
        Catalogue {
            products,
            by_id,
            categories,
        }
    }

    /// Whether product `id` is in the category with canonical slug `slug` or below it.
    fn in_category(&self, id: i64, slug: &str) -> bool {
        let mut cur = self.by_id.get(&id).map(|i| self.products[*i].category_id);
        for _ in 0..10 {
            let Some((s, parent)) = cur.and_then(|c| self.categories.get(&c)) else {
                return false;
            };
            if s == slug {
                return true;
            }
            cur = *parent;
        }
        false
    }

    fn name(&self, id: i64, loc: &str) -> String {
        self.by_id
            .get(&id)
            .and_then(|i| {
                let p = &self.products[*i];
                p.names.get(loc).or_else(|| p.names.get("en"))
            })
            .cloned()
            .unwrap_or_else(|| format!("#{id}?"))
    }

    /// The product named `name` in `loc` (exactly, else the only one whose name contains it).
    fn find(&self, loc: &str, name: &str) -> Result<i64, String> {
        fn named<'a>(p: &'a Product, loc: &str) -> Option<&'a str> {
            p.names.get(loc).map(String::as_str)
        }
        if let Some(p) = self.products.iter().find(|p| named(p, loc) == Some(name)) {
            return Ok(p.id);
        }
        let found: Vec<&Product> = self
            .products
            .iter()
            .filter(|p| named(p, loc).is_some_and(|n| n.contains(name)))
            .collect();
        match found.as_slice() {
            [p] => Ok(p.id),
            [] => Err(format!("no product named «{name}» in {loc}")),
            _ => Err(format!("«{name}» names {} products in {loc}", found.len())),
        }
    }

    /// Whether the name of `id` in `loc` has a word starting with each word of `phrase`.
    fn name_has(&self, id: i64, loc: &str, phrase: &str) -> bool {
        let words = fold_words(&self.name(id, loc));
        fold_words(phrase)
            .iter()
            .all(|w| words.iter().any(|n| n.starts_with(w.as_str())))
    }
}

fn top(index: &SearchIndex, q: &str) -> Vec<i64> {
    index.hits(&SearchParams::text(q), TOP).ids
}

/// The top 5 of the results page, or of the suggestions.
fn run(index: &SearchIndex, case: &Case, q: &str) -> Vec<i64> {
    if case.suggest {
        index.suggest(q, TOP)
    } else {
        top(index, q)
    }
}

/// The problems of one case (empty when it passes).
fn check(cat: &Catalogue, index: &SearchIndex, case: &Case) -> Vec<String> {
    let hits = run(index, case, case.q);
    let mut errors = Vec::new();
    let mut find = |name: &str| -> Option<i64> {
        match cat.find(case.loc, name) {
            Ok(id) => Some(id),
            Err(e) => {
                errors.push(format!("bad case: {e}"));
                None
            }
        }
    };
    let first = case.first.map(|n| (n, find(n)));
    let lead: Vec<(&str, Option<i64>)> = case.lead.iter().map(|n| (*n, find(n))).collect();
    let must: Vec<(&str, Option<i64>)> = case.must.iter().map(|n| (*n, find(n))).collect();
    let not: Vec<(&str, Option<i64>)> = case.not.iter().map(|n| (*n, find(n))).collect();

    if hits.len() < case.min {
        errors.push(format!(
            "{} hits, expected at least {}",
            hits.len(),
            case.min
        ));
    }
    if let Some((name, Some(id))) = first {
        if hits.first() != Some(&id) {
            errors.push(format!("first hit should be «{name}»"));
        }
    }
    let head: Vec<i64> = hits.iter().take(lead.len()).copied().collect();
    for (name, id) in &lead {
        if let Some(id) = id {
            if !head.contains(id) {
                errors.push(format!("«{name}» should be in the first {}", lead.len()));
            }
        }
    }
    for (name, id) in &must {
        if let Some(id) = id {
            if !hits.contains(id) {
                errors.push(format!("«{name}» should be in the top {TOP}"));
            }
        }
    }
    for (name, id) in &not {
        if let Some(id) = id {
            if hits.contains(id) {
                errors.push(format!("«{name}» should not be in the top {TOP}"));
            }
        }
    }
    for id in &hits {
        for w in case.every {
            if !cat.name_has(*id, case.loc, w) {
                errors.push(format!("hit «{}» lacks «{w}»", cat.name(*id, case.loc)));
            }
        }
        for w in case.never {
            if cat.name_has(*id, case.loc, w) {
                errors.push(format!("hit «{}» has «{w}»", cat.name(*id, case.loc)));
            }
        }
        if let Some(slug) = case.in_cat {
            if !cat.in_category(*id, slug) {
                errors.push(format!(
                    "hit «{}» is not in {slug}",
                    cat.name(*id, case.loc)
                ));
            }
        }
        if cat.by_id.get(id).is_none_or(|i| !cat.products[*i].active) {
            errors.push(format!(
                "hit «{}» is not an active product",
                cat.name(*id, case.loc)
            ));
        }
    }
    if let Some(other) = case.same_as {
        let theirs = run(index, case, other);
        if theirs != hits {
            let names: Vec<String> = theirs.iter().map(|id| cat.name(*id, case.loc)).collect();
            errors.push(format!("differs from «{other}»: {names:?}"));
        }
    }
    errors
}

/// The variant of `product_id` whose option values are `selection` (`code=value&…`).
async fn variant_with(
    db: &DatabaseConnection,
    product_id: i64,
    selection: &str,
) -> Option<variant::Model> {
    let options: HashMap<i64, (i32, String)> = product_option::Entity::find()
        .filter(product_option::Column::ProductId.eq(product_id))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| (o.id, (o.position, o.code)))
        .collect();
    for v in variant::Entity::find()
        .filter(variant::Column::ProductId.eq(product_id))
        .all(db)
        .await
        .unwrap()
    {
        let ids: Vec<i64> = variant_option_value::Entity::find()
            .filter(variant_option_value::Column::VariantId.eq(v.id))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|x| x.option_value_id)
            .collect();
        let mut pairs: Vec<(i32, String, String)> = option_value::Entity::find()
            .filter(option_value::Column::Id.is_in(ids))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|val| {
                let (pos, code) = options.get(&val.option_id)?;
                Some((*pos, code.clone(), val.code))
            })
            .collect();
        pairs.sort();
        let s: Vec<String> = pairs.iter().map(|(_, o, v)| format!("{o}={v}")).collect();
        if s.join("&") == selection {
            return Some(v);
        }
    }
    None
}

async fn check_code(
    db: &DatabaseConnection,
    cat: &Catalogue,
    index: &SearchIndex,
    case: &CodeCase,
) -> (String, Vec<String>) {
    let product_id = match cat.find(case.loc, case.product) {
        Ok(id) => id,
        Err(e) => return (case.product.into(), vec![format!("bad case: {e}")]),
    };
    let Some(v) = variant_with(db, product_id, case.selection).await else {
        return (
            case.product.into(),
            vec![format!("bad case: no variant with {}", case.selection)],
        );
    };
    let q = match case.code {
        Code::Sku => v.sku.clone(),
        Code::SkuLowerCase => v.sku.to_lowercase(),
        Code::Ean => v.barcode.clone().expect("demo variants have barcodes"),
    };
    let mut errors = Vec::new();
    let hits = top(index, &q);
    if hits.first() != Some(&product_id) {
        let names: Vec<String> = hits.iter().map(|id| cat.name(*id, case.loc)).collect();
        errors.push(format!(
            "first hit should be «{}»; got {names:?}",
            case.product
        ));
    }
    // With spaces around, as pasted.
    match find_code(
        &commerce::test_support::catalogue(db).await,
        case.loc,
        &format!("  {q} "),
    ) {
        Some(m) => {
            let expected_name = cat.name(product_id, case.loc);
            if m.name != expected_name || m.selection != case.selection || m.sku != v.sku {
                errors.push(format!(
                    "find_code gave {:?} / {:?} / {:?}, expected {expected_name:?} / {:?} / {:?}",
                    m.name, m.selection, m.sku, case.selection, v.sku
                ));
            }
            let slug: String = product_translation::Entity::find()
                .filter(product_translation::Column::ProductId.eq(product_id))
                .filter(product_translation::Column::Locale.eq(case.loc))
                .one(db)
                .await
                .unwrap()
                .map(|t| t.slug)
                .unwrap_or_default();
            if m.slug != slug {
                errors.push(format!("find_code slug {:?}, expected {slug:?}", m.slug));
            }
            let expected_path = if case.selection.is_empty() {
                format!("/p/{slug}")
            } else {
                format!("/p/{slug}?{}", case.selection)
            };
            if m.path() != expected_path {
                errors.push(format!("path {:?}, expected {expected_path:?}", m.path()));
            }
        }
        None => errors.push("find_code found nothing".into()),
    }
    (format!("{q:?} ({:?}, {})", case.code, case.loc), errors)
}

async fn demo() -> (tempfile::TempDir, DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = commerce::db::connect(&url).await.unwrap();
    commerce::db::migrate(&db).await.unwrap();
    demo::load(&db, dir.path()).await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn relevance_over_the_demo_catalogue() {
    assert!(CASES.len() + CODE_CASES.len() >= 40);
    let (dir, db) = demo().await;
    let index = SearchIndex::open(&db, dir.path()).await.unwrap();
    let cat = Catalogue::load(&db).await;

    let mut failures = Vec::new();
    for case in CASES {
        let errors = check(&cat, &index, case);
        if !errors.is_empty() {
            let got: Vec<String> = run(&index, case, case.q)
                .iter()
                .map(|id| cat.name(*id, case.loc))
                .collect();
            failures.push(format!(
                "«{}» ({}, {}):\n    {}\n    got {got:?}",
                case.q,
                case.loc,
                case.why,
                errors.join("\n    ")
            ));
        }
    }
    for case in CODE_CASES {
        let (label, errors) = check_code(&db, &cat, &index, case).await;
        if !errors.is_empty() {
            failures.push(format!("{label}:\n    {}", errors.join("\n    ")));
        }
    }
    // Codes that are not anyone's: no shortcut, no error.
    for q in ["5901234123457", "XX-9999-ZZ", "0000000000000"] {
        if let Some(m) = find_code(&commerce::test_support::catalogue(&db).await, "en", q) {
            failures.push(format!(
                "«{q}» is no variant's code but find_code gave {m:?}"
            ));
        }
    }
    if let Ok(probe) = std::env::var("SEARCH_PROBE") {
        for q in probe.split('|') {
            let h = index.hits(&SearchParams::text(q), TOP);
            let got: Vec<String> = h.ids.iter().map(|id| cat.name(*id, "en")).collect();
            let sug: Vec<String> = index
                .suggest(q, TOP)
                .iter()
                .map(|id| cat.name(*id, "en"))
                .collect();
            println!(
                "PROBE {q:<24} total={} {got:?}\n      suggest {sug:?}",
                h.total
            );
        }
    }
    if std::env::var_os("SEARCH_RELEVANCE_DUMP").is_some() {
        for case in CASES {
            let got: Vec<String> = run(&index, case, case.q)
                .iter()
                .map(|id| cat.name(*id, case.loc))
                .collect();
            println!("{:<28} {got:?}", case.q);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} relevance cases failed:\n{}",
        failures.len(),
        CASES.len() + CODE_CASES.len(),
        failures.join("\n")
    );
}
