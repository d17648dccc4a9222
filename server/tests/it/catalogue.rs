//! The catalogue read model behind the shop's pages, across instances, and the HTTP caching of
//! pages and images.

use std::time::Instant;

use commerce::{
    catalog::admin,
    entity::enums::AdjustmentReason,
    inventory::{adjustments, Actor},
};

use crate::common::*;

/// The first product card's link and its text on a category page.
fn first_card(html: &str) -> Option<(&str, &str)> {
    let start = html.find("class=\"product-card")?;
    let card = &html[start..];
    let end = card[1..]
        .find("class=\"product-card")
        .map_or(card.len(), |e| e + 1);
    let card = &card[..end];
    let href = card.split("href=\"").nth(1)?.split('"').next()?;
    Some((href, card))
}

/// Two instances on one database (PostgreSQL when configured): a price change made through
/// one shows on the other's product and category pages, and so does the product selling out
/// everywhere (the test prints how soon; usually well under a second). The product page's
/// price is what the database holds.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_second_instance_shows_price_changes_and_sell_outs() {
    for backend in backends() {
        let testdb = TestDb::new(backend, true).await;
        let a = TestApp::start_in(&testdb, testdb.data_dir().join("instance-a")).await;
        let b = TestApp::start_in(&testdb, testdb.data_dir().join("instance-b")).await;
        let db = &a.db;
        // A one-variant product that is in stock.
        let live = commerce::test_support::catalogue(db).await;
        let p = live
            .products
            .values()
            .filter(|p| p.variants().len() == 1 && p.in_stock())
            .min_by_key(|p| p.id)
            .expect("a one-variant product in stock");
        let (pid, vid) = (p.id, p.variant(0).unwrap().id);
        let slug = p.slug(0).to_string();
        let cat_slug = live.categories.get(p.category_id).unwrap().texts[0]
            .slug
            .to_string();
        let client = b.client();
        let product_url = b.url(&format!("/p/{slug}"));
        let category_url = b.url(&format!("/c/{cat_slug}?sort=price_desc&page=1"));
        let (status, before) = get(&client, &product_url).await;
        assert_eq!(status, 200);
        assert!(!before.contains("9,876.54"));

        // The price: dearer than anything in the demo, so first by price on its category.
        admin::set_variant_price(db, vid, 987_654, None)
            .await
            .unwrap();
        let took = eventually(&client, &product_url, "the new price", |html| {
            html.contains("€9,876.54")
        })
        .await;
        eprintln!("{backend:?}: price on B's product page after {took:?}");
        eventually(
            &client,
            &category_url,
            "the product first by price",
            |html| {
                first_card(html).is_some_and(|(href, card)| {
                    href.ends_with(&format!("/p/{slug}")) && card.contains("9,876.54")
                })
            },
        )
        .await;
        let (_, page) = get(&client, &category_url).await;
        assert!(
            !first_card(&page).unwrap().1.contains("badge out"),
            "in stock before"
        );

        // Sold out everywhere: damaged, all of it.
        let sold_out_at = Instant::now();
        for l in live.places.locations.iter() {
            let left = commerce::inventory::level(db, l.id, vid)
                .await
                .unwrap()
                .available();
            if left > 0 {
                let input = adjustments::NewAdjustment {
                    location_id: l.id,
                    variant_id: vid,
                    change: -left,
                    reason: AdjustmentReason::Damaged,
                    note: None,
                };
                adjustments::adjust(db, &Actor::system(), input)
                    .await
                    .unwrap();
            }
        }
        let took = eventually(
            &client,
            &category_url,
            "the product sold out on its card",
            |html| first_card(html).is_some_and(|(_, card)| card.contains("badge out")),
        )
        .await;
        eprintln!(
            "{backend:?}: sold out on B's category page after {took:?} ({:?} since the first adjustment)",
            sold_out_at.elapsed()
        );
        // The product page reads stock live: nothing available anywhere, right away.
        let (_, page) = get(&client, &product_url).await;
        let snapshot = commerce::test_support::catalogue(db).await;
        assert!(!snapshot.product(pid).unwrap().in_stock());
        assert!(page.contains("€9,876.54"));

        a.stop().await;
        b.stop().await;
    }
}

/// Pages are compressed for clients that accept it and never stored by shared caches (each
/// carries the visitor's CSRF token); images revalidate with their `ETag` (`304`), and paths
/// that leave the images folder are 404s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_images_carry_their_caching_headers() {
    let testdb = TestDb::new(Backend::Sqlite, true).await;
    let app = TestApp::start(&testdb).await;
    let client = app.client();

    let r = client
        .get(app.url("/"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    assert_eq!(h["content-encoding"], "gzip");
    let cache = h["cache-control"].to_str().unwrap();
    assert!(
        cache.contains("private") && cache.contains("no-cache"),
        "{cache}"
    );
    let vary: Vec<String> = h
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap().to_ascii_lowercase())
        .collect();
    let vary = vary.join(",");
    assert!(
        vary.contains("cookie") && vary.contains("accept-encoding"),
        "{vary}"
    );
    let body = r.bytes().await.unwrap();
    assert_eq!(&body[..2], &[0x1f, 0x8b], "a gzip stream");

    let (_, home) = get(&client, &app.url("/")).await;
    let image = home
        .split("src=\"/images/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("an image on the home page");
    let url = app.url(&format!("/images/{image}"));
    let r = client.get(&url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let etag = r.headers()["etag"].clone();
    assert!(r.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("max-age"));
    let again = client
        .get(&url)
        .header("if-none-match", etag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    assert_eq!(again.headers()["etag"], etag);
    let other = client
        .get(&url)
        .header("if-none-match", "\"something-else\"")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200);
    for bad in [
        "/images/../stoa.db",
        "/images/%2e%2e/stoa.db",
        "/images/",
        "/images/products",
        "/images/.hidden",
    ] {
        let (status, _) = get(&client, &app.url(bad)).await;
        assert_eq!(status, 404, "{bad}");
    }
    app.stop().await;
}
