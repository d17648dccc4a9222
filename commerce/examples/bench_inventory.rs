//! Inventory benchmark: reservations + commits per second with 1, 8 and 64 concurrent writers on
//! SQLite (a file in a temporary folder, WAL, as `db::connect` opens it) and on PostgreSQL (a
//! fresh database `stoa_bench_<random>`, dropped at the end) when a server URL is given.
//!
//! ```text
//! cargo run --release -p commerce --example bench_inventory -- [--seconds 10]
//!     [--writers 1,8,64] [--variants 200] [--hot-stock 2000] [--seed 7]
//!     [--backend sqlite|pg|both] [--pg postgres://…]
//! ```
//! or `scripts/bench-inventory [same options]`. The PostgreSQL URL is `--pg`, else
//! `STOA_BENCH_PG_URL`, else `STOA_TEST_PG_URL`; without one only SQLite runs.
//!
//! Two workloads per backend and writer count, each writer one tokio task (the runtime has a
//! worker thread per core) in a loop of: reserve 1 unit for a fresh checkout holder
//! (`reserve_now`, expiring in 15 minutes), then commit it into a sale (`commit_now`) — two
//! write transactions, one pair timed together:
//! - **uniform**: each pair on a random one of `--variants` variants that all have plenty of
//!   stock at one location, for `--seconds`;
//! - **hot**: every writer on one variant with `--hot-stock` units until it is sold out; each
//!   writer stops at its first `InsufficientStock`.
//!
//! After each run the result is checked: `check::verify` finds no mismatch, no level has
//! reserved > on hand, nothing is left reserved, and the units sold (sale movements and on-hand
//! drops, per variant) equal the pairs the writers completed; for the hot variant exactly its
//! stock was sold and every writer was finally refused. A benchmark, not a test: it prints the
//! figures and whether the goal (≥ 1,000 pairs/s with p99 ≤ 20 ms on SQLite at 8 writers,
//! uniform) is met, and exits non-zero only when a result check fails.

use std::{
    collections::BTreeMap,
    sync::{
        atomic::{AtomicI64, Ordering},
        Arc,
    },
    time::{Duration, Instant},
};

use chrono::Utc;
use commerce::test_support::{Backend, Fixture, TestDb};
use commerce::{
    entity::{
        enums::{DocumentType, MovementReason, ReservationOwner},
        stock_level, stock_movement,
    },
    inventory::{
        check,
        receipts::{self, NewReceipt},
        reservations::{self, Holder, ReserveLine},
        Actor, StockLine,
    },
    types::Quantity,
    CommerceError,
};
use rand::{rngs::StdRng, Rng, SeedableRng};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

type Error = Box<dyn std::error::Error + Send + Sync>;
type Result<T, E = Error> = std::result::Result<T, E>;

// ---------------------------------------------------------------------------------------------
// Options

struct Args {
    seconds: u64,
    writers: Vec<usize>,
    variants: usize,
    hot_stock: i64,
    seed: u64,
    sqlite: bool,
    pg: Option<String>,
}

fn args() -> Args {
    let mut a = Args {
        seconds: 10,
        writers: vec![1, 8, 64],
        variants: 200,
        hot_stock: 2_000,
        seed: 7,
        sqlite: true,
        pg: std::env::var("STOA_BENCH_PG_URL")
            .or_else(|_| std::env::var("STOA_TEST_PG_URL"))
            .ok()
            .filter(|u| !u.is_empty()),
    };
    let mut backend = String::from("both");
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut v = || {
            it.next()
                .unwrap_or_else(|| usage(&format!("{k} needs a value")))
        };
        let num = |s: String| -> u64 {
            s.replace('_', "")
                .parse()
                .unwrap_or_else(|_| usage(&format!("not a number: {s}")))
        };
        match k.as_str() {
            "--seconds" => a.seconds = num(v()).max(1),
            "--writers" => {
                a.writers = v()
                    .split(',')
                    .map(|w| (num(w.trim().to_owned()) as usize).max(1))
                    .collect()
            }
            "--variants" => a.variants = (num(v()) as usize).max(1),
            "--hot-stock" => a.hot_stock = (num(v()) as i64).clamp(1, Quantity::MAX),
            "--seed" => a.seed = num(v()),
            "--backend" => backend = v(),
            "--pg" => a.pg = Some(v()),
            "-h" | "--help" => usage(""),
            other => usage(&format!("unknown option {other}")),
        }
    }
    match backend.as_str() {
        "both" => {}
        "sqlite" => a.pg = None,
        "pg" | "postgres" => {
            a.sqlite = false;
            if a.pg.is_none() {
                usage("--backend pg needs --pg URL, STOA_BENCH_PG_URL or STOA_TEST_PG_URL");
            }
        }
        other => usage(&format!("unknown backend {other}")),
    }
    a
}

fn usage(msg: &str) -> ! {
    if !msg.is_empty() {
        eprintln!("bench_inventory: {msg}");
    }
    eprintln!(
        "usage: bench_inventory [--seconds S] [--writers 1,8,64] [--variants N] [--hot-stock N] \
         [--seed N] [--backend sqlite|pg|both] [--pg URL]"
    );
    std::process::exit(if msg.is_empty() { 0 } else { 2 })
}

// ---------------------------------------------------------------------------------------------
// Databases

/// A fresh database: a SQLite file in a temporary folder, or a new PostgreSQL database
/// (`commerce::test_support::TestDb`, dropped with it).
struct BenchDb {
    name: &'static str,
    db: DatabaseConnection,
    _test: TestDb,
}

impl BenchDb {
    async fn sqlite() -> Result<BenchDb> {
        let test = TestDb::new(Backend::Sqlite).await;
        Ok(BenchDb {
            name: "SQLite",
            db: test.connect().await,
            _test: test,
        })
    }

    async fn postgres(admin_url: &str) -> Result<BenchDb> {
        let test = TestDb::postgres_at(admin_url).await;
        Ok(BenchDb {
            name: "PostgreSQL",
            db: test.connect().await,
            _test: test,
        })
    }

    async fn close(self) {
        self.db.close().await.ok();
    }
}

// ---------------------------------------------------------------------------------------------
// Catalogue

/// One location and `n` variants (SKU `{prefix}-{i}`), each received with `stock` units.
async fn stocked_variants(
    db: &DatabaseConnection,
    prefix: &str,
    n: usize,
    stock: i64,
) -> Result<(i64, Vec<i64>)> {
    let txn = db.begin().await?;
    let f = Fixture::new(&txn);
    let slug = prefix.to_lowercase();
    let vat = f.vat_rate(&format!("std-{slug}"), 2400).await;
    let cat = f.category(&format!("bench-{slug}"), None).await;
    let loc = f.location(prefix, None, 0).await;
    let mut variants = Vec::with_capacity(n);
    for chunk in 0..n.div_ceil(20) {
        let prod = f.product(cat, vat, &format!("bench-{slug}-{chunk}")).await;
        for i in chunk * 20..((chunk + 1) * 20).min(n) {
            variants.push(f.variant(prod, &format!("{prefix}-{i}")).await);
        }
    }
    txn.commit().await?;
    let quantity = Quantity::new(stock)?;
    receipts::receive(
        db,
        &Actor::system(),
        NewReceipt {
            location_id: loc,
            supplier: Some("bench".into()),
            note: None,
            lines: variants
                .iter()
                .map(|&variant_id| StockLine {
                    variant_id,
                    quantity,
                })
                .collect(),
        },
    )
    .await?;
    Ok((loc, variants))
}

// ---------------------------------------------------------------------------------------------
// Workloads

/// What one writer did.
#[derive(Default)]
struct Writer {
    /// Reserve + commit pairs completed, per variant index.
    sold: BTreeMap<usize, i64>,
    /// Time per completed pair.
    latencies: Vec<Duration>,
    /// Reservations refused for lack of stock.
    refused: u64,
    /// Anything else that went wrong (should stay empty).
    errors: Vec<String>,
}

/// One reserve + commit of 1 unit for a fresh checkout. `Ok(false)`: refused for lack of stock.
async fn pair(
    db: &DatabaseConnection,
    holder_id: i64,
    location_id: i64,
    variant_id: i64,
) -> Result<bool, CommerceError> {
    let holder = Holder {
        kind: ReservationOwner::Checkout,
        id: holder_id,
    };
    let line = ReserveLine {
        location_id,
        variant_id,
        quantity: Quantity::ONE,
    };
    let expires = Some(Utc::now() + chrono::Duration::minutes(15));
    match reservations::reserve_now(db, holder, &[line], expires).await {
        Ok(_) => {}
        Err(CommerceError::InsufficientStock(_)) => return Ok(false),
        Err(e) => return Err(e),
    }
    reservations::commit_now(db, holder, Some((DocumentType::Order, holder_id)), None).await?;
    Ok(true)
}

/// `writers` tasks: each loops pairs on a random variant until `until`, or (hot) until its
/// first refusal.
async fn run_writers(
    db: &DatabaseConnection,
    writers: usize,
    location_id: i64,
    variants: Arc<Vec<i64>>,
    until: Option<Instant>,
    seed: u64,
    holders: Arc<AtomicI64>,
) -> (Vec<Writer>, Duration) {
    let started = Instant::now();
    let tasks: Vec<_> = (0..writers)
        .map(|w| {
            let db = db.clone();
            let variants = variants.clone();
            let holders = holders.clone();
            tokio::spawn(async move {
                let mut rng = StdRng::seed_from_u64(seed ^ (w as u64).wrapping_mul(0x9E37_79B9));
                let mut me = Writer::default();
                loop {
                    if until.is_some_and(|t| Instant::now() >= t) {
                        break;
                    }
                    let i = rng.gen_range(0..variants.len());
                    let id = holders.fetch_add(1, Ordering::Relaxed);
                    let t0 = Instant::now();
                    match pair(&db, id, location_id, variants[i]).await {
                        Ok(true) => {
                            me.latencies.push(t0.elapsed());
                            *me.sold.entry(i).or_default() += 1;
                        }
                        Ok(false) => {
                            me.refused += 1;
                            if until.is_none() {
                                break; // hot: sold out
                            }
                        }
                        Err(e) => {
                            me.errors.push(e.to_string());
                            if me.errors.len() >= 10 {
                                break;
                            }
                        }
                    }
                }
                me
            })
        })
        .collect();
    let mut out = Vec::with_capacity(writers);
    for t in tasks {
        match t.await {
            Ok(w) => out.push(w),
            Err(e) => out.push(Writer {
                errors: vec![format!("writer task failed: {e}")],
                ..Writer::default()
            }),
        }
    }
    (out, started.elapsed())
}

/// Latency summary in milliseconds.
struct Lat {
    p50: f64,
    p99: f64,
    max: f64,
}

fn lat(samples: &[Duration]) -> Lat {
    if samples.is_empty() {
        return Lat {
            p50: 0.0,
            p99: 0.0,
            max: 0.0,
        };
    }
    let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
    ms.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).clamp(1, ms.len()) - 1];
    Lat {
        p50: pct(0.50),
        p99: pct(0.99),
        max: ms[ms.len() - 1],
    }
}

/// One line of the result table.
struct Row {
    backend: &'static str,
    workload: &'static str,
    writers: usize,
    pairs: i64,
    elapsed: Duration,
    lat: Lat,
    refused: u64,
    errors: usize,
    check: Result<(), String>,
}

impl Row {
    fn per_second(&self) -> f64 {
        self.pairs as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

// ---------------------------------------------------------------------------------------------
// Result checks

/// The level of every listed variant at `location_id`: (on hand, reserved).
async fn levels(
    db: &DatabaseConnection,
    location_id: i64,
    variants: &[i64],
) -> Result<BTreeMap<i64, (i64, i64)>, String> {
    let rows = stock_level::Entity::find()
        .filter(stock_level::Column::LocationId.eq(location_id))
        .filter(stock_level::Column::VariantId.is_in(variants.iter().copied()))
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    Ok(rows
        .into_iter()
        .map(|l| (l.variant_id, (l.on_hand, l.reserved)))
        .collect())
}

/// Units sold per variant at `location_id`, from the sale movements.
async fn sales(
    db: &DatabaseConnection,
    location_id: i64,
    variants: &[i64],
) -> Result<BTreeMap<i64, i64>, String> {
    let mut out = BTreeMap::new();
    for m in stock_movement::Entity::find()
        .filter(stock_movement::Column::LocationId.eq(location_id))
        .filter(stock_movement::Column::VariantId.is_in(variants.iter().copied()))
        .filter(stock_movement::Column::Reason.eq(MovementReason::Sale))
        .all(db)
        .await
        .map_err(|e| e.to_string())?
    {
        *out.entry(m.variant_id).or_insert(0) -= m.quantity;
    }
    Ok(out)
}

/// The ledger balances, nothing is oversold or left reserved, and every variant sold exactly
/// `expected_sold` units in all (each started with `stock`).
async fn check_result(
    db: &DatabaseConnection,
    location_id: i64,
    variants: &[i64],
    stock: i64,
    expected_sold: &BTreeMap<i64, i64>,
) -> Result<(), String> {
    let report = check::verify(db).await.map_err(|e| e.to_string())?;
    if let Some(m) = report.mismatches.first() {
        return Err(format!(
            "check::verify: {} mismatches, first: {m}",
            report.mismatches.len()
        ));
    }
    let levels = levels(db, location_id, variants).await?;
    let sales = sales(db, location_id, variants).await?;
    for &v in variants {
        let want = expected_sold.get(&v).copied().unwrap_or(0);
        let (on_hand, reserved) = levels.get(&v).copied().unwrap_or((0, 0));
        if reserved > on_hand || on_hand < 0 || reserved < 0 {
            return Err(format!(
                "variant {v} oversold: on hand {on_hand}, reserved {reserved}"
            ));
        }
        if reserved != 0 {
            return Err(format!(
                "variant {v}: {reserved} units still reserved after every pair committed"
            ));
        }
        if on_hand != stock - want {
            return Err(format!(
                "variant {v}: on hand {on_hand}, expected {} ({stock} − {want} sold)",
                stock - want
            ));
        }
        let booked = sales.get(&v).copied().unwrap_or(0);
        if booked != want {
            return Err(format!(
                "variant {v}: sale movements sum to {booked}, writers completed {want}"
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// A backend

async fn bench_backend(bench: &BenchDb, a: &Args, rows: &mut Vec<Row>) -> Result<()> {
    let db = &bench.db;
    let backend = bench.name;
    let stock = Quantity::MAX;
    let t = Instant::now();
    let (location_id, variants) = stocked_variants(db, "U", a.variants, stock).await?;
    println!(
        "{backend}: {} variants with {stock} units each at one location ({:.1?})",
        variants.len(),
        t.elapsed()
    );
    let variants = Arc::new(variants);
    let holders = Arc::new(AtomicI64::new(1));
    let mut sold_so_far: BTreeMap<i64, i64> = BTreeMap::new();

    for &w in &a.writers {
        let until = Instant::now() + Duration::from_secs(a.seconds);
        let (done, elapsed) = run_writers(
            db,
            w,
            location_id,
            variants.clone(),
            Some(until),
            a.seed.wrapping_add(w as u64),
            holders.clone(),
        )
        .await;
        let mut latencies = Vec::new();
        let mut pairs = 0;
        let mut refused = 0;
        let mut errors = Vec::new();
        for writer in done {
            for (i, n) in writer.sold {
                *sold_so_far.entry(variants[i]).or_default() += n;
                pairs += n;
            }
            latencies.extend(writer.latencies);
            refused += writer.refused;
            errors.extend(writer.errors);
        }
        let mut check = check_result(db, location_id, &variants, stock, &sold_so_far).await;
        if check.is_ok() && refused > 0 {
            check = Err(format!(
                "{refused} reservations refused with plenty of stock"
            ));
        }
        print_errors(backend, "uniform", w, &errors);
        let row = Row {
            backend,
            workload: "uniform",
            writers: w,
            pairs,
            elapsed,
            lat: lat(&latencies),
            refused,
            errors: errors.len(),
            check,
        };
        print_row(&row);
        rows.push(row);
    }

    for &w in &a.writers {
        let (location_id, hot) = stocked_variants(db, &format!("H{w}"), 1, a.hot_stock).await?;
        let (done, elapsed) = run_writers(
            db,
            w,
            location_id,
            Arc::new(hot.clone()),
            None,
            a.seed,
            holders.clone(),
        )
        .await;
        let mut latencies = Vec::new();
        let mut pairs = 0;
        let mut refused = 0;
        let mut errors = Vec::new();
        let mut stopped = 0;
        for writer in done {
            pairs += writer.sold.values().sum::<i64>();
            latencies.extend(writer.latencies);
            refused += writer.refused;
            stopped += usize::from(writer.refused > 0);
            errors.extend(writer.errors);
        }
        let expected = BTreeMap::from([(hot[0], a.hot_stock)]);
        let mut check = check_result(db, location_id, &hot, a.hot_stock, &expected).await;
        if check.is_ok() && pairs != a.hot_stock {
            check = Err(format!(
                "{pairs} pairs completed, stock was {}",
                a.hot_stock
            ));
        }
        if check.is_ok() && stopped != w {
            check = Err(format!(
                "{stopped} of {w} writers were refused at the end (all should be)"
            ));
        }
        print_errors(backend, "hot", w, &errors);
        let row = Row {
            backend,
            workload: "hot",
            writers: w,
            pairs,
            elapsed,
            lat: lat(&latencies),
            refused,
            errors: errors.len(),
            check,
        };
        print_row(&row);
        rows.push(row);
    }
    Ok(())
}

fn print_errors(backend: &str, workload: &str, writers: usize, errors: &[String]) {
    for e in errors.iter().take(5) {
        eprintln!("{backend} {workload} {writers} writers: error: {e}");
    }
}

const HEADER: &str = "backend     workload  writers    pairs  seconds    pairs/s   p50 ms   p99 ms   max ms  refused  errors  result check";

fn row_text(r: &Row) -> String {
    format!(
        "{:<11} {:<8} {:>8} {:>8} {:>8.2} {:>10.0} {:>8.2} {:>8.2} {:>8.2} {:>8} {:>7}  {}",
        r.backend,
        r.workload,
        r.writers,
        r.pairs,
        r.elapsed.as_secs_f64(),
        r.per_second(),
        r.lat.p50,
        r.lat.p99,
        r.lat.max,
        r.refused,
        r.errors,
        match &r.check {
            Ok(()) => "ok".to_owned(),
            Err(e) => format!("FAILED: {e}"),
        }
    )
}

fn print_row(r: &Row) {
    println!("{}", row_text(r));
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

#[tokio::main]
async fn main() -> Result<()> {
    let a = args();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "bench_inventory: {}s per uniform run, writers {:?}, {} variants, hot stock {}, seed {}, \
         {cores} cores, load average {}{}",
        a.seconds,
        a.writers,
        a.variants,
        a.hot_stock,
        a.seed,
        loadavg(),
        if cfg!(debug_assertions) {
            " — DEBUG BUILD: figures are not representative (use --release)"
        } else {
            ""
        }
    );
    if a.pg.is_none() && a.sqlite {
        println!(
            "PostgreSQL: skipped (give --pg URL, STOA_BENCH_PG_URL or STOA_TEST_PG_URL to run it)"
        );
    }
    println!("{HEADER}");
    let mut rows = Vec::new();
    if a.sqlite {
        let bench = BenchDb::sqlite().await?;
        let r = bench_backend(&bench, &a, &mut rows).await;
        bench.close().await;
        r?;
    }
    if let Some(url) = &a.pg {
        let bench = BenchDb::postgres(url).await?;
        let r = bench_backend(&bench, &a, &mut rows).await;
        bench.close().await;
        r?;
    }

    println!();
    println!("{HEADER}");
    for r in &rows {
        print_row(r);
    }
    if let Some(r) = rows
        .iter()
        .find(|r| r.backend == "SQLite" && r.workload == "uniform" && r.writers == 8)
    {
        let met = r.per_second() >= 1_000.0 && r.lat.p99 <= 20.0;
        println!(
            "goal (SQLite, uniform, 8 writers: ≥ 1,000 reserve+commit pairs/s, p99 ≤ 20 ms): {} \
             ({:.0} pairs/s, p99 {:.2} ms)",
            if met { "met" } else { "MISSED" },
            r.per_second(),
            r.lat.p99
        );
    }
    let failed: Vec<&Row> = rows.iter().filter(|r| r.check.is_err()).collect();
    if failed.is_empty() {
        println!("result checks: all {} runs ok", rows.len());
        Ok(())
    } else {
        for r in &failed {
            eprintln!("result check FAILED: {}", row_text(r));
        }
        std::process::exit(1);
    }
}
