//! `stoa demo`: loads the demo shop into a fresh SQLite database, checks what a shopper and a
//! clerk would rely on, and checks that loading twice changes nothing.

use std::{
    collections::{HashMap, HashSet},
    time::Instant,
};

use commerce::{
    catalog::barcode::Ean13,
    db,
    entity::{
        category, category_translation, customer, enums::ProductStatus, location, product,
        product_image, product_translation, staff_store_membership, staff_user, stock_level,
        stock_movement, variant,
    },
    staff::password::verify_password,
};
use demo::content;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// Row counts that must not change on a second load.
async fn counts(db: &DatabaseConnection) -> Vec<u64> {
    vec![
        product::Entity::find().count(db).await.unwrap(),
        product_translation::Entity::find().count(db).await.unwrap(),
        variant::Entity::find().count(db).await.unwrap(),
        category::Entity::find().count(db).await.unwrap(),
        location::Entity::find().count(db).await.unwrap(),
        product_image::Entity::find().count(db).await.unwrap(),
        stock_level::Entity::find().count(db).await.unwrap(),
        stock_movement::Entity::find().count(db).await.unwrap(),
        staff_user::Entity::find().count(db).await.unwrap(),
        customer::Entity::find().count(db).await.unwrap(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_shop_loads_once_and_is_complete() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("stoa.db").display());
    let db = db::connect(&url).await.unwrap();
    db::migrate(&db).await.unwrap();
    let data = dir.path().join("data");

    assert!(!demo::is_loaded(&db).await.unwrap());
    let t = Instant::now();
    let report = demo::load(&db, &data).await.unwrap();
    println!("first load: {:?}, {report:?}", t.elapsed());
    assert!(!report.already_loaded);
    assert!(demo::is_loaded(&db).await.unwrap());
    assert_eq!(report.locations, 3);
    assert!(report.products >= 300, "{} products", report.products);
    assert!(report.images_written as u64 >= report.products);

    // Products: enough, active, in at least eight top-level categories.
    let active = product::Entity::find()
        .filter(product::Column::Status.eq(ProductStatus::Active))
        .count(&db)
        .await
        .unwrap();
    assert!(active >= 300, "{active} active products");
    let top = category::Entity::find()
        .filter(category::Column::ParentId.is_null())
        .count(&db)
        .await
        .unwrap();
    assert!(top >= 8, "{top} top-level categories");
    let products = product::Entity::find().all(&db).await.unwrap();
    let used: HashSet<i64> = products.iter().map(|p| p.category_id).collect();
    assert!(used.len() >= 8);

    // Translations in every language, with real accented words.
    let translations = product_translation::Entity::find().all(&db).await.unwrap();
    let mut locales: HashMap<i64, HashSet<String>> = HashMap::new();
    for t in &translations {
        assert!(!t.name.is_empty() && !t.description.is_empty() && !t.slug.is_empty());
        locales
            .entry(t.product_id)
            .or_default()
            .insert(t.locale.clone());
    }
    for p in &products {
        let l = &locales[&p.id];
        assert!(
            ["en", "el", "pl"].iter().all(|c| l.contains(*c)),
            "{}: {l:?}",
            p.slug
        );
    }
    assert!(translations
        .iter()
        .any(|t| t.locale == "pl" && t.name.contains("Żółta kurtka")));
    assert!(translations
        .iter()
        .any(|t| t.locale == "el" && t.name.contains("Κίτρινο αδιάβροχο μπουφάν")));
    let shoes = category_translation::Entity::find()
        .filter(category_translation::Column::Name.eq("Παπούτσια"))
        .one(&db)
        .await
        .unwrap()
        .expect("the Greek shoes category");
    assert_eq!(shoes.locale, "el");
    assert_eq!(shoes.slug, "papoutsia");

    // Variants: unique SKUs and valid, unique barcodes.
    let variants = variant::Entity::find().all(&db).await.unwrap();
    assert_eq!(variants.len() as u64, report.variants);
    let mut skus = HashSet::new();
    let mut barcodes = HashSet::new();
    for v in &variants {
        assert!(skus.insert(v.sku.clone()), "duplicate SKU {}", v.sku);
        let code = v
            .barcode
            .as_deref()
            .expect("every demo variant has a barcode");
        Ean13::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
        assert!(barcodes.insert(code.to_owned()), "duplicate barcode {code}");
        assert!(v.price_minor > 0);
        assert_eq!(v.currency, "EUR");
    }

    // Stock: every level equals the sum of its movements; some states of each kind exist.
    let mut sums: HashMap<(i64, i64), i64> = HashMap::new();
    for m in stock_movement::Entity::find().all(&db).await.unwrap() {
        *sums.entry((m.location_id, m.variant_id)).or_default() += m.quantity;
    }
    let levels = stock_level::Entity::find().all(&db).await.unwrap();
    assert_eq!(levels.len(), sums.len());
    for l in &levels {
        assert_eq!(
            l.on_hand,
            sums[&(l.location_id, l.variant_id)],
            "level of variant {} at location {}",
            l.variant_id,
            l.location_id
        );
        assert!(l.on_hand > 0);
    }
    let locations = location::Entity::find().all(&db).await.unwrap();
    for loc in &locations {
        let stocked = levels.iter().filter(|l| l.location_id == loc.id).count();
        assert!(stocked > 100, "{} has stock", loc.code);
        assert!(
            stocked < variants.len(),
            "{} has sold-out variants",
            loc.code
        );
        let low = levels
            .iter()
            .filter(|l| l.location_id == loc.id && l.on_hand <= 2)
            .count();
        assert!(low > 0, "{} has low stock", loc.code);
    }

    // Images on disk, thumbnails beside them.
    let images = product_image::Entity::find().all(&db).await.unwrap();
    assert!(images.len() >= products.len());
    for img in &images {
        let full = data.join("images").join(&img.path);
        assert!(full.is_file(), "{}", full.display());
        let (stem, ext) = img.path.rsplit_once('.').unwrap();
        let thumb = data.join("images").join(format!("{stem}-thumb.{ext}"));
        assert!(thumb.is_file(), "{}", thumb.display());
    }
    let sample = image::open(data.join("images").join(&images[0].path)).unwrap();
    assert_eq!((sample.width(), sample.height()), (800, 800));

    // Staff: one account per role and store, passwords as printed.
    assert_eq!(report.staff.len(), content::staff().len());
    let users = staff_user::Entity::find().all(&db).await.unwrap();
    let memberships = staff_store_membership::Entity::find()
        .all(&db)
        .await
        .unwrap();
    for account in &report.staff {
        let user = users.iter().find(|u| u.email == account.email).unwrap();
        assert!(verify_password(&account.password, &user.password_hash));
        let n = memberships
            .iter()
            .filter(|m| m.staff_user_id == user.id)
            .count();
        assert_eq!(n, account.stores.len(), "{}", account.email);
    }

    // Second run: nothing changes.
    let before = counts(&db).await;
    let t = Instant::now();
    let again = demo::load(&db, &data).await.unwrap();
    println!("second load: {:?}", t.elapsed());
    assert!(again.already_loaded);
    assert_eq!(again.images_written, 0);
    assert_eq!(again.products, report.products);
    assert_eq!(again.variants, report.variants);
    assert_eq!(counts(&db).await, before);
    // The passwords are kept for the operator, in a file only its owner can read.
    assert_eq!(again.staff, report.staff);
    let file = data.join(demo::ACCOUNTS_FILE);
    assert_eq!(again.accounts_file, file);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }
}

#[tokio::test]
async fn demo_passwords_are_random_and_the_demo_needs_an_empty_shop() {
    let mut passwords = Vec::new();
    for _ in 0..2 {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.path().join("stoa.db").display());
        let db = db::connect(&url).await.unwrap();
        db::migrate(&db).await.unwrap();
        // A shop with a staff account of its own is not filled with demo data…
        commerce::staff::create_staff(
            &db,
            commerce::staff::NewStaff {
                email: "real.owner@example.test".into(),
                password: "a-real-password".into(),
                role: "owner".into(),
                name: None,
                store_codes: vec![],
            },
        )
        .await
        .unwrap();
        let err = demo::load(&db, dir.path()).await.unwrap_err();
        assert!(
            matches!(
                err,
                commerce::CommerceError::Conflict(commerce::error::Conflict::ShopNotEmpty {
                    staff: 1,
                    products: 0
                })
            ) && err.to_string().contains("--force"),
            "{err:?}"
        );
        assert!(!demo::is_loaded(&db).await.unwrap());
        assert!(!dir.path().join(demo::ACCOUNTS_FILE).exists());
        // …unless forced.
        let report = demo::load_with(&db, dir.path(), true).await.unwrap();
        assert!(!report.already_loaded);
        for a in &report.staff {
            assert_eq!(a.password.len(), 14, "{}", a.password);
            assert!(!a.password.contains("demo-2026"));
        }
        let mut set: Vec<&str> = report.staff.iter().map(|a| a.password.as_str()).collect();
        set.sort();
        set.dedup();
        assert_eq!(
            set.len(),
            report.staff.len(),
            "each account its own password"
        );
        passwords.push(report.staff[0].password.clone());
        db.close().await.ok();
    }
    assert_ne!(passwords[0], passwords[1], "drawn anew at each load");
}

/// `stoa demo --products N`: the generated catalogue lands on SQLite and PostgreSQL with its
/// opening stock in the ledger (`stoa check` passes), the read model and a later insert (ids
/// past the generated ones) work, and it is recognised as generated.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_grown_catalogue_is_consistent_on_both_backends() {
    for backend in commerce::test_support::Backend::available() {
        let testdb = commerce::test_support::TestDb::new(backend).await;
        let db = testdb.connect().await;
        demo::load(&db, &testdb.data_dir()).await.unwrap();
        let before = product::Entity::find().count(&db).await.unwrap();
        assert_eq!(demo::bulk::already_generated(&db).await.unwrap(), 0);
        let g = demo::bulk::generate(&db, 300, 7).await.unwrap();
        assert_eq!(g.products, 300);
        assert_eq!(
            product::Entity::find().count(&db).await.unwrap(),
            before + 300
        );
        assert_eq!(demo::bulk::already_generated(&db).await.unwrap(), 300);
        let report = commerce::inventory::check::verify(&db).await.unwrap();
        assert!(
            report.mismatches.is_empty(),
            "{backend:?}: {:?}",
            report.mismatches
        );
        // Roughly 30 % of the generated products are out of stock everywhere, as generated.
        let live = commerce::test_support::catalogue(&db).await;
        let generated: Vec<_> = live
            .products
            .values()
            .filter(|p| {
                p.variants()
                    .any(|v| v.sku.starts_with(demo::bulk::SKU_PREFIX))
            })
            .collect();
        assert!(generated.len() >= 280, "{backend:?}: {}", generated.len());
        let out = generated.iter().filter(|p| !p.in_stock()).count();
        assert!((40..=140).contains(&out), "{backend:?}: {out} out of stock");
        // The id sequences moved past the generated rows.
        let f = commerce::test_support::Fixture::new(&db);
        let vat = f.vat_rate("bulk-test", 2300).await;
        let cat = f.category("bulk-test", None).await;
        let id = f.product(cat, vat, "after-the-generator").await;
        assert!(
            live.products.keys().all(|p| *p < id),
            "{backend:?}: id {id}"
        );
    }
}
