//! The stock ledger (`commerce::inventory`, DESIGN §2 rule 2 and §3.2 Inventory) on a fresh
//! SQLite file per test: receipts, adjustments, transfers, counts, reservations, the code-line
//! reader, the stock and ledger views and `check::verify`.
//!
//! Every refused operation is checked to have written nothing (every inventory table and the
//! outbox are compared before and after), and every test that writes ends with
//! `check::verify` finding no mismatch. The last test is a property test: random sequences of
//! receipts, adjustments, reservations, commits, releases and transfers over three locations
//! and three variants, checked against a model after every step.
//!
//! The catalogue is built directly with the entities (the demo shop takes ~15 s to load): two
//! stores (ATH, KRK) with a location each plus a warehouse (WEB), a T-shirt with sizes S, M and
//! an inactive XL, and a shoe with an English and a Greek name.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, Utc};
use commerce::{
    catalog::barcode::Ean13,
    entity::{
        enums::{
            AdjustmentReason, CountStatus, DocumentType, MovementReason, ReservationOwner,
            ReservationStatus, StaffRole, TransferStatus,
        },
        locale, outbox, stock_level, stock_movement, stock_receipt, stock_reservation,
    },
    error::{Conflict, Problem},
    inventory::{
        self,
        adjustments::{self, NewAdjustment},
        check::{self, Mismatch},
        counts,
        receipts::{self, NewReceipt},
        reservations::{self, Holder, ReserveLine},
        thresholds,
        transfers::{self, NewTransfer},
        views::{self, StockQuery},
        Actor, Level, StockLine,
    },
    types::Quantity,
    CommerceError,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder,
};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// The shop

/// A fresh database with a small catalogue and three locations.
struct Shop {
    db: DatabaseConnection,
    _dir: TempDir,
    /// Warehouse, no store.
    web: i64,
    /// Athens store's location.
    ath: i64,
    /// Kraków store's location.
    krk: i64,
    /// Clothing › T-shirts.
    clothing: i64,
    /// Shoes.
    shoes: i64,
    /// A category without products.
    empty_category: i64,
    tee_s: i64,
    tee_m: i64,
    /// Inactive.
    tee_xl: i64,
    shoe: i64,
    tee_m_barcode: String,
    shoe_barcode: String,
    /// A manager of the Athens store.
    manager_id: i64,
    /// The PostgreSQL database, when the shop is on one (dropped after `db`).
    _pg: Option<TestDb>,
}

impl Shop {
    async fn new() -> Shop {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = open(&dir).await;
        commerce::db::migrate(&db).await.expect("migrate");
        Shop::fill(db, dir).await
    }

    /// A fresh shop on `backend` (a SQLite file, or a fresh PostgreSQL database).
    async fn on(backend: Backend) -> Shop {
        match backend {
            Backend::Sqlite => Shop::new().await,
            Backend::Postgres => {
                let pg = TestDb::new(Backend::Postgres).await;
                let db = pg.connect().await;
                let dir = tempfile::tempdir().expect("tempdir");
                Shop {
                    _pg: Some(pg),
                    ..Shop::fill(db, dir).await
                }
            }
        }
    }

    /// Opens the database file of `dir` (created if missing).
    async fn fill(db: DatabaseConnection, dir: TempDir) -> Shop {
        for (code, name, default) in [("en", "English", true), ("el", "Ελληνικά", false)] {
            locale::ActiveModel {
                code: Set(code.into()),
                name: Set(name.into()),
                is_default: Set(default),
                enabled: Set(true),
                position: Set(0),
            }
            .insert(&db)
            .await
            .unwrap();
        }
        let f = Fixture::new(&db);
        let vat = f.vat_rate("standard", 2400).await;
        let clothing = f.category("clothing", None).await;
        let tees = f.category("t-shirts", Some(clothing)).await;
        let shoes = f.category("shoes", None).await;
        let empty_category = f.category("hats", None).await;
        for (id, name) in [(clothing, "Clothing"), (tees, "T-shirts"), (shoes, "Shoes")] {
            f.category_name(id, "en", name, &name.to_lowercase()).await;
        }
        let tee = f.product(tees, vat, "basic-tee").await;
        let shoe_product = f.product(shoes, vat, "running-shoe").await;
        for (product_id, loc, name, slug) in [
            (tee, "en", "Basic tee", "basic-tee"),
            (shoe_product, "en", "Running shoe", "running-shoe"),
            (shoe_product, "el", "Παπούτσι τρεξίματος", "papoutsi"),
        ] {
            f.product_name(product_id, loc, name, slug).await;
        }
        let tee_m_barcode = Ean13::from_body("200000000001")
            .unwrap()
            .as_str()
            .to_owned();
        let shoe_barcode = Ean13::from_body("200000000002")
            .unwrap()
            .as_str()
            .to_owned();
        // Created in this order, so ids ascend TEE-S < TEE-M < TEE-XL < SHOE-42.
        let tee_s = f.variant_with(tee, "TEE-S", None, 1_999, true).await;
        let tee_m = f
            .variant_with(tee, "TEE-M", Some(&tee_m_barcode), 1_999, true)
            .await;
        let tee_xl = f.variant_with(tee, "TEE-XL", None, 1_999, false).await;
        let shoe = f
            .variant_with(shoe_product, "SHOE-42", Some(&shoe_barcode), 1_999, true)
            .await;
        let ath_store = f.store("ATH", "Athens").await;
        let krk_store = f.store("KRK", "Kraków").await;
        let web = f.location("WEB", None, 3).await;
        let ath = f.location("ATH", Some(ath_store), 2).await;
        let krk = f.location("KRK", Some(krk_store), 2).await;
        let manager_id = f
            .staff("maria@example.com", "Maria Manager", StaffRole::Manager)
            .await;
        Shop {
            db,
            _dir: dir,
            web,
            ath,
            krk,
            clothing,
            shoes,
            empty_category,
            tee_s,
            tee_m,
            tee_xl,
            shoe,
            tee_m_barcode,
            shoe_barcode,
            manager_id,
            _pg: None,
        }
    }

    /// The manager of the Athens store.
    fn manager(&self) -> Actor {
        Actor::staff(self.manager_id, "manager", &["ATH".to_owned()])
    }

    /// The same person as a manager of the Kraków store only.
    fn krk_manager(&self) -> Actor {
        Actor::staff(self.manager_id, "manager", &["KRK".to_owned()])
    }

    async fn receive(&self, location_id: i64, lines: &[(i64, i64)]) -> stock_receipt::Model {
        receipts::receive(
            &self.db,
            &Actor::system(),
            NewReceipt {
                location_id,
                supplier: None,
                note: None,
                lines: lines.iter().map(|&(v, q)| line(v, q)).collect(),
            },
        )
        .await
        .expect("receive")
    }

    async fn level(&self, location_id: i64, variant_id: i64) -> Level {
        inventory::level(&self.db, location_id, variant_id)
            .await
            .unwrap()
    }

    /// (on hand, reserved) of a variant at a location.
    async fn stock(&self, location_id: i64, variant_id: i64) -> (i64, i64) {
        let l = self.level(location_id, variant_id).await;
        (l.on_hand, l.reserved)
    }

    async fn reserve(
        &self,
        holder: Holder,
        lines: &[(i64, i64, i64)],
    ) -> commerce::Result<Vec<stock_reservation::Model>> {
        let lines: Vec<ReserveLine> = lines
            .iter()
            .map(|&(location_id, variant_id, q)| ReserveLine {
                location_id,
                variant_id,
                quantity: qty(q),
            })
            .collect();
        reservations::reserve_now(&self.db, holder, &lines, None).await
    }

    async fn movements(&self) -> Vec<stock_movement::Model> {
        stock_movement::Entity::find()
            .order_by_asc(stock_movement::Column::Id)
            .all(&self.db)
            .await
            .unwrap()
    }

    /// Movements after the first `skip`.
    async fn movements_since(&self, skip: usize) -> Vec<stock_movement::Model> {
        self.movements().await.into_iter().skip(skip).collect()
    }

    async fn verify_clean(&self) {
        verify_clean(&self.db).await;
    }
}

async fn open(dir: &TempDir) -> DatabaseConnection {
    let url = format!("sqlite://{}", dir.path().join("stoa.db").display());
    commerce::db::connect(&url).await.expect("connect")
}

fn qty(n: i64) -> Quantity {
    Quantity::new(n).unwrap()
}

fn line(variant_id: i64, n: i64) -> StockLine {
    StockLine {
        variant_id,
        quantity: qty(n),
    }
}

fn checkout(id: i64) -> Holder {
    Holder {
        kind: ReservationOwner::Checkout,
        id,
    }
}

use commerce::{
    refused,
    test_support::{snapshot, verify_clean, Backend, Fixture, TestDb},
};

#[track_caller]
fn assert_validation(err: &CommerceError, field: &str, expected: Problem) {
    match err {
        CommerceError::Validation {
            field: Some(f),
            problem,
        } if *f == field => assert_eq!(*problem, expected, "validation problem on {field}"),
        other => panic!("expected a validation error on {field}, got {other:?}"),
    }
}

#[track_caller]
fn assert_forbidden(err: &CommerceError) {
    assert!(
        matches!(err, CommerceError::Forbidden(_)),
        "expected Forbidden, got {err:?}"
    );
}

#[track_caller]
fn assert_conflict(err: &CommerceError) {
    assert!(
        matches!(err, CommerceError::Conflict(_)),
        "expected Conflict, got {err:?}"
    );
}

/// Checks an `InsufficientStock` error: SKU, location code, units asked for and available.
#[track_caller]
fn assert_short(err: &CommerceError, sku: &str, location: &str, requested: i64, available: i64) {
    match err {
        CommerceError::InsufficientStock(s) => {
            assert_eq!(
                (
                    s.sku.as_str(),
                    s.location_code.as_str(),
                    s.requested,
                    s.available
                ),
                (sku, location, requested, available),
                "shortage {s:?}"
            );
            let msg = err.to_string();
            assert!(
                msg.contains(sku) && msg.contains(&format!("{available} available")),
                "message {msg:?}"
            );
        }
        other => panic!("expected InsufficientStock, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Receipts

#[tokio::test]
async fn receive_merges_lines_numbers_the_receipt_and_books_movements() {
    let s = Shop::new().await;
    let db = &s.db;
    let r = receipts::receive(
        db,
        &Actor::system(),
        NewReceipt {
            location_id: s.web,
            supplier: Some("  Acme Textiles ".into()),
            note: Some("   ".into()),
            lines: vec![line(s.tee_m, 3), line(s.tee_s, 2), line(s.tee_m, 4)],
        },
    )
    .await
    .unwrap();
    assert_eq!(r.number, format!("RCV-{:05}", r.id));
    assert_eq!(r.location_id, s.web);
    assert_eq!(r.supplier.as_deref(), Some("Acme Textiles"));
    assert_eq!(r.note, None, "a blank note is no note");
    assert_eq!(r.staff_user_id, None);

    let (read, lines) = receipts::get(db, r.id).await.unwrap();
    assert_eq!(read, r);
    let by_variant: BTreeMap<i64, i64> = lines.iter().map(|l| (l.variant_id, l.quantity)).collect();
    assert_eq!(lines.len(), 2, "the same variant twice is one line");
    assert_eq!(by_variant, BTreeMap::from([(s.tee_s, 2), (s.tee_m, 7)]));

    let ms = s.movements().await;
    assert_eq!(ms.len(), 2);
    for m in &ms {
        assert_eq!(m.reason, MovementReason::Receipt);
        assert_eq!(m.document_type, Some(DocumentType::Receipt));
        assert_eq!(m.document_id, Some(r.id));
        assert_eq!(m.location_id, s.web);
        assert_eq!(m.adjustment_reason, None);
        assert_eq!(m.staff_user_id, None);
        assert_eq!(m.quantity, by_variant[&m.variant_id]);
        assert_eq!(m.balance_after, m.quantity);
    }
    assert_eq!(s.stock(s.web, s.tee_m).await, (7, 0));
    assert_eq!(s.stock(s.web, s.tee_s).await, (2, 0));

    // A manager receives at their own store; the next number follows.
    let r2 = receipts::receive(
        db,
        &s.manager(),
        NewReceipt {
            location_id: s.ath,
            supplier: None,
            note: Some(" delivery note 17 ".into()),
            lines: vec![line(s.tee_m, 5)],
        },
    )
    .await
    .unwrap();
    assert_eq!(r2.number, format!("RCV-{:05}", r.id + 1));
    assert_eq!(r2.note.as_deref(), Some("delivery note 17"));
    assert_eq!(r2.staff_user_id, Some(s.manager_id));
    let m = s.movements_since(2).await;
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].location_id, m[0].quantity, m[0].balance_after),
        (s.ath, 5, 5)
    );
    assert_eq!(m[0].staff_user_id, Some(s.manager_id));

    // Balances run on per (location, variant).
    s.receive(s.web, &[(s.tee_m, 1)]).await;
    let last = s.movements().await.pop().unwrap();
    assert_eq!((last.quantity, last.balance_after), (1, 8));
    assert_eq!(s.stock(s.web, s.tee_m).await, (8, 0));
    s.verify_clean().await;
}

#[tokio::test]
async fn receive_refuses_bad_input_and_writes_nothing() {
    let s = Shop::new().await;
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 1)]).await;
    let input = |location_id: i64, lines: Vec<StockLine>| NewReceipt {
        location_id,
        supplier: None,
        note: None,
        lines,
    };
    let sys = Actor::system();

    let e = refused!(
        db,
        receipts::receive(db, &sys, input(9_999, vec![line(s.tee_m, 1)]))
    );
    assert_validation(&e, "location", Problem::UnknownLocation);
    let e = refused!(
        db,
        receipts::receive(
            db,
            &sys,
            input(s.web, vec![line(s.tee_m, 1), line(9_999, 2)])
        )
    );
    assert_validation(&e, "lines", Problem::UnknownVariant);
    let e = refused!(db, receipts::receive(db, &sys, input(s.web, vec![])));
    assert_validation(&e, "lines", Problem::Required);
    let e = refused!(
        db,
        receipts::receive(
            db,
            &sys,
            input(s.web, vec![line(s.tee_m, Quantity::MAX), line(s.tee_m, 1)])
        )
    );
    assert_validation(
        &e,
        "lines",
        Problem::OutOfRange {
            min: 1,
            max: Quantity::MAX,
        },
    );
    let mut long = input(s.web, vec![line(s.tee_m, 1)]);
    long.supplier = Some("x".repeat(201));
    let e = refused!(db, receipts::receive(db, &sys, long));
    assert_validation(&e, "supplier", Problem::TooLong { max: 200 });
    let mut long = input(s.web, vec![line(s.tee_m, 1)]);
    long.note = Some("x".repeat(2_001));
    let e = refused!(db, receipts::receive(db, &sys, long));
    assert_validation(&e, "note", Problem::TooLong { max: 2000 });

    // A manager outside their store: another store, or the warehouse.
    let e = refused!(
        db,
        receipts::receive(db, &s.manager(), input(s.krk, vec![line(s.tee_m, 1)]))
    );
    assert_forbidden(&e);
    let e = refused!(
        db,
        receipts::receive(db, &s.manager(), input(s.web, vec![line(s.tee_m, 1)]))
    );
    assert_forbidden(&e);
    // An owner may receive anywhere.
    let owner = Actor::staff(s.manager_id, "owner", &[]);
    receipts::receive(db, &owner, input(s.krk, vec![line(s.tee_m, 1)]))
        .await
        .unwrap();
    assert!(matches!(
        receipts::get(db, 9_999).await,
        Err(CommerceError::NotFound(_))
    ));
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// Adjustments

#[tokio::test]
async fn adjust_checks_sign_reason_and_what_is_available() {
    let s = Shop::new().await;
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 5)]).await;
    let adj = |change: i64, reason: AdjustmentReason| NewAdjustment {
        location_id: s.web,
        variant_id: s.tee_m,
        change,
        reason,
        note: None,
    };
    let sys = Actor::system();
    use AdjustmentReason::*;

    let e = refused!(db, adjustments::adjust(db, &sys, adj(0, Correction)));
    assert_validation(&e, "change", Problem::ZeroChange);
    let e = refused!(
        db,
        adjustments::adjust(db, &sys, adj(-1_000_001, Correction))
    );
    assert_validation(
        &e,
        "change",
        Problem::OutOfRange {
            min: -Quantity::MAX,
            max: Quantity::MAX,
        },
    );
    let e = refused!(db, adjustments::adjust(db, &sys, adj(1, Damaged)));
    assert_validation(&e, "reason", Problem::MustRemove);
    let e = refused!(db, adjustments::adjust(db, &sys, adj(2, Lost)));
    assert_validation(&e, "reason", Problem::MustRemove);
    let e = refused!(db, adjustments::adjust(db, &sys, adj(-1, Found)));
    assert_validation(&e, "reason", Problem::MustAdd);
    let mut unknown = adj(-1, Lost);
    unknown.variant_id = 9_999;
    let e = refused!(db, adjustments::adjust(db, &sys, unknown));
    assert_validation(&e, "variant", Problem::UnknownVariant);
    let mut unknown = adj(-1, Lost);
    unknown.location_id = 9_999;
    let e = refused!(db, adjustments::adjust(db, &sys, unknown));
    assert_validation(&e, "location", Problem::UnknownLocation);
    let e = refused!(db, adjustments::adjust(db, &s.manager(), adj(-1, Lost)));
    assert_forbidden(&e);

    // More than there is.
    let e = refused!(db, adjustments::adjust(db, &sys, adj(-6, Damaged)));
    assert_short(&e, "TEE-M", "WEB", 6, 5);

    let mut damaged = adj(-2, Damaged);
    damaged.note = Some(" dropped in a puddle ".into());
    let m = adjustments::adjust(db, &sys, damaged).await.unwrap();
    assert_eq!(m.reason, MovementReason::Adjustment);
    assert_eq!(m.adjustment_reason, Some(Damaged));
    assert_eq!((m.quantity, m.balance_after), (-2, 3));
    assert_eq!(m.note.as_deref(), Some("dropped in a puddle"));
    assert_eq!(m.document_type, None);
    let m = adjustments::adjust(db, &sys, adj(4, Found)).await.unwrap();
    assert_eq!(m.balance_after, 7);
    adjustments::adjust(db, &sys, adj(-1, Correction))
        .await
        .unwrap();
    let m = adjustments::adjust(db, &sys, adj(1, Correction))
        .await
        .unwrap();
    assert_eq!(m.balance_after, 7);

    // Reserved units are promised: they cannot be adjusted away.
    s.reserve(checkout(1), &[(s.web, s.tee_m, 5)])
        .await
        .unwrap();
    let e = refused!(db, adjustments::adjust(db, &sys, adj(-3, Lost)));
    assert_short(&e, "TEE-M", "WEB", 3, 2);
    adjustments::adjust(db, &sys, adj(-2, Lost)).await.unwrap();
    assert_eq!(s.stock(s.web, s.tee_m).await, (5, 5));
    let e = refused!(db, adjustments::adjust(db, &sys, adj(-1, Correction)));
    assert_short(&e, "TEE-M", "WEB", 1, 0);

    // Never stocked here: nothing to remove, and no level appears.
    let mut elsewhere = adj(-1, Lost);
    elsewhere.location_id = s.krk;
    let e = refused!(db, adjustments::adjust(db, &sys, elsewhere.clone()));
    assert_short(&e, "TEE-M", "KRK", 1, 0);
    // A manager adjusts at their own store, and is recorded.
    let mut found = adj(2, Found);
    found.location_id = s.ath;
    let m = adjustments::adjust(db, &s.manager(), found).await.unwrap();
    assert_eq!((m.balance_after, m.staff_user_id), (2, Some(s.manager_id)));
    assert_eq!(s.stock(s.ath, s.tee_m).await, (2, 0));
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// Transfers

#[tokio::test]
async fn transfer_draft_send_receive_with_a_shortfall() {
    let s = Shop::new().await;
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 10), (s.tee_s, 4)]).await;
    let sys = Actor::system();
    let new = |from: i64, to: i64, lines: Vec<StockLine>| NewTransfer {
        from_location_id: from,
        to_location_id: to,
        lines,
        note: None,
    };

    let e = refused!(
        db,
        transfers::create(db, &sys, new(s.web, s.web, vec![line(s.tee_m, 1)]))
    );
    assert_validation(&e, "to", Problem::SameLocation);
    let e = refused!(
        db,
        transfers::create(db, &sys, new(s.web, 9_999, vec![line(s.tee_m, 1)]))
    );
    assert_validation(&e, "to", Problem::UnknownLocation);
    let e = refused!(
        db,
        transfers::create(db, &sys, new(9_999, s.ath, vec![line(s.tee_m, 1)]))
    );
    assert_validation(&e, "from", Problem::UnknownLocation);
    let e = refused!(db, transfers::create(db, &sys, new(s.web, s.ath, vec![])));
    assert_validation(&e, "lines", Problem::Required);
    let e = refused!(
        db,
        transfers::create(db, &s.manager(), new(s.web, s.ath, vec![line(s.tee_m, 1)]))
    );
    assert_forbidden(&e);

    // Draft: nothing moves.
    let before = snapshot(db).await;
    let t = transfers::create(
        db,
        &sys,
        new(
            s.web,
            s.ath,
            vec![line(s.tee_m, 3), line(s.tee_s, 2), line(s.tee_m, 1)],
        ),
    )
    .await
    .unwrap();
    let id = t.transfer.id;
    assert_eq!(t.transfer.number, format!("TRF-{id:05}"));
    assert_eq!(t.transfer.status, TransferStatus::Draft);
    assert_eq!(t.transfer.sent_at, None);
    let sent: Vec<(i64, i64, Option<i64>)> = t
        .lines
        .iter()
        .map(|l| (l.variant_id, l.quantity_sent, l.quantity_received))
        .collect();
    assert_eq!(sent, vec![(s.tee_s, 2, None), (s.tee_m, 4, None)]);
    let after = snapshot(db).await;
    assert_eq!(
        (after.levels.clone(), after.movements),
        (before.levels, before.movements)
    );
    assert!(views::incoming(db).await.unwrap().is_empty());

    // Sent: out of the source, incoming at the destination.
    let n = s.movements().await.len();
    let t = transfers::send(db, &sys, id).await.unwrap();
    assert_eq!(t.transfer.status, TransferStatus::Sent);
    assert!(t.transfer.sent_at.is_some());
    assert_eq!(s.stock(s.web, s.tee_m).await, (6, 0));
    assert_eq!(s.stock(s.web, s.tee_s).await, (2, 0));
    let out = s.movements_since(n).await;
    assert_eq!(out.len(), 2);
    for m in &out {
        assert_eq!(m.reason, MovementReason::TransferOut);
        assert_eq!(
            (m.location_id, m.document_type, m.document_id),
            (s.web, Some(DocumentType::Transfer), Some(id))
        );
    }
    let incoming = views::incoming(db).await.unwrap();
    assert_eq!(
        incoming,
        HashMap::from([((s.ath, s.tee_m), 4), ((s.ath, s.tee_s), 2)])
    );
    let page = views::stock(
        db,
        "en",
        &StockQuery {
            location_id: Some(s.ath),
            q: "TEE-M".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(page.rows.len(), 1);
    let cell = page.rows[0].cells[0];
    assert_eq!((cell.on_hand, cell.incoming), (0, 4));

    let e = refused!(db, transfers::send(db, &sys, id));
    assert_conflict(&e);
    let e = refused!(db, transfers::cancel(db, &sys, id));
    assert_conflict(&e);

    // Receiving: more than sent, a variant not on it, a negative number; someone else's store.
    let e = refused!(db, transfers::receive(db, &sys, id, &[(s.tee_m, 5)]));
    assert_validation(&e, "received", Problem::OutOfRange { min: 0, max: 4 });
    let e = refused!(db, transfers::receive(db, &sys, id, &[(s.shoe, 1)]));
    assert_validation(
        &e,
        "received",
        Problem::NotOnDocument {
            code: format!("#{}", s.shoe),
        },
    );
    let e = refused!(db, transfers::receive(db, &sys, id, &[(s.tee_m, -1)]));
    assert_validation(&e, "received", Problem::OutOfRange { min: 0, max: 4 });
    let e = refused!(db, transfers::receive(db, &s.krk_manager(), id, &[]));
    assert_forbidden(&e);

    // One unit of TEE-M went missing on the way; TEE-S arrived in full.
    let n = s.movements().await.len();
    let t = transfers::receive(db, &s.manager(), id, &[(s.tee_m, 3)])
        .await
        .unwrap();
    assert_eq!(t.transfer.status, TransferStatus::Received);
    assert!(t.transfer.received_at.is_some());
    let got: Vec<(i64, Option<i64>)> = t
        .lines
        .iter()
        .map(|l| (l.variant_id, l.quantity_received))
        .collect();
    assert_eq!(got, vec![(s.tee_s, Some(2)), (s.tee_m, Some(3))]);
    let booked: Vec<(i64, i64, MovementReason, i64)> = s
        .movements_since(n)
        .await
        .into_iter()
        .map(|m| {
            assert_eq!(m.location_id, s.ath);
            assert_eq!(m.document_id, Some(id));
            assert_eq!(m.staff_user_id, Some(s.manager_id));
            (m.variant_id, m.quantity, m.reason, m.balance_after)
        })
        .collect();
    assert_eq!(
        booked,
        vec![
            (s.tee_s, 2, MovementReason::TransferIn, 2),
            (s.tee_m, 4, MovementReason::TransferIn, 4),
            (s.tee_m, -1, MovementReason::TransitLoss, 3),
        ]
    );
    assert_eq!(s.stock(s.ath, s.tee_m).await, (3, 0));
    assert_eq!(s.stock(s.ath, s.tee_s).await, (2, 0));
    assert!(views::incoming(db).await.unwrap().is_empty());

    let e = refused!(db, transfers::receive(db, &sys, id, &[]));
    assert_conflict(&e);
    let e = refused!(db, transfers::send(db, &sys, id));
    assert_conflict(&e);
    let e = refused!(db, transfers::cancel(db, &sys, id));
    assert_conflict(&e);
    assert!(matches!(
        transfers::get(db, 9_999).await,
        Err(CommerceError::NotFound(_))
    ));
    s.verify_clean().await;
}

#[tokio::test]
async fn transfer_send_is_all_or_nothing_and_only_a_draft_cancels() {
    let s = Shop::new().await;
    let db = &s.db;
    let sys = Actor::system();
    s.receive(s.web, &[(s.tee_s, 1), (s.shoe, 1)]).await;
    // TEE-S (the lower id) can go, SHOE-42 cannot: TEE-S must not leave either.
    let t = transfers::create(
        db,
        &sys,
        NewTransfer {
            from_location_id: s.web,
            to_location_id: s.krk,
            lines: vec![line(s.tee_s, 1), line(s.shoe, 5)],
            note: Some("restock".into()),
        },
    )
    .await
    .unwrap();
    let id = t.transfer.id;
    let e = refused!(db, transfers::send(db, &sys, id));
    assert_short(&e, "SHOE-42", "WEB", 5, 1);
    assert_eq!(
        transfers::get(db, id).await.unwrap().transfer.status,
        TransferStatus::Draft
    );
    assert_eq!(s.stock(s.web, s.tee_s).await, (1, 0));
    // Receiving a draft is not possible.
    let e = refused!(db, transfers::receive(db, &sys, id, &[]));
    assert_conflict(&e);
    // Only its source's managers may cancel it.
    let e = refused!(db, transfers::cancel(db, &s.krk_manager(), id));
    assert_forbidden(&e);

    let before = snapshot(db).await;
    let t = transfers::cancel(db, &sys, id).await.unwrap();
    assert_eq!(t.transfer.status, TransferStatus::Cancelled);
    let after = snapshot(db).await;
    assert_eq!(
        (after.levels, after.movements),
        (before.levels, before.movements)
    );
    for e in [
        refused!(db, transfers::cancel(db, &sys, id)),
        refused!(db, transfers::send(db, &sys, id)),
        refused!(db, transfers::receive(db, &sys, id, &[])),
    ] {
        assert_conflict(&e);
    }

    // The state machine itself.
    use TransferStatus::*;
    for (from, to, ok) in [
        (Draft, Sent, true),
        (Draft, Cancelled, true),
        (Sent, Received, true),
        (Draft, Received, false),
        (Sent, Cancelled, false),
        (Received, Sent, false),
        (Cancelled, Draft, false),
        (Sent, Sent, false),
    ] {
        assert_eq!(from.can_transition_to(to), ok, "{from:?} → {to:?}");
        assert_eq!(from.transition(to).is_ok(), ok);
    }

    // With stock it goes, and a manager of the destination receives it.
    let t = transfers::create(
        db,
        &sys,
        NewTransfer {
            from_location_id: s.web,
            to_location_id: s.ath,
            lines: vec![line(s.tee_s, 1), line(s.shoe, 1)],
            note: None,
        },
    )
    .await
    .unwrap();
    transfers::send(db, &sys, t.transfer.id).await.unwrap();
    transfers::receive(db, &s.manager(), t.transfer.id, &[(s.shoe, 0)])
        .await
        .unwrap();
    assert_eq!(s.stock(s.web, s.tee_s).await, (0, 0));
    assert_eq!(s.stock(s.ath, s.tee_s).await, (1, 0));
    assert_eq!(s.stock(s.ath, s.shoe).await, (0, 0), "the shoe was lost");
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// Counts

#[tokio::test]
async fn count_open_record_scan_post_and_cancel() {
    let s = Shop::new().await;
    let db = &s.db;
    let mgr = s.manager();
    s.receive(s.ath, &[(s.tee_m, 5), (s.tee_s, 3), (s.shoe, 2)])
        .await;

    let e = refused!(db, counts::open(db, &mgr, s.ath, Some(9_999)));
    assert_validation(&e, "category", Problem::UnknownCategory);
    let e = refused!(db, counts::open(db, &mgr, s.ath, Some(s.empty_category)));
    assert_validation(&e, "category", Problem::NothingToCount);
    let e = refused!(db, counts::open(db, &mgr, s.krk, None));
    assert_forbidden(&e);
    let e = refused!(db, counts::open(db, &mgr, 9_999, None));
    assert_validation(&e, "location", Problem::UnknownLocation);

    // Everything active at ATH, expecting what is on hand (the inactive XL is not listed).
    let c = counts::open(db, &mgr, s.ath, None).await.unwrap();
    let id = c.count.id;
    assert_eq!(c.count.number, format!("CNT-{id:05}"));
    assert_eq!(c.count.status, CountStatus::Open);
    assert_eq!(c.count.created_by, Some(s.manager_id));
    let expected: Vec<(i64, i64, Option<i64>)> = c
        .lines
        .iter()
        .map(|l| (l.variant_id, l.expected, l.counted))
        .collect();
    assert_eq!(
        expected,
        vec![(s.tee_s, 3, None), (s.tee_m, 5, None), (s.shoe, 2, None)]
    );
    // A category count takes its subcategories; KRK has no stock, so 0 is expected.
    let by_cat = counts::open(db, &Actor::system(), s.krk, Some(s.clothing))
        .await
        .unwrap();
    let listed: Vec<(i64, i64)> = by_cat
        .lines
        .iter()
        .map(|l| (l.variant_id, l.expected))
        .collect();
    assert_eq!(listed, vec![(s.tee_s, 0), (s.tee_m, 0)]);
    let only_shoes = counts::open(db, &mgr, s.ath, Some(s.shoes)).await.unwrap();
    assert_eq!(only_shoes.lines.len(), 1);
    counts::cancel(db, &mgr, only_shoes.count.id).await.unwrap();

    // A variant not in the count: nothing of the call is kept (TEE-M stays uncounted).
    let e = refused!(
        db,
        counts::record(
            db,
            &Actor::system(),
            by_cat.count.id,
            &[(s.tee_m, Some(1)), (s.shoe, Some(1))]
        )
    );
    assert_validation(
        &e,
        "counted",
        Problem::NotOnDocument {
            code: "SHOE-42".into(),
        },
    );
    let e = refused!(
        db,
        counts::add_scanned(db, &Actor::system(), by_cat.count.id, &[line(s.shoe, 1)])
    );
    assert_validation(
        &e,
        "counted",
        Problem::NotOnDocument {
            code: "SHOE-42".into(),
        },
    );
    let e = refused!(db, counts::record(db, &mgr, id, &[(s.tee_m, Some(-1))]));
    assert_validation(
        &e,
        "counted",
        Problem::OutOfRange {
            min: 0,
            max: Quantity::MAX,
        },
    );
    let e = refused!(
        db,
        counts::record(db, &s.krk_manager(), id, &[(s.tee_m, Some(1))])
    );
    assert_forbidden(&e);

    let c = counts::record(db, &mgr, id, &[(s.tee_m, Some(4)), (s.tee_s, Some(3))])
        .await
        .unwrap();
    let counted: Vec<Option<i64>> = c.lines.iter().map(|l| l.counted).collect();
    assert_eq!(counted, vec![Some(3), Some(4), None]);
    // Scanning adds to what was counted; an uncounted line starts at 0.
    let c = counts::add_scanned(db, &mgr, id, &[line(s.tee_m, 1), line(s.shoe, 2)])
        .await
        .unwrap();
    let counted: Vec<Option<i64>> = c.lines.iter().map(|l| l.counted).collect();
    assert_eq!(counted, vec![Some(3), Some(5), Some(2)]);
    // `None` clears a line: the shoe stays uncounted and will not be booked.
    counts::record(db, &mgr, id, &[(s.shoe, None)])
        .await
        .unwrap();

    // Two TEE-M are sold while the count is open: on hand is now 3, 5 were counted.
    s.reserve(checkout(7), &[(s.ath, s.tee_m, 2)])
        .await
        .unwrap();
    reservations::commit_now(db, checkout(7), None, None)
        .await
        .unwrap();
    let diffs = counts::differences(db, id).await.unwrap();
    let shown: Vec<(i64, i64, i64, Option<i64>, i64)> = diffs
        .iter()
        .map(|d| (d.variant_id, d.expected, d.on_hand, d.counted, d.change()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (s.tee_s, 3, 3, Some(3), 0),
            (s.tee_m, 5, 3, Some(5), 2),
            (s.shoe, 2, 2, None, 0),
        ]
    );

    let n = s.movements().await.len();
    let c = counts::post(db, &mgr, id).await.unwrap();
    assert_eq!(c.count.status, CountStatus::Posted);
    assert!(c.count.posted_at.is_some());
    let booked = s.movements_since(n).await;
    assert_eq!(booked.len(), 1, "one movement per difference: {booked:?}");
    let m = &booked[0];
    assert_eq!(
        (m.variant_id, m.location_id, m.quantity, m.balance_after),
        (s.tee_m, s.ath, 2, 5)
    );
    assert_eq!(m.reason, MovementReason::Count);
    assert_eq!(
        (m.document_type, m.document_id, m.staff_user_id),
        (Some(DocumentType::Count), Some(id), Some(s.manager_id))
    );
    assert_eq!(s.stock(s.ath, s.tee_m).await, (5, 0));

    // Posted: nothing more happens to it.
    for e in [
        refused!(db, counts::post(db, &mgr, id)),
        refused!(db, counts::record(db, &mgr, id, &[(s.tee_m, Some(1))])),
        refused!(db, counts::add_scanned(db, &mgr, id, &[line(s.tee_m, 1)])),
        refused!(db, counts::cancel(db, &mgr, id)),
    ] {
        assert_conflict(&e);
    }

    // Cancelled: nothing booked, and it stays cancelled.
    let before = snapshot(db).await;
    let cancelled = counts::cancel(db, &Actor::system(), by_cat.count.id)
        .await
        .unwrap();
    assert_eq!(cancelled.count.status, CountStatus::Cancelled);
    assert_eq!(snapshot(db).await.movements, before.movements);
    for e in [
        refused!(db, counts::cancel(db, &Actor::system(), by_cat.count.id)),
        refused!(db, counts::post(db, &Actor::system(), by_cat.count.id)),
    ] {
        assert_conflict(&e);
    }
    assert!(matches!(
        counts::post(db, &mgr, 9_999).await,
        Err(CommerceError::NotFound(_))
    ));
    assert!(CountStatus::Open.can_transition_to(CountStatus::Posted));
    assert!(!CountStatus::Posted.can_transition_to(CountStatus::Cancelled));
    s.verify_clean().await;
}

#[tokio::test]
async fn count_below_what_is_reserved_is_refused() {
    let s = Shop::new().await;
    let db = &s.db;
    let sys = Actor::system();
    s.receive(s.ath, &[(s.tee_m, 4), (s.tee_s, 1)]).await;
    s.reserve(checkout(1), &[(s.ath, s.tee_m, 3)])
        .await
        .unwrap();
    let c = counts::open(db, &sys, s.ath, None).await.unwrap();
    // TEE-S (lower id, posted first) is fine; TEE-M would fall below its reservations.
    counts::record(
        db,
        &sys,
        c.count.id,
        &[(s.tee_s, Some(0)), (s.tee_m, Some(1))],
    )
    .await
    .unwrap();
    let e = refused!(db, counts::post(db, &sys, c.count.id));
    match &e {
        CommerceError::Conflict(c) => assert_eq!(
            *c,
            Conflict::CountBelowReserved {
                sku: "TEE-M".into(),
                location_code: "ATH".into(),
                counted: 1,
                reserved: 3,
            }
        ),
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(s.stock(s.ath, s.tee_s).await, (1, 0));

    assert_eq!(reservations::release_now(db, checkout(1)).await.unwrap(), 3);
    counts::post(db, &sys, c.count.id).await.unwrap();
    assert_eq!(s.stock(s.ath, s.tee_m).await, (1, 0));
    assert_eq!(s.stock(s.ath, s.tee_s).await, (0, 0));
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// Reservations

#[tokio::test]
async fn reservations_hold_all_lines_or_none_then_commit_or_release() {
    let s = Shop::new().await;
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 5), (s.tee_s, 2)]).await;
    s.receive(s.ath, &[(s.shoe, 1)]).await;

    let e = refused!(db, reservations::reserve_now(db, checkout(1), &[], None));
    assert_validation(&e, "lines", Problem::Required);
    // One short line in a basket: nothing of the basket is held.
    let e = refused!(
        db,
        s.reserve(
            checkout(1),
            &[(s.web, s.tee_m, 2), (s.web, s.tee_s, 3), (s.ath, s.shoe, 1)]
        )
    );
    assert_short(&e, "TEE-S", "WEB", 3, 2);
    let e = refused!(db, s.reserve(checkout(1), &[(s.krk, s.tee_m, 1)]));
    assert_short(&e, "TEE-M", "KRK", 1, 0);

    // Lines of the same (location, variant) add up.
    let held = s
        .reserve(
            checkout(1),
            &[(s.ath, s.shoe, 1), (s.web, s.tee_m, 1), (s.web, s.tee_m, 2)],
        )
        .await
        .unwrap();
    let rows: Vec<(i64, i64, i64)> = held
        .iter()
        .map(|r| (r.location_id, r.variant_id, r.quantity))
        .collect();
    let mut want = vec![(s.web, s.tee_m, 3), (s.ath, s.shoe, 1)];
    want.sort();
    assert_eq!(
        rows, want,
        "one reservation per (location, variant), in that order"
    );
    assert!(held
        .iter()
        .all(|r| r.status == ReservationStatus::Active && r.owner_id == 1));
    assert_eq!(s.stock(s.web, s.tee_m).await, (5, 3));
    assert_eq!(s.level(s.web, s.tee_m).await.available(), 2);
    assert_eq!(s.stock(s.ath, s.shoe).await, (1, 1));

    let e = refused!(db, s.reserve(checkout(2), &[(s.web, s.tee_m, 3)]));
    assert_short(&e, "TEE-M", "WEB", 3, 2);
    s.reserve(checkout(2), &[(s.web, s.tee_m, 2)])
        .await
        .unwrap();
    assert_eq!(s.level(s.web, s.tee_m).await.available(), 0);
    s.verify_clean().await;

    // Commit: a sale per reservation; on hand and reserved drop together.
    let n = s.movements().await.len();
    let sold = reservations::commit_now(
        db,
        checkout(1),
        Some((DocumentType::Order, 42)),
        Some(s.manager_id),
    )
    .await
    .unwrap();
    assert_eq!(sold, s.movements_since(n).await);
    let mut got: Vec<(i64, i64, i64, i64)> = sold
        .iter()
        .map(|m| {
            assert_eq!(m.reason, MovementReason::Sale);
            assert_eq!(
                (m.document_type, m.document_id, m.staff_user_id),
                (Some(DocumentType::Order), Some(42), Some(s.manager_id))
            );
            (m.location_id, m.variant_id, m.quantity, m.balance_after)
        })
        .collect();
    got.sort();
    let mut want = vec![(s.web, s.tee_m, -3, 2), (s.ath, s.shoe, -1, 0)];
    want.sort();
    assert_eq!(got, want);
    assert_eq!(s.stock(s.web, s.tee_m).await, (2, 2));
    assert_eq!(s.stock(s.ath, s.shoe).await, (0, 0));
    assert!(reservations::active(db, checkout(1))
        .await
        .unwrap()
        .is_empty());
    let statuses: Vec<ReservationStatus> = stock_reservation::Entity::find()
        .filter(stock_reservation::Column::OwnerId.eq(1))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec![ReservationStatus::Committed; 2]);
    let e = refused!(db, reservations::commit_now(db, checkout(1), None, None));
    assert_conflict(&e);

    // Release gives the units back, once.
    assert_eq!(reservations::release_now(db, checkout(2)).await.unwrap(), 2);
    assert_eq!(s.stock(s.web, s.tee_m).await, (2, 0));
    assert_eq!(reservations::release_now(db, checkout(2)).await.unwrap(), 0);
    let e = refused!(db, reservations::commit_now(db, checkout(2), None, None));
    assert_conflict(&e);
    // Holders of different kinds with the same id are different holders.
    let cart = Holder {
        kind: ReservationOwner::Cart,
        id: 2,
    };
    s.reserve(cart, &[(s.web, s.tee_m, 1)]).await.unwrap();
    let e = refused!(db, reservations::commit_now(db, checkout(2), None, None));
    assert_conflict(&e);
    reservations::commit_now(db, cart, None, None)
        .await
        .unwrap();
    assert_eq!(s.stock(s.web, s.tee_m).await, (1, 0));
    s.verify_clean().await;
}

#[tokio::test]
async fn expire_lapsed_expires_only_lapsed_reservations_once() {
    let s = Shop::new().await;
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 20)]).await;
    let now = Utc::now();
    let hold = |id: i64, n: i64, expires: Option<chrono::DateTime<Utc>>| {
        let line = ReserveLine {
            location_id: s.web,
            variant_id: s.tee_m,
            quantity: qty(n),
        };
        async move {
            reservations::reserve_now(db, checkout(id), &[line], expires)
                .await
                .unwrap()
        }
    };
    hold(1, 1, Some(now - Duration::seconds(60))).await;
    hold(2, 2, Some(now - Duration::seconds(1))).await;
    hold(3, 3, Some(now + Duration::hours(1))).await;
    hold(4, 4, None).await;
    hold(5, 1, Some(now)).await; // at `now` counts as lapsed
    assert_eq!(s.stock(s.web, s.tee_m).await, (20, 11));

    let done = reservations::expire_lapsed(db, now, 100).await.unwrap();
    assert_eq!((done.reservations, done.units), (3, 4));
    assert_eq!(s.stock(s.web, s.tee_m).await, (20, 7));
    for (id, status) in [
        (1, ReservationStatus::Expired),
        (2, ReservationStatus::Expired),
        (3, ReservationStatus::Active),
        (4, ReservationStatus::Active),
        (5, ReservationStatus::Expired),
    ] {
        let r = stock_reservation::Entity::find()
            .filter(stock_reservation::Column::OwnerId.eq(id))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(r.status, status, "holder {id}");
    }
    // A second run finds nothing and writes nothing.
    let before = snapshot(db).await;
    let again = reservations::expire_lapsed(db, now, 100).await.unwrap();
    assert_eq!((again.reservations, again.units), (0, 0));
    assert_eq!(snapshot(db).await, before);
    // An expired reservation cannot be committed.
    let e = refused!(db, reservations::commit_now(db, checkout(1), None, None));
    assert_conflict(&e);

    // `limit` per run.
    hold(6, 1, Some(now - Duration::seconds(5))).await;
    hold(7, 1, Some(now - Duration::seconds(5))).await;
    for expect in [1, 1, 0] {
        let done = reservations::expire_lapsed(db, now, 1).await.unwrap();
        assert_eq!(done.reservations, expect);
    }

    // Lapsed but not yet expired by the job: it still holds its units and can be committed.
    hold(8, 2, Some(now - Duration::seconds(5))).await;
    reservations::commit_now(db, checkout(8), None, None)
        .await
        .unwrap();
    assert_eq!(s.stock(s.web, s.tee_m).await, (18, 7));
    assert_eq!(
        reservations::expire_lapsed(db, now, 100)
            .await
            .unwrap()
            .reservations,
        0
    );

    // Later, the one-hour hold lapses too; the one without expiry never does.
    let later = now + Duration::hours(2);
    let done = reservations::expire_lapsed(db, later, 100).await.unwrap();
    assert_eq!((done.reservations, done.units), (1, 3));
    let done = reservations::expire_lapsed(db, later + Duration::days(365), 100)
        .await
        .unwrap();
    assert_eq!(done.reservations, 0);
    assert_eq!(s.stock(s.web, s.tee_m).await, (18, 4));
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// Typed or scanned code lines

#[tokio::test]
async fn parse_code_lines_reads_skus_barcodes_and_quantities() {
    let s = Shop::new().await;
    let db = &s.db;
    let text = format!(
        "TEE-M\n\n   tee-s 3  \n{}\n2 x SHOE-42\n4 TEE-M\nSHOE-42, 2\n3 × tee-s\r\n\t{} 5\nTEE-XL\n",
        s.tee_m_barcode, s.shoe_barcode
    );
    let lines = inventory::parse_code_lines(db, &text, "lines")
        .await
        .unwrap();
    let got: Vec<(i64, i64)> = lines
        .iter()
        .map(|l| (l.variant_id, l.quantity.get()))
        .collect();
    assert_eq!(
        got,
        vec![
            (s.tee_m, 1),
            (s.tee_s, 3),
            (s.tee_m, 1),
            (s.shoe, 2),
            (s.tee_m, 4),
            (s.shoe, 2),
            (s.tee_s, 3),
            (s.shoe, 5),
            (s.tee_xl, 1),
        ]
    );
    // Scanning the same code five times counts five once the lines are merged.
    let scanned = "TEE-M\n".repeat(5);
    let lines = inventory::parse_code_lines(db, &scanned, "lines")
        .await
        .unwrap();
    assert_eq!(lines.len(), 5);
    let r = receipts::receive(
        db,
        &Actor::system(),
        NewReceipt {
            location_id: s.web,
            supplier: None,
            note: None,
            lines,
        },
    )
    .await
    .unwrap();
    let (_, receipt_lines) = receipts::get(db, r.id).await.unwrap();
    assert_eq!(receipt_lines.len(), 1);
    assert_eq!(receipt_lines[0].quantity, 5);

    // Errors name the line (blank lines count in the numbering) and the field.
    let bad_check_digit = {
        let mut b = s.tee_m_barcode.clone();
        let last = b.pop().unwrap();
        b.push(if last == '0' { '1' } else { '0' });
        b
    };
    let range = || Problem::OutOfRange {
        min: 1,
        max: Quantity::MAX,
    };
    let unknown = |code: &str| Problem::UnknownCode { code: code.into() };
    for (text, expected) in [
        ("TEE-M\n\nNOPE-1 2", Problem::on_line(3, unknown("NOPE-1"))),
        ("TEE-M 0", Problem::on_line(1, range())),
        ("TEE-S\nTEE-M -2", Problem::on_line(2, range())),
        ("TEE-M 99999999", Problem::on_line(1, range())),
        ("TEE-M 2 3", Problem::on_line(1, Problem::LineFormat)),
        (
            "\n\nTEE-M two",
            Problem::on_line(3, Problem::NotAWholeNumber),
        ),
        (
            bad_check_digit.as_str(),
            Problem::on_line(1, unknown(&bad_check_digit)),
        ),
        ("   \n\n", Problem::Required),
        ("", Problem::Required),
    ] {
        let e = inventory::parse_code_lines(db, text, "codes")
            .await
            .expect_err(text);
        assert_validation(&e, "codes", expected);
    }
    assert_eq!(
        inventory::find_variant_by_code(db, &format!("  {}  ", s.shoe_barcode))
            .await
            .unwrap()
            .map(|v| v.id),
        Some(s.shoe)
    );
    assert_eq!(
        inventory::find_variant_by_code(db, "tee-xl")
            .await
            .unwrap()
            .map(|v| v.id),
        Some(s.tee_xl)
    );
    assert_eq!(inventory::find_variant_by_code(db, "").await.unwrap(), None);
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// Views

#[tokio::test]
async fn stock_view_filters_by_location_category_low_stock_and_text() {
    for backend in Backend::available() {
        stock_view_filters(Shop::on(backend).await).await;
    }
}

async fn stock_view_filters(s: Shop) {
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 10), (s.tee_s, 1), (s.shoe, 8)])
        .await;
    s.receive(s.ath, &[(s.tee_m, 2)]).await;
    s.reserve(checkout(1), &[(s.web, s.tee_m, 4)])
        .await
        .unwrap();
    let stock = |q: StockQuery| async move { views::stock(db, "en", &q).await.unwrap() };
    let skus = |p: &views::StockPage| -> Vec<String> {
        p.rows.iter().map(|r| r.label.sku.clone()).collect()
    };

    // Everything: active variants by product name then SKU, every location in code order.
    let all = stock(StockQuery::default()).await;
    let codes: Vec<&str> = all.locations.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, vec!["ATH", "KRK", "WEB"]);
    assert_eq!(skus(&all), vec!["TEE-M", "TEE-S", "SHOE-42"]);
    assert_eq!(
        (all.total, all.page, all.pages, all.exact_code),
        (3, 1, 1, false)
    );
    let tee_m = &all.rows[0];
    assert_eq!(tee_m.label.product, "Basic tee");
    assert_eq!(
        tee_m.label.barcode.as_deref(),
        Some(s.tee_m_barcode.as_str())
    );
    let web = tee_m.cells[2];
    assert_eq!(
        (web.location_id, web.on_hand, web.reserved, web.available),
        (s.web, 10, 4, 6)
    );
    assert_eq!((web.threshold, web.low), (3, false));
    let ath = tee_m.cells[0];
    assert_eq!((ath.on_hand, ath.threshold, ath.low), (2, 2, true));

    // One location.
    let at_web = stock(StockQuery {
        location_id: Some(s.web),
        ..Default::default()
    })
    .await;
    assert_eq!(at_web.locations.len(), 1);
    assert!(at_web.rows.iter().all(|r| r.cells.len() == 1));
    let e = views::stock(
        db,
        "en",
        &StockQuery {
            location_id: Some(9_999),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_validation(&e, "location", Problem::UnknownLocation);

    // A category with its subcategories.
    let clothing = stock(StockQuery {
        category_id: Some(s.clothing),
        ..Default::default()
    })
    .await;
    assert_eq!(skus(&clothing), vec!["TEE-M", "TEE-S"]);
    let shoes = stock(StockQuery {
        category_id: Some(s.shoes),
        ..Default::default()
    })
    .await;
    assert_eq!(skus(&shoes), vec!["SHOE-42"]);
    let e = views::stock(
        db,
        "en",
        &StockQuery {
            category_id: Some(9_999),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert_validation(&e, "category", Problem::UnknownCategory);

    // Low at WEB: available ≤ threshold (the location's 3, or the variant's own).
    let low_at_web = |q: StockQuery| StockQuery {
        location_id: Some(s.web),
        low_only: true,
        ..q
    };
    assert_eq!(
        skus(&stock(low_at_web(StockQuery::default())).await),
        vec!["TEE-S"]
    );
    // A variant's own threshold applies everywhere: a manager may not set it, an owner may.
    assert!(matches!(
        thresholds::set_variant_threshold(db, &s.manager(), s.shoe, Some(8)).await,
        Err(CommerceError::Forbidden(_))
    ));
    thresholds::set_variant_threshold(db, &Actor::system(), s.shoe, Some(8))
        .await
        .unwrap();
    assert_eq!(
        skus(&stock(low_at_web(StockQuery::default())).await),
        vec!["TEE-S", "SHOE-42"]
    );
    thresholds::set_location_default(db, &Actor::system(), s.web, 6)
        .await
        .unwrap();
    assert_eq!(
        skus(&stock(low_at_web(StockQuery::default())).await),
        vec!["TEE-M", "TEE-S", "SHOE-42"],
        "TEE-M: 6 available, threshold 6"
    );
    assert!(matches!(
        thresholds::set_variant_threshold(db, &Actor::system(), s.shoe, Some(-1)).await,
        Err(CommerceError::Validation { .. })
    ));
    assert!(matches!(
        thresholds::set_location_default(db, &s.manager(), s.web, 1).await,
        Err(CommerceError::Forbidden(_))
    ));
    // Without a location filter a row is low if it is low anywhere (KRK has nothing).
    let low_anywhere = stock(StockQuery {
        low_only: true,
        ..Default::default()
    })
    .await;
    assert_eq!(low_anywhere.total, 3);

    // Text: name words, SKU prefix, exact codes (an inactive variant only by its exact code).
    let q = |text: &str| StockQuery {
        q: text.into(),
        ..Default::default()
    };
    assert_eq!(skus(&stock(q("basic")).await), vec!["TEE-M", "TEE-S"]);
    assert_eq!(skus(&stock(q("  TEE  ")).await), vec!["TEE-M", "TEE-S"]);
    assert_eq!(skus(&stock(q("tee-")).await), vec!["TEE-M", "TEE-S"]);
    assert_eq!(skus(&stock(q("sho")).await), vec!["SHOE-42"]);
    assert_eq!(skus(&stock(q("running tee")).await), Vec::<String>::new());
    let exact = stock(q("tee-m")).await;
    assert_eq!(
        (skus(&exact), exact.exact_code),
        (vec!["TEE-M".to_owned()], true)
    );
    let by_barcode = stock(q(&s.shoe_barcode)).await;
    assert_eq!(
        (skus(&by_barcode), by_barcode.exact_code),
        (vec!["SHOE-42".to_owned()], true)
    );
    let inactive = stock(q("TEE-XL")).await;
    assert_eq!(skus(&inactive), vec!["TEE-XL"]);
    assert!(!inactive.rows[0].label.active);
    let none = stock(q("zzz")).await;
    assert_eq!((none.total, none.pages, none.rows.len()), (0, 1, 0));
    // Names in the page language, accents and case folded.
    let greek = views::stock(db, "el", &q("ΠΑΠΟΥΤΣΙ")).await.unwrap();
    assert_eq!(skus(&greek), vec!["SHOE-42"]);
    assert_eq!(greek.rows[0].label.product, "Παπούτσι τρεξίματος");
    s.verify_clean().await;
}

/// The SKUs of a page's rows, in order.
fn page_skus(p: &views::StockPage) -> Vec<String> {
    p.rows.iter().map(|r| r.label.sku.clone()).collect()
}

/// Every page of `query` (from page 1 to the last) joined, after checking that each page
/// agrees on the total and the number of pages and that every page but the last is full.
async fn every_page(db: &DatabaseConnection, locale: &str, query: StockQuery) -> Vec<String> {
    let first = views::stock(db, locale, &query).await.unwrap();
    assert_eq!(first.pages, first.total.div_ceil(views::PAGE_SIZE).max(1));
    let mut out = Vec::new();
    for n in 1..=first.pages {
        let p = views::stock(
            db,
            locale,
            &StockQuery {
                page: n,
                ..query.clone()
            },
        )
        .await
        .unwrap();
        assert_eq!((p.page, p.pages, p.total), (n, first.pages, first.total));
        let expected_len = if n < p.pages {
            views::PAGE_SIZE
        } else {
            p.total - (n - 1) * views::PAGE_SIZE
        };
        assert_eq!(p.rows.len() as u64, expected_len, "rows on page {n}");
        out.extend(page_skus(&p));
    }
    assert_eq!(out.len() as u64, first.total);
    out
}

/// More rows than a page: the database orders (shown name lower-cased, then SKU), counts and
/// pages, and the pages together are exactly the filtered rows.
#[tokio::test]
async fn stock_view_pages_in_name_then_sku_order() {
    for backend in Backend::available() {
        stock_view_pages(Shop::on(backend).await).await;
    }
}

async fn stock_view_pages(s: Shop) {
    let db = &s.db;
    let f = Fixture::new(db);
    let vat = f.vat_rate("paging", 600).await;
    // Stored as "Beta…" < "alpha…" < "gamma…"; shown lower-cased: alpha < basic (the tee) < beta
    // < gamma < running (the shoe). Created out of order, SKUs in descending order.
    let mut sorted: Vec<(String, String)> = vec![
        ("basic tee".into(), "TEE-M".into()),
        ("basic tee".into(), "TEE-S".into()),
        ("running shoe".into(), "SHOE-42".into()),
    ];
    let mut received = Vec::new();
    for (slug, name, letter, category) in [
        ("gamma-sock", "gamma Sock", 'G', s.shoes),
        ("alpha-sock", "alpha sock", 'A', s.clothing),
        ("beta-sock", "Beta sock", 'B', s.clothing),
    ] {
        let product = f.product(category, vat, slug).await;
        f.product_name(product, "en", name, slug).await;
        for n in (0..40).rev() {
            let sku = format!("SOCK-{letter}-{n:02}");
            let id = f.variant(product, &sku).await;
            if n % 3 == 0 {
                received.push((id, 10));
            }
            sorted.push((name.to_lowercase(), sku));
        }
        f.variant_with(product, &format!("SOCK-{letter}-OLD"), None, 1_000, false)
            .await;
    }
    sorted.sort();
    let everything: Vec<String> = sorted.iter().map(|(_, sku)| sku.clone()).collect();
    let socks: Vec<String> = everything
        .iter()
        .filter(|sku| sku.starts_with("SOCK-"))
        .cloned()
        .collect();
    assert_eq!(socks.len(), 120);

    // Everything active: 123 rows on 3 pages, page 2 right after page 1.
    assert_eq!(
        every_page(db, "en", StockQuery::default()).await,
        everything
    );
    let page = |n: u64, q: &str| StockQuery {
        q: q.into(),
        page: n,
        ..Default::default()
    };
    let p2 = views::stock(db, "en", &page(2, "")).await.unwrap();
    assert_eq!((p2.total, p2.pages, p2.page), (123, 3, 2));
    assert_eq!(page_skus(&p2), everything[50..100].to_vec());
    // Pages out of range are clamped.
    let p0 = views::stock(db, "en", &page(0, "sock")).await.unwrap();
    assert_eq!((p0.page, page_skus(&p0)), (1, socks[..50].to_vec()));
    let last = views::stock(db, "en", &page(99, "sock")).await.unwrap();
    assert_eq!(
        (last.total, last.pages, last.page, page_skus(&last)),
        (120, 3, 3, socks[100..].to_vec())
    );

    // Text, category and low-stock filters page the same way.
    assert_eq!(every_page(db, "en", page(1, "SOCK")).await, socks);
    let clothing_socks: Vec<String> = socks
        .iter()
        .filter(|sku| !sku.starts_with("SOCK-G-"))
        .cloned()
        .collect();
    assert_eq!(
        every_page(
            db,
            "en",
            StockQuery {
                category_id: Some(s.clothing),
                ..page(1, "sock")
            }
        )
        .await,
        clothing_socks
    );
    assert_eq!(
        every_page(db, "en", page(1, "SOCK-B-1")).await,
        (10..20).map(|n| format!("SOCK-B-{n}")).collect::<Vec<_>>(),
        "a SKU prefix"
    );
    s.receive(s.web, &received).await;
    let received: Vec<String> = socks
        .iter()
        .filter(|sku| sku[7..].parse::<u32>().unwrap() % 3 == 0)
        .cloned()
        .collect();
    assert_eq!(received.len(), 42);
    let low_at_web = StockQuery {
        location_id: Some(s.web),
        low_only: true,
        ..page(1, "sock")
    };
    let low: Vec<String> = socks
        .iter()
        .filter(|sku| !received.contains(sku))
        .cloned()
        .collect();
    assert_eq!(every_page(db, "en", low_at_web.clone()).await, low);
    assert_eq!(views::stock(db, "en", &low_at_web).await.unwrap().total, 78);
    // Nothing is at ATH or KRK: every sock is low somewhere.
    assert_eq!(
        every_page(
            db,
            "en",
            StockQuery {
                low_only: true,
                ..page(1, "sock")
            }
        )
        .await,
        socks
    );
    s.verify_clean().await;
}

/// Low only: low at the chosen location, or at any location without one; available is on hand
/// minus reserved (0 without a level row) against the variant's own threshold, else the
/// location's default. The SQL filter agrees with the cells' `low` flags.
#[tokio::test]
async fn stock_view_low_only_at_a_location_or_anywhere() {
    for backend in Backend::available() {
        stock_view_low_only(Shop::on(backend).await).await;
    }
}

async fn stock_view_low_only(s: Shop) {
    let db = &s.db;
    s.receive(s.web, &[(s.tee_s, 10), (s.tee_m, 1), (s.shoe, 10)])
        .await;
    s.receive(s.ath, &[(s.tee_s, 10), (s.tee_m, 10), (s.shoe, 10)])
        .await;
    s.receive(s.krk, &[(s.tee_s, 10), (s.tee_m, 10), (s.shoe, 2)])
        .await;
    let low = |location_id: Option<i64>| async move {
        let filtered = views::stock(
            db,
            "en",
            &StockQuery {
                location_id,
                low_only: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let unfiltered = views::stock(
            db,
            "en",
            &StockQuery {
                location_id,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let flagged: Vec<String> = unfiltered
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| c.low))
            .map(|r| r.label.sku.clone())
            .collect();
        let skus = page_skus(&filtered);
        assert_eq!(skus, flagged, "low-only rows are the rows with a low cell");
        assert_eq!(filtered.total, skus.len() as u64);
        skus
    };
    // WEB (default 3): TEE-M has 1. ATH (2): nothing. KRK (2): SHOE-42 has 2.
    assert_eq!(low(Some(s.web)).await, vec!["TEE-M"]);
    assert!(low(Some(s.ath)).await.is_empty());
    assert_eq!(low(Some(s.krk)).await, vec!["SHOE-42"]);
    assert_eq!(low(None).await, vec!["TEE-M", "SHOE-42"]);
    // Reserved units are not available: 8 of TEE-S's 10 at ATH leave 2, ATH's threshold.
    s.reserve(checkout(1), &[(s.ath, s.tee_s, 8)])
        .await
        .unwrap();
    assert_eq!(low(Some(s.ath)).await, vec!["TEE-S"]);
    assert_eq!(low(Some(s.web)).await, vec!["TEE-M"]);
    assert_eq!(low(None).await, vec!["TEE-M", "TEE-S", "SHOE-42"]);
    // A variant's own threshold replaces every location's default.
    thresholds::set_variant_threshold(db, &Actor::system(), s.tee_s, Some(1))
        .await
        .unwrap();
    assert!(low(Some(s.ath)).await.is_empty());
    assert_eq!(low(None).await, vec!["TEE-M", "SHOE-42"]);
    thresholds::set_location_default(db, &Actor::system(), s.web, 0)
        .await
        .unwrap();
    assert!(low(Some(s.web)).await.is_empty());
    assert_eq!(low(None).await, vec!["SHOE-42"]);
    // A location with no level rows: 0 available, low against a threshold of 0 (and TEE-S's 1).
    let skg = Fixture::new(db).location("SKG", None, 0).await;
    assert_eq!(low(Some(skg)).await, vec!["TEE-M", "TEE-S", "SHOE-42"]);
    assert_eq!(low(None).await, vec!["TEE-M", "TEE-S", "SHOE-42"]);
    // With a text filter and one location.
    let shoes = views::stock(
        db,
        "en",
        &StockQuery {
            location_id: Some(s.krk),
            low_only: true,
            q: "running".into(),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (page_skus(&shoes), shoes.total),
        (vec!["SHOE-42".into()], 1)
    );
    s.verify_clean().await;
}

/// Words are folded (case, Polish and Greek accents, final sigma) and found in the shown
/// product name or option labels; a product without names is found by its SKU; `%` and `_` in
/// a SKU prefix are literal.
#[tokio::test]
async fn stock_view_text_matches_names_and_option_labels_folded() {
    for backend in Backend::available() {
        stock_view_text(Shop::on(backend).await).await;
    }
}

async fn stock_view_text(s: Shop) {
    use commerce::entity::{
        option_value, option_value_translation, product_option, variant, variant_option_value,
    };
    let db = &s.db;
    let f = Fixture::new(db);
    let vat = f.vat_rate("text", 600).await;
    let tee = variant::Entity::find_by_id(s.tee_m)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .product_id;
    let colour = product_option::ActiveModel {
        product_id: Set(tee),
        code: Set("colour".into()),
        position: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    for (variant_id, code, en, el) in [
        (s.tee_m, "red", "Red", "Κόκκινο"),
        (s.tee_s, "blue", "Blue", "Μπλε"),
    ] {
        let value = option_value::ActiveModel {
            option_id: Set(colour),
            code: Set(code.into()),
            position: Set(0),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap()
        .id;
        for (locale, label) in [("en", en), ("el", el)] {
            option_value_translation::ActiveModel {
                option_value_id: Set(value),
                locale: Set(locale.into()),
                label: Set(label.into()),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
        }
        variant_option_value::ActiveModel {
            variant_id: Set(variant_id),
            option_value_id: Set(value),
        }
        .insert(db)
        .await
        .unwrap();
    }
    let polish = f.product(s.shoes, vat, "pangram").await;
    f.product_name(polish, "en", "Zażółć gęślą jaźń", "pangram")
        .await;
    f.variant(polish, "ZGJ-1").await;
    let nameless = f.product(s.shoes, vat, "nameless").await;
    f.variant(nameless, "NONAME-7").await;
    let cap = f.product(s.shoes, vat, "cap").await;
    f.product_name(cap, "en", "Plain cap", "cap").await;
    f.variant(cap, "XY_1").await;
    f.variant(cap, "XYZ1").await;

    let find = |locale: &'static str, text: &str| {
        let q = StockQuery {
            q: text.into(),
            ..Default::default()
        };
        async move { page_skus(&views::stock(db, locale, &q).await.unwrap()) }
    };
    // Option labels, shown in the page's language.
    assert_eq!(find("en", "tee red").await, vec!["TEE-M"]);
    assert_eq!(find("en", "BLUE basic").await, vec!["TEE-S"]);
    assert!(find("en", "κοκκινο").await.is_empty());
    assert_eq!(find("el", "ΚΟΚΚΙΝΟ").await, vec!["TEE-M"]);
    assert_eq!(find("el", "basic κόκκινο").await, vec!["TEE-M"]);
    // Polish and Greek letters, any case, accents and final sigma folded.
    assert_eq!(find("en", "zazolc").await, vec!["ZGJ-1"]);
    assert_eq!(find("en", "GĘŚLĄ jazn").await, vec!["ZGJ-1"]);
    assert_eq!(find("en", "ŻÓŁĆ").await, vec!["ZGJ-1"]);
    assert_eq!(find("en", "zolc gesla").await, vec!["ZGJ-1"]);
    assert!(find("en", "zolc tee").await.is_empty());
    assert_eq!(find("el", "τρεξιματος").await, vec!["SHOE-42"]);
    assert_eq!(find("el", "ΤΡΕΞΊΜΑΤΟΣ παπουτσι").await, vec!["SHOE-42"]);
    assert!(find("en", "τρεξιματος").await.is_empty(), "shown name only");
    // A product without a name shows (and is found by) its SKU.
    assert_eq!(find("en", "7").await, vec!["NONAME-7"]);
    // SKU prefixes: `_` and `%` are not wildcards; SKUs sort by code point ('Z' < '_').
    assert_eq!(find("en", "XY").await, vec!["XYZ1", "XY_1"]);
    assert_eq!(find("en", "xy_").await, vec!["XY_1"]);
    assert!(find("en", "x%").await.is_empty());
    assert!(find("en", "X_Z").await.is_empty());
    s.verify_clean().await;
}

#[tokio::test]
async fn ledger_view_lists_movements_newest_first_with_documents_and_balances() {
    let s = Shop::new().await;
    let db = &s.db;
    let sys = Actor::system();
    let mgr = s.manager();
    let rcv = s.receive(s.web, &[(s.tee_m, 10)]).await;
    let t = transfers::create(
        db,
        &sys,
        NewTransfer {
            from_location_id: s.web,
            to_location_id: s.ath,
            lines: vec![line(s.tee_m, 4)],
            note: None,
        },
    )
    .await
    .unwrap();
    transfers::send(db, &sys, t.transfer.id).await.unwrap();
    transfers::receive(db, &mgr, t.transfer.id, &[])
        .await
        .unwrap();
    let c = counts::open(db, &mgr, s.ath, Some(s.clothing))
        .await
        .unwrap();
    counts::record(db, &mgr, c.count.id, &[(s.tee_m, Some(3))])
        .await
        .unwrap();
    counts::post(db, &mgr, c.count.id).await.unwrap();
    adjustments::adjust(
        db,
        &mgr,
        NewAdjustment {
            location_id: s.ath,
            variant_id: s.tee_m,
            change: -1,
            reason: AdjustmentReason::Damaged,
            note: None,
        },
    )
    .await
    .unwrap();
    s.reserve(checkout(1), &[(s.web, s.tee_m, 2)])
        .await
        .unwrap();
    reservations::commit_now(db, checkout(1), None, None)
        .await
        .unwrap();
    // Another variant's movements stay off this ledger.
    s.receive(s.web, &[(s.tee_s, 1)]).await;

    let l = views::ledger(db, "en", s.tee_m, None, 1).await.unwrap();
    assert_eq!(l.label.sku, "TEE-M");
    assert_eq!((l.total, l.page, l.pages), (6, 1, 1));
    // (location, reason, change, balance after, document number, staff name)
    type Row<'a> = (
        &'a str,
        MovementReason,
        i64,
        i64,
        Option<&'a str>,
        Option<&'a str>,
    );
    let rows: Vec<Row> = l
        .rows
        .iter()
        .map(|r| {
            (
                r.location_code.as_str(),
                r.reason,
                r.quantity,
                r.balance_after,
                r.document.as_ref().map(|d| d.number.as_str()),
                r.staff_name.as_deref(),
            )
        })
        .collect();
    let trf = t.transfer.number.as_str();
    let cnt = c.count.number.as_str();
    use MovementReason::*;
    assert_eq!(
        rows,
        vec![
            ("WEB", Sale, -2, 4, None, None),
            ("ATH", Adjustment, -1, 2, None, Some("Maria Manager")),
            ("ATH", Count, -1, 3, Some(cnt), Some("Maria Manager")),
            ("ATH", TransferIn, 4, 4, Some(trf), Some("Maria Manager")),
            ("WEB", TransferOut, -4, 6, Some(trf), None),
            ("WEB", Receipt, 10, 10, Some(rcv.number.as_str()), None),
        ]
    );
    assert!(l.rows.windows(2).all(|w| w[0].id > w[1].id));
    let doc = l.rows[5].document.as_ref().unwrap();
    assert_eq!((doc.kind, doc.id), (DocumentType::Receipt, rcv.id));
    // Each row's balance is the running sum at its location.
    let mut running: HashMap<i64, i64> = HashMap::new();
    for r in l.rows.iter().rev() {
        let b = running.entry(r.location_id).or_default();
        *b += r.quantity;
        assert_eq!(*b, r.balance_after);
    }
    let cells: Vec<(i64, i64, i64)> = l
        .cells
        .iter()
        .map(|c| (c.location_id, c.on_hand, c.reserved))
        .collect();
    assert_eq!(cells, vec![(s.ath, 2, 0), (s.krk, 0, 0), (s.web, 4, 0)]);

    // One location; paging; unknown variant.
    let at_ath = views::ledger(db, "en", s.tee_m, Some(s.ath), 1)
        .await
        .unwrap();
    assert_eq!(at_ath.total, 3);
    assert!(at_ath.rows.iter().all(|r| r.location_code == "ATH"));
    for _ in 0..views::PAGE_SIZE {
        adjustments::adjust(
            db,
            &sys,
            NewAdjustment {
                location_id: s.krk,
                variant_id: s.tee_m,
                change: 1,
                reason: AdjustmentReason::Found,
                note: None,
            },
        )
        .await
        .unwrap();
    }
    let p1 = views::ledger(db, "en", s.tee_m, None, 1).await.unwrap();
    assert_eq!(
        (p1.total, p1.pages, p1.rows.len() as u64),
        (56, 2, views::PAGE_SIZE)
    );
    assert_eq!(p1.rows[0].balance_after, 50);
    let p2 = views::ledger(db, "en", s.tee_m, None, 99).await.unwrap();
    assert_eq!((p2.page, p2.rows.len()), (2, 6));
    assert_eq!(p2.rows.last().unwrap().reason, Receipt);
    assert!(matches!(
        views::ledger(db, "en", 9_999, None, 1).await,
        Err(CommerceError::NotFound(_))
    ));

    // The document lists.
    let receipts = views::recent_receipts(db, 10).await.unwrap();
    let transfers = views::recent_transfers(db, 10).await.unwrap();
    let counts = views::recent_counts(db, 10).await.unwrap();
    assert_eq!(receipts.len(), 2);
    assert_eq!(
        (transfers[0].place.as_str(), transfers[0].status),
        (
            "WEB → ATH",
            views::DocumentStatus::Transfer(TransferStatus::Received)
        )
    );
    assert_eq!(
        (counts[0].number.as_str(), counts[0].status),
        (cnt, views::DocumentStatus::Count(CountStatus::Posted))
    );
    s.verify_clean().await;
}

// ---------------------------------------------------------------------------------------------
// check::verify

#[tokio::test]
async fn verify_reports_levels_that_disagree_with_the_ledger() {
    let s = Shop::new().await;
    let db = &s.db;
    s.receive(s.web, &[(s.tee_m, 10), (s.tee_s, 2)]).await;
    s.reserve(checkout(1), &[(s.web, s.tee_m, 3)])
        .await
        .unwrap();
    let report = check::verify(db).await.unwrap();
    assert!(report.mismatches.is_empty());
    assert_eq!(
        (report.levels, report.movements, report.reservations),
        (2, 2, 1)
    );

    let sql = |q: String| async move { db.execute_unprepared(&q).await.unwrap() };
    let at = format!("location_id = {} AND variant_id = {}", s.web, s.tee_m);
    sql(format!(
        "UPDATE stock_levels SET on_hand = on_hand + 1 WHERE {at}"
    ))
    .await;
    let report = check::verify(db).await.unwrap();
    assert_eq!(
        report.mismatches,
        vec![Mismatch::LedgerSum {
            location_id: s.web,
            variant_id: s.tee_m,
            on_hand: 11,
            ledger: 10,
        }]
    );
    let text = report.mismatches[0].to_string();
    assert!(
        text.contains("on hand 11") && text.contains("sum to 10"),
        "{text}"
    );
    sql(format!(
        "UPDATE stock_levels SET on_hand = on_hand - 1 WHERE {at}"
    ))
    .await;
    s.verify_clean().await;

    // More reserved than on hand: the database itself refuses that row (migration 000006).
    assert!(db
        .execute_unprepared(&format!("UPDATE stock_levels SET reserved = 12 WHERE {at}"))
        .await
        .is_err());
    sql(format!("UPDATE stock_levels SET reserved = 5 WHERE {at}")).await;
    let report = check::verify(db).await.unwrap();
    assert_eq!(
        report.mismatches,
        vec![Mismatch::Reserved {
            location_id: s.web,
            variant_id: s.tee_m,
            reserved: 5,
            active: 3,
        }]
    );
    sql(format!("UPDATE stock_levels SET reserved = 3 WHERE {at}")).await;

    let first = s
        .movements()
        .await
        .into_iter()
        .find(|m| m.variant_id == s.tee_m)
        .unwrap()
        .id;
    sql(format!(
        "UPDATE stock_movements SET balance_after = 99 WHERE id = {first}"
    ))
    .await;
    let report = check::verify(db).await.unwrap();
    assert_eq!(
        report.mismatches,
        vec![Mismatch::Balance {
            movement_id: first,
            recorded: 99,
            running: 10,
        }]
    );
    sql(format!(
        "UPDATE stock_movements SET balance_after = 10 WHERE id = {first}"
    ))
    .await;
    // A level row gone missing: its movements and reservations have no level.
    sql(format!("DELETE FROM stock_levels WHERE {at}")).await;
    let report = check::verify(db).await.unwrap();
    assert_eq!(
        report.mismatches,
        vec![
            Mismatch::LedgerSum {
                location_id: s.web,
                variant_id: s.tee_m,
                on_hand: 0,
                ledger: 10,
            },
            Mismatch::Reserved {
                location_id: s.web,
                variant_id: s.tee_m,
                reserved: 0,
                active: 3,
            },
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Property: random operations keep the ledger balanced

mod property {
    use super::*;
    use proptest::{
        prelude::*,
        test_runner::{Config, TestCaseError, TestRunner},
    };

    const LOCATIONS: usize = 3;
    const VARIANTS: usize = 3;
    const HOLDERS: i64 = 4;

    #[derive(Debug, Clone)]
    enum Op {
        Receive {
            loc: usize,
            var: usize,
            qty: i64,
        },
        Adjust {
            loc: usize,
            var: usize,
            change: i64,
            correction: bool,
        },
        Reserve {
            holder: i64,
            lines: Vec<(usize, usize, i64)>,
        },
        Commit {
            holder: i64,
        },
        Release {
            holder: i64,
        },
        Send {
            from: usize,
            to: usize,
            lines: Vec<(usize, i64)>,
        },
        ReceiveTransfer {
            pick: usize,
            missing: i64,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        let loc = 0..LOCATIONS;
        let var = 0..VARIANTS;
        prop_oneof![
            3 => (loc.clone(), var.clone(), 1i64..=12)
                .prop_map(|(loc, var, qty)| Op::Receive { loc, var, qty }),
            2 => (loc.clone(), var.clone(), -10i64..=10, any::<bool>())
                .prop_filter("a change", |(_, _, c, _)| *c != 0)
                .prop_map(|(loc, var, change, correction)| Op::Adjust { loc, var, change, correction }),
            4 => (0..HOLDERS, prop::collection::vec((loc.clone(), var.clone(), 1i64..=4), 1..=3))
                .prop_map(|(holder, lines)| Op::Reserve { holder, lines }),
            3 => (0..HOLDERS).prop_map(|holder| Op::Commit { holder }),
            1 => (0..HOLDERS).prop_map(|holder| Op::Release { holder }),
            2 => (loc.clone(), loc, prop::collection::vec((var, 1i64..=6), 1..=2))
                .prop_map(|(from, to, lines)| Op::Send { from, to, lines }),
            2 => (0usize..4, 0i64..=2)
                .prop_map(|(pick, missing)| Op::ReceiveTransfer { pick, missing }),
        ]
    }

    /// A sent transfer: (id, destination, [(variant, units)]).
    type InTransit = (i64, i64, Vec<(i64, i64)>);

    /// What the ledger should hold.
    #[derive(Default)]
    struct Model {
        /// (location, variant) → (on hand, reserved).
        levels: BTreeMap<(i64, i64), (i64, i64)>,
        /// Holder → its active reservations: (location, variant, units).
        held: BTreeMap<i64, Vec<(i64, i64, i64)>>,
        /// Sent transfers: (id, destination, [(variant, units)]).
        in_transit: Vec<InTransit>,
    }

    impl Model {
        fn available(&self, key: (i64, i64)) -> i64 {
            self.levels.get(&key).map_or(0, |(o, r)| o - r)
        }

        fn add(&mut self, key: (i64, i64), on_hand: i64, reserved: i64) {
            let l = self.levels.entry(key).or_default();
            l.0 += on_hand;
            l.1 += reserved;
        }
    }

    struct Ids {
        locations: [i64; LOCATIONS],
        variants: [i64; VARIANTS],
    }

    /// Runs `ops` on a copy of the template database, checking each step against the model.
    async fn run(template: &std::path::Path, ids: &Ids, ops: Vec<Op>) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(template, dir.path().join("stoa.db")).unwrap();
        let db = open(&dir).await;
        let result = steps(&db, ids, ops).await;
        db.close().await.ok();
        result
    }

    /// Whether the ledger should accept `op` given the model (for a transfer: whether it can
    /// be drafted; whether it can then be sent is decided at the send).
    fn accepts(model: &Model, ids: &Ids, op: &Op) -> bool {
        let l = |i: usize| ids.locations[i];
        let v = |i: usize| ids.variants[i];
        match op {
            Op::Receive { .. } | Op::Release { .. } | Op::ReceiveTransfer { .. } => true,
            Op::Adjust {
                loc, var, change, ..
            } => *change > 0 || model.available((l(*loc), v(*var))) >= -change,
            Op::Reserve { lines, .. } => {
                let mut merged: BTreeMap<(i64, i64), i64> = BTreeMap::new();
                for &(loc, var, n) in lines {
                    *merged.entry((l(loc), v(var))).or_default() += n;
                }
                merged.iter().all(|(k, n)| model.available(*k) >= *n)
            }
            Op::Commit { holder } => model.held.get(holder).is_some_and(|h| !h.is_empty()),
            Op::Send { from, to, .. } => from != to,
        }
    }

    fn unexpected<T: std::fmt::Debug>(step: usize, op: &Op, got: T) -> TestCaseError {
        TestCaseError::fail(format!("step {step} {op:?}: unexpected {got:?}"))
    }

    async fn steps(db: &DatabaseConnection, ids: &Ids, ops: Vec<Op>) -> Result<(), TestCaseError> {
        let sys = Actor::system();
        let mut model = Model::default();
        // Every case starts with a few units everywhere, so that most operations can succeed.
        for &location_id in &ids.locations {
            receipts::receive(
                db,
                &sys,
                NewReceipt {
                    location_id,
                    supplier: None,
                    note: None,
                    lines: ids.variants.iter().map(|&v| line(v, 5)).collect(),
                },
            )
            .await
            .unwrap();
            for &v in &ids.variants {
                model.add((location_id, v), 5, 0);
            }
        }
        let l = |i: usize| ids.locations[i];
        let v = |i: usize| ids.variants[i];
        for (step, op) in ops.into_iter().enumerate() {
            let accepted = accepts(&model, ids, &op);
            // What a refused operation must leave exactly as it was.
            let before = if accepted {
                None
            } else {
                Some(snapshot(db).await)
            };
            match &op {
                Op::Receive { loc, var, qty: n } => {
                    receipts::receive(
                        db,
                        &sys,
                        NewReceipt {
                            location_id: l(*loc),
                            supplier: None,
                            note: None,
                            lines: vec![line(v(*var), *n)],
                        },
                    )
                    .await
                    .map_err(|e| unexpected(step, &op, e))?;
                    model.add((l(*loc), v(*var)), *n, 0);
                }
                Op::Adjust {
                    loc,
                    var,
                    change,
                    correction,
                } => {
                    let key = (l(*loc), v(*var));
                    let reason = match (correction, *change > 0) {
                        (true, _) => AdjustmentReason::Correction,
                        (false, true) => AdjustmentReason::Found,
                        (false, false) => AdjustmentReason::Lost,
                    };
                    let r = adjustments::adjust(
                        db,
                        &sys,
                        NewAdjustment {
                            location_id: key.0,
                            variant_id: key.1,
                            change: *change,
                            reason,
                            note: None,
                        },
                    )
                    .await;
                    match (accepted, r) {
                        (true, Ok(_)) => model.add(key, *change, 0),
                        (false, Err(CommerceError::InsufficientStock(_))) => {}
                        (_, r) => return Err(unexpected(step, &op, r)),
                    }
                }
                Op::Reserve { holder, lines } => {
                    let lines: Vec<ReserveLine> = lines
                        .iter()
                        .map(|&(loc, var, n)| ReserveLine {
                            location_id: l(loc),
                            variant_id: v(var),
                            quantity: qty(n),
                        })
                        .collect();
                    let r = reservations::reserve_now(db, checkout(*holder), &lines, None).await;
                    match (accepted, r) {
                        (true, Ok(rows)) => {
                            let mut merged: BTreeMap<(i64, i64), i64> = BTreeMap::new();
                            for line in &lines {
                                *merged
                                    .entry((line.location_id, line.variant_id))
                                    .or_default() += line.quantity.get();
                            }
                            let got: Vec<((i64, i64), i64)> = rows
                                .iter()
                                .map(|r| ((r.location_id, r.variant_id), r.quantity))
                                .collect();
                            prop_assert_eq!(&got, &merged.clone().into_iter().collect::<Vec<_>>());
                            for (k, n) in merged {
                                model.add(k, 0, n);
                                model.held.entry(*holder).or_default().push((k.0, k.1, n));
                            }
                        }
                        (false, Err(CommerceError::InsufficientStock(_))) => {}
                        (_, r) => return Err(unexpected(step, &op, r)),
                    }
                }
                Op::Commit { holder } => {
                    let held = model.held.remove(holder).unwrap_or_default();
                    let r = reservations::commit_now(db, checkout(*holder), None, None).await;
                    match (accepted, r) {
                        (true, Ok(moved)) => {
                            prop_assert_eq!(moved.len(), held.len());
                            for (loc, var, n) in held {
                                model.add((loc, var), -n, -n);
                            }
                        }
                        (false, Err(CommerceError::Conflict(_))) => {}
                        (_, r) => return Err(unexpected(step, &op, r)),
                    }
                }
                Op::Release { holder } => {
                    let held = model.held.remove(holder).unwrap_or_default();
                    let units = reservations::release_now(db, checkout(*holder))
                        .await
                        .map_err(|e| unexpected(step, &op, e))?;
                    prop_assert_eq!(units, held.iter().map(|h| h.2).sum::<i64>());
                    for (loc, var, n) in held {
                        model.add((loc, var), 0, -n);
                    }
                }
                Op::Send { from, to, lines } => {
                    let new = NewTransfer {
                        from_location_id: l(*from),
                        to_location_id: l(*to),
                        lines: lines.iter().map(|&(var, n)| line(v(var), n)).collect(),
                        note: None,
                    };
                    match (accepted, transfers::create(db, &sys, new).await) {
                        (false, Err(CommerceError::Validation { .. })) => {}
                        (true, Ok(t)) => {
                            let mut merged: BTreeMap<i64, i64> = BTreeMap::new();
                            for &(var, n) in lines {
                                *merged.entry(v(var)).or_default() += n;
                            }
                            let can_send = merged
                                .iter()
                                .all(|(&var, &n)| model.available((l(*from), var)) >= n);
                            // A refused send leaves the draft as it was.
                            let drafted = if can_send {
                                None
                            } else {
                                Some(snapshot(db).await)
                            };
                            match (can_send, transfers::send(db, &sys, t.transfer.id).await) {
                                (true, Ok(_)) => {
                                    for (&var, &n) in &merged {
                                        model.add((l(*from), var), -n, 0);
                                    }
                                    model.in_transit.push((
                                        t.transfer.id,
                                        l(*to),
                                        merged.into_iter().collect(),
                                    ));
                                }
                                (false, Err(CommerceError::InsufficientStock(_))) => {
                                    prop_assert_eq!(
                                        snapshot(db).await,
                                        drafted.unwrap(),
                                        "step {}: a refused send wrote something",
                                        step
                                    );
                                    transfers::cancel(db, &sys, t.transfer.id)
                                        .await
                                        .map_err(|e| unexpected(step, &op, e))?;
                                }
                                (_, r) => return Err(unexpected(step, &op, r)),
                            }
                        }
                        (_, r) => return Err(unexpected(step, &op, r)),
                    }
                }
                Op::ReceiveTransfer { pick, missing } => {
                    if !model.in_transit.is_empty() {
                        let (id, to, lines) =
                            model.in_transit.remove(pick % model.in_transit.len());
                        let (first_var, first_n) = lines[0];
                        let arrived = (first_n - missing).max(0);
                        transfers::receive(db, &sys, id, &[(first_var, arrived)])
                            .await
                            .map_err(|e| unexpected(step, &op, e))?;
                        for (var, n) in lines {
                            let got = if var == first_var { arrived } else { n };
                            model.add((to, var), got, 0);
                        }
                        // Receiving it again is refused.
                        match transfers::receive(db, &sys, id, &[]).await {
                            Err(CommerceError::Conflict(_)) => {}
                            r => return Err(unexpected(step, &op, r)),
                        }
                    }
                }
            }
            if let Some(before) = before {
                prop_assert_eq!(
                    snapshot(db).await,
                    before,
                    "step {} {:?} was refused but wrote something",
                    step,
                    &op
                );
            }
            // The database agrees with the model, and nothing is ever over-reserved.
            let levels: BTreeMap<(i64, i64), (i64, i64)> = stock_level::Entity::find()
                .all(db)
                .await
                .unwrap()
                .into_iter()
                .map(|l| ((l.location_id, l.variant_id), (l.on_hand, l.reserved)))
                .filter(|(k, l)| *l != (0, 0) || model.levels.contains_key(k))
                .collect();
            let want: BTreeMap<(i64, i64), (i64, i64)> = model
                .levels
                .iter()
                .filter(|(k, l)| **l != (0, 0) || levels.contains_key(k))
                .map(|(k, l)| (*k, *l))
                .collect();
            prop_assert_eq!(&levels, &want, "step {} {:?}: levels", step, &op);
            for (on_hand, reserved) in levels.values() {
                prop_assert!(*reserved >= 0 && on_hand - reserved >= 0);
            }
        }
        let report = check::verify(db).await.unwrap();
        prop_assert!(report.mismatches.is_empty(), "{:?}", report.mismatches);
        Ok(())
    }

    #[test]
    fn random_operations_keep_the_ledger_balanced() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        // One migrated database with the shop in it, copied for every case.
        let (template_dir, ids) = rt.block_on(async {
            let s = Shop::new().await;
            let ids = Ids {
                locations: [s.web, s.ath, s.krk],
                variants: [s.tee_s, s.tee_m, s.shoe],
            };
            let Shop { db, _dir: dir, .. } = s;
            // Everything into the main file, so that copying it copies the database.
            db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await
                .unwrap();
            db.close().await.unwrap();
            (dir, ids)
        });
        let template = template_dir.path().join("stoa.db");
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        let result = runner.run(&prop::collection::vec(op(), 1..=40), |ops| {
            rt.block_on(run(&template, &ids, ops))
        });
        if let Err(e) = result {
            panic!("{e}");
        }
    }
}

/// Search only needs to hear about a variant when it becomes available somewhere or sells out
/// there: movements and reservations that keep availability on the same side of zero write no
/// outbox notice.
#[tokio::test]
async fn the_search_indexes_hear_only_when_availability_flips() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let s = Shop::new().await;
    let db = &s.db;
    let notices = || async { outbox::Entity::find().count(db).await.unwrap() };
    let receive = |n| NewReceipt {
        location_id: s.krk,
        supplier: None,
        note: None,
        lines: vec![line(s.shoe, n)],
    };
    let start = notices().await;
    // 0 → 2 available: a notice. 2 → 5: none.
    receipts::receive(db, &Actor::system(), receive(2))
        .await
        .unwrap();
    assert_eq!(notices().await, start + 1);
    receipts::receive(db, &Actor::system(), receive(3))
        .await
        .unwrap();
    assert_eq!(notices().await, start + 1);
    // Reserving 4 of 5 keeps it available; reserving the last one sells it out.
    let basket = |n| {
        [ReserveLine {
            location_id: s.krk,
            variant_id: s.shoe,
            quantity: qty(n),
        }]
    };
    reservations::reserve_now(db, checkout(1), &basket(4), None)
        .await
        .unwrap();
    assert_eq!(notices().await, start + 1);
    reservations::reserve_now(db, checkout(2), &basket(1), None)
        .await
        .unwrap();
    assert_eq!(notices().await, start + 2);
    // Committing a reservation changes on hand and reserved together: availability stays.
    reservations::commit_now(db, checkout(1), None, None)
        .await
        .unwrap();
    assert_eq!(notices().await, start + 2);
    // Releasing the last reserved unit makes it available again.
    reservations::release_now(db, checkout(2)).await.unwrap();
    assert_eq!(notices().await, start + 3);
    verify_clean(db).await;
}
