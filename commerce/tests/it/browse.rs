//! The shop's read models over the demo catalogue: languages, fallbacks, sorting, paging and the
//! variant picker.

use commerce::catalog::browse;
use commerce::entity::{product_option, product_translation, variant};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

async fn demo_db() -> (tempfile::TempDir, sea_orm::DatabaseConnection) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("t.db").display());
    let db = commerce::db::connect(&url).await.unwrap();
    commerce::db::migrate(&db).await.unwrap();
    demo::load(&db, dir.path()).await.unwrap();
    (dir, db)
}

#[tokio::test]
async fn browse_the_demo_catalogue() {
    let (_dir, db) = demo_db().await;

    // Home: at least 8 top categories with counts that add up to the active products.
    let home = browse::home(&commerce::test_support::catalogue(&db).await, "el");
    assert!(home.categories.len() >= 8);
    assert!(home.categories.iter().any(|c| c.name == "Παπούτσια"));
    let total: u64 = home.categories.iter().map(|c| c.product_count).sum();
    assert!(total >= 300, "{total}");
    assert_eq!(home.new_arrivals.len(), 8);
    assert!(home.featured.iter().all(|p| p.compare_at_minor.is_some()));

    // Category: sorting by price really sorts; pages are clamped.
    let shoes = home
        .categories
        .iter()
        .find(|c| c.name == "Παπούτσια")
        .unwrap();
    let asc = browse::category(
        &commerce::test_support::catalogue(&db).await,
        "el",
        &shoes.slug,
        1,
        "price_asc",
    )
    .unwrap();
    assert!(asc
        .products
        .windows(2)
        .all(|w| w[0].price_minor <= w[1].price_minor));
    assert_eq!(asc.total, shoes.product_count);
    let desc = browse::category(
        &commerce::test_support::catalogue(&db).await,
        "el",
        &shoes.slug,
        1,
        "price_desc",
    )
    .unwrap();
    assert!(desc
        .products
        .windows(2)
        .all(|w| w[0].price_minor >= w[1].price_minor));
    let last = browse::category(
        &commerce::test_support::catalogue(&db).await,
        "el",
        &shoes.slug,
        10_000,
        "bogus",
    )
    .unwrap();
    assert_eq!(last.page, last.pages);
    assert_eq!(last.sort, "newest");
    assert!(!last.products.is_empty());

    // An English slug opens the Greek page too (shared links keep working).
    let en = browse::top_categories(&commerce::test_support::catalogue(&db).await, "en");
    let first_en = &en[0];
    let via_en_slug = browse::category(
        &commerce::test_support::catalogue(&db).await,
        "el",
        &first_en.slug,
        1,
        "newest",
    )
    .unwrap();
    assert_ne!(via_en_slug.category.slug, first_en.slug, "named in Greek");

    // Unknown slugs are NotFound, not errors.
    assert!(matches!(
        browse::category(
            &commerce::test_support::catalogue(&db).await,
            "en",
            "nope",
            1,
            "newest"
        ),
        Err(commerce::CommerceError::NotFound(_))
    ));
    assert!(matches!(
        browse::product(
            &db,
            &commerce::test_support::catalogue(&db).await,
            "en",
            "nope",
            &[]
        )
        .await,
        Err(commerce::CommerceError::NotFound(_))
    ));
}

#[tokio::test]
async fn variant_picker_and_availability() {
    let (_dir, db) = demo_db().await;
    let size = product_option::Entity::find()
        .filter(product_option::Column::Code.eq("size"))
        .order_by_asc(product_option::Column::Id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let tr = product_translation::Entity::find()
        .filter(product_translation::Column::ProductId.eq(size.product_id))
        .filter(product_translation::Column::Locale.eq("pl"))
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    let page = browse::product(
        &db,
        &commerce::test_support::catalogue(&db).await,
        "pl",
        &tr.slug,
        &[],
    )
    .await
    .unwrap();
    assert_eq!(page.name, tr.name);
    assert!(!page.unmatched_selection);
    assert_eq!(page.availability.len(), 3, "WEB, ATH, KRK");
    assert!(page.availability[0].ships_online, "online stock first");
    let size_opt = page.options.iter().find(|o| o.code == "size").unwrap();
    assert_eq!(size_opt.values.iter().filter(|v| v.selected).count(), 1);

    // Choosing another size through its query selects a variant with that size.
    let other = size_opt
        .values
        .iter()
        .find(|v| !v.selected && v.combinable)
        .unwrap();
    let selection = browse::parse_selection(&other.query);
    let chosen = browse::product(
        &db,
        &commerce::test_support::catalogue(&db).await,
        "pl",
        &tr.slug,
        &selection,
    )
    .await
    .unwrap();
    assert!(!chosen.unmatched_selection);
    let chosen_size = chosen.options.iter().find(|o| o.code == "size").unwrap();
    assert_eq!(
        chosen_size.values.iter().find(|v| v.selected).unwrap().code,
        other.code
    );
    assert_ne!(chosen.variant.id, page.variant.id);
    let v = variant::Entity::find_by_id(chosen.variant.id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v.sku, chosen.variant.sku);
    assert!(chosen.variant.vat_rate_bp > 0);

    // A combination that does not exist is flagged, and a real variant is still shown.
    let odd = browse::product(
        &db,
        &commerce::test_support::catalogue(&db).await,
        "pl",
        &tr.slug,
        &[("size".into(), "XXXXL".into())],
    )
    .await
    .unwrap();
    assert!(odd.unmatched_selection);
}
