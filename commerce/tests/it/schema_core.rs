//! Migrations 000001–000003 against their entities: every table of the catalogue, inventory and
//! people migrations takes a row through its `ActiveModel` and gives it back, the declared
//! relations resolve, and the stock ledger keeps `level == sum(movements)`.
//!
//! The migrations are also rolled back and re-run first, so every `down()` works.
//!
//! Runs on a temporary SQLite file, and also on a fresh PostgreSQL database when
//! `STOA_TEST_PG_URL` is set (e.g. `postgres://postgres@127.0.0.1:5432/test`).

use chrono::{DateTime, TimeZone, Utc};
use commerce::test_support::{pg_admin_url, Backend, TestDb};
use commerce::{
    entity::{
        category, category_translation, customer, customer_address,
        enums::{
            AdjustmentReason, CountStatus, DocumentType, LocationKind, MovementReason,
            ProductStatus, ReservationOwner, ReservationStatus, StaffRole, TransferStatus,
        },
        locale, location, option_value, option_value_translation, product, product_image,
        product_option, product_translation, session, staff_store_membership, staff_user,
        stock_count, stock_count_line, stock_level, stock_movement, stock_receipt,
        stock_receipt_line, stock_reservation, stock_transfer, stock_transfer_line, store,
        store_credit_entry, variant, variant_option_value, vat_rate,
    },
    inventory::{self, NewMovement},
    CommerceError,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, ModelTrait, PaginatorTrait, QueryFilter, QueryOrder, TransactionTrait,
};

/// A fixed timestamp (whole seconds, so it survives every backend's precision unchanged).
fn ts() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap()
}

/// Runs every migration, rolls them all back, and runs them again, so `down()` is exercised too.
async fn migrate_down_up(db: &DatabaseConnection) {
    use migrations::MigratorTrait;
    commerce::db::migrate(db).await.unwrap();
    migrations::Migrator::down(db, None).await.unwrap();
    commerce::db::migrate(db).await.unwrap();
}

/// Inserts `$am` and checks that reading it back by `$pk` gives the same row.
macro_rules! roundtrip {
    ($db:expr, $entity:ty, $am:expr, |$m:ident| $pk:expr) => {{
        let inserted = $am
            .insert($db)
            .await
            .expect(concat!("insert ", stringify!($entity)));
        let $m = &inserted;
        let read = <$entity>::find_by_id($pk)
            .one($db)
            .await
            .expect(concat!("select ", stringify!($entity)))
            .expect(concat!("row of ", stringify!($entity), " not found"));
        assert_eq!(read, inserted, "{} read back differs", stringify!($entity));
        inserted
    }};
}

async fn exercise(db: &DatabaseConnection) {
    let now = ts();

    // ---- catalogue ----
    let en = roundtrip!(
        db,
        locale::Entity,
        locale::ActiveModel {
            code: Set("en".into()),
            name: Set("English".into()),
            is_default: Set(true),
            enabled: Set(true),
            position: Set(0),
        },
        |m| m.code.clone()
    );
    assert!(en.is_default);

    let vat = roundtrip!(
        db,
        vat_rate::Entity,
        vat_rate::ActiveModel {
            code: Set("standard".into()),
            name: Set("Standard".into()),
            rate_bp: Set(2400),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(vat.rate_bp, 2400);

    let root = roundtrip!(
        db,
        category::Entity,
        category::ActiveModel {
            parent_id: Set(None),
            slug: Set("clothing".into()),
            position: Set(0),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    let cat = roundtrip!(
        db,
        category::Entity,
        category::ActiveModel {
            parent_id: Set(Some(root.id)),
            slug: Set("t-shirts".into()),
            position: Set(1),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(cat.parent_id, Some(root.id));
    assert_eq!(cat.created_at, now);

    roundtrip!(
        db,
        category_translation::Entity,
        category_translation::ActiveModel {
            category_id: Set(cat.id),
            locale: Set("en".into()),
            name: Set("T-shirts".into()),
            slug: Set("t-shirts".into()),
            description: Set("Cotton tees.".into()),
            ..Default::default()
        },
        |m| m.id
    );

    let prod = roundtrip!(
        db,
        product::Entity,
        product::ActiveModel {
            category_id: Set(cat.id),
            slug: Set("basic-tee".into()),
            status: Set(ProductStatus::Active),
            vat_rate_id: Set(vat.id),
            brand: Set(Some("Stoa".into())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(prod.status, ProductStatus::Active);

    roundtrip!(
        db,
        product_translation::Entity,
        product_translation::ActiveModel {
            product_id: Set(prod.id),
            locale: Set("en".into()),
            name: Set("Basic tee".into()),
            slug: Set("basic-tee".into()),
            description: Set("A plain T-shirt.".into()),
            ..Default::default()
        },
        |m| m.id
    );

    let opt = roundtrip!(
        db,
        product_option::Entity,
        product_option::ActiveModel {
            product_id: Set(prod.id),
            code: Set("size".into()),
            position: Set(0),
            ..Default::default()
        },
        |m| m.id
    );

    let val = roundtrip!(
        db,
        option_value::Entity,
        option_value::ActiveModel {
            option_id: Set(opt.id),
            code: Set("m".into()),
            position: Set(1),
            ..Default::default()
        },
        |m| m.id
    );

    roundtrip!(
        db,
        option_value_translation::Entity,
        option_value_translation::ActiveModel {
            option_value_id: Set(val.id),
            locale: Set("en".into()),
            label: Set("M".into()),
            ..Default::default()
        },
        |m| m.id
    );

    let var = roundtrip!(
        db,
        variant::Entity,
        variant::ActiveModel {
            product_id: Set(prod.id),
            sku: Set("TEE-M".into()),
            barcode: Set(Some("4006381333931".into())),
            price_minor: Set(1_999),
            compare_at_minor: Set(Some(2_499)),
            currency: Set("EUR".into()),
            position: Set(0),
            weight_grams: Set(Some(180)),
            low_stock_threshold: Set(None),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(var.price_minor, 1_999);

    roundtrip!(
        db,
        variant_option_value::Entity,
        variant_option_value::ActiveModel {
            variant_id: Set(var.id),
            option_value_id: Set(val.id),
        },
        |m| (m.variant_id, m.option_value_id)
    );

    roundtrip!(
        db,
        product_image::Entity,
        product_image::ActiveModel {
            product_id: Set(prod.id),
            variant_id: Set(Some(var.id)),
            position: Set(0),
            path: Set("products/basic-tee/1.webp".into()),
            width: Set(1200),
            height: Set(1600),
            alt: Set(Some("A plain tee".into())),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );

    // A second, bare variant: a duplicate SKU is refused, a second NULL barcode is not.
    let dup = variant::ActiveModel {
        product_id: Set(prod.id),
        sku: Set("TEE-M".into()),
        barcode: Set(None),
        price_minor: Set(1_999),
        currency: Set("EUR".into()),
        position: Set(1),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    assert!(
        dup.clone().insert(db).await.is_err(),
        "duplicate SKU accepted"
    );
    let mut other = dup;
    other.sku = Set("TEE-L".into());
    let var_l = other.insert(db).await.expect("second variant");
    assert_eq!(var_l.barcode, None);

    // ---- stores, locations, inventory ----
    let ath = roundtrip!(
        db,
        store::Entity,
        store::ActiveModel {
            code: Set("ATH".into()),
            name: Set("Athens".into()),
            address_line: Set("Ermou 1".into()),
            city: Set("Athens".into()),
            postal_code: Set("105 63".into()),
            country: Set("GR".into()),
            phone: Set(None),
            timezone: Set("Europe/Athens".into()),
            opening_hours: Set(Some("Mon–Sat 10:00–20:00".into())),
            pickup_enabled: Set(true),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );

    let web = roundtrip!(
        db,
        location::Entity,
        location::ActiveModel {
            code: Set("WEB".into()),
            name: Set("Online warehouse".into()),
            kind: Set(LocationKind::Warehouse),
            store_id: Set(None),
            ships_online: Set(true),
            default_low_stock_threshold: Set(3),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    let ath_loc = roundtrip!(
        db,
        location::Entity,
        location::ActiveModel {
            code: Set("ATH".into()),
            name: Set("Athens store".into()),
            kind: Set(LocationKind::Store),
            store_id: Set(Some(ath.id)),
            ships_online: Set(false),
            default_low_stock_threshold: Set(2),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(ath_loc.kind, LocationKind::Store);

    roundtrip!(
        db,
        stock_level::Entity,
        stock_level::ActiveModel {
            location_id: Set(ath_loc.id),
            variant_id: Set(var_l.id),
            on_hand: Set(0),
            reserved: Set(0),
            updated_at: Set(now),
        },
        |m| (m.location_id, m.variant_id)
    );
    let negative_reserved = stock_level::ActiveModel {
        location_id: Set(ath_loc.id),
        variant_id: Set(var.id),
        on_hand: Set(0),
        reserved: Set(-1),
        updated_at: Set(now),
    };
    assert!(
        negative_reserved.insert(db).await.is_err(),
        "CHECK reserved >= 0 not enforced"
    );

    roundtrip!(
        db,
        stock_movement::Entity,
        stock_movement::ActiveModel {
            location_id: Set(ath_loc.id),
            variant_id: Set(var.id),
            quantity: Set(-1),
            reason: Set(MovementReason::Adjustment),
            adjustment_reason: Set(Some(AdjustmentReason::Damaged)),
            balance_after: Set(0),
            document_type: Set(Some(DocumentType::Count)),
            document_id: Set(Some(7)),
            staff_user_id: Set(None),
            note: Set(Some("raw row, outside the ledger writer".into())),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );

    let res = roundtrip!(
        db,
        stock_reservation::Entity,
        stock_reservation::ActiveModel {
            location_id: Set(web.id),
            variant_id: Set(var.id),
            quantity: Set(2),
            owner_type: Set(ReservationOwner::PaymentLink),
            owner_id: Set(42),
            status: Set(ReservationStatus::Active),
            expires_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(res.owner_type, ReservationOwner::PaymentLink);
    assert_eq!(res.expires_at, Some(now));

    let receipt = roundtrip!(
        db,
        stock_receipt::Entity,
        stock_receipt::ActiveModel {
            number: Set("R-000001".into()),
            location_id: Set(web.id),
            supplier: Set(Some("Acme".into())),
            note: Set(None),
            staff_user_id: Set(None),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    roundtrip!(
        db,
        stock_receipt_line::Entity,
        stock_receipt_line::ActiveModel {
            receipt_id: Set(receipt.id),
            variant_id: Set(var.id),
            quantity: Set(10),
            ..Default::default()
        },
        |m| m.id
    );

    let transfer = roundtrip!(
        db,
        stock_transfer::Entity,
        stock_transfer::ActiveModel {
            number: Set("T-000001".into()),
            from_location_id: Set(web.id),
            to_location_id: Set(ath_loc.id),
            status: Set(TransferStatus::Sent),
            note: Set(None),
            created_by: Set(None),
            sent_at: Set(Some(now)),
            received_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(transfer.status, TransferStatus::Sent);
    roundtrip!(
        db,
        stock_transfer_line::Entity,
        stock_transfer_line::ActiveModel {
            transfer_id: Set(transfer.id),
            variant_id: Set(var.id),
            quantity_sent: Set(3),
            quantity_received: Set(None),
            ..Default::default()
        },
        |m| m.id
    );

    let count = roundtrip!(
        db,
        stock_count::Entity,
        stock_count::ActiveModel {
            number: Set("C-000001".into()),
            location_id: Set(ath_loc.id),
            category_id: Set(Some(cat.id)),
            status: Set(CountStatus::Open),
            created_by: Set(None),
            posted_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    roundtrip!(
        db,
        stock_count_line::Entity,
        stock_count_line::ActiveModel {
            count_id: Set(count.id),
            variant_id: Set(var.id),
            expected: Set(0),
            counted: Set(Some(1)),
            ..Default::default()
        },
        |m| m.id
    );
    let dup_line = stock_count_line::ActiveModel {
        count_id: Set(count.id),
        variant_id: Set(var.id),
        expected: Set(0),
        counted: Set(None),
        ..Default::default()
    };
    assert!(
        dup_line.insert(db).await.is_err(),
        "unique(count_id, variant_id) not enforced"
    );

    // ---- people ----
    let cust = roundtrip!(
        db,
        customer::Entity,
        customer::ActiveModel {
            email: Set(Some("maria@example.com".into())),
            phone: Set(Some("+302100000000".into())),
            name: Set(Some("Maria".into())),
            password_hash: Set(None),
            locale: Set("el".into()),
            store_credit_minor: Set(500),
            marketing_opt_in: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );
    roundtrip!(
        db,
        customer_address::Entity,
        customer_address::ActiveModel {
            customer_id: Set(cust.id),
            name: Set("Maria".into()),
            line1: Set("Ermou 2".into()),
            line2: Set(None),
            city: Set("Athens".into()),
            postal_code: Set("105 63".into()),
            country: Set("GR".into()),
            phone: Set(None),
            is_default: Set(true),
            ..Default::default()
        },
        |m| m.id
    );

    let staff = roundtrip!(
        db,
        staff_user::Entity,
        staff_user::ActiveModel {
            email: Set("owner@example.com".into()),
            name: Set("Owner".into()),
            password_hash: Set("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into()),
            role: Set(StaffRole::Owner),
            active: Set(true),
            created_at: Set(now),
            last_sign_in_at: Set(None),
            ..Default::default()
        },
        |m| m.id
    );
    assert_eq!(staff.role, StaffRole::Owner);

    roundtrip!(
        db,
        store_credit_entry::Entity,
        store_credit_entry::ActiveModel {
            customer_id: Set(cust.id),
            amount_minor: Set(500),
            currency: Set("EUR".into()),
            reason: Set("goodwill".into()),
            order_id: Set(None),
            refund_id: Set(None),
            staff_user_id: Set(Some(staff.id)),
            created_at: Set(now),
            ..Default::default()
        },
        |m| m.id
    );

    roundtrip!(
        db,
        staff_store_membership::Entity,
        staff_store_membership::ActiveModel {
            staff_user_id: Set(staff.id),
            store_id: Set(ath.id),
        },
        |m| (m.staff_user_id, m.store_id)
    );

    let sess = roundtrip!(
        db,
        session::Entity,
        session::ActiveModel {
            id: Set("ab".repeat(32)),
            staff_user_id: Set(Some(staff.id)),
            customer_id: Set(None),
            csrf_token: Set("csrf".into()),
            data: Set(serde_json::json!({ "locale": "el", "cart": null })),
            created_at: Set(now),
            last_seen_at: Set(now),
            expires_at: Set(now),
        },
        |m| m.id.clone()
    );
    assert_eq!(sess.data["locale"], "el");

    // ---- relations ----
    let with_variants = product::Entity::find()
        .find_with_related(variant::Entity)
        .all(db)
        .await
        .unwrap();
    assert_eq!(with_variants.len(), 1);
    assert_eq!(with_variants[0].1.len(), 2);
    let translations = prod
        .find_related(product_translation::Entity)
        .all(db)
        .await
        .unwrap();
    assert_eq!(translations.len(), 1);
    let cat_translations = cat
        .find_related(category_translation::Entity)
        .all(db)
        .await
        .unwrap();
    assert_eq!(cat_translations[0].name, "T-shirts");
    let (_, parent) = variant::Entity::find_by_id(var.id)
        .find_also_related(product::Entity)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(parent.map(|p| p.id), Some(prod.id));
    let values = var
        .find_related(option_value::Entity)
        .all(db)
        .await
        .unwrap();
    assert_eq!(
        values.iter().map(|v| v.id).collect::<Vec<_>>(),
        vec![val.id]
    );
    let (_, st) = location::Entity::find_by_id(ath_loc.id)
        .find_also_related(store::Entity)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(st.map(|s| s.code), Some("ATH".to_owned()));
    let levels = stock_level::Entity::find()
        .find_also_related(variant::Entity)
        .all(db)
        .await
        .unwrap();
    assert_eq!(levels.len(), 1);
    assert_eq!(levels[0].1.as_ref().map(|v| v.id), Some(var_l.id));
    let memberships = staff
        .find_related(staff_store_membership::Entity)
        .all(db)
        .await
        .unwrap();
    assert_eq!(memberships.len(), 1);
    let stores = staff.find_related(store::Entity).all(db).await.unwrap();
    assert_eq!(
        stores.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![ath.id]
    );

    // Deleting a parent that still has documents is refused; pure child rows cascade.
    assert!(
        location::Entity::delete_by_id(web.id)
            .exec(db)
            .await
            .is_err(),
        "location with documents deleted"
    );
    stock_count::Entity::delete_by_id(count.id)
        .exec(db)
        .await
        .unwrap();
    let orphan_lines = stock_count_line::Entity::find()
        .filter(stock_count_line::Column::CountId.eq(count.id))
        .count(db)
        .await
        .unwrap();
    assert_eq!(orphan_lines, 0, "count lines not deleted with their count");

    // ---- the ledger writer ----
    ledger(db, web.id, var.id, staff.id).await;
}

/// `post_movement` keeps `stock_levels.on_hand` equal to the sum of the movements.
async fn ledger(db: &DatabaseConnection, loc: i64, var: i64, staff: i64) {
    assert_eq!(
        inventory::level(db, loc, var).await.unwrap(),
        inventory::Level::default()
    );

    let txn = db.begin().await.unwrap();
    let first = inventory::post_movement(
        &txn,
        NewMovement {
            location_id: loc,
            variant_id: var,
            quantity: 10,
            reason: MovementReason::Receipt,
            adjustment_reason: None,
            document: Some((DocumentType::Receipt, 1)),
            staff_user_id: Some(staff),
            note: None,
        },
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    assert_eq!(first.balance_after, 10);
    assert_eq!(first.document_type, Some(DocumentType::Receipt));
    assert_eq!(first.document_id, Some(1));

    let txn = db.begin().await.unwrap();
    let second = inventory::post_movement(
        &txn,
        NewMovement {
            location_id: loc,
            variant_id: var,
            quantity: -3,
            reason: MovementReason::Adjustment,
            adjustment_reason: Some(AdjustmentReason::Damaged),
            document: None,
            staff_user_id: None,
            note: Some("torn".into()),
        },
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    assert_eq!(second.balance_after, 7);
    assert_eq!(second.adjustment_reason, Some(AdjustmentReason::Damaged));
    assert!(second.id > first.id);

    // Zero and overdrawing movements are refused and write nothing.
    let before = movement_count(db).await;
    let zero = inventory::post_movement(db, movement(loc, var, 0)).await;
    assert!(
        matches!(zero, Err(CommerceError::Validation { .. })),
        "{zero:?}"
    );
    let overdraw = inventory::post_movement(db, movement(loc, var, -8)).await;
    assert!(
        matches!(overdraw, Err(CommerceError::InsufficientStock(ref s)) if s.available == 7 && s.requested == 8),
        "{overdraw:?}"
    );
    let none_yet = inventory::post_movement(db, movement(loc + 1000, var, -1)).await;
    assert!(
        matches!(none_yet, Err(CommerceError::InsufficientStock(_))),
        "{none_yet:?}"
    );
    assert_eq!(movement_count(db).await, before);

    // The level equals the sum of its movements, and the last balance.
    let movements = stock_movement::Entity::find()
        .filter(stock_movement::Column::LocationId.eq(loc))
        .filter(stock_movement::Column::VariantId.eq(var))
        .order_by_asc(stock_movement::Column::Id)
        .all(db)
        .await
        .unwrap();
    let sum: i64 = movements.iter().map(|m| m.quantity).sum();
    let level = inventory::level(db, loc, var).await.unwrap();
    let on_hand = level.on_hand;
    assert_eq!((level.on_hand, level.reserved), (7, 0));
    assert_eq!(on_hand, sum);
    assert_eq!(movements.last().map(|m| m.balance_after), Some(on_hand));

    // The database itself refuses a level below zero or below what is reserved, whoever writes.
    for sql in [
        format!("UPDATE stock_levels SET on_hand = -1 WHERE location_id = {loc} AND variant_id = {var}"),
        format!("UPDATE stock_levels SET reserved = on_hand + 1 WHERE location_id = {loc} AND variant_id = {var}"),
    ] {
        let refused = db.execute_unprepared(&sql).await;
        assert!(refused.is_err(), "{sql}");
    }
    let level = inventory::level(db, loc, var).await.unwrap();
    assert_eq!((level.on_hand, level.reserved), (7, 0));
}

fn movement(location_id: i64, variant_id: i64, quantity: i64) -> NewMovement {
    NewMovement {
        location_id,
        variant_id,
        quantity,
        reason: MovementReason::Sale,
        adjustment_reason: None,
        document: None,
        staff_user_id: None,
        note: None,
    }
}

async fn movement_count(db: &DatabaseConnection) -> u64 {
    stock_movement::Entity::find().count(db).await.unwrap()
}

#[tokio::test]
async fn schema_core_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    let db = commerce::db::connect(&url).await.unwrap();
    migrate_down_up(&db).await;
    exercise(&db).await;
    db.close().await.unwrap();
}

#[tokio::test]
async fn schema_core_postgres() {
    if pg_admin_url().is_none() {
        eprintln!("STOA_TEST_PG_URL not set; skipping the PostgreSQL run");
        return;
    }
    // Dropped (with its database) even when an assertion fails.
    let testdb = TestDb::empty(Backend::Postgres).await;
    let url = testdb.url.clone();
    let db = commerce::db::connect(&url).await.unwrap();
    migrate_down_up(&db).await;
    exercise(&db).await;
    db.close().await.unwrap();
}
