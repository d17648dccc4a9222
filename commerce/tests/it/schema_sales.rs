//! Schema test for migrations 000004_sales and 000005_operations: every table takes a row through
//! its entity, reads it back, and enforces its unique and foreign keys. Runs on a temp SQLite file,
//! and on a fresh PostgreSQL database when `STOA_TEST_PG_URL` is set.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use commerce::entity::enums::{
    CartStatus, CashMovementKind, Channel, EmailStatus, Fulfilment, JobStatus, OrderEventKind,
    OrderStatus, PaymentLinkStatus, PaymentMethod, PaymentState, PaymentStatus, PromotionKind,
    RefundTo, ReturnDisposition, ReturnMethod, ReturnStatus, ShiftStatus,
};
use commerce::entity::{
    cart, cart_line, cash_movement, email, job, order, order_event, order_line, outbox,
    outbox_cursor, payment, payment_link, promotion, refund, register, return_line, return_request,
    setting, shift,
};
use commerce::test_support::{pg_admin_url, Backend, TestDb};
use sea_orm::sea_query::{Alias, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait, NotSet,
    PaginatorTrait, Set,
};
use serde_json::json;

/// A fixed whole-second timestamp, so values survive PostgreSQL's microsecond precision unchanged.
fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
}

/// Inserts one row into `table` with raw (backend-neutral) SQL and returns its `id`.
async fn insert_raw(db: &DatabaseConnection, table: &str, cols: &[(&str, SimpleExpr)]) -> i64 {
    let mut stmt = Query::insert();
    stmt.into_table(Alias::new(table))
        .columns(cols.iter().map(|(c, _)| Alias::new(*c)))
        .values_panic(cols.iter().map(|(_, v)| v.clone()))
        .returning_col(Alias::new("id"));
    let row = db
        .query_one(db.get_database_backend().build(&stmt))
        .await
        .unwrap_or_else(|e| panic!("insert into {table}: {e}"))
        .expect("RETURNING id gave no row");
    row.try_get::<i64>("", "id").unwrap()
}

/// Ids of the parent rows from migrations 000001–000003.
struct Parents {
    variant: i64,
    store: i64,
    location: i64,
    customer: i64,
    staff: i64,
}

async fn insert_parents(db: &DatabaseConnection) -> Parents {
    let now = at(8);
    let vat = insert_raw(
        db,
        "vat_rates",
        &[
            ("code", "standard".into()),
            ("name", "Standard".into()),
            ("rate_bp", 2400.into()),
        ],
    )
    .await;
    let category = insert_raw(
        db,
        "categories",
        &[
            ("slug", "shirts".into()),
            ("position", 0.into()),
            ("created_at", now.into()),
        ],
    )
    .await;
    let product = insert_raw(
        db,
        "products",
        &[
            ("category_id", category.into()),
            ("slug", "linen-shirt".into()),
            ("status", "active".into()),
            ("vat_rate_id", vat.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
        ],
    )
    .await;
    let variant = insert_raw(
        db,
        "variants",
        &[
            ("product_id", product.into()),
            ("sku", "LIN-M-BLU".into()),
            ("price_minor", 4990i64.into()),
            ("currency", "EUR".into()),
            ("position", 0.into()),
            ("active", true.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
        ],
    )
    .await;
    let store = insert_raw(
        db,
        "stores",
        &[
            ("code", "ATH".into()),
            ("name", "Athens".into()),
            ("address_line", "Ermou 1".into()),
            ("city", "Athens".into()),
            ("postal_code", "10563".into()),
            ("country", "GR".into()),
            ("timezone", "Europe/Athens".into()),
            ("pickup_enabled", true.into()),
            ("created_at", now.into()),
        ],
    )
    .await;
    let location = insert_raw(
        db,
        "locations",
        &[
            ("code", "ATH".into()),
            ("name", "Athens store".into()),
            ("kind", "store".into()),
            ("store_id", store.into()),
            ("ships_online", false.into()),
            ("default_low_stock_threshold", 2.into()),
            ("created_at", now.into()),
        ],
    )
    .await;
    let customer = insert_raw(
        db,
        "customers",
        &[
            ("email", "eleni@example.com".into()),
            ("locale", "el".into()),
            ("store_credit_minor", 0i64.into()),
            ("marketing_opt_in", false.into()),
            ("created_at", now.into()),
            ("updated_at", now.into()),
        ],
    )
    .await;
    let staff = insert_raw(
        db,
        "staff_users",
        &[
            ("email", "cashier@example.com".into()),
            ("name", "Nikos".into()),
            ("password_hash", "x".into()),
            ("role", "cashier".into()),
            ("active", true.into()),
            ("created_at", now.into()),
        ],
    )
    .await;
    Parents {
        variant,
        store,
        location,
        customer,
        staff,
    }
}

fn new_order(p: &Parents, number: &str, cart_id: i64, shift_id: i64) -> order::ActiveModel {
    order::ActiveModel {
        id: NotSet,
        number: Set(number.to_owned()),
        channel: Set(Channel::Web),
        fulfilment: Set(Fulfilment::Pickup),
        status: Set(OrderStatus::Pending),
        payment_status: Set(PaymentStatus::Unpaid),
        customer_id: Set(Some(p.customer)),
        email: Set(Some("eleni@example.com".into())),
        phone: Set(Some("+30 210 0000000".into())),
        customer_name: Set(Some("Eleni".into())),
        locale: Set("el".into()),
        currency: Set("EUR".into()),
        store_id: Set(Some(p.store)),
        location_id: Set(Some(p.location)),
        cart_id: Set(Some(cart_id)),
        staff_user_id: Set(Some(p.staff)),
        shift_id: Set(Some(shift_id)),
        subtotal_minor: Set(9980),
        discount_minor: Set(998),
        shipping_minor: Set(0),
        vat_minor: Set(1739),
        total_minor: Set(8982),
        promotion_code: Set(Some("WELCOME10".into())),
        shipping_address: Set(Some(json!({"line1": "Ermou 1", "city": "Athens"}))),
        access_token: Set(format!("tok-{number}")),
        pickup_code: Set(Some("4821".into())),
        pickup_expires_at: Set(Some(at(20))),
        note: Set(Some("gift wrap".into())),
        placed_at: Set(Some(at(9))),
        handed_over_at: Set(None),
        created_at: Set(at(9)),
        updated_at: Set(at(9)),
    }
}

/// Inserts and checks one row in every sales and operations table.
async fn exercise(db: &DatabaseConnection) {
    commerce::db::migrate(db).await.expect("migrations run");
    let p = insert_parents(db).await;

    // promotions (defaults fill used_count and active)
    let promo = promotion::ActiveModel {
        code: Set(Some("WELCOME10".into())),
        name: Set("Welcome".into()),
        kind: Set(PromotionKind::Percent),
        value: Set(1000),
        min_subtotal_minor: Set(Some(2000)),
        starts_at: Set(Some(at(0))),
        ends_at: Set(None),
        usage_limit: Set(Some(100)),
        created_at: Set(at(1)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(promo.used_count, 0);
    assert!(promo.active);
    assert_eq!(
        promotion::Entity::find_by_id(promo.id)
            .one(db)
            .await
            .unwrap(),
        Some(promo.clone())
    );
    // An automatic promotion has no code; several may exist.
    for name in ["Auto A", "Auto B"] {
        promotion::ActiveModel {
            code: Set(None),
            name: Set(name.into()),
            kind: Set(PromotionKind::FixedAmount),
            value: Set(500),
            created_at: Set(at(1)),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }

    // carts and cart_lines
    let cart = cart::ActiveModel {
        token: Set("secret-token-1".into()),
        code: Set("K7Q2".into()),
        customer_id: Set(Some(p.customer)),
        channel: Set(Channel::Web),
        status: Set(CartStatus::Open),
        currency: Set("EUR".into()),
        locale: Set("el".into()),
        promotion_code: Set(Some("WELCOME10".into())),
        created_at: Set(at(8)),
        updated_at: Set(at(8)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let line = cart_line::ActiveModel {
        cart_id: Set(cart.id),
        variant_id: Set(p.variant),
        quantity: Set(2),
        created_at: Set(at(8)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        cart.find_related(cart_line::Entity).all(db).await.unwrap(),
        [line]
    );
    let dup_line = cart_line::ActiveModel {
        cart_id: Set(cart.id),
        variant_id: Set(p.variant),
        quantity: Set(1),
        created_at: Set(at(8)),
        ..Default::default()
    };
    assert!(
        dup_line.insert(db).await.is_err(),
        "unique(cart_id, variant_id)"
    );
    let dup_code = cart::ActiveModel {
        token: Set("secret-token-2".into()),
        code: Set("K7Q2".into()),
        channel: Set(Channel::Pos),
        status: Set(CartStatus::Open),
        currency: Set("EUR".into()),
        locale: Set("en".into()),
        created_at: Set(at(8)),
        updated_at: Set(at(8)),
        ..Default::default()
    };
    assert!(dup_code.insert(db).await.is_err(), "carts.code is unique");
    let bad_fk = cart_line::ActiveModel {
        cart_id: Set(cart.id),
        variant_id: Set(p.variant + 1000),
        quantity: Set(1),
        created_at: Set(at(8)),
        ..Default::default()
    };
    assert!(
        bad_fk.insert(db).await.is_err(),
        "cart_lines.variant_id is a foreign key"
    );

    // registers, shifts, cash_movements
    let reg = register::ActiveModel {
        store_id: Set(p.store),
        name: Set("Till 1".into()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let dup_reg = register::ActiveModel {
        store_id: Set(p.store),
        name: Set("Till 1".into()),
        ..Default::default()
    };
    assert!(dup_reg.insert(db).await.is_err(), "unique(store_id, name)");
    let sh = shift::ActiveModel {
        register_id: Set(reg.id),
        staff_user_id: Set(p.staff),
        status: Set(ShiftStatus::Open),
        opening_float_minor: Set(10_000),
        expected_cash_minor: Set(None),
        counted_cash_minor: Set(None),
        difference_minor: Set(None),
        opened_at: Set(at(8)),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        shift::Entity::find_by_id(sh.id).one(db).await.unwrap(),
        Some(sh.clone())
    );
    let cash = cash_movement::ActiveModel {
        shift_id: Set(sh.id),
        kind: Set(CashMovementKind::CashOut),
        amount_minor: Set(-2_000),
        note: Set(Some("bank deposit".into())),
        staff_user_id: Set(Some(p.staff)),
        created_at: Set(at(12)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        sh.find_related(cash_movement::Entity)
            .all(db)
            .await
            .unwrap(),
        [cash]
    );
    assert_eq!(reg.find_related(shift::Entity).count(db).await.unwrap(), 1);

    // orders, order_lines, order_events
    let ord = new_order(&p, "A-1001", cart.id, sh.id)
        .insert(db)
        .await
        .unwrap();
    let found = order::Entity::find_by_id(ord.id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, ord);
    assert_eq!(found.status, OrderStatus::Pending);
    assert_eq!(
        found.shipping_address,
        Some(json!({"line1": "Ermou 1", "city": "Athens"}))
    );
    assert!(
        new_order(&p, "A-1001", cart.id, sh.id)
            .insert(db)
            .await
            .is_err(),
        "orders.number is unique"
    );
    let ol = order_line::ActiveModel {
        order_id: Set(ord.id),
        variant_id: Set(Some(p.variant)),
        sku: Set("LIN-M-BLU".into()),
        name: Set("Λινό πουκάμισο".into()),
        variant_label: Set("M / Blue".into()),
        quantity: Set(2),
        unit_price_minor: Set(4990),
        discount_minor: Set(998),
        vat_rate_bp: Set(2400),
        vat_minor: Set(1739),
        total_minor: Set(8982),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(ol.quantity_returned, 0, "quantity_returned defaults to 0");
    assert_eq!(ol.name, "Λινό πουκάμισο");
    let ev = order_event::ActiveModel {
        order_id: Set(ord.id),
        kind: Set(OrderEventKind::StatusChanged),
        from_status: Set(Some(OrderStatus::Pending)),
        to_status: Set(Some(OrderStatus::Confirmed)),
        message: Set(Some("confirmed".into())),
        data: Set(Some(json!({"by": "test"}))),
        staff_user_id: Set(Some(p.staff)),
        created_at: Set(at(10)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        ord.find_related(order_line::Entity).all(db).await.unwrap(),
        std::slice::from_ref(&ol)
    );
    assert_eq!(
        ord.find_related(order_event::Entity).all(db).await.unwrap(),
        [ev]
    );

    // payments
    let pay = payment::ActiveModel {
        order_id: Set(ord.id),
        method: Set(PaymentMethod::Cash),
        status: Set(PaymentState::Succeeded),
        amount_minor: Set(8982),
        currency: Set("EUR".into()),
        provider: Set(None),
        provider_ref: Set(None),
        idempotency_key: Set(Some("idem-1".into())),
        tendered_minor: Set(Some(10_000)),
        change_minor: Set(Some(1018)),
        shift_id: Set(Some(sh.id)),
        staff_user_id: Set(Some(p.staff)),
        created_at: Set(at(11)),
        updated_at: Set(at(11)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let mut again: payment::ActiveModel = pay.clone().into();
    again.id = NotSet;
    assert!(
        again.clone().insert(db).await.is_err(),
        "payments.idempotency_key is unique"
    );
    // Several payments without a key are fine (NULLs are distinct).
    again.idempotency_key = Set(None);
    let keyless_a = again.clone().insert(db).await.unwrap();
    let keyless_b = again.insert(db).await.unwrap();
    assert_ne!(keyless_a.id, keyless_b.id);
    assert_eq!(
        ord.find_related(payment::Entity).count(db).await.unwrap(),
        3
    );

    // returns, return_lines
    let ret = return_request::ActiveModel {
        rma_code: Set("R-7F3K".into()),
        order_id: Set(ord.id),
        status: Set(ReturnStatus::Booked),
        method: Set(ReturnMethod::DropOff),
        store_id: Set(Some(p.store)),
        drop_off_on: Set(Some(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap())),
        reason: Set(Some("too small".into())),
        refund_to: Set(RefundTo::StoreCredit),
        booked_by_customer: Set(true),
        staff_user_id: Set(None),
        received_at: Set(None),
        created_at: Set(at(13)),
        updated_at: Set(at(13)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        return_request::Entity::find_by_id(ret.id)
            .one(db)
            .await
            .unwrap(),
        Some(ret.clone())
    );
    let mut dup_rma: return_request::ActiveModel = ret.clone().into();
    dup_rma.id = NotSet;
    assert!(
        dup_rma.insert(db).await.is_err(),
        "returns.rma_code is unique"
    );
    let rl = return_line::ActiveModel {
        return_id: Set(ret.id),
        order_line_id: Set(ol.id),
        quantity: Set(1),
        reason: Set(None),
        disposition: Set(ReturnDisposition::Restock),
        restock_location_id: Set(Some(p.location)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        ret.find_related(return_line::Entity).all(db).await.unwrap(),
        std::slice::from_ref(&rl)
    );
    assert_eq!(
        ol.find_related(return_line::Entity).all(db).await.unwrap(),
        [rl]
    );

    // refunds
    let rf = refund::ActiveModel {
        order_id: Set(ord.id),
        payment_id: Set(Some(pay.id)),
        return_id: Set(Some(ret.id)),
        method: Set(PaymentMethod::StoreCredit),
        status: Set(PaymentState::Succeeded),
        amount_minor: Set(4491),
        currency: Set("EUR".into()),
        provider_ref: Set(None),
        reason: Set(Some("return R-7F3K".into())),
        staff_user_id: Set(Some(p.staff)),
        shift_id: Set(Some(sh.id)),
        created_at: Set(at(14)),
        updated_at: Set(at(14)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        ord.find_related(refund::Entity).all(db).await.unwrap(),
        std::slice::from_ref(&rf)
    );
    assert_eq!(
        ret.find_related(refund::Entity).all(db).await.unwrap(),
        [rf]
    );
    assert_eq!(
        ord.find_related(return_request::Entity)
            .count(db)
            .await
            .unwrap(),
        1
    );

    // payment_links
    let link = payment_link::ActiveModel {
        token: Set("pay-token-1".into()),
        cart_id: Set(cart.id),
        order_id: Set(Some(ord.id)),
        status: Set(PaymentLinkStatus::Paid),
        email: Set(Some("eleni@example.com".into())),
        phone: Set(None),
        customer_name: Set(Some("Eleni".into())),
        fulfilment: Set(Fulfilment::Delivery),
        store_id: Set(None),
        expires_at: Set(at(23)),
        created_by: Set(Some(p.staff)),
        created_at: Set(at(8)),
        updated_at: Set(at(9)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        payment_link::Entity::find_by_id(link.id)
            .one(db)
            .await
            .unwrap(),
        Some(link.clone())
    );
    let mut dup_link: payment_link::ActiveModel = link.into();
    dup_link.id = NotSet;
    assert!(
        dup_link.insert(db).await.is_err(),
        "payment_links.token is unique"
    );

    // Documents protect their parents (RESTRICT).
    assert!(
        order::Entity::delete_by_id(ord.id).exec(db).await.is_err(),
        "an order with payments cannot be deleted"
    );

    // settings, outbox, outbox_cursors
    let s = setting::ActiveModel {
        key: Set("return_window_days".into()),
        value: Set(json!(14)),
        updated_at: Set(at(1)),
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(
        setting::Entity::find_by_id("return_window_days".to_owned())
            .one(db)
            .await
            .unwrap(),
        Some(s.clone())
    );
    assert!(
        setting::ActiveModel::from(s).insert(db).await.is_err(),
        "settings.key is the primary key"
    );
    let first = outbox::ActiveModel {
        topic: Set("product_changed".into()),
        payload: Set(json!({"product_id": 1})),
        created_at: Set(at(2)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    let second = outbox::ActiveModel {
        topic: Set("stock_changed".into()),
        payload: Set(json!({"variant_id": p.variant})),
        created_at: Set(at(2)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert!(second.id > first.id, "outbox ids increase");
    let cursor = outbox_cursor::ActiveModel {
        consumer: Set("search-index@host-a".into()),
        last_id: NotSet,
        updated_at: Set(at(2)),
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(cursor.last_id, 0, "last_id defaults to 0");

    // jobs
    let j = job::ActiveModel {
        kind: Set("expire_reservations".into()),
        payload: Set(json!({})),
        status: Set(JobStatus::Queued),
        run_at: Set(at(3)),
        max_attempts: Set(5),
        last_error: Set(None),
        locked_by: Set(None),
        locked_until: Set(None),
        unique_key: Set(Some("expire_reservations".into())),
        created_at: Set(at(3)),
        updated_at: Set(at(3)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(j.attempts, 0, "attempts defaults to 0");
    assert_eq!(
        job::Entity::find_by_id(j.id).one(db).await.unwrap(),
        Some(j.clone())
    );
    let mut dup_job: job::ActiveModel = j.into();
    dup_job.id = NotSet;
    assert!(
        dup_job.insert(db).await.is_err(),
        "jobs.unique_key is unique"
    );

    // emails
    let m = email::ActiveModel {
        to_address: Set("eleni@example.com".into()),
        subject: Set("Your order A-1001".into()),
        body_text: Set("Thank you.".into()),
        body_html: Set(Some("<p>Thank you.</p>".into())),
        status: Set(EmailStatus::Held),
        last_error: Set(None),
        order_id: Set(Some(ord.id)),
        created_at: Set(at(9)),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    assert_eq!(m.attempts, 0);
    assert_eq!(
        email::Entity::find_by_id(m.id).one(db).await.unwrap(),
        Some(m)
    );

    // A cart's lines go with it (CASCADE); here on a cart no document points at.
    let spare = cart::ActiveModel {
        token: Set("secret-token-3".into()),
        code: Set("Z9X1".into()),
        channel: Set(Channel::Pos),
        status: Set(CartStatus::Abandoned),
        currency: Set("EUR".into()),
        locale: Set("en".into()),
        created_at: Set(at(8)),
        updated_at: Set(at(8)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    cart_line::ActiveModel {
        cart_id: Set(spare.id),
        variant_id: Set(p.variant),
        quantity: Set(1),
        created_at: Set(at(8)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    spare.clone().delete(db).await.unwrap();
    assert_eq!(
        spare
            .find_related(cart_line::Entity)
            .count(db)
            .await
            .unwrap(),
        0
    );

    // down() of 000006, 000005 and 000004 drops their tables (children first), and up()
    // recreates them.
    use migrations::{MigratorTrait, SchemaManager};
    migrations::Migrator::down(db, Some(3))
        .await
        .expect("migrations 000006, 000005, 000004 revert");
    let manager = SchemaManager::new(db);
    for table in [
        "promotions",
        "orders",
        "payment_links",
        "outbox",
        "emails",
        "sign_in_throttles",
    ] {
        assert!(!manager.has_table(table).await.unwrap(), "{table} dropped");
    }
    assert!(
        manager.has_table("variants").await.unwrap(),
        "earlier tables stay"
    );
    commerce::db::migrate(db).await.expect("migrations re-run");
    assert_eq!(order::Entity::find().count(db).await.unwrap(), 0);
}

#[tokio::test]
async fn sales_and_operations_tables_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/t.db", dir.path().display());
    let db = commerce::db::connect(&url).await.unwrap();
    exercise(&db).await;
    db.close().await.unwrap();
}

#[tokio::test]
async fn sales_and_operations_tables_on_postgres() {
    if pg_admin_url().is_none() {
        eprintln!("STOA_TEST_PG_URL not set; skipping the PostgreSQL run");
        return;
    }
    // Dropped (with its database) even when an assertion fails.
    let testdb = TestDb::empty(Backend::Postgres).await;
    let url = testdb.url.clone();
    let db = commerce::db::connect(&url).await.unwrap();
    exercise(&db).await;
    db.close().await.unwrap();
}

#[test]
fn database_name_is_replaced_in_urls() {
    assert_eq!(
        commerce::db::with_database("postgres://postgres@127.0.0.1:5432/test", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        commerce::db::with_database("postgres://u:p@h/db?sslmode=disable", "x"),
        "postgres://u:p@h/x?sslmode=disable"
    );
    assert_eq!(
        commerce::db::with_database("postgres://h:5432", "x"),
        "postgres://h:5432/x"
    );
}
