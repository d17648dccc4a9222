//! Product search rules other than ranking, over the demo catalogue: junk input, paging past
//! the end, facet counts (categories, disjunctive attributes, price bands, availability), the
//! in-stock tie-break, following the outbox, and the index folder's life cycle (reopen, delete,
//! garbage, other schema version).
//!
//! Expected numbers are computed from the database, never copied from the index. The demo is
//! loaded once; one test runs every section in order (later sections change stock and
//! products) and reports all failures together.

use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    path::Path,
    sync::Arc,
};

use commerce::{
    catalog::browse,
    entity::{
        category,
        enums::{AdjustmentReason, MovementReason, ProductStatus},
        location, option_value, product, product_option, stock_level, store, variant,
        variant_option_value,
    },
    inventory::{post_movement, NewMovement},
    outbox::{emit, Change},
    search::{
        find_code, page::PAGE_SIZE, params::PRICE_BANDS, schema::SCHEMA_VERSION, search_page,
        suggest, Hits, SearchIndex, SearchParams,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};

/// Collects failures so one run reports them all.
#[derive(Default)]
struct Checks {
    failures: Vec<String>,
    section: &'static str,
}

impl Checks {
    fn section(&mut self, name: &'static str) {
        self.section = name;
    }

    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            let msg = what();
            self.failures.push(format!("[{}] {msg}", self.section));
        }
    }

    fn eq<T: PartialEq + std::fmt::Debug>(&mut self, got: T, expected: T, what: &str) {
        self.check(got == expected, || {
            format!("{what}: got {got:?}, expected {expected:?}")
        });
    }
}

/// What the index should hold, computed from the database: one entry per active product with
/// an active variant.
struct Model {
    products: BTreeMap<i64, Doc>,
    /// Category id → (slug, parent).
    categories: HashMap<i64, (String, Option<i64>)>,
    /// Store code → id.
    stores: BTreeMap<String, i64>,
}

#[derive(Clone, Debug, Default)]
struct Doc {
    category_id: i64,
    price_minor: i64,
    attrs: BTreeSet<(String, String)>,
    online: bool,
    stores: BTreeSet<i64>,
    skus: Vec<String>,
}

impl Doc {
    fn in_stock(&self) -> bool {
        self.online || !self.stores.is_empty()
    }

    fn has(&self, code: &str, value: &str) -> bool {
        self.attrs.contains(&(code.to_owned(), value.to_owned()))
    }
}

impl Model {
    async fn load(db: &DatabaseConnection) -> Model {
        let mut products: BTreeMap<i64, Doc> = BTreeMap::new();
        let active: HashMap<i64, i64> = product::Entity::find()
            .filter(product::Column::Status.eq(ProductStatus::Active))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.id, p.category_id))
            .collect();
        let mut product_of: HashMap<i64, i64> = HashMap::new();
        for v in variant::Entity::find()
            .filter(variant::Column::Active.eq(true))
            .all(db)
            .await
            .unwrap()
        {
            let Some(cat) = active.get(&v.product_id) else {
                continue;
            };
            product_of.insert(v.id, v.product_id);
            let d = products.entry(v.product_id).or_insert_with(|| Doc {
                category_id: *cat,
                price_minor: i64::MAX,
                ..Default::default()
            });
            d.price_minor = d.price_minor.min(v.price_minor);
            d.skus.push(v.sku);
        }
        let options: HashMap<i64, String> = product_option::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| (o.id, o.code))
            .collect();
        let values: HashMap<i64, (String, String)> = option_value::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|v| Some((v.id, (options.get(&v.option_id)?.clone(), v.code))))
            .collect();
        for vov in variant_option_value::Entity::find().all(db).await.unwrap() {
            let (Some(p), Some(pair)) = (
                product_of.get(&vov.variant_id),
                values.get(&vov.option_value_id),
            ) else {
                continue;
            };
            if pair.0 == "colour" || pair.0 == "size" {
                products.get_mut(p).unwrap().attrs.insert(pair.clone());
            }
        }
        let locations: HashMap<i64, location::Model> = location::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| (l.id, l))
            .collect();
        for level in stock_level::Entity::find().all(db).await.unwrap() {
            if level.on_hand - level.reserved <= 0 {
                continue;
            }
            let (Some(p), Some(loc)) = (
                product_of.get(&level.variant_id),
                locations.get(&level.location_id),
            ) else {
                continue;
            };
            let d = products.get_mut(p).unwrap();
            d.online |= loc.ships_online;
            if let Some(s) = loc.store_id {
                d.stores.insert(s);
            }
        }
        let categories = category::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.id, (c.slug, c.parent_id)))
            .collect();
        let stores = store::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| (s.code, s.id))
            .collect();
        Model {
            products,
            categories,
            stores,
        }
    }

    fn category(&self, slug: &str) -> i64 {
        *self
            .categories
            .iter()
            .find(|(_, (s, _))| s == slug)
            .unwrap_or_else(|| panic!("no category {slug}"))
            .0
    }

    /// `id` and its ancestors, leaf first.
    fn ancestors(&self, id: i64) -> Vec<i64> {
        let mut out = vec![];
        let mut cur = Some(id);
        while let Some(c) = cur {
            if out.contains(&c) {
                break;
            }
            out.push(c);
            cur = self.categories.get(&c).and_then(|x| x.1);
        }
        out
    }

    fn in_subtree(&self, product: i64, cat: i64) -> bool {
        self.products
            .get(&product)
            .is_some_and(|d| self.ancestors(d.category_id).contains(&cat))
    }

    /// The child of `parent` (or the top-level category when `None`) that `product` is under.
    fn child_under(&self, product: i64, parent: Option<i64>) -> Option<i64> {
        let path = self.ancestors(self.products.get(&product)?.category_id);
        match parent {
            None => path.last().copied(),
            Some(p) => {
                let i = path.iter().position(|c| *c == p)?;
                (i > 0).then(|| path[i - 1])
            }
        }
    }

    fn doc(&self, id: i64) -> &Doc {
        self.products
            .get(&id)
            .unwrap_or_else(|| panic!("hit {id} is not an active product"))
    }

    fn band(price: i64) -> usize {
        PRICE_BANDS.partition_point(|b| *b <= price) - 1
    }

    /// Counts per value of `code` over `ids`.
    fn attr_counts(&self, ids: &BTreeSet<i64>, code: &str) -> BTreeMap<String, u64> {
        let mut out = BTreeMap::new();
        for id in ids {
            for (c, v) in &self.doc(*id).attrs {
                if c == code {
                    *out.entry(v.clone()).or_insert(0) += 1;
                }
            }
        }
        out
    }

    fn band_counts(&self, ids: &BTreeSet<i64>) -> Vec<u64> {
        let mut out = vec![0; PRICE_BANDS.len()];
        for id in ids {
            out[Self::band(self.doc(*id).price_minor)] += 1;
        }
        out
    }

    fn avail_counts(&self, ids: &BTreeSet<i64>) -> (u64, BTreeMap<i64, u64>) {
        let mut online = 0;
        let mut stores = BTreeMap::new();
        for id in ids {
            let d = self.doc(*id);
            online += d.online as u64;
            for s in &d.stores {
                *stores.entry(*s).or_insert(0) += 1;
            }
        }
        (online, stores)
    }

    fn all(&self) -> BTreeSet<i64> {
        self.products.keys().copied().collect()
    }
}

/// Every matching id, in order, read page by page.
fn all_ids(index: &SearchIndex, params: &SearchParams) -> (Vec<i64>, Hits) {
    let first = index.hits(params, 100);
    let mut ids = first.ids.clone();
    let mut page = 2;
    while (ids.len() as u64) < first.total && page < 50 {
        let h = index.hits(&params.with_page(page), 100);
        if h.ids.is_empty() {
            break;
        }
        ids.extend(h.ids);
        page += 1;
    }
    (ids, first)
}

fn set(ids: &[i64]) -> BTreeSet<i64> {
    ids.iter().copied().collect()
}

fn q(query: &str) -> SearchParams {
    SearchParams::from_query(query)
}

async fn demo() -> (tempfile::TempDir, DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = commerce::db::connect(&url).await.unwrap();
    commerce::db::migrate(&db).await.unwrap();
    demo::load(&db, dir.path()).await.unwrap();
    (dir, db)
}

fn current_name(data: &Path) -> String {
    std::fs::read_to_string(data.join("search").join("current")).unwrap_or_default()
}

#[tokio::test]
async fn search_behaviour_over_the_demo_catalogue() {
    let (dir, db) = demo().await;
    let data = dir.path();
    let mut index = SearchIndex::open(&db, data).await.unwrap();
    let mut model = Model::load(&db).await;
    let mut c = Checks::default();
    let everything = model.all();

    // ------------------------------------------------------------------------------------
    c.section("index contents");
    c.eq(
        index.num_docs(),
        everything.len() as u64,
        "documents = active products",
    );
    let (ids, _) = all_ids(&index, &q(""));
    c.eq(
        set(&ids),
        everything.clone(),
        "an empty search lists every product",
    );

    // ------------------------------------------------------------------------------------
    c.section("junk");
    let kurtka_total = index.hits(&SearchParams::text("kurtka"), 24).total;
    let junk: Vec<(String, &str, Option<u64>)> = vec![
        ("".into(), "empty", Some(everything.len() as u64)),
        ("   \t\n ".into(), "blanks", Some(everything.len() as u64)),
        ("kurtka ".repeat(1500), "10 kB of words", Some(kurtka_total)),
        ("ż".repeat(5_000), "10 kB, one word", Some(0)),
        ("\" * : ( ) ~ ^ \\ / -".into(), "query syntax", Some(0)),
        ("\u{0301}".into(), "lone combining accent", Some(0)),
        (
            "\u{0301}\u{0308}\u{0301}".into(),
            "combining marks only",
            Some(0),
        ),
        ("α".repeat(60), "60-letter Greek word", Some(0)),
        ("🙂👟🛒".into(), "emoji", Some(0)),
        (
            "\u{0}\u{200b}\u{feff}".into(),
            "control and invisible characters",
            Some(0),
        ),
        ("*:*".into(), "match-all syntax", Some(0)),
        ("name_en:jacket AND (shoes OR".into(), "field syntax", None),
        ("-jacket +shoes".into(), "operators", None),
        ("παπούτσια 🙂".into(), "word and emoji", None),
    ];
    let live = commerce::test_support::catalogue(&db).await;
    for (text, what, total) in &junk {
        let params = SearchParams::text(text);
        let hits = index.hits(&params, PAGE_SIZE as usize);
        if let Some(t) = total {
            c.eq(hits.total, *t, &format!("total for {what}"));
        }
        c.check(hits.ids.len() as u64 == hits.total.min(PAGE_SIZE), || {
            format!(
                "{what}: {} ids for a total of {}",
                hits.ids.len(),
                hits.total
            )
        });
        c.eq(
            hits.price_bands.len(),
            PRICE_BANDS.len(),
            &format!("bands for {what}"),
        );
        match search_page(&live, &index, "el", &params).await {
            Ok(page) => {
                c.eq(page.total, hits.total, &format!("page total for {what}"));
                c.check(page.pages >= 1, || format!("{what}: {} pages", page.pages));
            }
            Err(e) => c.check(false, || format!("search_page failed for {what}: {e}")),
        }
        let sug = index.suggest(text, 6);
        c.check(sug.len() <= 6, || {
            format!("{what}: {} suggestions", sug.len())
        });
        if let Err(e) = suggest(&live, &index, "pl", text).await {
            c.check(false, || format!("suggest failed for {what}: {e}"));
        }
    }
    // Blanks and spacing are remembered with the search they reduce to: one answer, counted once.
    let spaced = [
        (SearchParams::text("   \t\n "), SearchParams::text("")),
        (
            SearchParams::text("  kurtka \t"),
            SearchParams::text("kurtka"),
        ),
        (
            SearchParams::text("skórzana   kurtka"),
            SearchParams::text("skórzana kurtka"),
        ),
    ];
    for (typed, plain) in &spaced {
        let first = index.cached_hits(plain, 24);
        let again = index.cached_hits(typed, 24);
        c.check(Arc::ptr_eq(&first, &again), || {
            format!("«{}» has its own remembered answer", typed.q.escape_debug())
        });
        c.eq(
            (*again).clone(),
            index.hits(typed, 24),
            "spaced search: same hits",
        );
    }
    // Junk in the URL: ignored, never an error.
    let weird = q(
        "q=%E2%80%8B&page=-1&price=7,x&colour=%3Cb%3E&size=&store=abc&sort=%00&cat=x&online=maybe",
    );
    c.eq(
        index.hits(&weird, 24).total,
        0,
        "total for junk URL (zero-width space)",
    );
    let unknown_cat = q("cat=999999");
    c.eq(
        index.hits(&unknown_cat, 24).total,
        0,
        "total for an unknown category",
    );
    c.eq(
        index.hits(&q(""), 0).ids.len(),
        1,
        "per_page 0 is clamped to 1",
    );

    // ------------------------------------------------------------------------------------
    c.section("paging");
    let params = SearchParams::text("kurtka");
    let first = index.hits(&params, PAGE_SIZE as usize);
    let beyond = first.total.div_ceil(PAGE_SIZE) + 2;
    let past = index.hits(&params.with_page(beyond), PAGE_SIZE as usize);
    c.check(past.ids.is_empty(), || {
        format!("page {beyond} has ids {:?}", past.ids)
    });
    c.eq(past.total, first.total, "total on a page past the end");
    c.eq(
        past.categories,
        first.categories,
        "facets on a page past the end",
    );
    let page = search_page(
        &commerce::test_support::catalogue(&db).await,
        &index,
        "pl",
        &params.with_page(beyond),
    )
    .await
    .unwrap();
    c.check(page.products.is_empty(), || {
        "page past the end shows products".into()
    });
    c.eq(page.total, first.total, "page total past the end");
    c.eq(page.page, beyond, "page number past the end");
    let deepest = index.hits(&q("page=999999999"), 24);
    c.check(deepest.ids.is_empty(), || "page 999999999 has ids".into());
    c.eq(
        deepest.total,
        everything.len() as u64,
        "total on the deepest page",
    );
    // Pages tile the results: no duplicates, nothing missing.
    let mut tiled = Vec::new();
    for p in 1..=first.total.div_ceil(5) {
        tiled.extend(index.hits(&params.with_page(p), 5).ids);
    }
    c.eq(tiled.len() as u64, first.total, "ids over all pages of 5");
    c.eq(
        set(&tiled).len() as u64,
        first.total,
        "distinct ids over all pages of 5",
    );

    // ------------------------------------------------------------------------------------
    c.section("category facets");
    let top = index.hits(&q(""), 1);
    let mut expected: BTreeMap<i64, u64> = BTreeMap::new();
    for id in &everything {
        *expected
            .entry(model.child_under(*id, None).unwrap())
            .or_insert(0) += 1;
    }
    c.eq(top.categories.clone(), expected, "top-level counts");
    c.eq(
        top.categories.values().sum::<u64>(),
        top.total,
        "top-level counts add up to the total",
    );
    for (slug, text) in [
        (None, "leather"),
        (None, "παπούτσια"),
        (Some("shoes"), ""),
        (Some("jackets"), ""),
        (Some("shoes"), "leather"),
        (Some("home-kitchen"), ""),
        (Some("sneakers"), ""),
    ] {
        let cat = slug.map(|s| model.category(s));
        let label = format!("{} «{text}»", slug.unwrap_or("top level"));
        let params = SearchParams {
            q: text.into(),
            category: cat,
            page: 1,
            ..Default::default()
        };
        let (ids, hits) = all_ids(&index, &params);
        let unfiltered = set(&all_ids(&index, &SearchParams::text(text)).0);
        let inside: BTreeSet<i64> = unfiltered
            .iter()
            .copied()
            .filter(|id| cat.is_none_or(|c| model.in_subtree(*id, c)))
            .collect();
        c.eq(
            set(&ids),
            inside.clone(),
            &format!("{label}: ids = matches in the subtree"),
        );
        let mut children: BTreeMap<i64, u64> = BTreeMap::new();
        let mut direct = 0;
        for id in &inside {
            match model.child_under(*id, cat) {
                Some(ch) => *children.entry(ch).or_insert(0) += 1,
                None => direct += 1,
            }
        }
        c.eq(
            hits.categories.clone(),
            children,
            &format!("{label}: child counts"),
        );
        c.eq(
            hits.categories.values().sum::<u64>() + direct,
            hits.total,
            &format!("{label}: children + products directly in it = total"),
        );
        let page = search_page(
            &commerce::test_support::catalogue(&db).await,
            &index,
            "pl",
            &params,
        )
        .await
        .unwrap();
        let shown: u64 = page.categories.iter().map(|v| v.count).sum();
        c.eq(
            shown + direct,
            hits.total,
            &format!("{label}: page category counts"),
        );
    }

    // ------------------------------------------------------------------------------------
    c.section("attribute facets");
    let base = index.hits(&q(""), 1);
    let colour_counts = model.attr_counts(&everything, "colour");
    c.eq(
        base.attrs.get("colour").cloned().unwrap_or_default(),
        colour_counts.clone(),
        "colour counts",
    );
    c.eq(
        base.attrs.get("size").cloned().unwrap_or_default(),
        model.attr_counts(&everything, "size"),
        "size counts",
    );
    for sel in [
        vec!["red"],
        vec!["red", "black"],
        vec!["navy", "beige", "green"],
    ] {
        let label = sel.join(",");
        let (ids, hits) = all_ids(&index, &q(&format!("colour={label}")));
        let expected: BTreeSet<i64> = everything
            .iter()
            .copied()
            .filter(|id| sel.iter().any(|v| model.doc(*id).has("colour", v)))
            .collect();
        c.eq(set(&ids), expected.clone(), &format!("colour={label}: ids"));
        c.eq(
            hits.attrs.get("colour").cloned().unwrap_or_default(),
            colour_counts.clone(),
            &format!("colour={label}: colour counts ignore the colour filter"),
        );
        c.eq(
            hits.attrs.get("size").cloned().unwrap_or_default(),
            model.attr_counts(&expected, "size"),
            &format!("colour={label}: size counts follow the colour filter"),
        );
        if sel.len() == 1 {
            c.eq(
                hits.total,
                colour_counts[sel[0]],
                "colour=red: total = its count",
            );
        }
        c.check(
            hits.total <= sel.iter().map(|v| colour_counts[*v]).sum::<u64>(),
            || format!("colour={label}: total above the sum of the selected counts"),
        );
    }
    // With text and two groups: each group counted with the other's filter only.
    let text = "sukienka";
    let matches = set(&all_ids(&index, &SearchParams::text(text)).0);
    let (ids, hits) = all_ids(&index, &q(&format!("q={text}&colour=black,red&size=m")));
    let with_colour: BTreeSet<i64> = matches
        .iter()
        .copied()
        .filter(|id| model.doc(*id).has("colour", "black") || model.doc(*id).has("colour", "red"))
        .collect();
    let with_size: BTreeSet<i64> = matches
        .iter()
        .copied()
        .filter(|id| model.doc(*id).has("size", "m"))
        .collect();
    c.eq(
        set(&ids),
        with_colour.intersection(&with_size).copied().collect(),
        "sukienka colour=black,red size=m: ids",
    );
    c.eq(
        hits.attrs.get("colour").cloned().unwrap_or_default(),
        model.attr_counts(&with_size, "colour"),
        "sukienka: colour counts under the size filter",
    );
    c.eq(
        hits.attrs.get("size").cloned().unwrap_or_default(),
        model.attr_counts(&with_colour, "size"),
        "sukienka: size counts under the colour filter",
    );
    let page = search_page(
        &commerce::test_support::catalogue(&db).await,
        &index,
        "el",
        &q(&format!("q={text}&colour=black,red&size=m")),
    )
    .await
    .unwrap();
    let colours = page.attributes.iter().find(|g| g.code == "colour");
    c.check(
        colours.is_some_and(|g| g.values.iter().filter(|v| v.selected).count() == 2),
        || "the page marks both selected colours".into(),
    );

    // ------------------------------------------------------------------------------------
    c.section("price bands");
    let bands_all = model.band_counts(&everything);
    c.eq(base.price_bands.clone(), bands_all.clone(), "band counts");
    for (query, asc) in [
        ("price=1&sort=price_asc", true),
        ("price=2,3&sort=price_desc", false),
        ("q=kurtka&price=2,3&sort=price_asc", true),
        ("q=buty&price=3&sort=price_desc", false),
    ] {
        let params = q(query);
        let (ids, hits) = all_ids(&index, &params);
        let text_matches = set(&all_ids(&index, &SearchParams::text(&params.q)).0);
        let expected: BTreeSet<i64> = text_matches
            .iter()
            .copied()
            .filter(|id| {
                params
                    .price
                    .contains(&Model::band(model.doc(*id).price_minor))
            })
            .collect();
        c.eq(
            set(&ids),
            expected,
            &format!("{query}: ids = matches in the bands"),
        );
        let prices: Vec<i64> = ids.iter().map(|id| model.doc(*id).price_minor).collect();
        let ordered = prices
            .windows(2)
            .all(|w| if asc { w[0] <= w[1] } else { w[0] >= w[1] });
        c.check(ordered, || {
            format!("{query}: prices out of order: {prices:?}")
        });
        c.eq(
            hits.price_bands.clone(),
            model.band_counts(&text_matches),
            &format!("{query}: band counts ignore the price filter"),
        );
        let cards = browse::cards(
            &commerce::test_support::catalogue(&db).await,
            "en",
            &hits.ids,
        );
        let card_prices: Vec<i64> = cards.iter().map(|c| c.price_minor).collect();
        c.eq(
            card_prices,
            prices.iter().take(hits.ids.len()).copied().collect(),
            &format!("{query}: card prices"),
        );
    }

    // ------------------------------------------------------------------------------------
    c.section("availability");
    let (online, stores) = model.avail_counts(&everything);
    c.eq(base.online, online, "ships-online count");
    c.eq(base.stores.clone(), stores.clone(), "per-store counts");
    let ath = model.stores["ATH"];
    let krk = model.stores["KRK"];
    type DocFilter = Box<dyn Fn(&Doc) -> bool>;
    let cases: Vec<(String, DocFilter)> = vec![
        ("online=1".into(), Box::new(|d: &Doc| d.online)),
        (
            format!("store={ath}"),
            Box::new(move |d: &Doc| d.stores.contains(&ath)),
        ),
        (
            format!("store={ath},{krk}"),
            Box::new(move |d: &Doc| d.stores.contains(&ath) || d.stores.contains(&krk)),
        ),
        (
            format!("online=1&store={krk}"),
            Box::new(move |d: &Doc| d.online || d.stores.contains(&krk)),
        ),
        (
            format!("q=buty&store={krk}"),
            Box::new(move |d: &Doc| d.stores.contains(&krk)),
        ),
    ];
    for (query, pred) in &cases {
        let params = q(query);
        let (ids, hits) = all_ids(&index, &params);
        let text_matches = set(&all_ids(&index, &SearchParams::text(&params.q)).0);
        let expected: BTreeSet<i64> = text_matches
            .iter()
            .copied()
            .filter(|id| pred(model.doc(*id)))
            .collect();
        c.eq(set(&ids), expected, &format!("{query}: ids"));
        let (o, s) = model.avail_counts(&text_matches);
        c.eq(
            hits.online,
            o,
            &format!("{query}: online count ignores the filter"),
        );
        c.eq(
            hits.stores.clone(),
            s,
            &format!("{query}: store counts ignore the filter"),
        );
    }

    // ------------------------------------------------------------------------------------
    c.section("every filter group at once");
    // Each group's counts follow every filter but its own; the category counts and the total
    // follow every filter. Groups of different kinds (option values, price, availability)
    // together, with and without text and category.
    let shoes = model.category("shoes");
    for query in [
        format!("cat={shoes}&colour=black,red,white&price=1,2,3&store={ath}"),
        "q=buty&colour=black,brown&size=42,43,m,l&online=1&price=2,3,4".to_owned(),
        format!("colour=black,blue&size=m,s,42&price=0,1,2,3&online=1&store={krk}"),
        format!("q=leather&size=m,42,43&store={ath},{krk}"),
    ] {
        let params = q(&query);
        let (ids, hits) = all_ids(&index, &params);
        let base: BTreeSet<i64> = set(&all_ids(
            &index,
            &SearchParams {
                q: params.q.clone(),
                category: params.category,
                page: 1,
                ..Default::default()
            },
        )
        .0);
        // Which groups a product fails.
        let fails = |id: i64| -> Vec<&'static str> {
            let d = model.doc(id);
            let mut out = vec![];
            for code in ["colour", "size"] {
                if let Some(values) = params.attrs.get(code) {
                    if !values.iter().any(|v| d.has(code, v)) {
                        out.push(code);
                    }
                }
            }
            if !params.price.is_empty() && !params.price.contains(&Model::band(d.price_minor)) {
                out.push("price");
            }
            let avail_on = params.online || !params.stores.is_empty();
            if avail_on
                && !((params.online && d.online)
                    || params.stores.iter().any(|s| d.stores.contains(s)))
            {
                out.push("avail");
            }
            out
        };
        let without = |group: &str| -> BTreeSet<i64> {
            base.iter()
                .copied()
                .filter(|id| fails(*id).iter().all(|g| *g == group))
                .collect()
        };
        let passing = without("");
        c.check(!passing.is_empty() && passing.len() < base.len(), || {
            format!(
                "{query}: the filters should keep some matches and drop others ({} of {})",
                passing.len(),
                base.len()
            )
        });
        c.eq(set(&ids), passing.clone(), &format!("{query}: ids"));
        c.eq(hits.total, passing.len() as u64, &format!("{query}: total"));
        for code in ["colour", "size"] {
            let over = if params.attrs.contains_key(code) {
                without(code)
            } else {
                passing.clone()
            };
            c.eq(
                hits.attrs.get(code).cloned().unwrap_or_default(),
                model.attr_counts(&over, code),
                &format!("{query}: {code} counts"),
            );
        }
        let over = if params.price.is_empty() {
            passing.clone()
        } else {
            without("price")
        };
        c.eq(
            hits.price_bands.clone(),
            model.band_counts(&over),
            &format!("{query}: band counts"),
        );
        let over = if params.online || !params.stores.is_empty() {
            without("avail")
        } else {
            passing.clone()
        };
        let (o, st) = model.avail_counts(&over);
        c.eq(hits.online, o, &format!("{query}: online count"));
        c.eq(hits.stores.clone(), st, &format!("{query}: store counts"));
        let mut children: BTreeMap<i64, u64> = BTreeMap::new();
        for id in &passing {
            if let Some(ch) = model.child_under(*id, params.category) {
                *children.entry(ch).or_insert(0) += 1;
            }
        }
        c.eq(
            hits.categories.clone(),
            children,
            &format!("{query}: category counts"),
        );
    }

    // ------------------------------------------------------------------------------------
    c.section("in stock first");
    // «kurt» matches only as a prefix: every hit scores the same constant.
    let prefix = SearchParams::text("kurt");
    let (before, _) = all_ids(&index, &prefix);
    let stock_order = |ids: &[i64], m: &Model| -> Vec<bool> {
        ids.iter().map(|id| m.doc(*id).in_stock()).collect()
    };
    let flags = stock_order(&before, &model);
    c.check(flags.windows(2).all(|w| w[0] >= w[1]), || {
        format!("«kurt» before: in-stock flags {flags:?}")
    });
    let yellow = model
        .products
        .iter()
        .find(|(_, d)| d.skus.iter().any(|s| s == "JK-0001-M-YEL"))
        .map(|(id, _)| *id)
        .expect("the yellow jacket");
    c.eq(
        before.first().copied(),
        Some(yellow),
        "yellow jacket ranks first for «kurt» while in stock",
    );
    // Sell out the yellow jacket everywhere.
    let variants: Vec<i64> = variant::Entity::find()
        .filter(variant::Column::ProductId.eq(yellow))
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.id)
        .collect();
    let txn = db.begin().await.unwrap();
    for level in stock_level::Entity::find()
        .filter(stock_level::Column::VariantId.is_in(variants.clone()))
        .all(&txn)
        .await
        .unwrap()
    {
        if level.on_hand > 0 {
            post_movement(
                &txn,
                NewMovement {
                    location_id: level.location_id,
                    variant_id: level.variant_id,
                    quantity: -level.on_hand,
                    reason: MovementReason::Adjustment,
                    adjustment_reason: Some(AdjustmentReason::Lost),
                    document: None,
                    staff_user_id: None,
                    note: Some("search test".into()),
                },
            )
            .await
            .unwrap();
        }
    }
    for v in &variants {
        emit(&txn, Change::Variant(*v)).await.unwrap();
    }
    txn.commit().await.unwrap();
    let applied = index.sync(&db).await.unwrap();
    c.check(applied > 0, || "sync applied no outbox rows".into());
    model = Model::load(&db).await;
    c.check(!model.doc(yellow).in_stock(), || {
        "yellow jacket still in stock in the DB".into()
    });
    let (after, _) = all_ids(&index, &prefix);
    c.eq(set(&after), set(&before), "«kurt» finds the same products");
    let flags = stock_order(&after, &model);
    c.check(flags.windows(2).all(|w| w[0] >= w[1]), || {
        format!("«kurt» after: in-stock flags {flags:?} for {after:?}")
    });
    c.check(after.first() != Some(&yellow), || {
        "sold-out yellow jacket still first".into()
    });
    let (online_ids, _) = all_ids(&index, &q("online=1"));
    c.check(!online_ids.contains(&yellow), || {
        "sold-out yellow jacket ships online".into()
    });
    // Stock never beats relevance: the exact name still comes first.
    let exact = index.hits(&SearchParams::text("żółta kurtka przeciwdeszczowa"), 5);
    c.eq(
        exact.ids.first().copied(),
        Some(yellow),
        "exact name of a sold-out product still first",
    );
    let card = browse::cards(
        &commerce::test_support::catalogue(&db).await,
        "en",
        &[yellow],
    );
    c.check(card.first().is_some_and(|c| !c.in_stock), || {
        "card says in stock".into()
    });

    // ------------------------------------------------------------------------------------
    c.section("inactive products");
    let leather_q = SearchParams::text("kurtka skorzana");
    let leather = index.hits(&leather_q, 5).ids;
    let jacket = *leather.first().expect("a leather jacket");
    let jacket_sku = model.doc(jacket).skus[0].clone();
    c.check(
        find_code(
            &commerce::test_support::catalogue(&db).await,
            "en",
            &jacket_sku,
        )
        .is_some(),
        || "find_code misses an active SKU".into(),
    );
    // The remembered answers (what pages use) hold the jacket before the change …
    c.check(
        index.cached_hits(&leather_q, 24).ids.contains(&jacket),
        || "the remembered search misses an active product".into(),
    );
    c.check(
        index.cached_suggest("kurtka skorzana", 6).contains(&jacket),
        || "the remembered suggestions miss an active product".into(),
    );
    set_status(&db, jacket, ProductStatus::Draft).await;
    index.sync(&db).await.unwrap();
    c.check(!index.hits(&leather_q, 24).ids.contains(&jacket), || {
        "a draft product is still found".into()
    });
    // … and are forgotten once the index has the change.
    c.check(index.remembered_hits(&leather_q, 24).is_none(), || {
        "a search remembered from before the change is still served".into()
    });
    c.eq(
        (*index.cached_hits(&leather_q, 24)).clone(),
        index.hits(&leather_q, 24),
        "remembered search after the change",
    );
    c.check(
        !index.cached_suggest("kurtka skorzana", 6).contains(&jacket),
        || "a draft product is still suggested from memory".into(),
    );
    c.check(
        !index.suggest("kurtka skorzana", 6).contains(&jacket),
        || "a draft product is still suggested".into(),
    );
    c.eq(
        index.num_docs(),
        everything.len() as u64 - 1,
        "documents after a product goes draft",
    );
    c.eq(
        index.hits(&q(""), 1).total,
        everything.len() as u64 - 1,
        "total after a product goes draft",
    );
    c.check(
        find_code(
            &commerce::test_support::catalogue(&db).await,
            "en",
            &jacket_sku,
        )
        .is_none(),
        || "find_code finds a draft product's SKU".into(),
    );
    c.check(
        index
            .hits(&SearchParams::text(&jacket_sku), 5)
            .ids
            .is_empty(),
        || "a draft product's SKU is still found".into(),
    );

    // ------------------------------------------------------------------------------------
    c.section("reopen");
    let probes = [
        "παπούτσια",
        "zolta kurtka",
        "kurt",
        "",
        "online=1",
        "colour=red&sort=price_asc",
    ];
    // Equally relevant products may swap places when segments change, so compare what is
    // found (all pages) and the totals; precise queries keep their best hit.
    let snapshot = |index: &SearchIndex| -> Vec<(BTreeSet<i64>, u64)> {
        probes
            .iter()
            .map(|p| {
                let params = if p.contains('=') {
                    q(p)
                } else {
                    SearchParams::text(p)
                };
                let (ids, h) = all_ids(index, &params);
                (set(&ids), h.total)
            })
            .collect()
    };
    let best = |index: &SearchIndex| index.hits(&SearchParams::text("zolta kurtka"), 1).ids;
    let before = snapshot(&index);
    let dir_before = current_name(data);
    drop(index);
    // A change while no index runs: picked up from the outbox on open.
    set_status(&db, jacket, ProductStatus::Active).await;
    index = SearchIndex::open(&db, data).await.unwrap();
    c.eq(
        current_name(data),
        dir_before.clone(),
        "reopening keeps the index folder (no rebuild)",
    );
    c.check(index.hits(&leather_q, 24).ids.contains(&jacket), || {
        "a change made while closed is missing after reopening".into()
    });
    c.eq(
        best(&index),
        vec![yellow],
        "best hit for «zolta kurtka» after reopening",
    );
    let reopened = snapshot(&index);
    for (i, p) in probes.iter().enumerate() {
        let (mut now, total) = reopened[i].clone();
        let (mut was, was_total) = before[i].clone();
        // The reactivated jacket may now be among the results.
        let extra = now.remove(&jacket) as u64;
        was.remove(&jacket);
        c.eq(
            now,
            was,
            &format!("«{p}» finds the same products after reopening"),
        );
        c.eq(
            total,
            was_total + extra,
            &format!("«{p}» total after reopening"),
        );
    }
    let kurt = all_ids(&index, &prefix).0;
    c.check(kurt.first() != Some(&yellow), || {
        "stock state lost on reopen".into()
    });
    let reference = snapshot(&index);

    // ------------------------------------------------------------------------------------
    c.section("compaction");
    let segments = index.segment_count();
    c.check(segments > 1, || {
        format!("outbox batches since the rebuild left {segments} segment(s); expected several")
    });
    let everything_before = index.hits(&q(""), 24);
    let facets_q = SearchParams {
        online: true,
        ..q("leather")
    };
    // Merging drops deleted documents from the term statistics, so text scores may move a
    // little: the filtered search is compared as a set of ids with its counts.
    let unordered = |index: &SearchIndex| {
        let (ids, mut counts) = all_ids(index, &facets_q);
        counts.ids.clear();
        (set(&ids), counts)
    };
    let filtered_before = unordered(&index);
    index.compact().await.unwrap();
    c.eq(index.segment_count(), 1, "segments after compaction");
    c.eq(
        snapshot(&index),
        reference.clone(),
        "results after compaction",
    );
    c.eq(
        index.hits(&q(""), 24),
        everything_before,
        "first page and every facet count after compaction",
    );
    c.eq(
        unordered(&index),
        filtered_before,
        "a filtered search and its facets after compaction",
    );
    c.eq(best(&index), vec![yellow], "best hit after compaction");

    // ------------------------------------------------------------------------------------
    c.section("rebuilds");
    let v = SCHEMA_VERSION;
    type Breakage = Box<dyn Fn(&Path)>;
    let breakages: Vec<(&str, Breakage)> = vec![
        (
            "search folder deleted",
            Box::new(|root: &Path| std::fs::remove_dir_all(root).unwrap()),
        ),
        (
            "garbage current",
            Box::new(|root: &Path| {
                std::fs::write(root.join("current"), b"\xff\xfe garbage/../../x\n").unwrap()
            }),
        ),
        (
            "current names a missing folder",
            Box::new(move |root: &Path| {
                std::fs::write(root.join("current"), format!("v{v}-1")).unwrap()
            }),
        ),
        (
            "current names a corrupt folder",
            Box::new(move |root: &Path| {
                let d = root.join(format!("v{v}-2"));
                std::fs::create_dir_all(&d).unwrap();
                std::fs::write(d.join("meta.json"), "{ not json").unwrap();
                std::fs::write(root.join("current"), format!("v{v}-2")).unwrap();
            }),
        ),
        (
            "folder from another schema version",
            Box::new(move |root: &Path| {
                let other = format!("v{}-123", v + 1);
                let live = std::fs::read_to_string(root.join("current")).unwrap();
                std::fs::rename(root.join(live.trim()), root.join(&other)).unwrap();
                std::fs::write(root.join("current"), &other).unwrap();
            }),
        ),
    ];
    for (what, breakage) in &breakages {
        let before = current_name(data);
        drop(index);
        breakage(&data.join("search"));
        index = match SearchIndex::open(&db, data).await {
            Ok(i) => i,
            Err(e) => panic!("{what}: open failed: {e}"),
        };
        let now = current_name(data);
        c.check(now != before && now.starts_with(&format!("v{v}-")), || {
            format!("{what}: current is {now:?} (was {before:?}): not rebuilt")
        });
        c.eq(
            snapshot(&index),
            reference.clone(),
            &format!("results after rebuild ({what})"),
        );
        c.eq(
            best(&index),
            vec![yellow],
            &format!("best hit for «zolta kurtka» ({what})"),
        );
        c.eq(
            index.segment_count(),
            1,
            &format!("segments after rebuild ({what})"),
        );
        let leftovers: Vec<String> = std::fs::read_dir(data.join("search"))
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| *n != now.trim())
            .collect();
        c.check(leftovers.is_empty(), || {
            format!("{what}: old folders left: {leftovers:?}")
        });
    }
    // The rebuilt index still follows the outbox.
    set_status(&db, jacket, ProductStatus::Archived).await;
    index.sync(&db).await.unwrap();
    c.check(!index.hits(&leather_q, 24).ids.contains(&jacket), || {
        "an archived product is still found after a rebuild".into()
    });

    assert!(
        c.failures.is_empty(),
        "{} search behaviour checks failed:\n{}",
        c.failures.len(),
        c.failures.join("\n")
    );
}

/// Changes a product's status and records it in the outbox, in one transaction.
async fn set_status(db: &DatabaseConnection, id: i64, status: ProductStatus) {
    let txn = db.begin().await.unwrap();
    product::ActiveModel {
        id: Set(id),
        status: Set(status),
        ..Default::default()
    }
    .update(&txn)
    .await
    .unwrap();
    emit(&txn, Change::Product(id)).await.unwrap();
    txn.commit().await.unwrap();
}
