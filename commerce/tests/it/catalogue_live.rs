//! The catalogue read model equals a fresh load from the database after random sequences of
//! price changes, (de)activations, renames and stock movements (proptest over the catalogue's
//! admin functions and the stock ledger), on SQLite and PostgreSQL; after the outbox was
//! pruned past it, it reloads. A product page shows what the database holds at that moment.

use commerce::{
    catalog::{
        admin, browse,
        live::{Catalogue, Snapshot},
    },
    entity::{
        enums::{AdjustmentReason, ProductStatus},
        location, outbox, outbox_cursor, product, variant,
    },
    inventory::{adjustments, Actor},
    outbox::PRUNED_CONSUMER,
    test_support::{pg_admin_url, Backend, TestDb},
    CommerceError,
};
use proptest::{prelude::*, test_runner::TestRunner};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

/// One change a shop makes to its catalogue or stock.
#[derive(Clone, Debug)]
enum Edit {
    /// A variant's price, on sale or not.
    Price {
        product: usize,
        variant: usize,
        price: i64,
        on_sale: bool,
    },
    /// A product's status.
    Status { product: usize, status: usize },
    /// A product's name in a locale.
    Rename {
        product: usize,
        locale: usize,
        name: String,
    },
    /// Units found (positive) or damaged (negative) at a location.
    Stock {
        product: usize,
        variant: usize,
        location: usize,
        change: i64,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (
            any::<usize>(),
            any::<usize>(),
            100i64..100_000,
            any::<bool>()
        )
            .prop_map(|(product, variant, price, on_sale)| Edit::Price {
                product,
                variant,
                price,
                on_sale,
            }),
        (any::<usize>(), 0usize..3).prop_map(|(product, status)| Edit::Status { product, status }),
        (any::<usize>(), 0usize..3, "[A-Za-zÀ-ž ]{1,24}").prop_map(|(product, locale, name)| {
            Edit::Rename {
                product,
                locale,
                name,
            }
        }),
        (any::<usize>(), any::<usize>(), any::<usize>(), -40i64..40).prop_map(
            |(product, variant, location, change)| Edit::Stock {
                product,
                variant,
                location,
                change,
            }
        ),
    ]
}

struct Shop {
    db: DatabaseConnection,
    products: Vec<i64>,
    locations: Vec<i64>,
}

impl Shop {
    async fn variants_of(&self, product: i64) -> Vec<i64> {
        variant::Entity::find()
            .filter(variant::Column::ProductId.eq(product))
            .order_by_asc(variant::Column::Id)
            .all(&self.db)
            .await
            .unwrap()
            .into_iter()
            .map(|v| v.id)
            .collect()
    }

    /// Applies `e`; refusals the shop would also refuse (selling more than is available) are
    /// fine and change nothing. Returns the variant whose price changed.
    async fn apply(&self, e: &Edit) -> Option<i64> {
        let pick = |n: usize| self.products[n % self.products.len()];
        match e {
            Edit::Price {
                product,
                variant,
                price,
                on_sale,
            } => {
                let vs = self.variants_of(pick(*product)).await;
                let v = vs[variant % vs.len()];
                let compare = on_sale.then_some(price + 1_000);
                admin::set_variant_price(&self.db, v, *price, compare)
                    .await
                    .unwrap();
                Some(v)
            }
            Edit::Status { product, status } => {
                let status = [
                    ProductStatus::Active,
                    ProductStatus::Draft,
                    ProductStatus::Archived,
                ][*status];
                admin::set_product_status(&self.db, pick(*product), status)
                    .await
                    .unwrap();
                None
            }
            Edit::Rename {
                product,
                locale,
                name,
            } => {
                let locale = ["en", "el", "pl"][*locale];
                match admin::rename_product(&self.db, pick(*product), locale, name).await {
                    Ok(()) | Err(CommerceError::Validation { .. }) => {}
                    Err(e) => panic!("rename: {e}"),
                }
                None
            }
            Edit::Stock {
                product,
                variant,
                location,
                change,
            } => {
                let vs = self.variants_of(pick(*product)).await;
                let input = adjustments::NewAdjustment {
                    location_id: self.locations[location % self.locations.len()],
                    variant_id: vs[variant % vs.len()],
                    change: if *change == 0 { 1 } else { *change },
                    reason: if *change < 0 {
                        AdjustmentReason::Damaged
                    } else {
                        AdjustmentReason::Found
                    },
                    note: None,
                };
                match adjustments::adjust(&self.db, &Actor::system(), input).await {
                    Ok(_) | Err(CommerceError::InsufficientStock(_)) => {}
                    Err(e) => panic!("adjust: {e}"),
                }
                None
            }
        }
    }
}

async fn fresh(db: &DatabaseConnection) -> Snapshot {
    commerce::test_support::catalogue(db).await
}

/// The product page of variant `v` shows its price in the database.
async fn page_shows_the_database_price(db: &DatabaseConnection, live: &Snapshot, v: i64) {
    let row = variant::Entity::find_by_id(v)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let p = product::Entity::find_by_id(row.product_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let Some(shown) = live.product(p.id) else {
        assert!(
            p.status != ProductStatus::Active || !row.active,
            "active product {} missing from the read model",
            p.id
        );
        return;
    };
    let Some(lv) = shown.variants().find(|x| x.id == v) else {
        assert!(!row.active, "active variant {v} missing");
        return;
    };
    // Open the page at exactly that variant, as a shopper following the variant's link would.
    let selection: Vec<(String, String)> = lv
        .values
        .iter()
        .map(|(o, x)| {
            let o = &shown.options[*o as usize];
            (o.code.to_string(), o.values[*x as usize].code.to_string())
        })
        .collect();
    let page = browse::product(db, live, "en", shown.slug(0), &selection)
        .await
        .unwrap();
    if page.variant.id == v {
        assert_eq!(page.variant.price_minor, row.price_minor, "variant {v}");
        assert_eq!(page.variant.compare_at_minor, row.compare_at_minor);
    }
}

async fn shop(backend: Backend) -> Option<(TestDb, Shop)> {
    if backend == Backend::Postgres && pg_admin_url().is_none() {
        eprintln!("STOA_TEST_PG_URL not set; skipping the PostgreSQL run");
        return None;
    }
    let testdb = TestDb::new(backend).await;
    let db = testdb.connect().await;
    demo::load(&db, &testdb.data_dir()).await.unwrap();
    let products: Vec<i64> = product::Entity::find()
        .order_by_asc(product::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .step_by(7)
        .take(24)
        .collect();
    let locations = location::Entity::find()
        .order_by_asc(location::Column::Id)
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| l.id)
        .collect();
    Some((
        testdb,
        Shop {
            db,
            products,
            locations,
        },
    ))
}

fn random_edits_keep_the_read_model_equal_to_the_database(backend: Backend) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let Some((_testdb, shop)) = rt.block_on(shop(backend)) else {
        return;
    };
    let catalogue = rt.block_on(Catalogue::load(&shop.db)).unwrap();
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 10,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(edit(), 1..16), |edits| {
            rt.block_on(async {
                let mut priced = Vec::new();
                for e in &edits {
                    priced.extend(shop.apply(e).await);
                }
                catalogue.sync(&shop.db).await.unwrap();
                let live = catalogue.snapshot();
                let expected = fresh(&shop.db).await;
                if let Some(d) = live.difference(&expected) {
                    panic!("after {edits:?}: {d}");
                }
                for v in priced {
                    page_shows_the_database_price(&shop.db, &live, v).await;
                }
            });
            Ok(())
        })
        .unwrap();

    // The outbox pruned past the read model (an instance away for longer than it is kept):
    // the next sync reloads everything.
    rt.block_on(async {
        let before = catalogue.position().await;
        for e in [
            Edit::Status {
                product: 3,
                status: 1,
            },
            Edit::Price {
                product: 5,
                variant: 0,
                price: 4_200,
                on_sale: false,
            },
        ] {
            shop.apply(&e).await;
        }
        let head = commerce::outbox::head(&shop.db).await.unwrap();
        assert!(head > before);
        outbox::Entity::delete_many().exec(&shop.db).await.unwrap();
        outbox_cursor::Entity::insert(outbox_cursor::ActiveModel {
            consumer: Set(PRUNED_CONSUMER.to_owned()),
            last_id: Set(head),
            updated_at: Set(chrono::Utc::now()),
        })
        .exec_without_returning(&shop.db)
        .await
        .unwrap();
        let applied = catalogue.sync_step(&shop.db).await.unwrap();
        assert!(applied.reloaded, "{applied:?}");
        assert_eq!(catalogue.position().await, head);
        let expected = fresh(&shop.db).await;
        assert_eq!(catalogue.snapshot().difference(&expected), None);
    });
}

#[test]
fn random_edits_keep_the_read_model_equal_to_the_database_sqlite() {
    random_edits_keep_the_read_model_equal_to_the_database(Backend::Sqlite);
}

#[test]
fn random_edits_keep_the_read_model_equal_to_the_database_postgres() {
    random_edits_keep_the_read_model_equal_to_the_database(Backend::Postgres);
}

/// A stock-only change (a sale that leaves units) does not rebuild the listings; a variant
/// selling out changes the product's stock flags, and coming back restores them.
#[tokio::test]
async fn selling_out_flips_the_cards_without_relisting() {
    let Some((_testdb, shop)) = shop(Backend::Sqlite).await else {
        return;
    };
    let catalogue = Catalogue::load(&shop.db).await.unwrap();
    // A product in stock at one location only, with one variant.
    let live = catalogue.snapshot();
    let (pid, vid, loc) = live
        .products
        .values()
        .filter(|p| p.variants().len() == 1)
        .find_map(|p| {
            let v = p.variant(0)?;
            match v.stocked.iter().collect::<Vec<_>>()[..] {
                [only] => Some((p.id, v.id, only)),
                _ => None,
            }
        })
        .expect("a one-variant product stocked at one place");
    let available = commerce::inventory::level(&shop.db, loc, vid)
        .await
        .unwrap()
        .available();
    let remove = |n: i64| adjustments::NewAdjustment {
        location_id: loc,
        variant_id: vid,
        change: -n,
        reason: AdjustmentReason::Damaged,
        note: None,
    };
    if available > 1 {
        adjustments::adjust(&shop.db, &Actor::system(), remove(1))
            .await
            .unwrap();
        catalogue.sync(&shop.db).await.unwrap();
        assert!(
            std::sync::Arc::ptr_eq(&live.derived, &catalogue.snapshot().derived),
            "a sale that leaves units changes no listing"
        );
    }
    let left = commerce::inventory::level(&shop.db, loc, vid)
        .await
        .unwrap()
        .available();
    adjustments::adjust(&shop.db, &Actor::system(), remove(left))
        .await
        .unwrap();
    catalogue.sync(&shop.db).await.unwrap();
    let now = catalogue.snapshot();
    assert!(!now.product(pid).unwrap().in_stock(), "sold out");
    let card = browse::cards(&now, "en", &[pid]);
    assert!(!card[0].in_stock);
    assert_eq!(now.difference(&fresh(&shop.db).await), None);
}
