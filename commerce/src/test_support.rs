//! Test support shared by commerce's tests, the server's tests and the benchmarks (feature
//! `test-support`): a fresh database on SQLite or PostgreSQL that cleans itself up
//! ([`TestDb`]), the rows of a test shop ([`Fixture`]), the "refused and nothing written" check
//! ([`refused!`](crate::refused), [`snapshot`]) and the ledger check ([`verify_clean`]).
//!
//! ```no_run
//! # async fn t() {
//! use commerce::test_support::{Backend, TestDb};
//! for backend in Backend::available() {
//!     let db = TestDb::new(backend).await; // migrated; dropped with `db`
//!     let conn = db.connect().await;
//!     // …
//! }
//! # }
//! ```

use std::path::{Path, PathBuf};

use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryOrder,
};

use crate::entity::{
    enums::{CountStatus, ReservationStatus, TransferStatus},
    outbox, stock_count, stock_count_line, stock_level, stock_movement, stock_receipt,
    stock_receipt_line, stock_reservation, stock_transfer, stock_transfer_line,
};

/// The environment variable naming a PostgreSQL server to test on (an admin URL such as
/// `postgres://postgres@127.0.0.1:5432/test`); unset, tests run on SQLite only.
pub const PG_URL_VAR: &str = "STOA_TEST_PG_URL";

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// A SQLite file in a temporary folder.
    Sqlite,
    /// A fresh database on the server in [`PG_URL_VAR`].
    Postgres,
}

impl Backend {
    /// SQLite always, PostgreSQL too when [`PG_URL_VAR`] is set.
    pub fn available() -> Vec<Backend> {
        let mut v = vec![Backend::Sqlite];
        if pg_admin_url().is_some() {
            v.push(Backend::Postgres);
        }
        v
    }
}

/// The admin URL in [`PG_URL_VAR`], if set and not empty.
pub fn pg_admin_url() -> Option<String> {
    std::env::var(PG_URL_VAR).ok().filter(|u| !u.is_empty())
}

/// A fresh, migrated database and a data folder beside it. Dropping it drops the PostgreSQL
/// database (even when the test panicked); the SQLite file goes with the temporary folder.
pub struct TestDb {
    /// The connection URL.
    pub url: String,
    /// Which backend.
    pub backend: Backend,
    dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// A fresh migrated database on `backend`.
    ///
    /// # Panics
    /// When the database cannot be created or migrated (a broken test environment).
    pub async fn new(backend: Backend) -> TestDb {
        Self::empty(backend).await.migrated().await
    }

    async fn migrated(self) -> TestDb {
        let conn = self.connect().await;
        crate::db::migrate(&conn)
            .await
            .expect("migrate the test database");
        conn.close().await.ok();
        self
    }

    /// A fresh database on `backend` with no tables (for migration tests).
    ///
    /// # Panics
    /// When the database cannot be created.
    pub async fn empty(backend: Backend) -> TestDb {
        let dir = tempfile::tempdir().expect("temporary folder");
        match backend {
            Backend::Sqlite => TestDb {
                url: format!("sqlite://{}?mode=rwc", dir.path().join("stoa.db").display()),
                backend,
                dir,
                pg: None,
            },
            Backend::Postgres => {
                Self::empty_postgres_at(&pg_admin_url().expect("STOA_TEST_PG_URL is set")).await
            }
        }
    }

    /// A fresh, migrated PostgreSQL database on the server at `admin_url` (the benchmarks take
    /// the server on their command line).
    ///
    /// # Panics
    /// When the database cannot be created or migrated.
    pub async fn postgres_at(admin_url: &str) -> TestDb {
        Self::empty_postgres_at(admin_url).await.migrated().await
    }

    async fn empty_postgres_at(admin_url: &str) -> TestDb {
        let dir = tempfile::tempdir().expect("temporary folder");
        let admin = crate::db::connect(admin_url)
            .await
            .expect("connect to the PostgreSQL server");
        let name = format!("stoa_test_{:016x}", rand::random::<u64>());
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create the test database");
        admin.close().await.ok();
        TestDb {
            url: crate::db::with_database(admin_url, &name),
            backend: Backend::Postgres,
            dir,
            pg: Some((admin_url.to_owned(), name)),
        }
    }

    /// A new connection to the database.
    ///
    /// # Panics
    /// When it cannot connect.
    pub async fn connect(&self) -> DatabaseConnection {
        crate::db::connect(&self.url)
            .await
            .expect("connect to the test database")
    }

    /// The data folder beside the database (images, search index, demo accounts).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// The data folder, borrowed.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.pg.take() else {
            return;
        };
        // Drop may run inside a runtime (or while unwinding from a panic in one): do the async
        // clean-up on a thread of its own with its own small runtime, and wait for it.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                if let Ok(admin) = crate::db::connect(&admin_url).await {
                    let _ = admin
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                    admin.close().await.ok();
                }
            });
        })
        .join();
    }
}

/// Asserts that `stoa check` finds the stock ledger consistent (levels equal their movements,
/// reservations their holds…).
///
/// # Panics
/// Naming the mismatches when it does not.
pub async fn verify_clean(db: &DatabaseConnection) {
    let report = crate::inventory::check::verify(db).await.expect("verify");
    assert!(
        report.mismatches.is_empty(),
        "ledger mismatches: {:#?}",
        report.mismatches
    );
}

/// What a refused operation must not change: every stock table and the outbox.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    /// `levels`.
    pub levels: Vec<(i64, i64, i64, i64)>,
    /// `movements`.
    pub movements: u64,
    /// `reservations`.
    pub reservations: Vec<(i64, i64, ReservationStatus)>,
    /// `receipts`.
    pub receipts: u64,
    /// `receipt_lines`.
    pub receipt_lines: u64,
    /// `transfers`.
    pub transfers: Vec<(i64, TransferStatus, bool, bool)>,
    /// `transfer_lines`.
    pub transfer_lines: Vec<(i64, i64, Option<i64>)>,
    /// `counts`.
    pub counts: Vec<(i64, CountStatus, bool)>,
    /// `count_lines`.
    pub count_lines: Vec<(i64, i64, Option<i64>)>,
    /// `outbox`.
    pub outbox: u64,
}

/// The [`Snapshot`] of the database now.
///
/// # Panics
/// On a database error.
pub async fn snapshot(db: &DatabaseConnection) -> Snapshot {
    Snapshot {
        levels: stock_level::Entity::find()
            .order_by_asc(stock_level::Column::LocationId)
            .order_by_asc(stock_level::Column::VariantId)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| (l.location_id, l.variant_id, l.on_hand, l.reserved))
            .collect(),
        movements: stock_movement::Entity::find().count(db).await.unwrap(),
        reservations: stock_reservation::Entity::find()
            .order_by_asc(stock_reservation::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|r| (r.id, r.quantity, r.status))
            .collect(),
        receipts: stock_receipt::Entity::find().count(db).await.unwrap(),
        receipt_lines: stock_receipt_line::Entity::find().count(db).await.unwrap(),
        transfers: stock_transfer::Entity::find()
            .order_by_asc(stock_transfer::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|t| (t.id, t.status, t.sent_at.is_some(), t.received_at.is_some()))
            .collect(),
        transfer_lines: stock_transfer_line::Entity::find()
            .order_by_asc(stock_transfer_line::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| (l.id, l.quantity_sent, l.quantity_received))
            .collect(),
        counts: stock_count::Entity::find()
            .order_by_asc(stock_count::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.id, c.status, c.posted_at.is_some()))
            .collect(),
        count_lines: stock_count_line::Entity::find()
            .order_by_asc(stock_count_line::Column::Id)
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| (l.id, l.expected, l.counted))
            .collect(),
        outbox: outbox::Entity::find().count(db).await.unwrap(),
    }
}

/// Runs `$call` (a future), expects it to fail, checks that nothing was written (the
/// [`test_support::snapshot`](crate::test_support::snapshot) before and after are equal), and
/// gives the error.
#[macro_export]
macro_rules! refused {
    ($db:expr, $call:expr) => {{
        let before = $crate::test_support::snapshot($db).await;
        let err = match $call.await {
            Ok(v) => panic!("{} succeeded: {v:?}", stringify!($call)),
            Err(e) => e,
        };
        assert_eq!(
            $crate::test_support::snapshot($db).await,
            before,
            "{} failed with {err:?} but wrote something",
            stringify!($call)
        );
        err
    }};
}

/// Rows for a test shop with sensible defaults: each method inserts one row and returns its id,
/// so a test names only what it is about. Failing inserts panic (with what was being inserted):
/// a fixture that cannot be built is a broken test, not a case to handle.
///
/// ```no_run
/// # async fn t(db: &sea_orm::DatabaseConnection) {
/// use commerce::test_support::Fixture;
/// let f = Fixture::new(db);
/// let vat = f.vat_rate("standard", 2400).await;
/// let shoes = f.category("shoes", None).await;
/// let shoe = f.product(shoes, vat, "running-shoe").await;
/// let size_42 = f.variant(shoe, "SHOE-42").await;
/// let web = f.location("WEB", None, 3).await;
/// # }
/// ```
pub struct Fixture<'a, C> {
    db: &'a C,
    now: chrono::DateTime<chrono::Utc>,
}

impl<'a, C: ConnectionTrait> Fixture<'a, C> {
    /// Inserts through `db` (a connection or a transaction).
    pub fn new(db: &'a C) -> Self {
        Fixture {
            db,
            now: chrono::Utc::now(),
        }
    }

    /// A VAT rate (`rate_bp` in basis points: 2400 = 24 %).
    pub async fn vat_rate(&self, code: &str, rate_bp: i32) -> i64 {
        crate::entity::vat_rate::ActiveModel {
            code: Set(code.into()),
            name: Set(code.into()),
            rate_bp: Set(rate_bp),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: VAT rate {code}: {e}"))
        .id
    }

    /// A category under `parent` (a top-level one without).
    pub async fn category(&self, slug: &str, parent: Option<i64>) -> i64 {
        crate::entity::category::ActiveModel {
            parent_id: Set(parent),
            slug: Set(slug.into()),
            position: Set(0),
            created_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: category {slug}: {e}"))
        .id
    }

    /// A category's name and slug in `locale`.
    pub async fn category_name(&self, category_id: i64, locale: &str, name: &str, slug: &str) {
        crate::entity::category_translation::ActiveModel {
            category_id: Set(category_id),
            locale: Set(locale.into()),
            name: Set(name.into()),
            slug: Set(slug.into()),
            description: Set(String::new()),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: category name {name}: {e}"));
    }

    /// An active product in `category_id`, without a brand.
    pub async fn product(&self, category_id: i64, vat_rate_id: i64, slug: &str) -> i64 {
        crate::entity::product::ActiveModel {
            category_id: Set(category_id),
            slug: Set(slug.into()),
            status: Set(crate::entity::enums::ProductStatus::Active),
            vat_rate_id: Set(vat_rate_id),
            brand: Set(None),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: product {slug}: {e}"))
        .id
    }

    /// A product's name and slug in `locale`.
    pub async fn product_name(&self, product_id: i64, locale: &str, name: &str, slug: &str) {
        crate::entity::product_translation::ActiveModel {
            product_id: Set(product_id),
            locale: Set(locale.into()),
            name: Set(name.into()),
            slug: Set(slug.into()),
            description: Set(String::new()),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: product name {name}: {e}"));
    }

    /// An active variant at 10.00 EUR without a barcode.
    pub async fn variant(&self, product_id: i64, sku: &str) -> i64 {
        self.variant_with(product_id, sku, None, 1_000, true).await
    }

    /// A variant with its barcode, price (minor units, EUR) and whether it is sold.
    pub async fn variant_with(
        &self,
        product_id: i64,
        sku: &str,
        barcode: Option<&str>,
        price_minor: i64,
        active: bool,
    ) -> i64 {
        crate::entity::variant::ActiveModel {
            product_id: Set(product_id),
            sku: Set(sku.into()),
            barcode: Set(barcode.map(str::to_owned)),
            price_minor: Set(price_minor),
            compare_at_minor: Set(None),
            currency: Set("EUR".into()),
            position: Set(0),
            weight_grams: Set(None),
            low_stock_threshold: Set(None),
            active: Set(active),
            created_at: Set(self.now),
            updated_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: variant {sku}: {e}"))
        .id
    }

    /// A store in `city` with pickup on.
    pub async fn store(&self, code: &str, city: &str) -> i64 {
        crate::entity::store::ActiveModel {
            code: Set(code.into()),
            name: Set(city.into()),
            address_line: Set("Main street 1".into()),
            city: Set(city.into()),
            postal_code: Set("10000".into()),
            country: Set("GR".into()),
            phone: Set(None),
            timezone: Set("Europe/Athens".into()),
            opening_hours: Set(None),
            pickup_enabled: Set(true),
            created_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: store {code}: {e}"))
        .id
    }

    /// A stock location named `{code} stock`: a store's stock room when `store_id` is given,
    /// else a warehouse that ships online orders; `threshold` is its default low-stock threshold.
    pub async fn location(&self, code: &str, store_id: Option<i64>, threshold: i32) -> i64 {
        use crate::entity::enums::LocationKind;
        crate::entity::location::ActiveModel {
            code: Set(code.into()),
            name: Set(format!("{code} stock")),
            kind: Set(if store_id.is_some() {
                LocationKind::Store
            } else {
                LocationKind::Warehouse
            }),
            store_id: Set(store_id),
            ships_online: Set(store_id.is_none()),
            default_low_stock_threshold: Set(threshold),
            created_at: Set(self.now),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: location {code}: {e}"))
        .id
    }

    /// An active staff account that cannot sign in (its password hash is not a hash).
    pub async fn staff(
        &self,
        email: &str,
        name: &str,
        role: crate::entity::enums::StaffRole,
    ) -> i64 {
        crate::entity::staff_user::ActiveModel {
            email: Set(email.into()),
            name: Set(name.into()),
            password_hash: Set("not-a-hash".into()),
            role: Set(role),
            active: Set(true),
            created_at: Set(self.now),
            last_sign_in_at: Set(None),
            ..Default::default()
        }
        .insert(self.db)
        .await
        .unwrap_or_else(|e| panic!("fixture: staff {email}: {e}"))
        .id
    }
}

/// The catalogue read model freshly loaded from `db`: what a newly started instance would show.
pub async fn catalogue(db: &DatabaseConnection) -> crate::catalog::live::Snapshot {
    let loaded = crate::catalog::live::Catalogue::load(db)
        .await
        .expect("load the catalogue");
    std::sync::Arc::unwrap_or_clone(loaded.snapshot())
}
