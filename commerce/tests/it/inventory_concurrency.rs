//! Nothing is sold that is not available, under concurrency (DESIGN §2 rule 2), on SQLite and
//! — when `STOA_TEST_PG_URL` is set (e.g. `postgres://postgres@127.0.0.1:5432/test`) — on a
//! fresh PostgreSQL database per test (`stoa_test_<random>`, dropped at the end).
//!
//! - 200 tasks released at once try to reserve the last 10 units of a variant (1 or 2 units
//!   each, shuffled), over 5 seeds: exactly 10 units are reserved, every other task gets
//!   `InsufficientStock`.
//! - Multi-line baskets over 2 locations × 4 variants with little stock: no level is oversold
//!   and each basket is held completely or not at all.
//! - Reservations committed, released, committed twice at once and committed while being
//!   released: every holder's units are sold once or given back once.
//! - Two "instances" (two connection pools on one database) expire lapsed reservations while
//!   checkouts commit and carts release some of them: each reservation ends exactly once, and
//!   on PostgreSQL no transaction dies in a deadlock (expiry, commit and release lock the
//!   reservation rows first, then the levels).
//!
//! - A stock count posted and cancelled at the same moment, 20 times: exactly one of the two
//!   wins; a cancelled count has no movements and a posted one has them all.
//!
//! - Price changes (catalogue admin) and goods received, 100 of each released at once over the
//!   same variants: every one of them succeeds (a price change that read before writing used to
//!   fail with `database is locked` on SQLite once another writer had committed in between),
//!   and each variant ends at one of the prices it was given.
//!
//! Every scenario ends with `check::verify` finding no mismatch. No assertion depends on timing.

use std::{
    collections::{BTreeMap, BTreeSet},
    future::Future,
    sync::Arc,
    time::Instant,
};

use chrono::{Duration, Utc};
use commerce::{
    entity::{
        enums::{DocumentType, MovementReason, ReservationOwner, ReservationStatus},
        stock_movement, stock_reservation,
    },
    inventory::{
        self,
        receipts::{self, NewReceipt},
        reservations::{self, Expired, Holder, ReserveLine},
        Actor, StockLine,
    },
    types::Quantity,
    CommerceError,
};
use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use tokio::sync::Barrier;

// ---------------------------------------------------------------------------------------------
// Databases

use commerce::test_support::{pg_admin_url, verify_clean, Backend, Fixture, TestDb};

/// Runs `scenario` against a fresh database of `backend` (skipped for PostgreSQL without
/// `STOA_TEST_PG_URL`), drops the database even when the scenario panics, then re-raises.
async fn run<F, Fut>(backend: Backend, name: &str, scenario: F)
where
    F: FnOnce(String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    if backend == Backend::Postgres && pg_admin_url().is_none() {
        eprintln!("STOA_TEST_PG_URL not set; skipping {name} on PostgreSQL");
        return;
    }
    let db = TestDb::new(backend).await;
    let started = Instant::now();
    let outcome = tokio::spawn(scenario(db.url.clone())).await;
    eprintln!("{name} on {backend:?}: {:.1?}", started.elapsed());
    drop(db);
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// A `#[tokio::test]` per backend for a scenario.
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {$(
        mod $scenario {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::run(super::Backend::Sqlite, stringify!($scenario), super::$scenario).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                super::run(super::Backend::Postgres, stringify!($scenario), super::$scenario)
                    .await;
            }
        }
    )*};
}

on_both_backends!(
    last_units,
    baskets_all_or_nothing,
    commits_and_releases_interleaved,
    two_instances_expire_once,
    count_post_races_cancel,
    price_changes_beside_stock_writes,
);

// ---------------------------------------------------------------------------------------------
// Catalogue and helpers

/// Locations and variants made for one scenario run; `tag` keeps codes unique in a database.
struct Catalogue {
    locations: Vec<i64>,
    variants: Vec<i64>,
}

async fn catalogue(
    db: &DatabaseConnection,
    tag: &str,
    locations: usize,
    variants: usize,
) -> Catalogue {
    let f = Fixture::new(db);
    let tag_lower = tag.to_lowercase();
    let vat = f.vat_rate(&format!("std-{tag_lower}"), 2400).await;
    let cat = f.category(&format!("cat-{tag_lower}"), None).await;
    let prod = f.product(cat, vat, &format!("product-{tag_lower}")).await;
    let mut c = Catalogue {
        locations: Vec::new(),
        variants: Vec::new(),
    };
    for i in 0..locations {
        c.locations
            .push(f.location(&format!("{tag}L{i}"), None, 0).await);
    }
    for i in 0..variants {
        c.variants
            .push(f.variant(prod, &format!("{tag}-V{i}")).await);
    }
    c
}

async fn receive(db: &DatabaseConnection, location_id: i64, lines: &[(i64, i64)]) {
    receipts::receive(
        db,
        &Actor::system(),
        NewReceipt {
            location_id,
            supplier: None,
            note: None,
            lines: lines
                .iter()
                .map(|&(variant_id, n)| StockLine {
                    variant_id,
                    quantity: Quantity::new(n).unwrap(),
                })
                .collect(),
        },
    )
    .await
    .expect("receive");
}

fn lines(spec: &[(i64, i64, i64)]) -> Vec<ReserveLine> {
    spec.iter()
        .map(|&(location_id, variant_id, n)| ReserveLine {
            location_id,
            variant_id,
            quantity: Quantity::new(n).unwrap(),
        })
        .collect()
}

fn checkout(id: i64) -> Holder {
    Holder {
        kind: ReservationOwner::Checkout,
        id,
    }
}

async fn level(db: &DatabaseConnection, location_id: i64, variant_id: i64) -> (i64, i64) {
    let l = inventory::level(db, location_id, variant_id).await.unwrap();
    (l.on_hand, l.reserved)
}

/// Active reservations of the given holders (checkout ids), per holder: (location, variant) →
/// units.
async fn active_by_holder(
    db: &DatabaseConnection,
    holders: impl IntoIterator<Item = i64>,
) -> BTreeMap<i64, BTreeMap<(i64, i64), i64>> {
    let ids: Vec<i64> = holders.into_iter().collect();
    let mut out: BTreeMap<i64, BTreeMap<(i64, i64), i64>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for r in stock_reservation::Entity::find()
            .filter(stock_reservation::Column::OwnerType.eq(ReservationOwner::Checkout))
            .filter(stock_reservation::Column::OwnerId.is_in(chunk.iter().copied()))
            .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active))
            .all(db)
            .await
            .unwrap()
        {
            *out.entry(r.owner_id)
                .or_default()
                .entry((r.location_id, r.variant_id))
                .or_default() += r.quantity;
        }
    }
    out
}

/// Sum of the sale movements of a level.
async fn sold(db: &DatabaseConnection, location_id: i64, variant_id: i64) -> i64 {
    -stock_movement::Entity::find()
        .filter(stock_movement::Column::LocationId.eq(location_id))
        .filter(stock_movement::Column::VariantId.eq(variant_id))
        .filter(stock_movement::Column::Reason.eq(MovementReason::Sale))
        .all(db)
        .await
        .unwrap()
        .iter()
        .map(|m| m.quantity)
        .sum::<i64>()
}

// ---------------------------------------------------------------------------------------------
// Scenarios

const TASKS: usize = 200;

/// 200 tasks at once for the last 10 units, over 5 seeds.
async fn last_units(url: String) {
    let db = commerce::db::connect(&url).await.unwrap();
    for seed in 0..5u64 {
        let c = catalogue(&db, &format!("U{seed}"), 1, 1).await;
        let (loc, var) = (c.locations[0], c.variants[0]);
        receive(&db, loc, &[(var, 50)]).await;
        // 40 of the 50 are promised already: 10 are left.
        let base = (seed as i64 + 1) * 10_000;
        reservations::reserve_now(&db, checkout(base), &lines(&[(loc, var, 40)]), None)
            .await
            .unwrap();

        let mut rng = StdRng::seed_from_u64(seed);
        // A quarter of the tasks ask for 2; at least 10 ask for 1, so the last unit goes too.
        let mut quantities: Vec<i64> = (0..TASKS).map(|i| if i % 4 == 0 { 2 } else { 1 }).collect();
        quantities.shuffle(&mut rng);
        let barrier = Arc::new(Barrier::new(TASKS));
        let expires = Some(Utc::now() + Duration::minutes(15));
        let tasks: Vec<_> = quantities
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                let db = db.clone();
                let barrier = barrier.clone();
                let holder = checkout(base + 1 + i as i64);
                tokio::spawn(async move {
                    barrier.wait().await;
                    let r =
                        reservations::reserve_now(&db, holder, &lines(&[(loc, var, n)]), expires)
                            .await;
                    (holder.id, n, r)
                })
            })
            .collect();
        let mut units = 0;
        let mut winners = BTreeSet::from([base]);
        let mut refused = 0;
        for t in tasks {
            let (holder, n, r) = t.await.unwrap();
            match r {
                Ok(rows) => {
                    assert_eq!(rows.len(), 1);
                    assert_eq!((rows[0].variant_id, rows[0].quantity), (var, n));
                    units += n;
                    winners.insert(holder);
                }
                Err(CommerceError::InsufficientStock(s)) => {
                    assert_eq!((s.variant_id, s.location_id, s.requested), (var, loc, n));
                    assert!(
                        s.available < n,
                        "refused with {} available for {n}",
                        s.available
                    );
                    refused += 1;
                }
                Err(e) => panic!("seed {seed}: holder {holder} failed: {e:?}"),
            }
        }
        assert_eq!(units, 10, "seed {seed}: units reserved");
        assert_eq!(refused + winners.len() - 1, TASKS);
        assert_eq!(level(&db, loc, var).await, (50, 50), "seed {seed}");
        let held = active_by_holder(&db, base..=base + TASKS as i64).await;
        assert_eq!(held.keys().copied().collect::<BTreeSet<_>>(), winners);
        verify_clean(&db).await;
    }
    db.close().await.ok();
}

/// Multi-line baskets over 2 locations × 4 variants with little stock, over 3 seeds.
async fn baskets_all_or_nothing(url: String) {
    let db = commerce::db::connect(&url).await.unwrap();
    for seed in 0..3u64 {
        let mut rng = StdRng::seed_from_u64(100 + seed);
        let c = catalogue(&db, &format!("B{seed}"), 2, 4).await;
        let mut stock: BTreeMap<(i64, i64), i64> = BTreeMap::new();
        for &loc in &c.locations {
            let got: Vec<(i64, i64)> = c
                .variants
                .iter()
                .map(|&v| (v, rng.gen_range(3..=12)))
                .collect();
            receive(&db, loc, &got).await;
            for (v, n) in got {
                stock.insert((loc, v), n);
            }
        }
        let base = (seed as i64 + 1) * 100_000;
        let baskets: Vec<Basket> = (0..150)
            .map(|_| {
                (0..rng.gen_range(1..=4))
                    .map(|_| {
                        (
                            *c.locations.choose(&mut rng).unwrap(),
                            *c.variants.choose(&mut rng).unwrap(),
                            rng.gen_range(1..=3),
                        )
                    })
                    .collect()
            })
            .collect();
        let barrier = Arc::new(Barrier::new(baskets.len()));
        let tasks: Vec<_> = baskets
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, basket)| {
                let db = db.clone();
                let barrier = barrier.clone();
                let holder = checkout(base + i as i64);
                tokio::spawn(async move {
                    barrier.wait().await;
                    reservations::reserve_now(&db, holder, &lines(&basket), None).await
                })
            })
            .collect();
        let mut held_ok: BTreeMap<i64, BTreeMap<(i64, i64), i64>> = BTreeMap::new();
        let mut refused = 0;
        for (i, t) in tasks.into_iter().enumerate() {
            let mut want: BTreeMap<(i64, i64), i64> = BTreeMap::new();
            for &(loc, var, n) in &baskets[i] {
                *want.entry((loc, var)).or_default() += n;
            }
            match t.await.unwrap() {
                Ok(rows) => {
                    let got: BTreeMap<(i64, i64), i64> = rows
                        .iter()
                        .map(|r| ((r.location_id, r.variant_id), r.quantity))
                        .collect();
                    assert_eq!(got, want, "basket {i}");
                    held_ok.insert(base + i as i64, want);
                }
                Err(CommerceError::InsufficientStock(s)) => {
                    assert!(want.contains_key(&(s.location_id, s.variant_id)));
                    refused += 1;
                }
                Err(e) => panic!("seed {seed}: basket {i} failed: {e:?}"),
            }
        }
        assert!(!held_ok.is_empty(), "seed {seed}: no basket was held");
        assert!(refused > 0, "seed {seed}: stock was meant to run short");
        // Held baskets have exactly their lines; refused ones have nothing.
        let held = active_by_holder(&db, base..base + baskets.len() as i64).await;
        assert_eq!(held, held_ok, "seed {seed}");
        let mut reserved: BTreeMap<(i64, i64), i64> = BTreeMap::new();
        for lines in held_ok.values() {
            for (k, n) in lines {
                *reserved.entry(*k).or_default() += n;
            }
        }
        for (&(loc, var), &on_hand) in &stock {
            let want = reserved.get(&(loc, var)).copied().unwrap_or(0);
            assert!(want <= on_hand, "seed {seed}: oversold ({loc}, {var})");
            assert_eq!(level(&db, loc, var).await, (on_hand, want));
        }
        verify_clean(&db).await;
    }
    db.close().await.ok();
}

/// Lines of a basket: (location, variant, units).
type Basket = Vec<(i64, i64, i64)>;

/// What a task did with its reservation.
#[derive(Debug)]
enum Ending {
    NotHeld,
    Sold(BTreeMap<(i64, i64), i64>),
    Released,
}

/// Reserve, then commit, release, commit twice at once, or commit and release at once.
async fn commits_and_releases_interleaved(url: String) {
    let db = commerce::db::connect(&url).await.unwrap();
    for seed in 0..2u64 {
        let mut rng = StdRng::seed_from_u64(200 + seed);
        let c = catalogue(&db, &format!("C{seed}"), 1, 3).await;
        let loc = c.locations[0];
        let initial = 40;
        receive(
            &db,
            loc,
            &c.variants.iter().map(|&v| (v, initial)).collect::<Vec<_>>(),
        )
        .await;
        let base = (seed as i64 + 1) * 1_000_000;
        let plans: Vec<(Basket, u8)> = (0..150)
            .map(|_| {
                let basket = (0..rng.gen_range(1..=2))
                    .map(|_| {
                        (
                            loc,
                            *c.variants.choose(&mut rng).unwrap(),
                            rng.gen_range(1..=2),
                        )
                    })
                    .collect();
                (basket, rng.gen_range(0..4u8))
            })
            .collect();
        let barrier = Arc::new(Barrier::new(plans.len()));
        let tasks: Vec<_> = plans
            .into_iter()
            .enumerate()
            .map(|(i, (basket, action))| {
                let db = db.clone();
                let barrier = barrier.clone();
                let holder = checkout(base + i as i64);
                tokio::spawn(async move {
                    barrier.wait().await;
                    let rows =
                        match reservations::reserve_now(&db, holder, &lines(&basket), None).await {
                            Ok(rows) => rows,
                            Err(CommerceError::InsufficientStock(_)) => return Ending::NotHeld,
                            Err(e) => panic!("reserve {holder:?}: {e:?}"),
                        };
                    let units: BTreeMap<(i64, i64), i64> = rows
                        .iter()
                        .map(|r| ((r.location_id, r.variant_id), r.quantity))
                        .collect();
                    let total: i64 = units.values().sum();
                    let order = Some((DocumentType::Order, holder.id));
                    match action {
                        0 => {
                            reservations::commit_now(&db, holder, order, None)
                                .await
                                .unwrap();
                            Ending::Sold(units)
                        }
                        1 => {
                            let back = reservations::release_now(&db, holder).await.unwrap();
                            assert_eq!(back, total);
                            Ending::Released
                        }
                        2 => {
                            let (a, b) = tokio::join!(
                                reservations::commit_now(&db, holder, order, None),
                                reservations::commit_now(&db, holder, order, None),
                            );
                            match (a, b) {
                                (Ok(_), Err(CommerceError::Conflict(_)))
                                | (Err(CommerceError::Conflict(_)), Ok(_)) => Ending::Sold(units),
                                other => panic!("double commit of {holder:?}: {other:?}"),
                            }
                        }
                        _ => {
                            let (commit, release) = tokio::join!(
                                reservations::commit_now(&db, holder, order, None),
                                reservations::release_now(&db, holder),
                            );
                            match (commit, release) {
                                (Ok(_), Ok(0)) => Ending::Sold(units),
                                (Err(CommerceError::Conflict(_)), Ok(n)) if n == total => {
                                    Ending::Released
                                }
                                other => panic!("commit against release of {holder:?}: {other:?}"),
                            }
                        }
                    }
                })
            })
            .collect();
        let mut sold_units: BTreeMap<(i64, i64), i64> = BTreeMap::new();
        let mut endings = [0usize; 3];
        for t in tasks {
            match t.await.unwrap() {
                Ending::NotHeld => endings[0] += 1,
                Ending::Sold(units) => {
                    endings[1] += 1;
                    for (k, n) in units {
                        *sold_units.entry(k).or_default() += n;
                    }
                }
                Ending::Released => endings[2] += 1,
            }
        }
        assert!(endings[1] > 0 && endings[2] > 0, "seed {seed}: {endings:?}");
        for &var in &c.variants {
            let n = sold_units.get(&(loc, var)).copied().unwrap_or(0);
            assert_eq!(level(&db, loc, var).await, (initial - n, 0), "seed {seed}");
            assert_eq!(sold(&db, loc, var).await, n, "seed {seed}: sale movements");
        }
        let still_active = stock_reservation::Entity::find()
            .filter(stock_reservation::Column::LocationId.eq(loc))
            .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active))
            .count(&db)
            .await
            .unwrap();
        assert_eq!(still_active, 0);
        verify_clean(&db).await;
    }
    db.close().await.ok();
}

/// Two instances (two pools) expire lapsed reservations while checkouts commit and carts release
/// some of them.
async fn two_instances_expire_once(url: String) {
    let a = commerce::db::connect(&url).await.unwrap();
    let b = commerce::db::connect(&url).await.unwrap();
    let mut rng = StdRng::seed_from_u64(300);
    let c = catalogue(&a, "E", 1, 4).await;
    let loc = c.locations[0];
    let initial = 400;
    receive(
        &a,
        loc,
        &c.variants.iter().map(|&v| (v, initial)).collect::<Vec<_>>(),
    )
    .await;
    let now = Utc::now();
    let lapsed_at = Some(now - Duration::minutes(1));
    // 200 lapsed holders, every fifth holding two reservations (it reserved twice), and 10
    // holders whose reservations have not lapsed.
    let holders: i64 = 200;
    let mut lapsed_units: BTreeMap<i64, i64> = BTreeMap::new();
    let mut lapsed_rows = 0u64;
    for h in 1..=holders {
        let times = if h % 5 == 0 { 2 } else { 1 };
        for _ in 0..times {
            let var = *c.variants.choose(&mut rng).unwrap();
            let n = rng.gen_range(1..=2);
            reservations::reserve_now(&a, checkout(h), &lines(&[(loc, var, n)]), lapsed_at)
                .await
                .unwrap();
            *lapsed_units.entry(h).or_default() += n;
            lapsed_rows += 1;
        }
    }
    let later = Some(now + Duration::hours(1));
    for h in 1_001..=1_010 {
        reservations::reserve_now(&a, checkout(h), &lines(&[(loc, c.variants[0], 1)]), later)
            .await
            .unwrap();
    }

    let lapsed_left = move |db: DatabaseConnection| async move {
        stock_reservation::Entity::find()
            .filter(stock_reservation::Column::Status.eq(ReservationStatus::Active))
            .filter(stock_reservation::Column::ExpiresAt.lte(now))
            .count(&db)
            .await
            .unwrap()
    };
    // Each instance runs the job until nothing lapsed is left.
    let instance = move |db: DatabaseConnection| async move {
        let mut done = Expired::default();
        loop {
            let run = reservations::expire_lapsed(&db, now, 15)
                .await
                .expect("expire_lapsed");
            done.reservations += run.reservations;
            done.units += run.units;
            if run.reservations == 0 && lapsed_left(db.clone()).await == 0 {
                return done;
            }
            tokio::task::yield_now().await;
        }
    };
    // Meanwhile checkouts pay for 40 of the lapsed holders and carts release 20 (a lapsed
    // reservation the job has not reached yet still holds its units). A holder whose two
    // reservations fall in different expiry runs may be committed or released in part.
    let barrier = Arc::new(Barrier::new(62));
    let mut payers = Vec::new();
    for (i, h) in (1..=holders).step_by(3).take(60).enumerate() {
        let db = if h % 2 == 0 { a.clone() } else { b.clone() };
        let barrier = barrier.clone();
        let pays = i % 3 != 2;
        payers.push(tokio::spawn(async move {
            barrier.wait().await;
            if pays {
                let order = Some((DocumentType::Order, h));
                match reservations::commit_now(&db, checkout(h), order, None).await {
                    Ok(moved) => (h, -moved.iter().map(|m| m.quantity).sum::<i64>(), 0),
                    Err(CommerceError::Conflict(_)) => (h, 0, 0),
                    Err(e) => panic!("commit of lapsed holder {h}: {e:?}"),
                }
            } else {
                match reservations::release_now(&db, checkout(h)).await {
                    Ok(units) => (h, 0, units),
                    Err(e) => panic!("release of lapsed holder {h}: {e:?}"),
                }
            }
        }));
    }
    let jobs: Vec<_> = [a.clone(), b.clone()]
        .into_iter()
        .map(|db| {
            let barrier = barrier.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                instance(db).await
            })
        })
        .collect();
    let mut committed_units = 0;
    let mut released_units = 0;
    for p in payers {
        let (h, committed, released) = p.await.unwrap();
        assert!(committed + released <= lapsed_units[&h], "holder {h}");
        committed_units += committed;
        released_units += released;
    }
    let mut expired = Expired::default();
    for j in jobs {
        let run = j.await.unwrap();
        expired.reservations += run.reservations;
        expired.units += run.units;
    }
    let rows_in = |status: ReservationStatus| {
        let db = a.clone();
        async move {
            stock_reservation::Entity::find()
                .filter(stock_reservation::Column::Status.eq(status))
                .count(&db)
                .await
                .unwrap()
        }
    };
    // Every lapsed reservation ended once: committed, released, or expired by one instance.
    let committed_rows = rows_in(ReservationStatus::Committed).await;
    let released_rows = rows_in(ReservationStatus::Released).await;
    assert_eq!(
        expired.reservations + committed_rows + released_rows,
        lapsed_rows
    );
    assert_eq!(
        expired.units + committed_units + released_units,
        lapsed_units.values().sum::<i64>()
    );
    assert_eq!(
        rows_in(ReservationStatus::Expired).await,
        expired.reservations
    );
    let mut total_on_hand = 0;
    let mut total_reserved = 0;
    for &var in &c.variants {
        let (on_hand, reserved) = level(&a, loc, var).await;
        total_on_hand += on_hand;
        total_reserved += reserved;
    }
    assert_eq!(total_on_hand, initial * 4 - committed_units);
    assert_eq!(
        total_reserved, 10,
        "only the holds that have not lapsed remain"
    );
    verify_clean(&a).await;
    a.close().await.ok();
    b.close().await.ok();
}

/// Post and cancel of the same open count race: one wins, the other is a conflict, and the
/// count's status matches its movements (a cancel that read "open" must not overwrite a post).
async fn count_post_races_cancel(url: String) {
    use commerce::{entity::enums::CountStatus, inventory::counts};
    let db = commerce::db::connect(&url).await.unwrap();
    let c = catalogue(&db, "CNT", 1, 2).await;
    let loc = c.locations[0];
    // Every posted round takes one unit off the first variant: start with more than 20 rounds
    // can take, so the counted quantity never goes below zero.
    receive(&db, loc, &[(c.variants[0], 50), (c.variants[1], 50)]).await;
    let mut posted = 0;
    for round in 0..20 {
        let count = counts::open(&db, &Actor::system(), loc, None)
            .await
            .unwrap();
        let id = count.count.id;
        // One unit fewer and one more than expected: posting books two movements.
        let entries: Vec<(i64, Option<i64>)> = count
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.variant_id, Some(l.expected + if i == 0 { -1 } else { 1 })))
            .collect();
        counts::record(&db, &Actor::system(), id, &entries)
            .await
            .unwrap();
        let (a, b) = (db.clone(), db.clone());
        let post = tokio::spawn(async move { counts::post(&a, &Actor::system(), id).await });
        let cancel = tokio::spawn(async move { counts::cancel(&b, &Actor::system(), id).await });
        let (post, cancel) = (post.await.unwrap(), cancel.await.unwrap());
        assert!(
            post.is_ok() != cancel.is_ok(),
            "round {round}: exactly one wins: {post:?} / {cancel:?}"
        );
        let status = counts::get(&db, id).await.unwrap().count.status;
        let movements = stock_movement::Entity::find()
            .filter(stock_movement::Column::DocumentType.eq(DocumentType::Count))
            .filter(stock_movement::Column::DocumentId.eq(id))
            .count(&db)
            .await
            .unwrap();
        match status {
            CountStatus::Posted => {
                posted += 1;
                assert_eq!(
                    movements, 2,
                    "round {round}: a posted count booked its lines"
                );
            }
            CountStatus::Cancelled => {
                assert_eq!(
                    movements, 0,
                    "round {round}: a cancelled count booked nothing"
                )
            }
            other => panic!("round {round}: count left {other:?}"),
        }
    }
    eprintln!("count races: {posted} of 20 posted");
    verify_clean(&db).await;
    db.close().await.ok();
}

async fn price_changes_beside_stock_writes(url: String) {
    use commerce::{catalog::admin, entity::variant};
    const EACH: usize = 100;
    let db = commerce::db::connect(&url).await.unwrap();
    let c = catalogue(&db, "PRC", 1, 4).await;
    let loc = c.locations[0];
    let barrier = Arc::new(Barrier::new(2 * EACH));
    let mut tasks = Vec::new();
    for i in 0..EACH {
        let variant = c.variants[i % c.variants.len()];
        let (price_db, price_barrier) = (db.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            price_barrier.wait().await;
            admin::set_variant_price(&price_db, variant, 1_000 + i as i64, None)
                .await
                .map(|_| ())
        }));
        let (stock_db, stock_barrier) = (db.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            stock_barrier.wait().await;
            receipts::receive(
                &stock_db,
                &Actor::system(),
                NewReceipt {
                    location_id: loc,
                    supplier: None,
                    note: None,
                    lines: vec![StockLine {
                        variant_id: variant,
                        quantity: Quantity::new(1).unwrap(),
                    }],
                },
            )
            .await
            .map(|_| ())
        }));
    }
    for t in tasks {
        t.await
            .unwrap()
            .expect("every price change and receipt succeeds");
    }
    for (k, &v) in c.variants.iter().enumerate() {
        let price = variant::Entity::find_by_id(v)
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .price_minor;
        let given: Vec<i64> = (0..EACH)
            .filter(|i| i % c.variants.len() == k)
            .map(|i| 1_000 + i as i64)
            .collect();
        assert!(given.contains(&price), "variant {v} at {price}");
        let (on_hand, _) = level(&db, loc, v).await;
        assert_eq!(on_hand, (EACH / c.variants.len()) as i64);
    }
    verify_clean(&db).await;
}
