//! Large catalogues (`stoa demo --products N`, the search and HTTP benchmarks): the demo shop's
//! products expanded with a seeded generator and bulk-inserted with multi-row `INSERT`s
//! (explicit ids, a transaction per chunk), on SQLite or PostgreSQL.
//!
//! Product `i` copies a demo template (half the time `i % n`, half the time a Zipf-distributed
//! pick, so a few nouns are very common and many are rare), appends a model word from a
//! Zipf-distributed synthetic vocabulary (and sometimes a model number), may borrow a sentence of
//! another template's description, and gets 1–6 of the template's variants (SKU `BN-{i}-{v}`,
//! EAN-13 `200…`), a log-normal price between 5 and 500 €, a creation date within three years and
//! stock at 0–3 locations (about 30 % of products out of stock). Stock is opening stock in the
//! ledger: each level comes with its one `initial` movement (`balance_after` = the level), as
//! `stoa check` expects. At the end an outbox notice asks running instances to rebuild their
//! search index and catalogue.

use std::{collections::HashMap, time::Instant};

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use commerce::{catalog::barcode::Ean13, CommerceError, Result};
use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, TransactionTrait};

use crate::content::{self, ProductSeed};

/// Prefix of every generated SKU (how a database already holding the catalogue is recognised).
pub const SKU_PREFIX: &str = "BN-";

/// Products inserted per transaction.
const CHUNK: usize = 5_000;

/// Rows per `INSERT` statement.
const ROWS_PER_INSERT: usize = 1_000;

/// What the generator wrote.
#[derive(Clone, Debug)]
pub struct Generated {
    /// Products added.
    pub products: usize,
    /// Variants added.
    pub variants: usize,
    /// Rows inserted in all.
    pub rows: usize,
    /// Time taken.
    pub seconds: f64,
}

fn fail(what: impl std::fmt::Display) -> CommerceError {
    CommerceError::Internal(format!("catalogue generator: {what}"))
}

/// How many generated products `db` holds (0: none; then [`generate`] may run).
pub async fn already_generated(db: &DatabaseConnection) -> Result<u64> {
    scalar(
        db,
        &format!("SELECT COUNT(DISTINCT product_id) FROM variants WHERE sku LIKE '{SKU_PREFIX}%'"),
    )
    .await
}

/// Samples ranks `0..n` with probability ∝ 1/(rank+1)^s.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut acc = 0.0;
        let cdf = (0..n)
            .map(|r| {
                acc += 1.0 / ((r + 1) as f64).powf(s);
                acc
            })
            .collect::<Vec<_>>();
        let total = acc;
        Zipf {
            cdf: cdf.into_iter().map(|c| c / total).collect(),
        }
    }

    fn sample(&self, rng: &mut StdRng) -> usize {
        let u: f64 = rng.gen();
        self.cdf.partition_point(|c| *c < u).min(self.cdf.len() - 1)
    }
}

/// Pronounceable model names ("Tarvo", "Kelimon"), distinct, in a seeded order.
fn model_words(rng: &mut StdRng, n: usize) -> Vec<String> {
    const C: &[&str] = &[
        "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st",
        "kr", "ch", "sh",
    ];
    const V: &[&str] = &["a", "e", "i", "o", "u", "ai", "eo", "ia"];
    const END: &[&str] = &["", "", "", "n", "s", "r", "x", "l"];
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let syllables = rng.gen_range(2..=3);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(C.choose(rng).unwrap());
            w.push_str(V.choose(rng).unwrap());
        }
        w.push_str(END.choose(rng).unwrap());
        let mut cs = w.chars();
        let w: String = cs
            .next()
            .map(|c| c.to_ascii_uppercase())
            .into_iter()
            .chain(cs)
            .collect();
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

/// A standard normal sample (Box–Muller).
fn normal(rng: &mut StdRng) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
}

/// A VAT-inclusive price in cents: log-normal around 35 €, 5–500 €, mostly ending in ,90.
fn price(rng: &mut StdRng) -> i64 {
    let euros = (35f64.ln() + 0.9 * normal(rng)).exp().clamp(5.0, 500.0);
    let whole = euros.floor() as i64;
    if whole < 500 && rng.gen_bool(0.8) {
        whole * 100 + 90
    } else {
        whole * 100
    }
}

fn q(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn ts(t: DateTime<Utc>) -> String {
    q(&t.to_rfc3339_opts(SecondsFormat::AutoSi, false))
}

/// Rows of one table waiting to be inserted.
struct Table {
    head: String,
    rows: Vec<String>,
}

impl Table {
    fn new(name: &str, cols: &str) -> Self {
        Table {
            head: format!("INSERT INTO {name} ({cols}) VALUES "),
            rows: Vec::new(),
        }
    }

    async fn flush<C: ConnectionTrait>(&mut self, db: &C) -> Result<usize> {
        let n = self.rows.len();
        for chunk in self.rows.chunks(ROWS_PER_INSERT) {
            let mut sql = String::with_capacity(self.head.len() + chunk.len() * 128);
            sql.push_str(&self.head);
            for (i, r) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push('(');
                sql.push_str(r);
                sql.push(')');
            }
            db.execute_unprepared(&sql).await?;
        }
        self.rows.clear();
        Ok(n)
    }
}

/// The first column of the first row of `sql`, as a count.
pub async fn scalar<C: ConnectionTrait>(db: &C, sql: &str) -> Result<u64> {
    let row = db
        .query_one(Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await?
        .ok_or_else(|| fail("no row"))?;
    Ok(row.try_get_by_index::<i64>(0)?.max(0) as u64)
}

async fn id_map<C: ConnectionTrait>(db: &C, sql: &str) -> Result<HashMap<String, i64>> {
    let rows = db
        .query_all(Statement::from_string(
            db.get_database_backend(),
            sql.to_owned(),
        ))
        .await?;
    let mut out = HashMap::new();
    for r in rows {
        out.insert(
            r.try_get_by_index::<String>(0)?,
            r.try_get_by_index::<i64>(1)?,
        );
    }
    Ok(out)
}

/// Generates and inserts `n` products (after the demo shop is loaded).
///
/// # Errors
/// [`CommerceError::Internal`] when the demo shop is not loaded; database errors.
pub async fn generate(db: &DatabaseConnection, n: usize, seed: u64) -> Result<Generated> {
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(seed);
    let catalogue = content::catalogue();
    let templates: Vec<&ProductSeed> = catalogue.products.iter().collect();
    let categories = id_map(db, "SELECT slug, id FROM categories").await?;
    let vat = id_map(db, "SELECT code, id FROM vat_rates").await?;
    let locations = id_map(db, "SELECT code, id FROM locations").await?;
    let loc = |code: &str| -> Result<i64> {
        locations
            .get(code)
            .copied()
            .ok_or_else(|| fail(format!("location {code} missing: load the demo shop first")))
    };
    let backend = db.get_database_backend();
    let truth = if backend == DbBackend::Postgres {
        "TRUE"
    } else {
        "1"
    };
    let (web, ath, krk) = (loc("WEB")?, loc("ATH")?, loc("KRK")?);
    let mut next = HashMap::new();
    for t in [
        "products",
        "product_translations",
        "product_options",
        "option_values",
        "option_value_translations",
        "variants",
        "stock_movements",
    ] {
        next.insert(
            t,
            scalar(db, &format!("SELECT COALESCE(MAX(id), 0) FROM {t}")).await? as i64 + 1,
        );
    }
    let mut take_id = |t: &'static str| {
        let v = next.get_mut(t).expect("known table");
        *v += 1;
        *v - 1
    };

    // Word distributions: templates and model words by Zipf over a seeded order.
    let mut order: Vec<usize> = (0..templates.len()).collect();
    order.shuffle(&mut rng);
    let template_zipf = Zipf::new(templates.len(), 0.9);
    let models = model_words(&mut rng, 6_000);
    let model_zipf = Zipf::new(models.len(), 1.0);
    let now = Utc::now();
    let three_years = 3 * 365 * 24 * 3600;

    let mut products = Table::new(
        "products",
        "id, category_id, slug, status, vat_rate_id, brand, created_at, updated_at",
    );
    let mut translations = Table::new(
        "product_translations",
        "id, product_id, locale, name, slug, description",
    );
    let mut options = Table::new("product_options", "id, product_id, code, position");
    let mut values = Table::new("option_values", "id, option_id, code, position");
    let mut labels = Table::new(
        "option_value_translations",
        "id, option_value_id, locale, label",
    );
    let mut variants = Table::new(
        "variants",
        "id, product_id, sku, barcode, price_minor, compare_at_minor, currency, position, weight_grams, low_stock_threshold, active, created_at, updated_at",
    );
    let mut variant_values = Table::new("variant_option_values", "variant_id, option_value_id");
    let mut stock = Table::new(
        "stock_levels",
        "location_id, variant_id, on_hand, reserved, updated_at",
    );
    let mut movements = Table::new(
        "stock_movements",
        "id, location_id, variant_id, quantity, reason, balance_after, note, created_at",
    );

    let mut rows = 0usize;
    let mut variant_count = 0usize;
    let mut ean_serial = 0u64;
    let mut i = 0usize;
    while i < n {
        let end = (i + CHUNK).min(n);
        for i in i..end {
            let number = i + 1;
            let t = if rng.gen_bool(0.5) {
                templates[i % templates.len()]
            } else {
                templates[order[template_zipf.sample(&mut rng)]]
            };
            let product_id = take_id("products");
            let created = now - Duration::seconds(rng.gen_range(0..three_years));
            let status = if rng.gen_bool(0.02) {
                "draft"
            } else {
                "active"
            };
            products.rows.push(format!(
                "{product_id}, {}, {}, '{status}', {}, {}, {}, {}",
                categories
                    .get(&t.category)
                    .ok_or_else(|| fail("category missing"))?,
                q(&format!("{}-bn{number}", t.slug)),
                vat.get(t.vat_rate)
                    .ok_or_else(|| fail("VAT rate missing"))?,
                q(t.brand),
                ts(created),
                ts(created)
            ));

            // Names: the template's plus a model word (and sometimes a number).
            let model = &models[model_zipf.sample(&mut rng)];
            let suffix = if rng.gen_bool(0.35) {
                format!("{model} {}", rng.gen_range(2..1000))
            } else {
                model.clone()
            };
            let other = templates[rng.gen_range(0..templates.len())];
            let borrow = rng.gen_bool(0.4);
            for (l, name) in t.name.iter() {
                let mut description = t.description.get(l).to_owned();
                if borrow {
                    let extra = other.description.get(l);
                    let first = extra.split_inclusive(". ").next().unwrap_or(extra).trim();
                    description.push(' ');
                    description.push_str(first);
                }
                translations.rows.push(format!(
                    "{}, {product_id}, '{l}', {}, {}, {}",
                    take_id("product_translations"),
                    q(&format!("{name} {suffix}")),
                    q(&format!("{}-bn{number}", t.slugs.get(l))),
                    q(&description)
                ));
            }

            // 1–6 of the template's variants, in order.
            let want = match rng.gen_range(0..100) {
                0..=29 => 1,
                30..=49 => 2,
                50..=64 => 3,
                65..=79 => 4,
                80..=89 => 5,
                _ => 6,
            }
            .min(t.variants.len());
            let mut picked = rand::seq::index::sample(&mut rng, t.variants.len(), want).into_vec();
            picked.sort_unstable();

            // Options and the values the picked variants use.
            let mut value_ids: HashMap<(usize, usize), i64> = HashMap::new();
            for (oi, o) in t.options.iter().enumerate() {
                let option_id = take_id("product_options");
                options
                    .rows
                    .push(format!("{option_id}, {product_id}, {}, {oi}", q(o.code)));
                let mut used: Vec<usize> =
                    picked.iter().map(|&v| t.variants[v].values[oi]).collect();
                used.sort_unstable();
                used.dedup();
                for vi in used {
                    let v = &o.values[vi];
                    let value_id = take_id("option_values");
                    values
                        .rows
                        .push(format!("{value_id}, {option_id}, {}, {vi}", q(&v.code)));
                    for (l, label) in v.label.iter() {
                        labels.rows.push(format!(
                            "{}, {value_id}, '{l}', {}",
                            take_id("option_value_translations"),
                            q(label)
                        ));
                    }
                    value_ids.insert((oi, vi), value_id);
                }
            }

            let base = price(&mut rng);
            let compare_at = if rng.gen_bool(0.15) {
                (base * 13 / 10 / 100 + 1) * 100 - 10
            } else {
                0
            };
            let out_of_stock = rng.gen_bool(0.3);
            let mut any_stock = false;
            let mut first_variant = 0;
            for (pos, &v) in picked.iter().enumerate() {
                let seed = &t.variants[v];
                let variant_id = take_id("variants");
                if pos == 0 {
                    first_variant = variant_id;
                }
                variant_count += 1;
                ean_serial += 1;
                let ean = Ean13::from_body(&format!("{:012}", 200_000_000_000u64 + ean_serial))
                    .map_err(|e| fail(format!("EAN: {e:?}")))?
                    .into_string();
                variants.rows.push(format!(
                    "{variant_id}, {product_id}, {}, {}, {base}, {}, 'EUR', {pos}, {}, NULL, {truth}, {}, {}",
                    q(&format!("{SKU_PREFIX}{number}-{}", pos + 1)),
                    q(&ean),
                    if compare_at > 0 { compare_at.to_string() } else { "NULL".into() },
                    seed.weight_grams,
                    ts(created),
                    ts(created)
                ));
                for (oi, &vi) in seed.values.iter().enumerate() {
                    variant_values
                        .rows
                        .push(format!("{variant_id}, {}", value_ids[&(oi, vi)]));
                }
                // Stock at 0–3 locations; out-of-stock products have none left anywhere.
                for (location_id, p) in [(web, 0.75), (ath, 0.45), (krk, 0.45)] {
                    if !rng.gen_bool(p) {
                        continue;
                    }
                    let on_hand: i64 = if out_of_stock {
                        0
                    } else {
                        rng.gen_range(1..=30)
                    };
                    any_stock |= on_hand > 0;
                    opening(
                        &mut stock,
                        &mut movements,
                        &mut take_id,
                        location_id,
                        variant_id,
                        on_hand,
                        created,
                    );
                }
            }
            if !out_of_stock && !any_stock {
                // In stock somewhere: at least one unit of the first variant online.
                opening(
                    &mut stock,
                    &mut movements,
                    &mut take_id,
                    web,
                    first_variant,
                    3,
                    created,
                );
            }
        }
        let txn = db.begin().await?;
        for t in [
            &mut products,
            &mut translations,
            &mut options,
            &mut values,
            &mut labels,
            &mut variants,
            &mut variant_values,
            &mut stock,
            &mut movements,
        ] {
            rows += t.flush(&txn).await?;
        }
        txn.commit().await?;
        i = end;
    }
    if backend == DbBackend::Postgres {
        // Rows went in with explicit ids: move each id sequence past them.
        for t in next.keys() {
            db.execute_unprepared(&format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT MAX(id) FROM {t}))"
            ))
            .await?;
        }
    } else {
        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
            .await?;
    }
    // Running instances rebuild their search index and catalogue.
    commerce::outbox::emit(db, commerce::outbox::Change::Rebuild).await?;
    Ok(Generated {
        products: n,
        variants: variant_count,
        rows,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Opening stock of one variant at one location: the level and its one `initial` movement
/// (nothing for 0 units: no level row, as if nothing was ever received).
#[allow(clippy::too_many_arguments)]
fn opening(
    stock: &mut Table,
    movements: &mut Table,
    take_id: &mut impl FnMut(&'static str) -> i64,
    location_id: i64,
    variant_id: i64,
    on_hand: i64,
    at: DateTime<Utc>,
) {
    if on_hand == 0 {
        return;
    }
    stock.rows.push(format!(
        "{location_id}, {variant_id}, {on_hand}, 0, {}",
        ts(at)
    ));
    movements.rows.push(format!(
        "{}, {location_id}, {variant_id}, {on_hand}, 'initial', {on_hand}, 'demo', {}",
        take_id("stock_movements"),
        ts(at)
    ));
}
