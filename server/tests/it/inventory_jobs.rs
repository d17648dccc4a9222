//! Stock jobs through the real server: lapsed reservations are released by the expiry job
//! exactly once even with two instances on one database; `stoa check` passes on a healthy
//! ledger and names the first mismatch after the database is tampered with.

use std::time::{Duration, Instant};

use crate::common::{backends, TestApp, TestDb};
use chrono::Utc;
use commerce::{
    entity::{
        enums::{ReservationOwner, ReservationStatus},
        job, location, stock_level, stock_reservation,
    },
    inventory::{
        self,
        reservations::{reserve_now, Holder, ReserveLine},
    },
    types::Quantity,
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// A level at the Athens store with at least `min` units available.
async fn athens_level(db: &sea_orm::DatabaseConnection, min: i64) -> stock_level::Model {
    let ath = location::Entity::find()
        .filter(location::Column::Code.eq("ATH"))
        .one(db)
        .await
        .unwrap()
        .expect("ATH location");
    stock_level::Entity::find()
        .filter(stock_level::Column::LocationId.eq(ath.id))
        .filter(stock_level::Column::OnHand.gte(min))
        .filter(stock_level::Column::Reserved.eq(0))
        .order_by_asc(stock_level::Column::VariantId)
        .one(db)
        .await
        .unwrap()
        .expect("a stocked variant at ATH")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lapsed_reservations_are_released_once_by_either_instance() {
    for backend in backends() {
        let testdb = TestDb::new(backend, true).await;
        let a = TestApp::start(&testdb).await;
        let second_dir = tempfile::tempdir().unwrap();
        let b = TestApp::start_in(&testdb, second_dir.path().to_path_buf()).await;
        let db = a.db.clone();
        let level = athens_level(&db, 3).await;
        // What the shop's pages read (loaded before the short reservation starts its second).
        let live = commerce::test_support::catalogue(&db).await;
        let line = |q| ReserveLine {
            location_id: level.location_id,
            variant_id: level.variant_id,
            quantity: Quantity::new(q).unwrap(),
        };
        // Two checkouts hold 2 + 1 units: one lapses in a second, one in an hour.
        let soon = Holder {
            kind: ReservationOwner::Checkout,
            id: 1,
        };
        let later = Holder {
            kind: ReservationOwner::Checkout,
            id: 2,
        };
        reserve_now(
            &db,
            soon,
            &[line(2)],
            Some(Utc::now() + chrono::Duration::seconds(1)),
        )
        .await
        .unwrap();
        reserve_now(
            &db,
            later,
            &[line(1)],
            Some(Utc::now() + chrono::Duration::hours(1)),
        )
        .await
        .unwrap();
        let held = inventory::level(&db, level.location_id, level.variant_id)
            .await
            .unwrap();
        assert_eq!(held.reserved, 3, "{backend:?}");
        // The product page counts from the same numbers: available = on hand − reserved.
        let at_athens = |page: &commerce::catalog::browse::ProductPage| {
            page.availability
                .iter()
                .find(|a| a.code == "ATH")
                .map(|a| a.available)
        };
        let sku = commerce::entity::variant::Entity::find_by_id(level.variant_id)
            .one(&db)
            .await
            .unwrap()
            .unwrap()
            .sku;
        let code =
            commerce::search::page::find_code(&live, "en", &sku).expect("the variant is on sale");
        let selection = commerce::catalog::browse::parse_selection(&code.selection);
        let page = commerce::catalog::browse::product(&db, &live, "en", &code.slug, &selection)
            .await
            .unwrap();
        assert_eq!(page.variant.id, level.variant_id, "{backend:?}");
        assert_eq!(at_athens(&page), Some(level.on_hand - 3), "{backend:?}");

        // Both instances run the expiry job every 2 s; wait for the lapsed one to go. An
        // instance that claimed a round and could not record its end (a busy database on a
        // loaded machine) holds the job until its 30 s lease runs out: the wait covers that.
        let started = Instant::now();
        loop {
            let r = stock_reservation::Entity::find()
                .filter(stock_reservation::Column::OwnerId.eq(soon.id))
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            if r.status == ReservationStatus::Expired {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(45),
                "{backend:?}: the lapsed reservation was not released"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        // Let a few more job rounds pass on both instances: nothing changes twice.
        tokio::time::sleep(Duration::from_secs(5)).await;
        let after = inventory::level(&db, level.location_id, level.variant_id)
            .await
            .unwrap();
        assert_eq!(after.reserved, 1, "{backend:?}: units returned once");
        assert_eq!(after.on_hand, level.on_hand, "{backend:?}");
        let page = commerce::catalog::browse::product(
            &db,
            &commerce::test_support::catalogue(&db).await,
            "en",
            &code.slug,
            &selection,
        )
        .await
        .unwrap();
        assert_eq!(at_athens(&page), Some(level.on_hand - 1), "{backend:?}");
        let later_row = stock_reservation::Entity::find()
            .filter(stock_reservation::Column::OwnerId.eq(later.id))
            .one(&db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(later_row.status, ReservationStatus::Active, "{backend:?}");
        let report = inventory::check::verify(&db).await.unwrap();
        assert!(report.mismatches.is_empty(), "{backend:?}: {report:?}");
        // One job row, and it is not stuck with a lease.
        let jobs = job::Entity::find()
            .filter(job::Column::UniqueKey.eq("reservation_expiry"))
            .all(&db)
            .await
            .unwrap();
        assert_eq!(jobs.len(), 1, "{backend:?}");
        assert!(jobs[0].last_error.is_none(), "{backend:?}: {jobs:?}");

        a.stop().await;
        b.stop().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stoa_check_passes_then_names_the_first_mismatch() {
    let testdb = TestDb::new(crate::common::Backend::Sqlite, true).await;
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_stoa"))
            .args(["check", "--data"])
            .arg(testdb.data_dir())
            .env("DATABASE_URL", &testdb.url)
            .env_remove("STOA_DATA")
            .output()
            .unwrap()
    };
    let ok = run();
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(ok.status.success(), "{stdout} {:?}", ok.stderr);
    assert!(stdout.starts_with("ok: "), "{stdout}");

    // Tamper with one level behind the ledger's back.
    let db = commerce::db::connect(&testdb.url).await.unwrap();
    let level = athens_level(&db, 1).await;
    db.execute_unprepared(&format!(
        "UPDATE stock_levels SET on_hand = on_hand + 5 WHERE location_id = {} AND variant_id = {}",
        level.location_id, level.variant_id
    ))
    .await
    .unwrap();
    db.close().await.ok();

    let bad = run();
    let stderr = String::from_utf8_lossy(&bad.stderr).trim().to_owned();
    assert_eq!(bad.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "variant {} at location {}",
            level.variant_id, level.location_id
        )) && stderr.contains(&format!("on hand {}", level.on_hand + 5)),
        "{stderr}"
    );
}
