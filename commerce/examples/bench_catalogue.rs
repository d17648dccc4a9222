//! The catalogue read model on a generated shop (issue 12): how long it takes to load and how
//! much memory it holds, how long an outbox batch takes to apply (a price change moves the
//! product in its listings, a sell-out does not), and what a product page costs with its live
//! stock read from the database against the same page from memory alone (the alternative:
//! stock quantities cached in the read model).
//!
//! ```text
//! stoa demo --data DIR --products 100000
//! cargo run --release -p commerce --example bench_catalogue -- DIR [iterations]
//! ```
//! or `scripts/bench-http`, which runs it on each shop it generates. Prints figures; never fails
//! on them.

use std::time::{Duration, Instant};

/// The allocator the `stoa` binary uses, so that the memory figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use commerce::{
    catalog::{
        admin, browse,
        live::{self, Catalogue},
    },
    entity::{enums::AdjustmentReason, stock_level},
    inventory::{adjustments, Actor},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The process's resident memory now and at its peak (Linux; blank elsewhere).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or("?".to_owned(), |v| v.trim().to_owned())
    };
    format!("RSS {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}

fn per_call(total: Duration, n: usize) -> String {
    format!("{:.1} µs", total.as_secs_f64() * 1e6 / n as f64)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: bench_catalogue DIR [iterations]")?;
    let n: usize = args.next().map_or(Ok(2000), |s| s.parse())?;
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{dir}/stoa.db?mode=rwc"));
    let db = commerce::db::connect(&url).await?;

    let t = Instant::now();
    let catalogue = Catalogue::load(&db).await?;
    let snap = catalogue.snapshot();
    println!(
        "load: {} products in {:.2} s; {}",
        snap.products.len(),
        t.elapsed().as_secs_f64(),
        memory()
    );

    let parts = snap.footprint();
    let total: usize = parts.iter().map(|(_, b)| b).sum();
    let parts: Vec<String> = parts
        .iter()
        .map(|(name, b)| format!("{name} {:.1}", *b as f64 / 1e6))
        .collect();
    println!(
        "read model: {:.1} MB asked of the allocator ({})",
        total as f64 / 1e6,
        parts.join(", ")
    );

    // Product pages: the same 200 products round and round.
    let mut ids: Vec<i64> = snap.products.keys().copied().collect();
    ids.sort_unstable();
    let step = (ids.len() / 200).max(1);
    let picked: Vec<i64> = ids.iter().step_by(step).take(200).copied().collect();
    let slugs: Vec<String> = picked
        .iter()
        .map(|id| snap.product(*id).unwrap().slug(0).to_string())
        .collect();
    let t = Instant::now();
    for i in 0..n {
        browse::product(&db, &snap, "en", &slugs[i % slugs.len()], &[]).await?;
    }
    let with_db = t.elapsed();
    // The database part alone: the product's stock levels.
    let t = Instant::now();
    for i in 0..n {
        let p = snap.product(picked[i % picked.len()]).unwrap();
        stock_level::Entity::find()
            .filter(stock_level::Column::VariantId.is_in(p.variants().map(|v| v.id)))
            .all(&db)
            .await?;
    }
    let query = t.elapsed();
    // Cards from memory (what a cached-quantity product page would cost at most).
    let t = Instant::now();
    for i in 0..n {
        browse::cards(
            &snap,
            "en",
            &picked[i % picked.len()..(i % picked.len() + 1)],
        );
    }
    let card = t.elapsed();
    let cats: Vec<String> = snap
        .categories
        .list
        .iter()
        .map(|c| c.texts[0].slug.to_string())
        .collect();
    let t = Instant::now();
    for i in 0..n {
        browse::category(&snap, "en", &cats[i % cats.len()], 5, "price_asc")?;
    }
    let category = t.elapsed();
    println!(
        "per call ({n} calls): product page read model {} (of which its one stock query alone {}), \
         one card {}, category page 5 by price {}",
        per_call(with_db, n),
        per_call(query, n),
        per_call(card, n),
        per_call(category, n)
    );

    // The parts of applying a change that do not touch the database: copying the product map,
    // and moving one product in what is derived (its price changed) against a rebuild.
    let t = Instant::now();
    let mut products = snap.products.clone();
    let copy = t.elapsed();
    let mut moved = snap.product(picked[0]).unwrap().to_new();
    moved.variants[0].price_minor += 100;
    let moved = live::Product::new(moved);
    products.insert(moved.id, std::sync::Arc::new(moved));
    let t = Instant::now();
    let mut derived = (*snap.derived).clone();
    derived.update(&snap.products, &products, &picked[..1], &snap.categories);
    let update = t.elapsed();
    let t = Instant::now();
    let rebuilt = live::Derived::build(&products, &snap.categories);
    let rebuild = t.elapsed();
    assert!(derived == rebuilt, "an update gives what a rebuild gives");
    println!(
        "in memory: copy the product map {:.1} ms, move one product in the listings {:.1} ms \
         (a rebuild: {:.0} ms)",
        copy.as_secs_f64() * 1e3,
        update.as_secs_f64() * 1e3,
        rebuild.as_secs_f64() * 1e3
    );

    // Applying changes: a price (the listings are edited), a sell-out (they are not).
    let p = snap.product(picked[0]).unwrap();
    let first = p.variant(0).ok_or("a product without variants")?;
    let (v, price) = (first.id, first.price_minor);
    admin::set_variant_price(&db, v, price + 100, None).await?;
    let t = Instant::now();
    let applied = catalogue.sync_step(&db).await?;
    println!(
        "apply a price change: {:.0} ms ({applied:?})",
        t.elapsed().as_secs_f64() * 1000.0
    );
    admin::set_variant_price(&db, v, price, first.compare_at_minor).await?;
    catalogue.sync(&db).await?;
    let stocked = snap
        .products
        .values()
        .filter(|p| p.variants().len() == 1)
        .find_map(|p| {
            let v = p.variant(0)?;
            match v.stocked.iter().collect::<Vec<_>>()[..] {
                [only] => Some((v.id, only)),
                _ => None,
            }
        });
    if let Some((variant_id, location_id)) = stocked {
        let left = commerce::inventory::level(&db, location_id, variant_id)
            .await?
            .available();
        let adjust = |change: i64, reason: AdjustmentReason| {
            let input = adjustments::NewAdjustment {
                location_id,
                variant_id,
                change,
                reason,
                note: Some("bench".into()),
            };
            let db = db.clone();
            async move { adjustments::adjust(&db, &Actor::system(), input).await }
        };
        adjust(-left, AdjustmentReason::Damaged).await?;
        let t = Instant::now();
        let applied = catalogue.sync_step(&db).await?;
        println!(
            "apply a sell-out: {:.0} ms ({applied:?})",
            t.elapsed().as_secs_f64() * 1000.0
        );
        adjust(left, AdjustmentReason::Found).await?;
        catalogue.sync(&db).await?;
    }
    Ok(())
}
